"""The shortcuts normalize takes for speed decide exactly as the plain rules they stand for.

Each fast path skips work when a cheap test says the plain rule cannot apply: a regex pre-filter must hold every
line the plain judgement would act on. Random lines built from the characters the rules are written with check
that, and two fast paths are compared with the plain per-character or per-line rule they replace.
"""
from __future__ import annotations

import random
import re
from collections import Counter, deque

from geo.ingest import html, normalize as norm

# Pieces of page furniture, page numbers, titles and body text, simplified and traditional.
_PIECES = [
    "来源", "來源", "【", "[", "】", "：", ":", "责任编辑", "責任編輯", "版权所有", "版權所有", "ICP备", "ICP備", "网站标识码",
    "首页", "首頁", "主页", ">", "＞", "|", "/", "·", "-", "—", "–", "=", "*", " ", "\t", "\x1f", "\u1680", "打印", "關閉",
    "关闭窗口", "字号", "大", "中", "小", "分享到", "微信", "English", "RSS", "无障碍浏览", "发布时间", "發佈時間", "当前位置",
    "當前位置", "，", "。", "的", "发展", "规划", "行动计划", "的通知", "2023", "7", "12", "年", "第", "页", "共", "x", "©",
    "本网站支持IPv6", "技术支持：", "主办单位:", "公网安备", "浏览次数", "點擊", "閱讀量", "首", "當", "體", "（一）", "一、",
    "……12", ".....3", "）", "施", "知", "见",
]


def _lines(seed: int, n: int, most: int = 10) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(1, most))) for _ in range(n)]


def test_every_line_that_goes_is_doubtful():
    for headers in (set(), {"页眉"}):
        doubtful = norm._doubtful(norm._MAYBE_HEADER if headers else norm._MAYBE_PAGE_EDGE)
        for line in _lines(1, 20000):
            line = line.strip(" \t")
            if line and not norm._is_kept(line, headers):
                m = doubtful.match("\n" + line + "\n")
                assert m and m.end() == len(line) + 1, line


def test_footer_words_are_in_every_footer():
    for line in _lines(2, 20000):
        if html._FOOTER.search(line):
            assert any(w in line for w in html.FOOTER_WORDS), line


def test_every_page_edge_is_a_candidate():
    assert norm._SPACES_IN_LINE == "".join(chr(c) for c in range(0x110000) if re.match(r"\s", chr(c)) and c != 10)
    rnd = random.Random(3)
    alphabet = ["-", "—", "–", "第", "页", "共", "/", "，", ",", "7", "12", " ", "\t", "\x1f", "\u1680", "\u3000", "x"]
    for _ in range(20000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, 30)))
        if norm._is_page_edge(line):
            assert norm._MAYBE_PAGE_EDGE_LINE.match("\n" + line + "\n"), line


def _half_punct_per_character(text: str) -> str:
    """The plain rule: each of ( ) ; ? ! becomes Chinese when the character before it (as converted) or after it is
    Chinese."""
    out = []
    for i, c in enumerate(text):
        if c in norm._HALF_PUNCT_CHARS and (
            norm._NEAR_CJK.match(out[-1] if out else "") or norm._NEAR_CJK.match(text[i + 1 : i + 2])
        ):
            c = norm._TO_CHINESE[c]
        out.append(c)
    return "".join(out)


def test_half_width_punctuation_runs_follow_the_per_character_rule():
    rnd = random.Random(4)
    alphabet = ["(", ")", ";", "?", "!", "中", "a", "1", " ", "（", "，", "\n"]
    for _ in range(20000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert norm._half_punct(text) == _half_punct_per_character(text), text


def test_runs_joined_at_once_have_no_title_to_split():
    rnd = random.Random(5)
    for _ in range(20000):
        lines = _lines(rnd.random(), rnd.randint(2, 6), most=rnd.choice((3, 12)))
        run = "\n".join(lines)
        if not norm._may_open_with_title(run):
            assert norm._joined(run, False) == run.replace("\n", ""), run


def _running_headers_line_by_line(chunks: list[str]) -> set[str]:
    """The plain rule, every line read."""
    near_page: Counter[str] = Counter()
    before: deque[str] = deque(maxlen=3)
    windows: list[int] = []
    for chunk in chunks:
        for line in chunk.split("\n"):
            if line and norm._is_page_edge(line):
                near_page.update(c for c in before if norm._may_be_header(c))
                windows.append(3)
            elif windows:
                if norm._may_be_header(line):
                    near_page[line] += len(windows)
                windows = [w - 1 for w in windows if w > 1]
            before.append(line)
    return {line for line, n in near_page.items() if n >= 3}


def test_running_headers_skipping_lines_between_page_edges_find_what_reading_every_line_finds():
    rnd = random.Random(6)
    kinds = ["页眉标题", "第 3 页", "12", "\f", "", "", "正文一行，没有句号", "页脚 2023", "- 4 -"]
    for _ in range(3000):
        lines = [rnd.choice(kinds) for _ in range(rnd.randint(1, 40))]
        cuts = sorted({0, len(lines), *rnd.sample(range(len(lines)), k=min(2, len(lines)))})
        # Cut after line breaks, as `_chunks` cuts: every chunk but the last ends with one.
        chunks = ["".join(f"{line}\n" for line in lines[a:b]) for a, b in zip(cuts, cuts[1:])]
        chunks[-1] = chunks[-1][:-1]
        assert norm._running_headers(chunks) == _running_headers_line_by_line(chunks), chunks


def test_a_run_holds_a_list_line_where_the_colon_search_says():
    rnd = random.Random(6)
    for _ in range(20000):
        lines = [
            "甲" * rnd.randint(0, 24) + rnd.choice(["：", "：", "，", "、", "。", ""]) + "乙" * rnd.randint(0, 64) + rnd.choice(["", "，", "、", "：丙"])
            for _ in range(rnd.randint(1, 4))
        ]
        run = "\n".join(lines)
        assert bool(norm._LIST_COLON.search(run)) == bool(norm._LIST_LINE.search(run)), run
