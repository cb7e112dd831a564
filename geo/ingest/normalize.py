"""Plan text -> normalized text: one paragraph per line, page furniture gone, punctuation canonical.

Spans of extracted roles refer to this text. Traditional characters are kept (quotes show the
original); matching runs on `simplified()`, which maps character for character so spans agree.
"""
from __future__ import annotations

import html
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
_HEADING = re.compile(
    r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百]+[章节条部分])"
)
_PAGE_NUMBER = re.compile(r"^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|－{3,})\s*\d+\s*$")
_TITLE_END = re.compile(r"(?:行动计划|行动方案|实施方案|若干措施|发展规划|规划|的意见|的通知|工作方案)(?:[（(][^）)]*[）)])*$")
_SENTENCE_END = "。！？；：…”」』"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}{_CJK_PUNCT}])[ \t\u00a0]+|[ \t\u00a0]+(?=[{_CJK}{_CJK_PUNCT}])")
_HALF_PUNCT = {"(": "（", ")": "）", ";": "；", "?": "？", "!": "！"}


def html_to_text(markup: str) -> str:
    """Body text of a web page: scripts, styles and navigation dropped, blocks on their own lines."""
    markup = re.sub(r"(?is)<(script|style|nav|header|footer|noscript|select)\b.*?</\1\s*>", "\n", markup)
    markup = re.sub(r"(?is)<!--.*?-->", "", markup)
    markup = re.sub(r"(?i)<br\s*/?>|</?(?:p|div|li|tr|h[1-6]|table|section|article)\b[^>]*>", "\n", markup)
    return html.unescape(re.sub(r"(?s)<[^>]+>", "", markup))


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef"


def _canonical_chars(text: str) -> str:
    """Full-width letters and digits to ASCII; half-width punctuation next to Chinese text to its Chinese form."""
    out = []
    for i, ch in enumerate(text):
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            out.append(chr(code - 0xFEE0))
        elif ch in "\u3000\u00a0":
            out.append(" ")
        elif ch in _HALF_PUNCT:
            near_cjk = any(_is_cjk(c) for c in "".join(out[-1:]) + text[i + 1 : i + 2])
            out.append(_HALF_PUNCT[ch] if near_cjk else ch)
        elif ch in ",:":
            prev, nxt = text[i - 1 : i], text[i + 1 : i + 2]
            between_digits = prev.isdigit() and nxt.isdigit()
            out.append(ch if between_digits else {",": "，", ":": "："}[ch])
        else:
            out.append(ch)
    return "".join(out)


def _clean_lines(text: str) -> list[str]:
    lines = [_SPACE_NEAR_CJK.sub("", ln).strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not _PAGE_NUMBER.match(ln) and not _TOC_LINE.search(ln)]
    return _drop_running_headers(lines, text)


def _drop_running_headers(lines: list[str], raw: str) -> list[str]:
    """Short lines that recur next to page numbers are running headers or footers."""
    raw_lines = [ln.strip() for ln in raw.splitlines()]
    near_page: Counter[str] = Counter()
    for i, ln in enumerate(raw_lines):
        if ln and _PAGE_NUMBER.match(ln):
            for j in range(max(0, i - 3), min(len(raw_lines), i + 4)):
                cand = _SPACE_NEAR_CJK.sub("", raw_lines[j])
                if cand and len(cand) <= 40 and not _PAGE_NUMBER.match(cand) and not _HEADING.match(cand):
                    near_page[cand] += 1
    headers = {ln for ln, n in near_page.items() if n >= 3}
    return [ln for ln in lines if ln not in headers]


def _is_heading(line: str) -> bool:
    """Numbered headings and title lines stand alone even without closing punctuation."""
    if len(line) <= 80 and _TITLE_END.search(line):
        return True
    return bool(_HEADING.match(line)) and len(line) <= 30 and "。" not in line


def _paragraphs(lines: list[str]) -> list[str]:
    """Re-join lines that a PDF broke inside a sentence or a word."""
    paras: list[str] = []
    current = ""
    for line in lines:
        if current and (_is_heading(current) or _HEADING.match(line) or current[-1] in _SENTENCE_END):
            paras.append(current)
            current = line
        else:
            current += line
    if current:
        paras.append(current)
    return paras


def normalize(raw: str, is_html: bool = False) -> str:
    """The normalized text every span refers to: one paragraph per line."""
    text = html_to_text(raw) if is_html else raw
    text = _canonical_chars(text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(_paragraphs(_clean_lines(text))) + "\n"


def read_plan_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8", errors="replace")
    looks_html = path.suffix.lower() in {".html", ".htm"} or raw.lstrip()[:15].lower().startswith(("<!doctype", "<html"))
    return normalize(raw, is_html=looks_html)


@lru_cache(maxsize=1)
def _ts_table() -> dict[int, str]:
    """Traditional -> simplified, one character for one (OpenCC's TSCharacters, Apache-2.0)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        src, _, dst = line.partition("\t")
        first = dst.split(" ")[0] if dst else ""
        if len(src) == 1 and len(first) == 1:
            table[ord(src)] = first
    return table


def simplified(text: str) -> str:
    """Same length as `text`, traditional characters replaced by simplified ones."""
    return text.translate(_ts_table())
