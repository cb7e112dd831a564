"""Runs: adjacent place mentions that share one role (南山、宝安等区; 甲区4个、乙区3个; 甲区（集成电路）)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.places import Mention, Place
from geo.reference.clusters import Cluster, ClusterMention, industry_cluster, only_activity
from geo.slotted import slot_init

_CONNECTOR_CHARS = set("、和及与以等区域（）()，—·")  # — joins the ends of a corridor (甲区—乙区产业带); · a zone and its district (甲高新区·乙区)
# 共 only before a count: 甲区、乙区共建…; 甲市、乙县等西部区县: the kind of place the list names
_RUN_TAIL = re.compile(r"(?:等(?:[东西南北中]部|山区|沿海|沿江|沿湖)?(?:县市区|区县|县区|县市|地区|地))?(?:等)?(?:[共各]?[0-9一二三四五六七八九十]+个)?(?:区域|区)?")
_SIDE_GAP = re.compile(r"[、和及与]?[东西南北中][翼部]的")  # 南翼的甲县、乙县和北翼的丙市: one list, by side
_COUNT = re.compile(r"各?(?:[0-9]+|[一二三四五六七八九十]+)(?:个|家|座)")  # 甲区3个; 乙区、丙区各1个
BRACKET = re.compile(r"[（(](?P<inner>[^（）()]{1,40})[）)]")
# A bracket of short industry names and nothing else (电气; 鞋革、泵阀), split into its items.
_SPEC_ITEM = re.compile(r"、|和|及")
_UNLISTED_INDUSTRIES = re.compile(r"(?:[\u4e00-\u9fff]{2,8}?(?:、|和|及))*[\u4e00-\u9fff]{2,8}")
# An item that names parts of an industry, not one (关键零部件, 配套).
PART = re.compile(r"(?:零部件|部件|配件|整车|整机|配套|元器件|模组|组件|材料|设备)$")
_NOT_INDUSTRY = re.compile(r"街道|镇|乡|村|社区|片区|园区|简称|含|筹|试行|暂行|牵头|负责|一期|二期")


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class Run:
    """Adjacent place mentions that share one role; `specs` holds each place's bracketed clusters."""

    start: int
    end: int  # after tails such as 等区
    places: tuple[Place, ...]
    specs: tuple[tuple[Cluster, ...], ...]
    counted: bool = False  # 甲区4个、乙区3个
    heading: bool = False  # the place a heading names, subject of a sentence that names it not


@dataclass(slots=True)
class _Growing:
    """A run that the next mention may still join: each run is made a Run once, when it is complete."""

    start: int
    end: int
    places: list[Place]
    specs: list[tuple[Cluster, ...]]
    counted: bool


def _after_mention(work: str, pos: int, clusters: list[ClusterMention]) -> tuple[int, tuple[Cluster, ...], bool, bool]:
    """Skip what may follow a place inside a run: a bracket of clusters (甲区（集成电路）) and a count (4个). The last
    value says the bracket's clusters are industries the taxonomy lacks (see `find_runs`)."""
    specs: tuple[Cluster, ...] = ()
    counted = unlisted = False
    b = BRACKET.match(work, pos)
    if b:
        inside = [c for c in clusters if b.start() < c.start and c.end <= b.end()]
        if inside:
            specs = _items(work, b, inside)
            pos = b.end()
        elif _UNLISTED_INDUSTRIES.fullmatch(b.group("inner")) and not _NOT_INDUSTRY.search(b.group("inner")):
            # 乙区（电气）、丙区（汽摩配）: an industry the taxonomy lacks; kept by find_runs only in a list of
            # places whose brackets name industries it knows
            names = dict.fromkeys(i.removesuffix("产业") if len(i) > 3 else i for i in _SPEC_ITEM.split(b.group("inner")))  # 竹产业 stays
            specs = tuple(industry_cluster(n) for n in names)
            unlisted = True
            pos = b.end()
    c = _COUNT.match(work, pos)
    if c:
        counted = True
        pos = c.end()
    return pos, specs, counted, unlisted


def _items(work: str, bracket: re.Match[str], inside: list[ClusterMention]) -> tuple[Cluster, ...]:
    """The clusters of a bracket that names some the taxonomy knows: in a bracket that is only a list of short
    industry names (生物医药、轴承), each item, known or named for itself unless it names parts (整车及关键零部件); else
    the known ones."""
    inner = bracket.group("inner")
    if not _UNLISTED_INDUSTRIES.fullmatch(inner) or _NOT_INDUSTRY.search(inner):
        return tuple({c.cluster.slug: c.cluster for c in inside}.values())
    found: dict[str, Cluster] = {}
    at = bracket.start("inner")
    for item in _SPEC_ITEM.split(inner):
        named = [c.cluster for c in inside if at <= c.start < at + len(item)]
        name = item.removesuffix("产业") if len(item) > 3 else item
        for c in named or ([] if PART.search(name) or only_activity(name) else [industry_cluster(name)]):
            found.setdefault(c.slug, c)
        at += len(item) + 1
    return tuple(found.values())


def find_runs(work: str, mentions: list[Mention], clusters: list[ClusterMention]) -> list[Run]:
    """Group adjacent mentions (joined by 、和及与 and brackets) into runs. Brackets of industries the taxonomy lacks
    count only beside brackets of known ones (甲区（集成电路）、乙区（电气）): alone, a bracket may say anything (甲区（老城区）)."""
    runs: list[_Growing] = []
    unlisted_specs: set[tuple[str, ...]] = set()
    known = False
    for m in mentions:
        end, specs, counted, unlisted = _after_mention(work, m.end, clusters)
        if unlisted:
            unlisted_specs.add(tuple(c.slug for c in specs))
        known = known or (bool(specs) and not unlisted)
        if runs:
            last = runs[-1]
            gap = work[last.end : m.start].replace("以下简称", "").replace("以及", "")
            if len(gap) <= 8 and (set(gap) <= _CONNECTOR_CHARS or _SIDE_GAP.fullmatch(gap)):
                if m.place not in last.places:
                    if not gap and not last.specs[-1]:
                        last.specs[-1] = specs  # 江安县阳春工业园区（绿色化工）: the county right before its park shares the park's bracket
                    last.places.append(m.place)
                    last.specs.append(specs)
                last.end, last.counted = end, last.counted or counted
                continue
        runs.append(_Growing(m.start, end, [m.place], [specs], counted))
    def settled(specs: tuple[tuple[Cluster, ...], ...]) -> tuple[tuple[Cluster, ...], ...]:
        return specs if known or not unlisted_specs else tuple(() if tuple(c.slug for c in spec) in unlisted_specs else spec for spec in specs)

    return [Run(r.start, _RUN_TAIL.match(work, r.end).end(), tuple(r.places), settled(tuple(r.specs)), r.counted) for r in runs]
