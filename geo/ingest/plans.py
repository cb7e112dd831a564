"""The plan corpus: its index, and each file's split into plans, each with its cluster."""
from __future__ import annotations

import csv
from functools import lru_cache
import re
from dataclasses import dataclass
from pathlib import Path

from geo import paths
from geo.atomic import atomic_open
from geo.ingest.normalize import simplified
from geo.reference import gazetteer
from geo.reference.clusters import matcher

GENERAL = "*"
_NOTICE = re.compile(r"关于(?:印发|发布)《(?P<title>[^《》\n]{4,80})》的通知")
_INNER_TITLE = re.compile(r"《([^《》]+)》")
_CLUSTER_IN_TITLE = re.compile(
    r"^(?:.{0,12}?[省市区])?(?:人民政府)?(?:关于)?(?:加快推进|加快发展|大力发展|培育发展|发展壮大|培育|推动|促进|推进|加快|发展|打造|建设|构建|做强|壮大)*"
    r"(?P<c>.+?)(?P<s>产业集群|产业|经济|制造业|服务业)(?:高质量)?(?:发展|创新发展)?"
    r"的?(?:三年|五年|攻坚|提升|倍增|专项|建圈强链|强链补链|链长制)*(?:行动计划|行动方案|实施方案|若干措施|若干政策措施|若干政策|若干意见|实施意见|发展规划|规划|工作方案|意见|方案|措施)"
)
_GENERIC_STEMS = {"新兴", "战略性新兴", "先进制造", "制造", "重点", "工业", "实体", "县域", "区域", "城市", "民营", "高新技术", "现代", "特色", "临港", "临空", "沿海", "沿江",
                  "优势", "传统", "新型", "开放型", "外向型", "园区", "开发区",
                  "推进", "推动", "促进", "加快", "发展", "培育", "打造", "建设", "壮大", "做强", "支持", "全面"}  # 加快推进产业集群发展: verbs only
_COUNTED_STEM = re.compile(r"[0-9+＋“”\"]")  # “2+1”现代产业集群, “4+4+N”: a plan's count of its clusters, no one cluster
_RANK_LEAD = re.compile(r"^(?:世界级|国家级|全国一流|千亿级|万亿级|百亿级|具有国际竞争力的|国际一流)")  # 打造世界级生物医药产业集群
_HEADLINE_VERB = re.compile(r"^[\u4e00-\u9fff]{0,6}?(?:出台|发布|印发|推出|部署)")
# A stem made only of such words (县域特色, 重点优势) names no industry either.
_GENERIC_STEM = re.compile("(?:" + "|".join(sorted(_GENERIC_STEMS, key=len, reverse=True)) + ")+")
# Words a title puts around its subject: a plan period (“十四五”, 2021—2025年), which name no industry.
_TITLE_PERIOD = re.compile(r"[“\"‘]?十[一二三四五六七八九]五[”\"’]?|[0-9]{4}\s*[—\-－~至]?\s*(?:[0-9]{4})?\s*年?")
_CLUSTER_PARAGRAPH = re.compile(
    r"^(?:\d{1,2}[.．、]|（[一二三四五六七八九十]+）)(?P<c>[^，。；\n]{2,12}?)(?:产业集群|产业)[。．，]"
)


@dataclass(frozen=True)
class PlanMeta:
    """One row of data/plans/plans.csv."""

    id: str
    title: str
    city: str
    issuer: str
    date: str
    file: str
    url: str = ""


@dataclass(frozen=True)
class Section:
    """One plan inside a file: its id, title, cluster and span in the file's normalized text."""

    plan_id: str
    title: str
    cluster: str
    start: int
    end: int


def load_index(path: Path = paths.PLANS_INDEX) -> list[PlanMeta]:
    with path.open(encoding="utf-8", newline="") as f:
        return [PlanMeta(**row) for row in csv.DictReader(f)]


def cluster_from_title(title: str) -> str:
    """智能终端 from 深圳市培育发展智能终端产业集群行动计划 (also from its traditional form); `*` when the
    title names no single cluster."""
    title = simplified(title)
    inner = _INNER_TITLE.search(title)
    if inner:
        title = inner.group(1)
    title = _TITLE_PERIOD.sub("", re.sub(r"[（(][^）)]*[）)]", "", title))
    title = re.sub(r"^.*?关于(?:印发|发布)?|的通知$", "", title)
    m = _CLUSTER_IN_TITLE.match(title)
    if not m:
        return GENERAL
    stem = own_stem(m.group("c"))
    several = any(w in stem for w in ("和", "与", "及", "、")) and stem not in matcher().by_name  # 人工智能与数字经济; not 网络与通信
    several = several or bool(_COUNTED_STEM.search(stem))
    if not stem or several or "战略性" in stem or stem[-1] in "省市区县州盟旗”" or stem.endswith("地区") or _GENERIC_STEM.fullmatch(stem):
        return GENERAL  # a place (某市产业发展规划) or manufacturing at large names no single cluster
    if m.group("s") in ("制造业", "服务业"):  # 高端装备制造业: a cluster's name only when the taxonomy knows it
        named = matcher().resolve(stem + m.group("s")) or matcher().resolve(stem + m.group("s")[:2])
        return named.name if named else GENERAL
    if m.group("s") == "经济":
        return stem + "经济"  # 数字经济发展规划, 海洋经济发展规划: the economy is the cluster's name
    return "未来产业" if stem == "未来" else stem


def own_stem(stem: str) -> str:
    """The industry words of a title's stem: after a headline's verb (合肥出台未来…) and a city's short name at its
    start (厦门机械装备 → 机械装备)."""
    stem = _RANK_LEAD.sub("", _HEADLINE_VERB.sub("", stem))
    shorts, longest = _city_shorts()
    # the longest short name the stem begins with and runs two characters past (乌鲁木齐 before any it begins with)
    for size in range(min(longest, len(stem) - 2), 0, -1):
        if stem[:size] in shorts:
            return stem[size:]
    return stem


@lru_cache(maxsize=1)
def _city_shorts() -> tuple[frozenset[str], int]:
    """Cities' names without 市, and the longest one's length: a stem's few prefixes are looked up, where a test of
    each of the names cost twice as much as the rest of reading a title."""
    names = [c for c in gazetteer.city_names() if len(c) > 2]
    shorts = {c.removesuffix("市") for c in names}
    # 临夏州, 红河州, 西双版纳州: an autonomous prefecture by its place name and 州 (the ethnic names dropped)
    shorts |= {c[:k] + "州" for c in names if c.endswith("自治州") for k in range(2, 5)}
    return frozenset(shorts), max(map(len, shorts), default=0)


def file_id_of(plan_id: str) -> str:
    """The file a plan comes from: plans inside a bundled file are `<file id>#NN`."""
    return plan_id.split("#", 1)[0]


def split_sections(text: str, plan_id: str, title: str) -> list[Section]:
    """A file that bundles several plans (关于发布《…》的通知 headings) becomes one section per plan."""
    notices = [m for m in _NOTICE.finditer(text)]
    starts = [text.rfind("\n", 0, m.start()) + 1 for m in notices]
    sections: list[Section] = []
    first_end = starts[0] if notices else len(text)
    if text[:first_end].strip():
        sections.append(Section(plan_id, title, cluster_from_title(title), 0, first_end))
    for i, (m, start) in enumerate(zip(notices, starts), 1):
        end = starts[i] if i < len(starts) else len(text)
        sub_title = m.group("title")
        sections.append(Section(f"{plan_id}#{i:02d}", sub_title, cluster_from_title(sub_title), start, end))
    return sections


def paragraph_cluster(paragraph: str) -> str | None:
    """A paragraph headed "4.智能终端产业集群。" speaks for that cluster inside a general plan."""
    m = _CLUSTER_PARAGRAPH.match(paragraph)
    return m.group("c") if m else None


@dataclass(frozen=True)
class PlanEntry:
    """A plan as users see it: one section of a corpus file, with the file's metadata."""

    plan_id: str
    file_id: str
    title: str
    cluster: str
    city: str
    issuer: str
    date: str


SECTION_COLUMNS = ["plan_id", "file_id", "title", "cluster", "city", "issuer", "date"]


def write_entries(entries: list[PlanEntry], path: Path = paths.PLAN_SECTIONS) -> None:
    with atomic_open(path, newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(SECTION_COLUMNS)
        for e in entries:
            w.writerow([getattr(e, c) for c in SECTION_COLUMNS])


def read_entries(path: Path = paths.PLAN_SECTIONS) -> list[PlanEntry]:
    with path.open(encoding="utf-8", newline="") as f:
        return [PlanEntry(**row) for row in csv.DictReader(f)]
