"""A saved web page -> the same-length plain view of its article text.

The page is read as a tolerant tree (unclosed and stray tags allowed), the
article is chosen (the largest <article>, else <main>, else <body>) and inside it
page furniture is left out: scripts, styles, navigation, forms, figures, cookie
banners, sharing bars and lists of links to other stories (see
``reconcile.data.html``). Every tag becomes spaces, a tag that ends a paragraph
a blank line, and an entity its character followed (or, after a word, preceded)
by spaces, so each offset of the view is an offset in the HTML file as written
and sentences are located at its line:column.

One pass of regular expressions in which every repetition either stops at a
character the next part cannot start with or runs to the end of the text: no
backtracking, time linear in the size of the page.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from reconcile.data import html as words
from reconcile.read.datelines import date_line

_TOKEN = re.compile(
    r"""
      (?P<comment><!--.*?(?:-->|\Z))
    | <[!?][^>]*(?:>|\Z)                            # doctype, processing instruction
    | <(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)
      (?P<attrs>(?:[^>"'=]|=\s*(?:"[^"]*(?:"|\Z)|'[^']*(?:'|\Z))?|["'])*)
      (?:>|\Z)
    | (?P<entity>&(?:\#[0-9]{1,7};?|\#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};))
    """,
    re.S | re.X,
)
_ATTR = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s"'>]*)))?""")
_WORD_SPLIT = re.compile(r"[-_\s]+")
_SPACE = re.compile(r"\s")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    start: int  # of the start tag
    end: int = -1  # after the end tag (or where the element was closed)
    parent: _Node | None = None
    children: list[_Node] = field(default_factory=list)
    text: int = 0  # characters of text inside, white space left out
    link_text: int = 0  # of which inside <a>


@dataclass(frozen=True)
class Page:
    """What ``read`` makes of a page."""

    plain: str  # same length as the page text
    excluded: tuple[tuple[int, int, str], ...]  # (start, end, why): page furniture left out
    published: date | None  # from the page's metadata


def is_html(text: str) -> bool:
    """Whether text with no telling file name is a web page (standard input, no suffix)."""
    head = text[:1024].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower()


def read(text: str) -> Page:
    """The plain view of a page: its article's text in place, everything else blank."""
    root, pieces, breaks = _parse(text)
    article = _article(root)
    excluded: list[tuple[int, int, str]] = []
    if article is not root:
        if article.start > 0:
            excluded.append((0, article.start, "outside the article"))
        if article.end < len(text):
            excluded.append((article.end, len(text), "outside the article"))
    _furniture(article, article.text, excluded, inside_article=article is not root and article.tag != "body")
    excluded.sort()
    return Page(_view(text, pieces, breaks, excluded), tuple(excluded), _published(root))


# -- the tree ------------------------------------------------------------------

_Piece = tuple[int, int, str | None]  # (start, end, entity value or None for text as is)


def _parse(text: str) -> tuple[_Node, list[_Piece], list[tuple[int, int, str]]]:
    """The element tree, the text pieces in order, and where blocks break the text."""
    root = _Node("#document", {}, 0, len(text))
    stack = [root]
    pieces: list[_Piece] = []
    breaks: list[tuple[int, int, str]] = []  # (start, end of a tag, "\n\n" or "\n")
    links = 0  # <a> elements open
    pos = 0
    n = len(text)
    while pos < n:
        m = _TOKEN.search(text, pos)
        stop = m.start() if m else n
        if stop > pos:
            _add_text(stack[-1], pieces, text, pos, stop, None, links > 0)
        if not m:
            break
        pos = m.end()
        if m.group("entity"):
            value = _html.unescape(m.group("entity"))
            known = value != m.group("entity")  # "&unknown;" is text as written
            _add_text(stack[-1], pieces, text, m.start(), m.end(), value if known else None, links > 0)
            continue
        name = (m.group("name") or "").lower()
        if not name:
            continue  # comment, doctype
        if name in words.BLOCK_TAGS or name == "br":
            breaks.append((m.start(), m.end(), "\n" if name == "br" else "\n\n"))
        if m.group("close"):
            if name == "a" and links and any(node.tag == "a" for node in stack):
                links -= 1
            _close(stack, name, m.start(), m.end())
            continue
        while stack[-1].tag in words.IMPLIED_END.get(name, ()):
            stack.pop().end = m.start()
        node = _Node(name, _attributes(m.group("attrs")), m.start(), parent=stack[-1])
        stack[-1].children.append(node)
        if name in words.RAW_TEXT_TAGS:
            closing = re.compile(rf"</{re.escape(name)}[\s/>]|\Z", re.I).search(text, pos)
            assert closing is not None  # \Z always matches
            gt = text.find(">", closing.start())
            pos = n if closing.start() == n or gt == -1 else gt + 1
            node.end = pos
        elif name in words.VOID_TAGS or m.group("attrs").rstrip().endswith("/"):
            node.end = pos
        else:
            stack.append(node)
            links += name == "a"
    for node in stack[1:]:
        node.end = n
    _total(root)
    return root, pieces, breaks


def _add_text(node: _Node, pieces: list[_Piece], text: str, a: int, b: int, value: str | None, link: bool) -> None:
    pieces.append((a, b, value))
    count = len(value.strip()) if value is not None else b - a - len(_SPACE.findall(text, a, b))
    node.text += count
    if link:
        node.link_text += count


def _close(stack: list[_Node], name: str, start: int, end: int) -> None:
    """An end tag closes its element and any left open inside it; a stray one nothing."""
    for i in range(len(stack) - 1, 0, -1):
        if stack[i].tag == name:
            for node in stack[i + 1 :]:
                node.end = start
            stack[i].end = end
            del stack[i:]
            return


def _attributes(raw: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in _ATTR.finditer(raw):
        key = m.group(1).lower()
        if key not in out:
            value = next((v for v in m.group(2, 3, 4) if v is not None), "")
            out[key] = _html.unescape(value)
    return out


def _total(root: _Node) -> None:
    """Add each element's text to its ancestors' (children before parents, no recursion)."""
    order: list[_Node] = []
    todo = [root]
    while todo:
        node = todo.pop()
        order.append(node)
        todo.extend(node.children)
    for node in reversed(order):
        if node.parent is not None:
            node.parent.text += node.text
            node.parent.link_text += node.link_text


def _walk(root: _Node) -> Iterator[_Node]:
    """Elements in document order (no recursion: pages nest deeply)."""
    todo = [root]
    while todo:
        node = todo.pop()
        yield node
        todo.extend(reversed(node.children))


# -- what is the article --------------------------------------------------------


def _article(root: _Node) -> _Node:
    """The element holding the article: the largest by text of those marked as the
    article (<article>, a schema.org Article type, a microformat entry), else of
    <main> and role="main", else <body>."""
    marked: list[_Node] = []
    main: list[_Node] = []
    body = root
    for node in _walk(root):
        if node.tag == "body" and body is root:
            body = node
        itemtype = node.attrs.get("itemtype", "").rstrip("/").rsplit("/", 1)[-1].lower()
        classes = set(node.attrs.get("class", "").lower().split())
        if node.tag == "article" or itemtype in words.ARTICLE_TYPES or classes & words.ARTICLE_CLASSES:
            marked.append(node)
        elif node.tag == "main" or node.attrs.get("role") == "main":
            main.append(node)
    return max(marked or main or [body], key=lambda node: node.text)


def _furniture(node: _Node, article_text: int, out: list[tuple[int, int, str]], inside_article: bool) -> None:
    """Leave out the page furniture among ``node``'s descendants."""
    todo = [(child, inside_article) for child in reversed(node.children)]
    while todo:
        child, inside = todo.pop()
        why = _why_dropped(child, article_text, inside)
        if why:
            out.append((child.start, child.end, why))
            continue
        inside = inside or child.tag == "article"
        todo.extend((c, inside) for c in reversed(child.children))


def _why_dropped(node: _Node, article_text: int, inside_article: bool) -> str:
    tag, attrs = node.tag, node.attrs
    if tag in words.DROPPED_TAGS:
        return words.DROPPED_TAGS[tag]
    if tag in words.SITE_ONLY_TAGS and not inside_article:
        return words.SITE_ONLY_TAGS[tag]
    if "hidden" in attrs or attrs.get("aria-hidden") == "true" or _HIDDEN_STYLE.search(attrs.get("style", "")):
        return "hidden"
    if 2 * node.text >= article_text:
        return ""  # a wrapper of the story, whatever its name
    role = attrs.get("role", "")
    if role in words.DROPPED_ROLES:
        return words.DROPPED_ROLES[role]
    for name in (*attrs.get("class", "").split(), attrs.get("id", "")):
        name = name.lower()
        for word in (name, *_WORD_SPLIT.split(name)):
            if word in words.DEBRIS_WORDS:
                return words.DEBRIS_WORDS[word]
    if node.text and node.link_text > words.MAX_LINK_SHARE * node.text and (
        tag in words.LIST_TAGS or tag in words.BLOCK_TAGS
    ):
        return "related links" if tag in words.LIST_TAGS else "links"
    return ""


# -- the view --------------------------------------------------------------------


def _view(text: str, pieces: list[_Piece], breaks: list[tuple[int, int, str]], excluded: list[tuple[int, int, str]]) -> str:
    """Spaces everywhere but the kept text; blank lines where blocks break."""
    out: list[str] = []
    pos = 0  # written up to here
    cut = 0  # index into excluded (sorted by start)
    dropped_until = 0
    events = sorted([(a, b, v, False) for a, b, v in pieces] + [(a, b, v, True) for a, b, v in breaks])
    for a, b, value, is_break in events:
        while cut < len(excluded) and excluded[cut][0] <= a:
            dropped_until = max(dropped_until, excluded[cut][1])
            cut += 1
        if is_break:
            chunk = value.ljust(b - a)  # type: ignore[union-attr]
        elif a < dropped_until:
            continue
        elif value is None:
            chunk = _CONTROL.sub(" ", text[a:b]).replace("\n", " ")
        elif _joins_before(out[-1][-1:] if out else "", text[b : b + 1], value):
            chunk = value.ljust(b - a)  # "deepen&rdquo;", "caf&eacute;": stays with the word before
        else:
            chunk = value.rjust(b - a)  # "&ldquo;continue", "Micron&rsquo;s": with the word after
        if a > pos:
            out.append(" " * (a - pos))
        out.append(chunk)
        pos = b
    out.append(" " * (len(text) - pos))
    plain = "".join(out)
    assert len(plain) == len(text)
    return plain


def _joins_before(before: str, after: str, value: str) -> bool:
    """Whether an entity's character belongs to what stands before it in the view
    rather than after it (the spaces padding it go on the other side): "deepen&rdquo;",
    "Micron,&rdquo;", "caf&eacute;" but "&ldquo;We". Inside a word ("Micron&rsquo;s")
    a gap is unavoidable; a letter stays with the start of its word."""
    joined_before = bool(before) and not before.isspace()
    joined_after = bool(after) and not after.isspace() and after != "<"
    return joined_before and (not joined_after or value.isalnum())


# -- metadata --------------------------------------------------------------------


def _published(root: _Node) -> date | None:
    """The publication date a page's metadata states, if any."""
    found: dict[str, str] = {}
    first_time = ""
    for node in _walk(root):
        attrs = node.attrs
        if node.tag == "meta":
            key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if key in words.PUBLISHED_META:
                found.setdefault(key, attrs.get("content", ""))
        elif attrs.get("itemprop", "").lower() == "datepublished":
            found.setdefault("datepublished", attrs.get("content") or attrs.get("datetime", ""))
        elif node.tag == "time" and not first_time:
            first_time = attrs.get("datetime", "")
    for value in [*(found.get(key, "") for key in words.PUBLISHED_META), first_time]:
        day = _meta_date(value)
        if day is not None:
            return day
    return None


def _meta_date(value: str) -> date | None:
    """ISO ("2013-05-03T11:00:00Z", anything after the day ignored) or as a date
    line prints it ("Tue, 12 Nov 2013 10:00:00 GMT", "05/03/2013 11:00 AM")."""
    m = _ISO_DATE.match(value)
    if m is None:
        return date_line(value.strip()) if value.strip() else None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
