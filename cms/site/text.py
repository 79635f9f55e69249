"""Plain text from HTML, for outputs that are not HTML (iCalendar, feeds' plain fields)."""

from __future__ import annotations

import html
import re

from django.utils.html import strip_tags

#: Elements after which a reader expects a line break.
BLOCK_END = re.compile(r"</(p|div|h[1-6]|li|blockquote|tr|figure|figcaption)>|<br\s*/?>", re.I)


def plain_text(markup: str) -> str:
    """``markup`` without tags and with entities decoded (``&lt;`` becomes ``<``), one
    line per block, so a calendar program shows what the reader sees on the page."""
    text = BLOCK_END.sub("\n", markup)
    text = html.unescape(strip_tags(text))
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
