"""What of a saved web page is not the article: elements, roles and class names.

Used by ``reconcile.read.html``. Tag names are lower case. Add a class word here when a
new site's furniture (a cookie banner, a "more stories" box) shows up as a claim.
"""

from __future__ import annotations

DROPPED_TAGS: dict[str, str] = {
    # never text a reader sees as the article
    "head": "page head",
    "script": "script",
    "style": "style",
    "noscript": "script",
    "template": "script",
    "svg": "graphic",
    "math": "graphic",
    "canvas": "graphic",
    "iframe": "embed",
    "object": "embed",
    "embed": "embed",
    "video": "embed",
    "audio": "embed",
    # page furniture
    "nav": "navigation",
    "footer": "footer",
    "aside": "aside",
    "form": "form",
    "button": "form",
    "select": "form",
    "textarea": "form",
    "dialog": "dialog",
    "menu": "navigation",
    "figure": "figure",  # a photo and its caption: the caption repeats the story or credits it
    "figcaption": "figure",
}

SITE_ONLY_TAGS: dict[str, str] = {"header": "site header"}
"""Dropped only outside the article: an article's own <header> holds its headline and date."""

RAW_TEXT_TAGS: frozenset[str] = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"}
)
"""Their content is text up to the closing tag, never markup (a "<" in a script is no tag)."""

VOID_TAGS: frozenset[str] = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
)

BLOCK_TAGS: frozenset[str] = frozenset(
    {
        "address", "article", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
"""A tag of these ends a paragraph: the plain view gets a blank line in its place."""

IMPLIED_END: dict[str, frozenset[str]] = {
    "p": frozenset({"p"}),
    "li": frozenset({"li", "p"}),
    "dt": frozenset({"dt", "dd", "p"}),
    "dd": frozenset({"dt", "dd", "p"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}
"""A start tag that closes these when they are the innermost open element (<li>a<li>b)."""

ARTICLE_TYPES: tuple[str, ...] = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "report")
"""schema.org types (the end of an itemtype URL, lower case) of an element that is the article."""

ARTICLE_CLASSES: frozenset[str] = frozenset({"hentry", "h-entry"})
"""Microformat classes of the element that is the article (blogs)."""

LIST_TAGS: frozenset[str] = frozenset({"ul", "ol", "dl", "table"})

DROPPED_ROLES: dict[str, str] = {
    "navigation": "navigation",
    "banner": "site header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "menu": "navigation",
    "menubar": "navigation",
    "toolbar": "navigation",
}

DEBRIS_WORDS: dict[str, str] = {
    word: why
    for why, words in (
        ("cookie banner", ("cookie", "cookies", "consent", "gdpr", "cmp", "onetrust", "privacy-banner")),
        ("related links", ("related", "recommended", "recirc", "recirculation", "more-stories", "trending",
                           "popular", "most-read", "outbrain", "taboola", "read-more", "readmore", "also-read")),
        ("sharing", ("share", "sharing", "social", "sharebar", "share-buttons")),
        ("newsletter", ("newsletter", "subscribe", "subscription", "signup", "sign-up", "paywall", "promo")),
        ("advertisement", ("ad", "ads", "advert", "advertisement", "adslot", "ad-slot", "sponsored", "dfp")),
        ("navigation", ("nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "pagination", "skip-link", "pager")),
        ("footer", ("footer",)),
        ("comments", ("comments", "comment-section", "disqus")),
        ("sidebar", ("sidebar", "rail", "widget")),
        ("dialog", ("modal", "popup", "overlay")),
        ("tags", ("tags", "tag-list", "topics", "labels")),
        ("author box", ("author-bio", "bio")),
    )
    for word in words
}  # fmt: skip
"""Words of a class or id (split at spaces, "_" and "-", and also taken whole) that
mark page furniture. Only an element holding less than half the article's text is
dropped for them: a wrapper named "page has-sidebar" still holds the story."""

MAX_LINK_SHARE: float = 0.6
"""A list (or any block) whose text is mostly link text is a list of other articles."""

PUBLISHED_META: tuple[str, ...] = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "parsely-pub-date",
    "sailthru.date",
)
"""<meta property|name|itemprop=...> keys whose content is the publication date, best first."""
