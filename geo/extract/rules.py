"""Role extraction: which unit plays which role in which cluster, with the sentence that says so.

Rules work on normalized text plus the place index of the plan's city; nothing is specific to one
document. Outline per sentence: find place mentions, group adjacent ones into runs (南山、宝安等区),
then read the role that follows each run — in its own clause, or in the next clauses up to the next
run (南山区重点…，打造X区), or across the sentence for a topic run (对中心城区，…). Responsible-unit
parentheticals and organisation names are masked first.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.places import Mention, Place, PlaceIndex
from geo.extract.roles import Role
from geo.ingest.normalize import simplified
from geo.ingest.plans import GENERAL, Section, paragraph_cluster

MASK = "□"
_RESPONSIBLE = re.compile(r"[（(][^（）()]*?(?:负责|责任单位|牵头|配合|按职责|分工)[^（）()]*?[）)]|(?:责任单位|牵头单位|配合单位)[：:][^。\n]*")
_SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
_CLAUSE_BREAK = set("，；：,;")
_CONNECTOR_CHARS = set("、和及与以等区域（）()，")
_RUN_TAIL = re.compile(r"(?:等|共)?(?:[0-9一二三四五六七八九十]+个)?(?:区域|区)?")
_TRIGGER = re.compile(r"定位为|打造成为|打造成|打造为|建设成为|建设成|建成|打造|建设|创建|构建|形成|培育|推进|(?:大力|重点|加快|积极|着力|优先)发展|作为|成为|为")
_HEAD = re.compile(
    r"集聚区|聚集区|承载区|示范区|先行区|先导区|引领区|核心区|辐射区|功能区|试验区|探索区|集聚地|聚集地|策源地|"
    r"高地|基地|中心|走廊|生态带|产业带|增长极|火车头|主轴|园区|集群|标杆|枢纽|小镇|核心|区"
)
_ROLE_MAX = 60
_PHRASE_END = set("，。；：、和及与”’\"）)\n")
_FUNCTION_TERMS = [
    ("研发制造", ("研发设计", "生产制造")),
    ("研发设计", ("研发设计",)),
    ("研发创新", ("研发设计",)),
    ("技术研发", ("研发设计",)),
    ("源头创新", ("研发设计",)),
    ("生产制造", ("生产制造",)),
    ("高端制造", ("生产制造",)),
    ("智能制造", ("生产制造",)),
    ("装备制造", ("生产制造",)),
    ("生产性服务业", ("生产性服务",)),
    ("综合服务", ("生产性服务",)),
    ("销售结算", ("销售结算",)),
    ("应用示范", ("应用示范",)),
    ("配套", ("配套",)),
    ("总部", ("总部",)),
    ("研发", ("研发设计",)),
    ("设计", ("研发设计",)),
    ("制造", ("生产制造",)),
]
FUNCTION_ORDER = ["研发设计", "生产制造", "应用示范", "配套", "总部", "销售结算", "生产性服务"]
_FUNC_WORD = "|".join(t for t, _ in _FUNCTION_TERMS)
_FUNCTION_ROLE = re.compile(
    rf"(?:布局|兼具|为|承担|开展)(?P<f>(?:{_FUNC_WORD})(?:(?:[、和与及]|以及)(?:{_FUNC_WORD}))*)(?P<s>环节|功能)?"
)
_ACTION = re.compile(r"(?:等区域|等区|等)?(?P<r>[^，。；]{1,10}?)作用")
_LISTING = re.compile(r"(?:等区域|等区|等)?(?P<r>集聚发展)")
# 打造“盐田—大鹏—深汕”东部向海发展走廊: the places are quoted inside the role's name.
_QUOTED_NAME = re.compile(rf"[^“”，。；]{{0,4}}”(?P<r>[^，。；“”（]{{1,30}}?(?:{_HEAD.pattern}))(?=[，。；、]|$)")
_TRIGGER_AT_END = re.compile(rf"(?:{_TRIGGER.pattern})$")
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"")
_ROLE_DETERMINER = re.compile(r"^(?:一批|若干|一个|多个|我市|全市|本市)")
_LEADING_ADVERB = re.compile(r"^(?:加快|积极|鼓励|着力|大力|进一步|全面|重点|努力|持续|不断)+")


@dataclass(frozen=True)
class _Run:
    start: int
    end: int  # after tails such as 等区
    places: tuple[Place, ...]


@dataclass(frozen=True)
class _Found:
    role: str
    start: int  # where the assigning phrase begins (its verb)
    end: int


def mask_responsible(text: str) -> str:
    """Blank out responsible-unit notes so districts named there never become roles."""
    return _RESPONSIBLE.sub(lambda m: MASK * len(m.group()), text)


def _runs(work: str, mentions: list[Mention]) -> list[_Run]:
    runs: list[_Run] = []
    for m in mentions:
        if runs:
            gap = work[runs[-1].end : m.start].replace("以下简称", "").replace("以及", "")
            if len(gap) <= 8 and set(gap) <= _CONNECTOR_CHARS:
                last = runs[-1]
                places = last.places if m.place in last.places else last.places + (m.place,)
                runs[-1] = _Run(last.start, m.end, places)
                continue
        runs.append(_Run(m.start, m.end, (m.place,)))
    return [_Run(r.start, r.end + _RUN_TAIL.match(work, r.end).end() - r.end, r.places) for r in runs]


def _clean_role(role: str) -> str:
    if "的" in role:
        role = role.rsplit("的", 1)[1]
    return _ROLE_DETERMINER.sub("", role.strip("“”\"‘’ "))


def _ends_phrase(work: str, pos: int, limit: int) -> bool:
    """A role noun ends its phrase: 集聚区 in 打造X集聚区， but not 园区 in 打造X园区体系."""
    return pos >= limit or work[pos] in _PHRASE_END


def _role_after_trigger(work: str, start: int, end: int) -> _Found | None:
    for trig in _TRIGGER.finditer(work, start, end):
        seg_end = trig.end()
        while seg_end < end and seg_end - trig.end() < _ROLE_MAX and work[seg_end] not in "，。；：（\n":
            seg_end += 1
        heads = [h for h in _HEAD.finditer(work, trig.end(), seg_end) if _ends_phrase(work, h.end(), seg_end)]
        if heads:
            role = _clean_role(work[trig.end() : heads[-1].end()])
            if len(role) >= 2 and MASK not in role:
                return _Found(role, trig.start(), heads[-1].end())
    return None


def _function_role(work: str, start: int, end: int) -> _Found | None:
    m = _FUNCTION_ROLE.search(work, start, end)
    if not m:
        return None
    return _Found(m.group("f") + (m.group("s") or ""), m.start(), m.end())


def functions_in(text: str) -> tuple[str, ...]:
    """Value-chain functions a passage assigns; slogans in quotes are not assignments."""
    text = _QUOTED.sub(lambda m: MASK * len(m.group()), text).replace("制造业", MASK * 3)
    found: set[str] = set()
    i = 0
    while i < len(text):
        for term, funcs in _FUNCTION_TERMS:
            if text.startswith(term, i):
                found.update(funcs)
                i += len(term) - 1
                break
        i += 1
    return tuple(f for f in FUNCTION_ORDER if f in found)


def _topic_role(work: str, start: int) -> _Found | None:
    """对X，…: the role is the last one stated in the sentence, or its closing aim."""
    best = None
    pos = start
    while (found := _role_after_trigger(work, pos, len(work))) is not None:
        best, pos = found, found.end
    if best:
        return _Found(best.role, start, len(work))
    tail = work[start:].rstrip("。！？").split("，")[-1]
    aim = _LEADING_ADVERB.sub("", tail)
    return _Found(aim, len(work) - len(tail), len(work)) if len(aim) >= 4 and MASK not in aim else None


def _inside_quoted_name(work: str, run: _Run) -> bool:
    """The run sits in an open “…” that directly follows a role verb (打造“盐田—大鹏—深汕”…)."""
    q = work.rfind("“", 0, run.start)
    return q >= 0 and "”" not in work[q : run.start] and bool(_TRIGGER_AT_END.search(work, max(0, q - 6), q))


def _read_role(work: str, run: _Run, next_start: int) -> _Found | None:
    """The role for a run, with the span of the text that assigns it."""
    before = work[: run.start]
    is_topic = before.endswith("对") and work[run.end : run.end + 1] == "，"
    if is_topic:
        return _topic_role(work, run.end)
    if before.endswith("发挥") and (m := _ACTION.match(work, run.end)):
        return _Found(m.group("r"), m.start(), m.end())
    if m := _LISTING.match(work, run.end):
        return _Found(m.group("r"), m.start(), m.end())
    if _inside_quoted_name(work, run) and (m := _QUOTED_NAME.match(work, run.end)):
        return _Found(m.group("r"), m.start(), m.end())
    clause_end = next((i for i in range(run.end, next_start) if work[i] in _CLAUSE_BREAK), next_start)
    for end in dict.fromkeys((clause_end, next_start)):
        found = _role_after_trigger(work, run.end, end) or _function_role(work, run.end, end)
        if found:
            return found
    return None


def _read_runs(work: str, runs: list[_Run]) -> list[tuple[_Run, _Found, tuple[str, ...]]]:
    """Each run with its role and functions. A run that only opens a list (以A科学城、B园区…为R)
    shares the role of the run after it."""
    out: list[tuple[_Run, _Found, tuple[str, ...]]] = []
    later: tuple[_Found, tuple[str, ...]] | None = None
    for i in range(len(runs) - 1, -1, -1):
        run = runs[i]
        next_start = runs[i + 1].start if i + 1 < len(runs) else len(work)
        found = _read_role(work, run, next_start)
        if found:
            clause_end = next((k for k in range(run.end, len(work)) if work[k] in _CLAUSE_BREAK), len(work))
            funcs = set(functions_in(work[run.start : clause_end])) | set(functions_in(work[found.start : found.end]))
            later = (found, tuple(f for f in FUNCTION_ORDER if f in funcs))
            out.append((run, *later))
        elif later and not any(c in _CLAUSE_BREAK for c in work[run.end : next_start]):
            out.append((run, *later))
        else:
            later = None
    return out[::-1]


def _sentences(text: str, section: Section):
    """(start, end, cluster) for each sentence of a section, paragraph cluster headings applied."""
    pos = section.start
    for line in text[section.start : section.end].split("\n"):
        cluster = section.cluster
        if section.cluster == GENERAL:
            cluster = paragraph_cluster(line) or GENERAL
        for m in _SENTENCE.finditer(line):
            yield pos + m.start(), pos + m.end(), cluster
        pos += len(line) + 1


def extract_section(
    text: str, work_text: str, section: Section, index: PlaceIndex, cluster_en: dict[str, str]
) -> list[Role]:
    """Roles of one plan section. `work_text` is the masked, simplified twin of `text`."""
    roles: list[Role] = []
    expanded: list[Role] = []
    for s0, s1, cluster in _sentences(text, section):
        work = work_text[s0:s1]
        runs = _runs(work, index.find(work))
        for run, found, funcs in _read_runs(work, runs):
            base = dict(
                city=index.city, plan_id=section.plan_id, plan_title=section.title, cluster=cluster,
                cluster_en=cluster_en.get(cluster, ""), role=found.role, functions=funcs,
                quote=text[s0:s1], start=s0, end=s1,
            )
            for place in run.places:
                if place.type != "group":
                    roles.append(Role(district=place.name, district_id=place.id, district_kind=place.kind, via="direct", **base))
                for unit in place.expands_to:
                    expanded.append(Role(district=unit.name, district_id=unit.id, district_kind=unit.kind, via=place.name, **base))
    return _dedupe(roles + expanded)


def _dedupe(roles: list[Role]) -> list[Role]:
    """One record per (plan, cluster, district, role); a direct record wins over an expanded one."""
    seen: dict[tuple[str, str, str, str], Role] = {}
    for r in roles:
        seen.setdefault((r.plan_id, r.cluster, r.district, r.role), r)
    return list(seen.values())


def extract(text: str, sections: list[Section], index: PlaceIndex, cluster_en: dict[str, str]) -> list[Role]:
    """Roles of every section of one normalized plan text, in text order."""
    work_text = simplified(mask_responsible(text))
    out: list[Role] = []
    for section in sections:
        out.extend(extract_section(text, work_text, section, index, cluster_en))
    return out
