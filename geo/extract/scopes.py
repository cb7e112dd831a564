"""Which cluster each paragraph of a plan speaks for, from its headings.

Chinese government documents number their headings by level (第一章 › 第一节 › 一、 › （一） › 1. ›
（1） › ①, the GB/T 9704 style). A heading that names one cluster ("（二）集成电路产业",
"3.生物医药", "第三节 新能源汽车") sets the cluster of the lines below it until the next heading of
the same or a higher level; a heading that names none or several leaves the enclosing scope's cluster.
A run-in heading ("4.智能终端产业集群。以甲区为核心……") scopes its own paragraph too, and so does an unnumbered
one that is only an industry's name ("泵阀产业。永嘉县……").
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Generic, TypeVar

from geo.reference.clusters import Cluster, ClusterMatcher, industry_cluster
from geo.slotted import slot_init

_CN = "一二三四五六七八九十百零〇"
# Heading numbers by level, highest first; one alternation, whose first matching branch (its group) is the level.
_LEVELS = re.compile(
    "|".join(
        f"({branch})"
        for branch in (
            rf"第[{_CN}\d]+(?:章|部分|篇)\s*",
            rf"第[{_CN}\d]+节\s*",
            rf"[{_CN}]+[、．.]\s*",
            rf"[（(][{_CN}]+[）)]\s*",
            r"\d{1,2}(?:[、．]|\.(?!\d))\s*",
            r"[（(]\d{1,2}[）)]\s*",
            r"[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳]\s*",
            r"(?=【[^】\n]{2,12}】)",  # 【鹿泉区】功能定位：… — a bracketed tag opens a block, lowest of all
        )
    )
)
_HEADING_START = set("第（(【" + _CN + "0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
_TAG = re.compile(r"【(?P<t>[^】\n]{2,12})】")
_HEADING_TEXT_MAX = 30
_RUN_IN_END = re.compile(r"[。：:；！]")
_CLAUSE_MARK = re.compile(r"[。，；！,;]")


# An unnumbered paragraph that opens with a short industry name as its own sentence ("泵阀产业。永嘉县…").
_UNNUMBERED_RUN_IN = re.compile(r"[\u4e00-\u9fff、]{2,12}(?=[。：:])")
_RUN_IN_LEVEL = 99  # below every numbered level: it scopes its own paragraph only
# 表5-1  重点园区主导产业, 专栏3 …: a table's or box's caption closes the innermost heading (its cluster does not reach
# into the table) and scopes the rows below with what the caption names.
_CAPTION = re.compile(r"(?:附表|表|专栏)\s*[0-9一二三四五六七八九十]+(?:[-－—.．][0-9]+)?[\s：:]*(?P<t>[^。；]{2,30})$")
_LABEL_MAX = 20  # a place label line ("江阴市：") is short

_INDUSTRY_HEADING = re.compile(r"(?P<c>[\u4e00-\u9fff]{2,6}?)(?:产业集群|产业链|产业)(?:带|基地|集聚区|园区)?")  # （一）富硒茶产业带
# Heading words that say what to do with industries, or describe them, rather than name one.
_NOT_AN_INDUSTRY = re.compile(
    r"^(?:壮大|发展|培育|做强|做大|推动|加快|优化|提升|打造|构建|实施|强化|聚焦|布局|支持|引导|促进|完善|重点|主导|优势|县域|区域|城市|临港|临空|沿海|"
    r"新兴|特色|传统|未来|先进|现代|支柱|战略性|主要|其他|相关|各类|全市|全区|各|配套|关联|[一二三四五六七八九十两多]+[大个类])|[化型性级类]$|(?:主导|首位|重点|特色|优势|支柱)$"
)

# Verbs a heading opens with before the industry it is about (做优香菇全产业链, 壮大竹产业).
_HEADING_VERB = re.compile(r"^(?:做强|做大|做优|做精|做特|做实|做长|壮大|发展|培育|提升|延伸|补齐|拓展|打造|推动|加快|聚焦|巩固|振兴)+")

P = TypeVar("P")


@dataclass(slots=True)
class _Open(Generic[P]):
    """A heading whose scope is still open; `named` is read from its words when first needed."""

    level: float  # a heading's numbering level; a place label's sits between two levels
    text: str
    place: P | None  # the place in scope below it: its own, else the enclosing heading's
    named: Cluster | None = None
    read: bool = False
    label: bool = False  # a place label ("江阴市："), not a numbered heading


# “多园”支撑, 一核引领, 两带协同: a heading that only names a part of the layout, and what it does.
_LABEL_HEADING = re.compile(
    r"(?:[“‘](?P<q>[^“”‘’]{1,8})[”’]|(?P<n>[一二两三四五六七八九十多][核翼带区园廊轴心极群圈城团片点链环]))"
    r"(?:引领|支撑|协同|联动|带动|辐射|集聚|驱动|发展|共进|互补)?"
)


class Scope(Generic[P]):
    """What the headings above a line say: its cluster, and the place a district-by-district section is about.

    The cluster is read from the headings only when asked for: most lines name no place and never ask."""

    def __init__(self, headings: tuple[_Open[P], ...], base: Cluster | None, matcher: ClusterMatcher):
        self.place: P | None = headings[-1].place if headings else None
        self._headings = headings
        self._base = base
        self._matcher = matcher

    @cached_property
    def label(self) -> str | None:
        """The layout label the innermost heading is, and nothing else ("三、“多园”支撑", "（一）一核引领"): the role
        of the places the lines below list."""
        if not self._headings:
            return None
        m = _LABEL_HEADING.fullmatch(self._headings[-1].text.strip(" 。"))
        return (m.group("q") or m.group("n")) if m else None

    @cached_property
    def cluster(self) -> Cluster | None:
        """The innermost heading's cluster, else the plan's. A heading's cluster replaces the enclosing one
        unless it is an ancestor of it (a 电子信息 heading inside the 智能终端 plan keeps 智能终端)."""
        outer, matcher = self._base, self._matcher
        for h in self._headings:
            if not h.read:
                named = heading_cluster(h.text, matcher)
                if named is not None and outer is not None and named.slug != outer.slug and matcher.related(named, outer):
                    named = matcher.narrower(named, outer)
                h.named, h.read = named, True
            outer = h.named if h.named is not None else outer
        return outer


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class Heading:
    level: int
    text: str  # the heading's own words, without its number


def heading_of(line: str) -> Heading | None:
    """The heading a paragraph starts with, if any: the whole line when short, or its run-in title."""
    if line[:1] not in _HEADING_START:
        return None
    m = _LEVELS.match(line)
    if not m:
        return None
    start = m.end()
    if tag := _TAG.match(line, start):
        return Heading(m.lastindex - 1, tag.group("t"))  # type: ignore[operator]
    end = _RUN_IN_END.search(line, start, start + _HEADING_TEXT_MAX + 1)  # one further away makes a long title anyway
    stop = end.start() if end else len(line)
    if end and end.group() in "：:" and len(line) - start <= _HEADING_TEXT_MAX and not _CLAUSE_MARK.search(line, start):
        stop = len(line)  # （一）一核：东湖高新区 — a label and the place it names, the whole short line
    if stop - start > _HEADING_TEXT_MAX:  # a long run-in title: its words up to a comma
        comma = line.find("，", start, start + _HEADING_TEXT_MAX)
        stop = comma if comma >= 0 else start + _HEADING_TEXT_MAX
    return Heading(m.lastindex - 1, line[start:stop])  # type: ignore[operator]


def heading_cluster(text: str, matcher: ClusterMatcher) -> Cluster | None:
    """The one cluster a heading names (several distinct ones name none); a heading that is only an industry's
    name the taxonomy lacks ("（一）光子产业集群") names that industry."""
    found = {m.cluster.slug: m.cluster for m in matcher.find(text)}
    if len(found) == 1:
        return next(iter(found.values()))
    named = _INDUSTRY_HEADING.fullmatch(_HEADING_VERB.sub("", text.strip().rstrip("。")))
    name = named.group("c").removesuffix("全") if named else ""  # 做优香菇全产业链: 香菇
    if found or len(name) < 2 or _NOT_AN_INDUSTRY.search(name):
        return None
    return industry_cluster(name)


def _industry_only(words: str, matcher: ClusterMatcher, place_of: Callable[[str], P | None]) -> bool:
    """Whether a paragraph's short first sentence is an industry's name and no place's (襄阳高新区汽车产业：… is the
    zone's paragraph, not a heading)."""
    return heading_cluster(words, matcher) is not None and place_of(words) is None


def _place_label(line: str, place_of: Callable[[str], P | None]) -> P | None:
    """The places of an unnumbered line that only names them before a colon ("江阴市：", "甲区、乙区："): the items
    below it are theirs."""
    words = line.rstrip()
    if not words.endswith(("：", ":")) or len(words) > _LABEL_MAX or _CLAUSE_MARK.search(words):
        return None
    return place_of(words[:-1])


def _label_level(stack: list[_Open[P]]) -> float:
    """A place label nests right under the heading above it, or takes the place of the label before it; the
    numbered items below it stay inside, a heading above their level or the next label ends it."""
    labels = [o.level for o in stack if o.label]
    return labels[-1] if labels else (stack[-1].level if stack else -1) + 0.5


def scoped_lines(
    text: str, start: int, end: int, base: Cluster | None, matcher: ClusterMatcher, place_of: Callable[[str], P | None],
    may_name: Callable[[str], bool],
) -> Iterator[tuple[int, str, Scope[P], bool]]:
    """(offset, line, scope, named) for each line of text[start:end]; `base` is the plan's cluster, and `named` says
    whether `may_name` passes the line.

    A heading that names a cluster or is a place ("（一）滨江区") makes the lines below speak of it until the
    next heading of its level (see Scope.cluster for how clusters nest). `place_of` reads a heading's place only
    where `may_name` passes its line, which holds the heading's words: most lines are headings, and most name none."""
    stack: list[_Open[P]] = []
    scope: Scope[P] = Scope((), base, matcher)  # changes only at headings, so lines between share one
    pos = start
    for line in text[start:end].split("\n"):
        named = may_name(line)
        h = heading_of(line)
        run_in: Scope[P] | None = None  # 泵阀产业。…: this line's own scope, the stack left as it is
        if h is None and named and (lead := _UNNUMBERED_RUN_IN.match(line)) and _industry_only(lead.group(), matcher, place_of):
            run_in = Scope((*stack, _Open(_RUN_IN_LEVEL, lead.group(), stack[-1].place if stack else None)), base, matcher)
        elif h is None and named and (label := _place_label(line, place_of)) is not None:
            level = _label_level(stack)
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(_Open(level, line, label, label=True))
            scope = Scope(tuple(stack), base, matcher)
        elif h is None and (caption := _CAPTION.match(line)) is not None and stack:
            level = stack[-1].level
            while stack and stack[-1].level >= level:
                stack.pop()
            stack.append(_Open(level, caption.group("t"), stack[-1].place if stack else None))
            scope = Scope(tuple(stack), base, matcher)
        elif h is not None:
            if stack and stack[-1].label and stack[-1].level < h.level - 0.5:
                stack[-1].level = h.level - 0.5  # its first item: a later heading above the items' level ends the label
            while stack and stack[-1].level >= h.level:
                stack.pop()
            own = place_of(h.text) if named else None
            stack.append(_Open(h.level, h.text, own if own is not None or not stack else stack[-1].place))
            scope = Scope(tuple(stack), base, matcher)
        yield pos, line, run_in or scope, named
        pos += len(line) + 1
