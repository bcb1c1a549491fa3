"""News page debris: whole lines that are never a claim of the article.

Each entry is a regular expression matched against a whole line (case-insensitive,
surrounding white space and decoration such as dashes, bullets, brackets ignored).
Add a line here when a new site's furniture shows up as a claim.
"""

from __future__ import annotations

LINES: tuple[str, ...] = (
    # advertising and page furniture
    r"advertisements?|advert|ad|sponsored(?: content)?|promoted(?: content)?|paid content",
    r"(?:story|article) continues (?:below|after (?:this )?advertisement)(?: advertisement)?",
    r"continue reading(?: (?:below|the main story))?",
    r"skip to (?:main )?content|back to top|loading\W*|trending(?: now)?|most (?:read|popular)",
    r"top stories|latest news|breaking(?: news)?|live updates",
    r"listen to (?:this )?(?:article|story).{0,40}|\d+ min(?:ute)?s? read",
    r"comments?|leave a comment|add (?:a )?comment|view comments|\d+ comments?",
    # sharing and newsletters
    r"share(?: this)?(?: (?:article|story|page|post))?(?: on .{1,40}| via .{1,40})?",
    r"(?:tweet|email|e-mail|print|facebook|twitter|x|linkedin|whatsapp|reddit|telegram|copy link)",
    r"send this (?:page|article|story) to someone via e-?mail",
    r"(?:subscribe|sign up)(?: now| today)?(?: (?:to|for) .{0,60})?",
    r"follow us on .{1,60}|download (?:the|our) .{1,40} app.{0,40}",
    r"click here\b.{0,120}",
    # links to other articles
    r"(?:also read|read (?:more|also|next)|see also|watch|recommended(?: for you)?|related(?: articles?| stories| news| coverage)?)(?:\s*[:|\-–—].{0,200})?",
    # agency credits and bylines
    r"\(?\s*with inputs from .{1,80}?\)?",
    r"(?:reporting|writing|editing|additional reporting) by .{1,200}",
    r"our standards:? the thomson reuters trust principles\.?",
    r"(?:file )?(?:photo|image|picture|video|graphic)s?(?: credit)?\s*[:|/\-–—].{1,80}",
    r"(?:[\w .'-]{1,40}/\s*)?(?:reuters|afp|ap|getty images|bloomberg|xinhua|ani|pti|ians|epa|efe)(?:\s*/\s*[\w .'-]{1,40})?(?: photo)?",
    r"by (?-i:[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:,? (?:and|&) [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})?)"
    r"(?:\s*[,|/\-–—]\s*[\w .'’&-]{1,40})?",  # "By Joanna Pellegrini, Staff Writer"
    # rights
    r"(?:©|\(c\)|copyright)\s*.{0,120}|all rights reserved\.?",
)

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
DATELINE: str = (
    r"[A-Z][^()\n]{0,60}?\((?:reuters|ap|afp|bloomberg|xinhua|cnn|pti|ani|ians|upi|dpa|efe)\)\s*[-–—]+\s*"
    rf"|[A-Z][\w.'’]*(?: [\w.'’]+){{0,3}}(?:,\s*|\s*[-–—]\s*){_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"(?:\s*\([A-Z][A-Za-z]{1,9}\))?\s*[-–—]+(?:\s+(?!\d)|\s*$)"
)
"""A dateline at the start of a paragraph, an agency's ("BEIJING, Nov 3 (Reuters) - ")
or a place and a day, with any agency's short name ("Mumbai, Nov 11 - ", "WASHINGTON-April
27 - ", "HARWICK, Nov 13 (PCNA) - "), also on a line of
its own above the story: blanked so the sentence starts with its first real word, and its
day is no fact of the claim."""
