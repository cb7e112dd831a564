"""Web pages -> text: the article's blocks on their own lines, page scripts, navigation and furniture dropped."""
from __future__ import annotations

import html
import re

_DROP_ELEMENTS = re.compile(
    r"(?is)<(script|style|nav|header|footer|aside|noscript|select|button|form|iframe|template)\b.*?</\1\s*>"
)
_BLOCK = re.compile(r"(?i)<br\s*/?>|</?(?:p|div|li|tr|td|th|h[1-6]|table|section|article|ul|ol|dd|dt)\b[^>]*>")


def html_to_text(markup: str) -> str:
    """Body text of a web page: scripts, styles and navigation dropped, blocks on their own lines."""
    markup = _DROP_ELEMENTS.sub("\n", markup)
    markup = re.sub(r"(?s)<!--.*?-->", "", markup)
    markup = _BLOCK.sub("\n", markup)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "", markup))
