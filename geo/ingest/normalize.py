"""Plan text -> normalized text: one paragraph per line, page furniture gone, punctuation canonical.

Spans of extracted roles refer to this text. Traditional characters are kept (quotes show the
original); matching runs on `simplified()`, which maps character for character so spans agree.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from geo.ingest.html import FOOTER_WORDS, FURNITURE_PREFIXES, FURNITURE_WORDS, html_to_text, is_furniture

_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_PUNCT = r"\u3000-\u303f\uff00-\uffef“”‘’—…·"
# Anchored by match(), and after a line break in `_paragraphs`' pattern.
_HEADING = re.compile(
    r"(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|\d{1,2}[.．、](?!\d)|第[一二三四五六七八九十百]+[章节条部分])"
)
# Characters of traditional text that furniture and title words contain: only such lines are simplified to check.
_TRADITIONAL_FURNITURE_CHARS = "來發責編輯關閉號體載頁權轉閱覽時間首當導覽"
_TRADITIONAL_FURNITURE = re.compile(f"[{_TRADITIONAL_FURNITURE_CHARS}]")
_TRADITIONAL_TITLE_CHARS = "規劃計動實見發"
_TRADITIONAL_TITLE = re.compile(f"[{_TRADITIONAL_TITLE_CHARS}]")
_PAGE_NUMBER = re.compile(r"^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
_TOC_LINE = re.compile(r"(?:\.{4,}|…{2,}|·{4,}|－{3,})\s*\d+\s*$")
_TITLE_WORDS = ("行动计划", "行动方案", "实施方案", "若干措施", "发展规划", "规划", "的意见", "的通知", "工作方案")
_TITLE_END = re.compile(f"(?:{'|'.join(_TITLE_WORDS)})" + r"(?:[（(][^）)]*[）)])*$")
# The last characters a title can end with: a line ending otherwise needs no search (的 and 发 are everywhere).
_TITLE_LAST = frozenset(w[-1] for w in _TITLE_WORDS) | {"）", ")"}
_SENTENCE_END = "。！？；：…”」』"


def _char_table() -> dict[int, str]:
    """One character for one: full-width letters and digits to ASCII, wide spaces to a space, and the radical and
    compatibility code points that PDF text layers put in place of ordinary ideographs (⼯ for 工, ⺠ for 民)."""
    table = {c: chr(c - 0xFEE0) for lo, hi in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(lo, hi + 1)}
    table.update({c: " " for c in (0x3000, 0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F)})
    # Kangxi radicals and CJK compatibility ideographs decompose (NFKC) to one ordinary ideograph each.
    for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAD9), (0x2F800, 0x2FA1D), (0x2E80, 0x2EF3)):
        for c in range(lo, hi + 1):
            to = unicodedata.normalize("NFKC", chr(c))
            if len(to) == 1 and to != chr(c):
                table[c] = to
    table.update({ord(k): v for k, v in _RADICAL_SUPPLEMENT.items()})
    return table


# CJK Radicals Supplement characters that stand for a whole simplified character but have no decomposition
# (only ⺟ and ⻳ do). Pairs from Unicode's EquivalentUnifiedIdeograph.txt; the ones PDF text layers produce were
# checked on Chromium PDFs in Noto Sans CJK read by pdfminer (⺠⻅⻆⻉⻋⻓⻔⻘⻚⻛⻜⻝⻢⻣⻥⻨⻩⻬⻰).
_RADICAL_SUPPLEMENT = {
    "⺠": "民", "⻁": "虎", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车", "⻓": "长", "⻔": "门",
    "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食", "⻢": "马", "⻣": "骨", "⻤": "鬼",
    "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄", "⻪": "黾", "⻬": "齐", "⻮": "齿", "⻰": "龙",
}
_CHARS = _char_table()
# The ranges _CHARS maps from; a class of ranges is fast where one of 1,300 single characters is not.
_MAPPED_BMP = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\u3000\u00a0\u2000-\u200a\u202f\u205f\u2e80-\u2fdf\uf900-\ufaff"
# Runs are written [x][x]*, not [x]+: only a pattern that opens with a class lets the engine skip to candidates. An
# astral range in a class halves the engine's speed, so text without astral characters gets a class without one.
_MAPPED = tuple(re.compile(f"[{c}][{c}]*") for c in (_MAPPED_BMP, _MAPPED_BMP + "\U0002f800-\U0002fa1f"))
_HALF_PUNCT_CHARS = "();?!"
# One literal each: the engine scans for a literal many times faster than for a class of two.
_COMMA = re.compile(",")
_COLON = re.compile(":")
_NEAR_CJK = re.compile(rf"[{_CJK}\u3000-\u303f\uff00-\uffef]")
_TO_CHINESE = {"(": "（", ")": "）", ";": "；", "?": "？", "!": "！", ",": "，", ":": "："}
# Pinyin glosses that mirror sites add after characters: 區(qū), 发(fā)展. Only tone-marked lowercase syllables,
# so (AI), (2022) and (5G) stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(rf"[(（]\s*[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*(?:\s+[a-zü{_TONED}]+)*\s*[)）]")
# E-paper text runs a whole article on one line: a heading after a sentence end starts a new line. One pattern
# per sentence end, each opening with its literal: the lookahead never reads past a 。, so the order is free.
_RUN_IN_HEADINGS = tuple(
    (end, re.compile(end + r"(?=[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百]+[章节条])"))
    for end in "。！？"
)
_LINE_BREAK_CHARS = "\r\v\x1c\x1d\x1e\x85\u2028\u2029"
# Every character that a pass of `_prepared` other than the one for spaces acts on, and the tab: one scan for a
# class finds which passes a text needs, where a str.find for each of 40 characters, or a scan for each class, costs
# several times as much. Glosses may drop some of them: then a pass changes nothing.
_RARE_PASS_CHARS = _HALF_PUNCT_CHARS + _TONED + _LINE_BREAK_CHARS + ",:\f\t｜"
_RARE_CHARS = _MAPPED_BMP + re.escape(_RARE_PASS_CHARS)
_RARE = tuple(re.compile(f"[{c}]") for c in (_RARE_CHARS, _RARE_CHARS + "\U0002f800-\U0002fa1f"))
_NOT_MAPPED = frozenset(_RARE_PASS_CHARS)

# Every pattern below starts with a literal character class, so the regex engine skips ahead to candidates
# instead of trying each position; the few matches are then judged by their neighbours in Python.


def _drop_gloss(m: re.Match[str]) -> str:
    before = m.string[m.start() - 1 : m.start()]
    return "" if before and "\u3400" <= before <= "\u9fff" else m.group()


def _comma_colon(m: re.Match[str]) -> str:
    """, and : become Chinese unless between digits (1,000; 10:30)."""
    i, s = m.start(), m.string
    return m.group() if s[i - 1 : i].isdigit() and s[i + 1 : i + 2].isdigit() else _TO_CHINESE[m.group()]


def _half_punct(text: str) -> str:
    """( ) ; ? ! next to Chinese text become Chinese. Runs of them are found with str.find, which is many times
    faster than the engine's scan for a class. A run after Chinese text turns Chinese whole (each character follows
    one already Chinese); otherwise only its last character may, when Chinese text follows the run."""
    found = sorted(i for c in _HALF_PUNCT_CHARS for i in _positions(text, c))
    runs: list[list[int]] = []
    for i in found:
        if runs and runs[-1][1] == i:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1])
    pieces, done = [], 0
    for start, end in runs:
        if _NEAR_CJK.match(text[start - 1 : start]):
            converted = "".join(_TO_CHINESE[c] for c in text[start:end])
        elif _NEAR_CJK.match(text[end : end + 1]):
            converted = text[start : end - 1] + _TO_CHINESE[text[end - 1]]
        else:
            continue
        pieces += (text[done:start], converted)
        done = end
    return "".join([*pieces, text[done:]]) if pieces else text


def _positions(text: str, c: str) -> Iterator[int]:
    """Where `c` occurs in `text`: str.find skips ahead with memchr."""
    i = text.find(c)
    while i >= 0:
        yield i
        i = text.find(c, i + 1)


def _canonical_chars(text: str, rare: set[str]) -> str:
    """Full-width letters and digits to ASCII, radicals to ideographs, pinyin glosses dropped, half-width
    punctuation next to Chinese text to its Chinese form, run-in headings on new lines. `rare` holds the text's
    characters of `_RARE`: most plans need neither mapping, nor glosses dropped, nor half-width punctuation."""
    if not rare <= _NOT_MAPPED:
        text = _MAPPED[may_be_astral(text)].sub(lambda m: m.group().translate(_CHARS), text)
    if not rare.isdisjoint(_TONED):
        text = _PINYIN_GLOSS.sub(_drop_gloss, text)
    if "," in rare:
        text = _COMMA.sub(_comma_colon, text)
    if ":" in rare:
        text = _COLON.sub(_comma_colon, text)
    if not rare.isdisjoint(_HALF_PUNCT_CHARS):
        text = _half_punct(text)
    for end, pattern in _RUN_IN_HEADINGS:
        if end in text:  # ！ and ？ are rare in plans: a find is cheaper than a pass of the engine
            text = pattern.sub(end + "\n", text)
    return text


# Line and space patterns start with a character class, so the engine skips ahead to candidates; a pattern that
# starts with an alternative or an assertion is tried at every position and costs ten times as much.
_LINE_BREAK = re.compile(f"[{_LINE_BREAK_CHARS}]")
_KEPT_BETWEEN = rf"[^{_CJK}{_CJK_PUNCT}\n]"
# A run of spaces or tabs goes at line edges and next to Chinese text; between Latin words or numbers it stays. The
# run's first character is matched, then either nothing kept stands before it or nothing kept follows the run.
_SPACE_RUN_REST = rf"(?:(?<!{_KEPT_BETWEEN}[ \t])[ \t]*|[ \t]*(?!{_KEPT_BETWEEN}))"
_DROPPED_SPACE = re.compile(r"[ \t]" + _SPACE_RUN_REST)
# The same for text without tabs, opening with a literal space: the engine scans for a literal four times faster.
_DROPPED_SPACE_NO_TAB = re.compile(" " + _SPACE_RUN_REST)


def _prepared(text: str) -> str:
    """Canonical characters, one kind of line break, spaces gone at line edges and next to Chinese text; a form
    feed (a PDF page break) becomes a line of its own that marks the page edge."""
    rare = set(_RARE[may_be_astral(text)].findall(text))
    text = _canonical_chars(text, rare)
    if not rare.isdisjoint(_LINE_BREAK_CHARS):
        text = _LINE_BREAK.sub("\n", text.replace("\r\n", "\n"))
    if "\f" in rare:
        text = text.replace("\f", "\n\f\n")
    if "｜" in rare:
        text = text.replace("｜", "|")  # a table typed with full-width bars between its cells
    if ("\t" in rare or "  " in text) and _has_inner_gap(text):
        text = _table_cells(text)
    if " " in text:
        text = _spaced_rows(text)
    return (_DROPPED_SPACE if "\t" in rare else _DROPPED_SPACE_NO_TAB).sub("", text)


# Cell gaps of a table copied as text, inside a line (not at its edges): tabs, or in a line without tabs any run of
# spaces once the line holds two wide ones (a PDF's columns; justified prose has no run of two), or one and no other.
_TAB_GAP = re.compile(r"(?<=\S)[ ]*\t[ \t]*(?=\S)")
_WIDE_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")
_SPACE_GAP = re.compile(r"(?<=\S) +(?=\S)")
_SINGLE_SPACE = re.compile(r"(?<=\S) (?=\S)")  # a line of two cells has no other space between words


def _has_inner_gap(text: str) -> bool:
    """Whether a tab or a wide run of spaces stands between words somewhere: most texts' runs are indents. A find
    per run; a regex for the same is tried at every position and costs eight times as much."""
    for gap in ("\t", "  "):
        at = text.find(gap)
        while at >= 0:
            end = at + len(gap)
            while end < len(text) and text[end] in " \t":
                end += 1
            if at and not text[at - 1].isspace() and end < len(text) and not text[end].isspace():
                return True
            at = text.find(gap, end)
    return False


def _cell_gaps(line: str) -> re.Pattern[str] | None:
    """The pattern of the line's cell gaps, if it may be a table row."""
    if "\t" in line:
        return _TAB_GAP if _TAB_GAP.search(line) else None
    wide = len(_WIDE_GAP.findall(line)) if "  " in line else 0
    return _SPACE_GAP if wide >= 2 or (wide == 1 and not _SINGLE_SPACE.search(line)) else None


def _table_cells(text: str) -> str:
    """Lines whose cells are set apart by tabs or spaces, next to a line with as many cells (a header and its rows),
    with | between their cells: dropping the gaps next to Chinese text would run the cells together. Two cells set
    apart by spaces make a table only three lines in a row (a header and two rows)."""
    lines = text.split("\n")
    gaps = [_cell_gaps(line) for line in lines]
    # 姜堰经济开发区<tab>新能源<tab>: a tab at the row's end leaves its last cell empty, and still counts
    open_end = [g is _TAB_GAP and line.rstrip(" ").endswith("\t") for g, line in zip(gaps, lines)]
    cells = [len(g.findall(line)) + 1 + end if g else 0 for g, line, end in zip(gaps, lines, open_end)]
    for i, n in enumerate(cells):
        if n == 2 and gaps[i] is _SPACE_GAP:
            table = any(all(0 <= j < len(cells) and cells[j] == 2 for j in range(k, k + 3)) for k in (i - 2, i - 1, i))
        else:
            table = n > 0 and ((i > 0 and cells[i - 1] == n) or (i + 1 < len(cells) and cells[i + 1] == n))
        if table:
            lines[i] = gaps[i].sub("|", lines[i]) if not open_end[i] else gaps[i].sub("|", lines[i].rstrip(" \t")) + "|"  # type: ignore[union-attr]
    return "\n".join(lines)


# One space between cells next to Chinese text, as PDF text layers set a table's columns apart (1 甲区 X产业 Y基地).
_CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff）)0-9—]) (?=[\u4e00-\u9fff（(—])|(?<=[\u4e00-\u9fff）)—]) (?=[0-9A-Za-z])")
_SPACED_ROWS_MIN = 3  # a header and two rows


def _spaced_rows(text: str) -> str:
    """Lines whose cells one space sets apart, three or more in a row with as many cells (three or more each), get |
    between their cells; prose next to them keeps its spaces to be dropped. Rows of two cells are `_table_cells`'."""
    lines = text.split("\n")
    spaced = [line.count(" ") >= 2 and "|" not in line for line in lines]  # a cheap pass: most texts have no such rows
    if not any(spaced[i] and spaced[i + 1] and spaced[i + 2] for i in range(len(lines) - 2)):
        return text
    counts = [len(_CJK_SPACE.findall(line)) if s else 0 for line, s in zip(lines, spaced)]
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and counts[j] >= 2 and counts[j] == counts[i]:
            j += 1
        if j - i >= _SPACED_ROWS_MIN:
            for k in range(i, j):
                lines[k] = _CJK_SPACE.sub("|", lines[k])
        i = max(j, i + 1)
    return "\n".join(lines)


_PAGE_EDGE_MAX = 24  # characters of the longest page-number line
_HEADER_MAX = 40  # and of the longest running header


def _is_page_edge(line: str) -> bool:
    return line == "\f" or (len(line) <= _PAGE_EDGE_MAX and bool(_PAGE_NUMBER.match(line)))


def _is_kept(line: str, headers: set[str]) -> bool:
    """Not a page number, page break, table-of-contents entry, running header or web-page furniture."""
    if not line or line in headers:
        return False
    if len(line) <= _PAGE_EDGE_MAX and _is_page_edge(line):
        return False
    if line[-1].isdigit() and _TOC_LINE.search(line):
        return False
    if len(line) > 120:  # furniture is short
        return True
    return not (is_furniture(line) or (_TRADITIONAL_FURNITURE.search(line) and is_furniture(simplified(line))))  # 來源：…


# What \s matches (str.isspace, none beyond U+3000) but the line break.
_SPACES_IN_LINE = "".join(c for c in map(chr, range(0x3001)) if c.isspace() and c != "\n")
# A line break before a line that may be a page number or a page break: at most _PAGE_EDGE_MAX characters, all of
# the ones _PAGE_NUMBER is written with.
_MAYBE_PAGE_EDGE_LINE = re.compile(rf"\n(?=[-—–\d{re.escape(_SPACES_IN_LINE)}第页/，,共]{{1,{_PAGE_EDGE_MAX}}}+(?![^\n]))")


def _running_headers(chunks: list[str]) -> set[str]:
    """Short lines that recur within three lines of page numbers or page breaks are running headers or footers.
    Lines are read one by one only next to page edges; a regex scan skips the lines between."""
    near_page: Counter[str] = Counter()
    before: deque[str] = deque(maxlen=3)
    windows: list[int] = []  # lines still to count after each recent page edge
    for chunk in chunks:
        start = 0  # of the line at hand
        while True:
            if start and not windows:
                m = _MAYBE_PAGE_EDGE_LINE.search(chunk, start - 1)
                end = m.start() if m else len(chunk)
                if end >= start:
                    before.extend(_last_lines(chunk, start, end))
                    if not m:
                        break
                    start = end + 1
            end = chunk.find("\n", start)
            line = chunk[start:] if end < 0 else chunk[start:end]
            if line and _is_page_edge(line):
                near_page.update(c for c in before if _may_be_header(c))
                windows.append(3)
            elif windows:
                if _may_be_header(line):
                    near_page[line] += len(windows)
                windows = [w - 1 for w in windows if w > 1]
            before.append(line)
            if end < 0:
                break
            start = end + 1
    return {line for line, n in near_page.items() if n >= 3}


def _last_lines(text: str, start: int, end: int) -> list[str]:
    """The last three lines of text[start:end], a run of whole lines, without copying the rest."""
    cut = end
    for _ in range(3):
        cut = text.rfind("\n", start, cut)
        if cut < 0:
            return text[start:end].split("\n")
    return text[cut + 1 : end].split("\n")


def _may_be_header(line: str) -> bool:
    return bool(line) and len(line) <= _HEADER_MAX and not _is_page_edge(line) and not _HEADING.match(line)


_NUMBERED_HEADING_MAX = 30  # characters of the longest numbered heading without a title word


def _is_heading(line: str, traditional: bool) -> bool:
    """Numbered headings and title lines stand alone even without closing punctuation. `traditional` is False when
    the text has no traditional character of a title word, so no line needs a look for one."""
    if len(line) <= 80 and (
        (line[-1] in _TITLE_LAST and _TITLE_END.search(line))
        or (traditional and _TRADITIONAL_TITLE.search(line) and _TITLE_END.search(simplified(line)))
    ):
        return True  # also a title in traditional characters (…發展規劃)
    return len(line) <= _NUMBERED_HEADING_MAX and "。" not in line and bool(_HEADING.match(line))


# A line break that always ends a paragraph: after a sentence end, before a heading or a dateline. Opening with the literal,
# the engine skips from line break to line break.
# A news lead's dateline (芜湖日报讯, 本报讯) opens a paragraph too: the headline above it ends in no punctuation.
_DATELINE = r"(?:本报|[\u4e00-\u9fff]{2,8}(?:日报|晚报|早报|时报|商报|新闻网|报|社))讯"
_PARAGRAPH_END = re.compile(rf"\n(?:(?<=[{_SENTENCE_END}]\n)|(?={_HEADING.pattern}|{_DATELINE}))")
_PARAGRAPH_HEADING_MAX = 80  # characters of the longest paragraph that may still be a title


def _paragraphs(texts: Iterable[str]) -> Iterator[str]:
    """Lines re-joined where a PDF broke them inside a sentence or a word: within each run of lines that no
    sentence end or heading breaks, only the titles that open it stand alone (see `_joined`). The lines come a
    chunk at a time, and a chunk's last run may go on in the next."""
    last = None
    opening = True
    for text in texts:
        text = text if last is None else last + "\n" + text
        if opening:  # the document's first line is its title when it reads like one, whatever word ends it
            title, _, rest = text.partition("\n")
            if rest and _is_document_title(title):
                yield title
                text = rest
            opening = False
        traditional = any(c in text for c in _TRADITIONAL_TITLE_CHARS)
        runs = _PARAGRAPH_END.split(text)
        last = runs.pop()
        yield from (run if "\n" not in run else _rows_kept(run, traditional) for run in runs)
    if last is not None:
        yield _rows_kept(last, any(c in last for c in _TRADITIONAL_TITLE_CHARS))


_DOCUMENT_TITLE_MAX = 50
_DOCUMENT_TITLE_ENDS = ("）", ")", "》", "”", "\"")  # 延安市“十四五”产业布局（节选）: no title word, but a closing mark


def _is_document_title(line: str) -> bool:
    """Whether a document's first line stands alone: short, no mark of a sentence inside, and ending in a closing
    bracket or quote (a PDF line broken inside a sentence ends in a word the next line goes on with)."""
    return 0 < len(line) <= _DOCUMENT_TITLE_MAX and line.endswith(_DOCUMENT_TITLE_ENDS) and not any(ch in line for ch in "，。；：,;")


# A table row typed as text: three or more short cells between ； (or |), or two between |, and no sentence inside
# (区县；功能定位；主导产业).
# Two cells are a row only between bars (区县|主导产业): two ；-parts are as often a sentence.
_TABLE_ROW = re.compile(
    r"[^\n，。；;|]{1,30}(?:[；;|][^\n，。；;|]{0,30}){2,}|[^\n，。；;|]{1,30}\|[^\n，。；;|]{1,30}"
    r"|[^\n，。；;|]{1,30}(?:\|[^\n。；;|]{0,40}){2,}"  # between bars a cell may hold a comma (做强品牌，推动技改)
)
_CELL_BREAKS = re.compile("[；;|]")
# A list line: a short name, a colon and a short phrase that ends no clause (长春新区：光电信息产业核心区).
_LIST_LINE = re.compile(r"[^\n，。；：、]{2,20}：[^\n：]{2,60}(?<![，、])$", re.M)
# Whether a run holds such a line, looked for from its colons: a search for _LIST_LINE, opening with a negated class,
# is tried at every position and reads up to twenty characters at each. Two name characters are all the name needs.
_LIST_COLON = re.compile(r"：(?<=[^\n，。；：、]{2}：)[^\n：]{2,60}(?<![，、])$", re.M)
# A list line of a name and its items in brackets, with no closing mark (盐湖区（电子信息、生物医药）); two in a row
# stay lines of their own.
_BRACKET_LINE = re.compile(r"[^\n，。；：（）]{2,24}（[^\n（）]{1,40}）")
_BRACKET_LINES = re.compile(r"（[^\n（）]{1,40}）\n[^\n，。；：（）]{2,24}（[^\n（）]{1,40}）(?:\n|$)")
# Two cell breaks with at most one short cell between, or one bar, which every table row holds: a scan for them
# skips from break to break, where a search for _TABLE_ROW, opening with a negated class, is tried at every position.
_TWO_BREAKS = re.compile(r"[；;|][^\n，。；;|]{0,30}[；;|]")


def _rows_kept(run: str, traditional: bool) -> str:
    """`_joined`, but a table row typed one per line stands alone: it ends no sentence, yet joining rows would
    run their cells together; so do lines of a list that each put a name before a colon (甲区：X核心区) or its items
    in brackets after it (甲区（X、Y）)."""
    tabled = ("；" in run or ";" in run or "|" in run) and ("|" in run or _TWO_BREAKS.search(run)) and _TABLE_ROW.search(run)
    bracketed = "）\n" in run and _BRACKET_LINES.search(run)
    if not tabled and not bracketed and ("：" not in run or not _LIST_COLON.search(run)):
        return _joined(run, traditional)
    lines = run.split("\n")
    inner = [line[1:-1] if len(line) > 1 and line[0] == line[-1] == "|" else line for line in lines]  # | Markdown | rows |
    cells = [_CELL_BREAKS.findall(row) if _TABLE_ROW.fullmatch(row) else None for row in inner]
    # a row among rows of as many cells (a header and its rows): one line of ；-parts alone may be a sentence
    rows = {i for i, c in enumerate(cells) if c and any(0 <= j < len(cells) and cells[j] and len(cells[j]) == len(c) for j in (i - 1, i + 1))}
    listed = [bool(_LIST_LINE.fullmatch(line) or _BRACKET_LINE.fullmatch(line)) for line in lines]
    rows |= {i for i, x in enumerate(listed) if x and ((i > 0 and listed[i - 1]) or (i + 1 < len(listed) and listed[i + 1]))}
    out: list[str] = []
    pending: list[str] = []
    for i, line in enumerate(lines):
        if i in rows:
            if pending:
                out.append(_joined("\n".join(pending), traditional))
                pending = []
            out.append(line)
        else:
            pending.append(line)
    if pending:
        out.append(_joined("\n".join(pending), traditional))
    return "\n".join(out)


def _joined(run: str, traditional: bool) -> str:
    """The lines of `run` as one paragraph, less the titles that open it: a paragraph so far that is a title ends
    there. Past the longest title, the rest of the run is one paragraph."""
    if not (traditional or _may_open_with_title(run)):
        return run.replace("\n", "")
    lines = run.split("\n")
    paragraphs: list[str] = []
    start = size = 0  # the first line of the paragraph at hand, and its length so far
    for i, line in enumerate(lines[:-1]):
        size += len(line)
        if size > _PARAGRAPH_HEADING_MAX:
            break
        so_far = "".join(lines[start : i + 1])
        if _is_heading(so_far, traditional):
            paragraphs.append(so_far)
            start, size = i + 1, 0
    paragraphs.append("".join(lines[start:]))
    return "\n".join(paragraphs)


# The end of a line that may end a title (or of a blank line), opening with the literal the engine skips to.
_TITLE_LINE_END = re.compile(f"\n(?<=[{''.join(sorted(_TITLE_LAST))}\n]\n)")


def _may_open_with_title(run: str) -> bool:
    """Whether `_joined` may find a title at the start of `run` in simplified text: its first line is no longer
    than a numbered heading, or a line within the longest title's length ends with a title's last character (or is
    blank). Most runs have neither, and are joined without a list of their lines."""
    end = run.find("\n")
    if end <= _NUMBERED_HEADING_MAX:
        return True
    # A line within the title's length ends within twice that of the run's start: lines are one character or more.
    if not _TITLE_LINE_END.search(run, end, 2 * _PARAGRAPH_HEADING_MAX + 1):
        return False
    size = start = 0
    while end >= 0:
        size += end - start
        if size > _PARAGRAPH_HEADING_MAX:
            return False
        if end == start or run[end - 1] in _TITLE_LAST:
            return True
        start, end = end + 1, run.find("\n", end + 1)
    return False


_CHUNK = 1 << 18


def _chunks(text: str) -> list[str]:
    """The text prepared 256 k characters at a time, cut after line breaks: every step of `_prepared` is local to
    a line, and whole-text copies and lists of short lines are what the peak memory of a large plan is made of."""
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start + _CHUNK)
        end = len(text) if end < 0 else end + 1
        chunks.append(_prepared(text[start:end]))
        start = end
    return chunks


# Characters body text ends a line with; none is a digit to str.isdigit, as a page number or a table of contents
# line ends with.
_BODY_END = "\u3400-\u9fff。，；：！？、”’）》」』…—"
# Short lines `_is_kept` has to judge: any that a running header could be, else the ones that open like a page
# number or a page break (_PAGE_NUMBER).
_MAYBE_HEADER = rf"[^\n]{{1,{_HEADER_MAX}}}\n"
_MAYBE_PAGE_EDGE = rf"[-—–\s\d第][^\n]{{0,{_PAGE_EDGE_MAX - 1}}}\n"


@lru_cache(maxsize=2)
def _doubtful(short: str) -> re.Pattern[str]:
    """Lines `_is_kept` has to judge, each with the line break before it: `short` ones, ones that end in a character
    body text does not end with, ones that open like furniture, also once simplified (來源：…), and of the ones
    with no ， or 。 (is_furniture looks no further at others), those that hold a character of traditional
    furniture, a footer's word, or two furniture words. Every other line is body text."""
    table, _ = _ts_table()
    firsts, seconds = ({c for p in FURNITURE_PREFIXES for c in p[i]} for i in (0, 1))
    firsts, seconds = ("".join(sorted(re.escape(c) for c in cs | {chr(k) for k, to in table.items() if to in cs}))
                       for cs in (firsts, seconds))
    # Two scans for one character each beat one scan for a class of two.
    no_punct = r"(?![^\n]*，)(?![^\n]*。)"
    # One scan of the line for both: a mark, or a furniture word and then a mark or another word.
    marks = f"[{_TRADITIONAL_FURNITURE_CHARS}]|" + "|".join(map(re.escape, FOOTER_WORDS))
    words = FURNITURE_WORDS.pattern
    first = _TRADITIONAL_FURNITURE_CHARS + "".join(w[0] for w in (*FOOTER_WORDS, *words.split("|")))
    to_next = _to_next(f"{marks}|{words}", first)
    return re.compile(
        rf"\n(?!\n)(?=[{firsts}][{seconds}]|{short}|[^\n]++(?<![{_BODY_END}])"
        rf"|{no_punct}{to_next}(?:{marks}|(?:{words}){to_next}))[^\n]+"
    )


def _to_next(alternatives: str, first: str) -> str:
    """A pattern that goes on along the line to where one of `alternatives` (each opening with a literal; `first`
    holds those characters) starts: a class skips from one candidate character to the next, where trying the
    alternatives at every position would cost ten times as much. It fails if none is left."""
    first = "".join(sorted({re.escape(c) for c in first}))
    return rf"(?:[^{first}\n]*+(?!{alternatives})[{first}])*+[^{first}\n]*+(?={alternatives})"


def _kept_text(chunk: str, headers: set[str]) -> str:
    """The kept lines of one chunk, one per line: a regex scan finds the few lines that may go, and Python judges
    only those; the text is copied once more only when one goes."""
    text = "\n" + chunk + "\n"
    pieces, done = [], 0
    for m in _doubtful(_MAYBE_HEADER if headers else _MAYBE_PAGE_EDGE).finditer(text):
        if not _is_kept(m.group()[1:], headers):
            pieces.append(text[done : m.start()])
            done = m.end()
    if pieces:
        text = "".join(pieces) + text[done:]
    return "\n".join(filter(None, text.split("\n")))  # a regex sub of blank lines costs twice as much


def _kept(chunks: list[str], headers: set[str]) -> Iterator[str]:
    """Kept lines chunk by chunk, one per line; each chunk released once read."""
    for i, chunk in enumerate(chunks):
        chunks[i] = ""
        if text := _kept_text(chunk, headers):
            yield text


def normalize(raw: str, is_html: bool = False) -> str:
    """The normalized text every span refers to: one paragraph per line."""
    chunks = _chunks(html_to_text(raw) if is_html else raw)
    headers = _running_headers(chunks)
    return "\n".join(_paragraphs(_kept(chunks, headers))) + "\n"


@lru_cache(maxsize=1)
def _ts_table() -> tuple[dict[int, str], tuple[re.Pattern[str], re.Pattern[str]]]:
    """Traditional -> simplified, one character for one (OpenCC's TSCharacters, Apache-2.0), and patterns for runs
    of those characters, without and with astral ones: str.translate over a whole text looks up every character and is
    slow. One pass, so a BMP character whose simplified form is astral maps on as that form would."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        src, _, dst = line.partition("\t")
        first = dst.split(" ")[0] if dst else ""
        if len(src) == 1 and len(first) == 1 and src != first:
            table[ord(src)] = first
    table = {c: table.get(ord(to), to) if c < 0x10000 <= ord(to) else to for c, to in table.items()}
    # BMP characters listed compile to a bitmap; astral ones as one range, or the engine would test each in turn.
    # The range halves the engine's speed: text without astral characters gets the bitmap alone.
    bmp = "".join(re.escape(chr(c)) for c in sorted(table) if c < 0x10000)
    patterns = tuple(re.compile(f"{char}{char}*") for char in (f"[{bmp}]", f"[{bmp}\U00010000-\U0010ffff]"))
    return table, patterns  # [x][x]*, not [x]+, as for _MAPPED


def simplified(text: str) -> str:
    """Same length as `text`, traditional characters replaced by simplified ones."""
    table, patterns = _ts_table()
    return patterns[may_be_astral(text)].sub(lambda m: m.group().translate(table), text)


def may_be_astral(text: str) -> bool:
    """Whether `text` may hold a character beyond the BMP, in constant time: CPython stores a string that holds one
    at four bytes a character (PEP 393), so its size tells. A short string may be judged astral wrongly; it only
    takes the slower pattern."""
    return sys.getsizeof(text) >= 4 * len(text)
