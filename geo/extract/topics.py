"""Which cluster a role belongs to: read from the sentence first, then from the heading scope.

In order: clusters given explicitly by the grammar (甲区（集成电路）, 甲区重点发展X、Y产业); a cluster
named inside the role itself (建设集成电路产业集聚区); the clause subject that opens the sentence part
before the places (集成电路产业以甲区为核心……；生物医药产业依托乙区……); in a general scope, an object
named after the role (以甲区为核心，建设数字经济产业布局); else the cluster of the heading scope or plan.
A cluster that is an ancestor of the scope's (电子信息 in the 智能终端 plan) keeps the narrower scope; one narrower
than the scope's (集成电路 under an 电子信息 heading) is added to it: the heading's layout holds the place too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.ingest.normalize import simplified
from geo.ingest.plans import GENERAL, own_stem
from geo.reference.clusters import (
    Cluster,
    ClusterMatcher,
    ClusterMention,
)
from geo.slotted import slot_init

_SEGMENT_BREAK = "；;"
_SUBJECT_SLACK = 3  # a subject may follow a few words that open the part (同时，…; 其中…)
_RUN_TEXT = re.compile(r"[^为，。；：]*")
_OPENER = re.compile(
    r"(?:在[^，。；：]{1,10}上|根据[^，。；：]{1,16}|按照[^，。；：]{1,20}|其中|同时|此外|另外|目前|下一步|具体来看|"
    r"[^，。；：]{1,8}?(?:提出|明确|指出|要求|强调))，"  # 方案提出，X产业以甲区为主阵地: a report's opener
)
_LABEL_LEAD = re.compile(r"“[^“”，。；]{1,8}”(?:即|为|是|指)[：:]?")
_CITY_LEAD = re.compile(r"(?:[\u4e00-\u9fff]{2,4}市|全市|我市|本市|全省)的?")
# 打造工程机械产业集聚区: an industry the taxonomy lacks still names the role's cluster.
_NAMED_INDUSTRY = re.compile(
    r"(?:打造|建设|形成|培育|定位为|成为|作为)(?:世界级|国家级|国家|中国|全国|全省|全市|特色|优势|先进|高端|新兴|现代|重要的?)*"
    r"(?P<c>[\u4e00-\u9fff]{2,6}?)产业(?:的(?:核心|重要|主要)?)?(?:集群|集聚区|聚集区|基地|高地|园区|示范区|核心区|承载区)"
)  # 作为全市光机电产业的核心承载区
# 构建打火机及轻工制品产业“一核两翼”发展格局: the industry whose layout the parts after the places make up.
_LAYOUT_INDUSTRY = re.compile(r"(?:构建|形成|打造|的)(?P<c>[\u4e00-\u9fff]{2,10}?)产业(?:“[^”]{1,12}”)?(?:空间|发展)?(?:布局|格局)")
# Verbs before an industry that make it the sentence's topic still (推动钒钛新材料产业向甲区集聚).
_LEAD_VERB = re.compile(r"推动|引导|促进|推进|鼓励|加快|加速")
_ROLE_VERB = re.compile(r"打造成为|打造成|打造为|建设成为|建设成|建成|定位为|打造|建设|形成|培育|成为")
_BROAD_TITLE = re.compile(r"战略性新兴|新兴产业|制造业|产业体系|现代化产业|产业集群和|工业|实体经济|十四五|国民经济")
_LIST_MARK = ("、", "和", "与", "及")
_ROLE_CLUSTERS_MAX = 2
# Words that may stand before the industry that heads a role (世界级生物医药产业集群), and nothing else:
# 海洋现代服务业集聚区 is about 海洋, not about services at large.
_OWN_INDUSTRY_LEAD = re.compile(r"(?:世界级|国家级|全国|全省|全市|全球|特色|优势|先进|高端|新兴|现代|重要|一流|千亿级|百亿级|的)*")
_REGION_LEAD_MAX = 6
# Words that tie the industry after them to another thing (服务汽车的, 赋能制造业的, 面向东盟的): no region's name.
_TIED_LEAD = re.compile(r"的|发展|服务|配套|支撑|带动|赋能|面向|融合|结合|联动|协同|推动|促进|以|和|与|及|、|[0-9]")
# The industry a role is the cluster area of: 生物医药产业集聚区, 新能源汽车基地 (the name, 产业 and a role noun).
_OWN_INDUSTRY_TAIL = re.compile(r"(?:产业)?(?:集群|集聚区|聚集区|基地|高地|园区|产业园|园|示范区|核心区|承载区|创新中心|中心)")
# A role noun that ends the role some words after its industry (新能源汽车整车及核心部件研发制造核心区); a centre
# (食品科技创新及成果转化中心) is a function, not an industry's area.
_ROLE_NOUN_END = re.compile(r"(?:集群|集聚区|聚集区|基地|高地|园区|产业园|示范区|核心区|承载区)$")
# Words after an industry that make the role serve it rather than be its area (新材料配套基地, 汽车零部件基地).
_SERVES = re.compile(r"配套|服务|零部件|材料|应用|装备")
# 模具产业以甲县、乙区为重点: an industry the taxonomy lacks that opens the sentence part is its subject.
_LEAD_INDUSTRY = re.compile(r"(?P<c>[\u4e00-\u9fff]{2,6}?)产业(?:集群)?(?:以|依托|重点|主要|集中|布局|围绕|在|向)")
_LAYOUT_OF = re.compile(r"(?:产业)?(?:空间|发展)?(?:布局|格局)")
_LIST_CLUSTERS_MAX = 4  # an object list names the place's industries (重点发展陶瓷建材、纺织服装和生产性服务业)
# Words that describe industries rather than name one (创新型产业集群, 千亿级产业集群).
_GENERIC_INDUSTRY = re.compile(r"^(?:创新|新兴|特色|优势|主导|先进|高端|现代|战略性新兴|支柱|重点|优质|传统|未来|数字)|[型性级]$|(?<!文)化$|(?:特色|优势|主导|支柱|重点)$")


@dataclass(frozen=True, slots=True)
class Topic:
    """What a sentence knows about clusters: its mentions and the cluster in scope (None: general)."""

    mentions: tuple[ClusterMention, ...]
    scope: Cluster | None


def section_cluster(name: str, title: str, matcher: ClusterMatcher) -> Cluster | None:
    """The plan's cluster as a taxonomy row: from its title's stem (智能终端产业集群行动计划), else the one
    cluster the title names (成都市电子信息产业建圈强链行动方案); a plan about emerging or manufacturing
    industries at large has none. A stem the taxonomy lacks still gets a stable row."""
    if name != GENERAL:
        if resolved := matcher.resolve(name):
            return resolved
        named = {m.cluster.slug: m.cluster for m in matcher.find(name)}  # 郑州出台低空经济: a headline's stem
        if named:
            return next(iter(named.values())) if len(named) == 1 else None  # 文旅康养: two clusters, the sentences say which
        return matcher.file(name)  # 机械装备, 白茶: filed by its head word, or named for itself
    title = simplified(title)
    if _BROAD_TITLE.search(title) or "+" in title:
        return None  # 算力+能源: a plus joins several industries, the sentences say which
    named = {m.cluster.slug: m.cluster for m in matcher.find(title)}
    return next(iter(named.values())) if len(named) == 1 else None


def _fit(found: list[Cluster], scope: Cluster | None, matcher: ClusterMatcher) -> list[Cluster | None]:
    """Clusters read from the sentence, as far as the scope allows: inside a cluster's scope a narrower cluster
    (集成电路 under 电子信息) is added to it; 电子信息 in the 智能终端 plan, or an unrelated industry a role mentions
    in passing, leaves the scope's cluster alone."""
    distinct = list({c.slug: c for c in found}.values())
    # 新能源汽车研发和整车制造基地: 汽车 (from 整车) is a word of 新能源汽车's name and its kin, no industry of its own
    # here; 新能源 beside 新能源汽车 is another industry
    distinct = [c for c in distinct if not any(d.slug != c.slug and c.name in d.name and matcher.related(c, d) for d in distinct)]
    if scope is None:
        return list(distinct) or [None]
    return [scope, *(c for c in distinct if matcher.is_narrower(c, scope))]


def _fit_objects(found: list[Cluster], scope: Cluster | None, matcher: ClusterMatcher, scope_named: set[str]) -> list[Cluster | None]:
    """The industries a place's own verb takes as objects (甲区重点发展海洋装备、冷链物流): one of the scope's kind,
    or named with the scope's word (海洋生物医药 in a marine plan), or a whole field (生产性服务业), fits the scope as
    `_fit` does; a cluster of another kind (冷链物流 in a marine plan), and a field listed beside one, is named for itself."""
    if scope is None:
        return _fit(found, scope, matcher)
    unrelated = [
        c for c in found if c.slug != scope.slug and c.slug in matcher.by_slug and c.slug not in scope_named and not matcher.related(c, scope)
    ]  # an industry the taxonomy lacks (医美产业 in a biomedicine plan) is one of the plan's products
    # in a field's plan another field is another industry (新能源汽车 in a 新能源 plan), save the services that serve any
    other = [c for c in unrelated if c.level != "field" or (scope.level == "field" and c.slug != _SERVICES_FIELD)]
    if other:
        other = unrelated  # 装备制造和电子信息: beside another industry a whole field is named for itself too
    kin = [c for c in found if c not in other]
    return list(dict.fromkeys((_fit(kin, scope, matcher) if kin else []) + (_fit(other, None, matcher) if other else [])))


def _scope_named(work: str, where: Where, topic: Topic) -> set[str]:
    """Clusters the role names together with a word of the scope's own name in the same list item (海洋生物医药,
    新能源装备 in a new-energy plan): the scope's sub-industries, not industries of their own."""
    scope = topic.scope
    if scope is None:
        return set()
    words = (scope.name, *scope.aliases, *scope.qualified_aliases, *(h for h in scope.heads if len(h) > 1))  # 黄金珠宝 in a 黄金 section
    named = set()
    for m in topic.mentions:
        if where.role_start <= m.start and m.end <= where.role_end:
            item = work[max(where.role_start, m.start - _QUALIFIER_MAX) : m.end]
            item = item[max(item.rfind(ch) for ch in _ITEM_BREAK) + 1 :]
            if any(w in item for w in words) and not (m.cluster.level == "field" == scope.level):  # 新能源汽车 is no sub-industry of 新能源
                named.add(m.cluster.slug)
    return named


_QUALIFIER_MAX = 4
_SERVICES_FIELD = "related-services"  # 生产性服务业, 研发设计和检验检测服务: services of whatever industry the plan is about
_ITEM_BREAK = "、，,和及与"
_SHARED_OBJECT = re.compile(r"为[^，；,;为]{1,8}的$")


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class Where:
    """Positions in a sentence that decide which mentions speak for a run's role."""

    run_start: int
    first_run_start: int  # the sentence's first run: a subject stands before it
    run_starts: tuple[int, ...]  # every run: a clause with its own run speaks for that run
    role_start: int
    role_end: int


def _own_run(work: str, pos: int, where: Where) -> bool:
    """Whether the clause around `pos` opens with another run as its subject (甲区打造A，乙区聚焦X: X speaks
    for 乙区, not for 甲区)."""
    clause = max(work.rfind(ch, 0, pos) for ch in "，；,;") + 1
    if _SHARED_OBJECT.search(work, clause, pos):
        return False  # 以甲区为龙头，乙区为重要支撑的X布局: X is the object of both
    return any(clause <= s <= clause + 2 and s < pos and s != where.run_start for s in where.run_starts)


def _own_industry(work: str, where: Where, mentions: list[ClusterMention], matcher: ClusterMatcher) -> Cluster | None:
    """The one cluster a role is the area of: its name opens the role noun phrase and the role noun follows
    it (建设生物医药产业集聚区), unlike a cluster mentioned in passing (服务智能终端的新材料配套基地)."""
    names = {m.cluster.name for m in mentions}
    mentions = [m for m in mentions if not any(m.cluster.name != n and m.cluster.name in n for n in names)]  # 整车 in 新能源汽车整车
    if len({m.cluster.slug for m in mentions}) != 1:
        return None
    m = mentions[0]
    noun = _role_noun_start(work, where)
    return m.cluster if _leads_own(work, noun, m.start, matcher) and _ends_role(work, m, where) else None


def _listed_own(work: str, where: Where, mentions: list[ClusterMention]) -> list[Cluster]:
    """The industries a role noun phrase lists before its role noun (建设动力电池及储能产业园): two or more names joined
    by list marks that open the phrase after its verb and end right before the noun."""
    if len(mentions) < 2:
        return []
    noun = _role_noun_start(work, where)
    first, last = mentions[0], mentions[-1]
    joined = all(work[a.end : b.start] in _LIST_GAP for a, b in zip(mentions, mentions[1:]))
    tail = _OWN_INDUSTRY_TAIL.match(work, last.end)
    lead = _OWN_INDUSTRY_LEAD.match(work, noun, first.start)
    if not (joined and tail and tail.end() == where.role_end and lead and lead.end() == first.start):
        return []
    return list({m.cluster.slug: m.cluster for m in mentions}.values())


def _leads_own(work: str, noun: int, start: int, matcher: ClusterMatcher) -> bool:
    """Whether the words between the role verb and the industry only describe or locate the area: ranks and
    describing words (世界级, 高端), or a short region's name (长三角北翼, 县域, 对俄) that ties the industry to nothing else
    and names none (海洋现代服务业集聚区 is 海洋's)."""
    lead = _OWN_INDUSTRY_LEAD.match(work, noun, start)
    if lead and lead.end() == start:
        return True
    words = work[noun:start]
    return (
        0 < len(words) <= _REGION_LEAD_MAX and words.isalpha() and not _TIED_LEAD.search(words)
        and not matcher.pattern_for_names().search(words)
    )


def _ends_role(work: str, m: ClusterMention, where: Where) -> bool:
    """Whether the role noun that ends the role is the industry's area: right after its name (生物医药产业集聚区, or
    inside the taxonomy's match: 新能源汽车产业集群), or after words that neither serve it nor list it with others."""
    if m.end == where.role_end:
        return bool(_OWN_INDUSTRY_TAIL.search(work, m.start, m.end))
    tail = _OWN_INDUSTRY_TAIL.match(work, m.end)
    if tail and tail.end() == where.role_end:
        return True
    late = _ROLE_NOUN_END.search(work, m.end, where.role_end)
    return late is not None and work[m.end] not in _LIST_MARK and not _SERVES.search(work, m.end, late.start())


def _role_noun_start(work: str, where: Where) -> int:
    """Where the role noun phrase begins: after the verb that assigns it (打造, 建设 …)."""
    verb = _ROLE_VERB.search(work, where.role_start, where.role_end)
    return verb.end() if verb else where.role_start


def _clause_subjects(work: str, where: Where, topic: Topic) -> list[ClusterMention]:
    """An industry that opens the run's own clause after a comma, with no run between it and the run
    (集成电路产业布局在甲区，新型显示产业主要分布在乙区: 新型显示 speaks for 乙区)."""
    clause = max(work.rfind("，", 0, where.run_start), work.rfind(",", 0, where.run_start)) + 1
    if clause == 0 or any(clause <= s < where.run_start for s in where.run_starts):
        return []
    lead = _lead_end(work, clause) + _SUBJECT_SLACK  # once, not per mention
    return [
        m for m in topic.mentions
        if clause <= m.start <= lead and m.end <= where.run_start and work[m.end : m.end + 1] not in _LIST_MARK
    ]


_NO_SUBJECT_LEAD = re.compile(r"围绕|聚焦|依托|面向|以|对|按照|立足|瞄准|在|发展|培育|壮大|布局")
_LIST_GAP = ("、", "和", "与", "及", "以及", "、以及")
_SUBJECT_TAIL = re.compile(r"(?:(?:及|和|与)[\u4e00-\u9fff]{1,6}?|[\u4e00-\u9fff]{0,3}?)(?:等)?(?:产业|集群)")


def _subject_list(work: str, first: ClusterMention, topic: Topic) -> list[Cluster]:
    """The industries of a list that opens its clause (no verb before it) and ends with 产业/集群."""
    clause = max(work.rfind(ch, 0, first.start) for ch in "，。；：,;") + 1
    if _NO_SUBJECT_LEAD.search(work, clause, first.start):
        return []
    listed = [first]
    for m in topic.mentions:
        if m.start > listed[-1].end and work[listed[-1].end : m.start] in _LIST_GAP:
            listed.append(m)
    last = listed[-1]
    tail = _SUBJECT_TAIL.match(work, last.end)  # 冶金及深加工产业, 光伏及半导体材料产业: words of the last item before 产业
    closed = work[last.start : last.end].endswith(("产业", "集群")) or tail is not None
    found = list({m.cluster.slug: m.cluster for m in listed}.values())
    return found if closed and (len(listed) > 1 or tail) and len(found) <= _LIST_CLUSTERS_MAX else []


_PAIR_PREDICATE = re.compile(r"(?:产业|集群)?(?:以|依托|重点|主要|集中|布局|在)")


def _joined_pair(work: str, first: ClusterMention, topic: Topic) -> list[Cluster]:
    """Two industries run together as one subject (医药食品, 文旅康养) and followed by the predicate: each of them."""
    second = next((m for m in topic.mentions if m.start == first.end), None)
    if second is None or second.cluster.slug == first.cluster.slug or not _PAIR_PREDICATE.match(work, second.end):
        return []
    return [first.cluster, second.cluster]


def _listed_subjects(listed: list[Cluster], scope: Cluster | None, matcher: ClusterMatcher) -> list[Cluster | None]:
    """Each industry of a list that opens the clause is its subject: inside a scope, one of the scope's kind fits it
    as `_fit` does and a taxonomy cluster of another kind is named for itself, as a single subject is
    (新能源及新能源汽车产业以甲区为核心 under an 电子信息 heading)."""
    other = [c for c in listed if scope is not None and c.slug in matcher.by_slug and not matcher.related(c, scope)]
    kin = [c for c in listed if c not in other]
    return list(dict.fromkeys((_fit(kin, scope, matcher) if kin else []) + other))


def _segment_end(work: str, where: Where) -> int:
    """Where the run's sentence part ends, at the next _SEGMENT_BREAK mark."""
    semicolon, ascii_semicolon = _SEGMENT_BREAK
    ends = [i for i in (work.find(semicolon, where.role_end), work.find(ascii_semicolon, where.role_end)) if i >= 0]
    return min(ends) if ends else len(work)


# A clause that develops the industries named after it.
_DEVELOPS_NEXT = re.compile(r"[，,](?:重点|着力|大力|加快|积极|主要|优先)?(?:发展|布局|培育|做强|壮大|聚焦|主攻)")


def _with_developed(found: list[Cluster | None], work: str, where: Where, topic: Topic, matcher: ClusterMatcher) -> list[Cluster | None]:
    """`found`, and the industries narrower than the scope's that a later clause of the role's sentence part develops,
    with no other run between (under 汽车: 为整车制造核心区，重点发展新能源汽车和智能网联汽车)."""
    scope = topic.scope
    if scope is None or (develops := _DEVELOPS_NEXT.search(work, where.role_end)) is None:
        return found  # 以甲区为核心，巩固X优势，加快发展Y: a later clause of the part too
    seg_end = _segment_end(work, where)
    if develops.start() >= seg_end or any(where.role_end <= s < develops.start() for s in where.run_starts):
        return found
    after = [m.cluster for m in topic.mentions if develops.end() <= m.start and m.end <= seg_end and not _own_run(work, m.start, where)]
    narrower = [c for c in after if matcher.is_narrower(c, scope)]
    if not 0 < len({c.slug for c in narrower}) <= _LIST_CLUSTERS_MAX:
        return found
    return list({c.slug if c else None: c for c in [*found, *narrower]}.values())


def _broad(scope: Cluster | None) -> bool:
    """A plan's cluster that spans many industries (a national field such as 新材料, an economy such as 数字经济): a
    place's own industries that are none of its kind are named for themselves, not folded into it. Within a
    narrower cluster's plan (光电子, 生物医药) the industries a place develops are that cluster's products."""
    return scope is not None and (scope.level == "field" or scope.name.endswith("经济"))


def _narrowed_by_subject(found: list[Cluster], work: str, where: Where, topic: Topic, matcher: ClusterMatcher) -> list[Cluster]:
    """新能源汽车产业重点在甲区布局整车项目: an industry the role names (整车, 汽车) that is an ancestor of the
    sentence's subject, or a word of its name, speaks for the subject."""
    subject = (_clause_subjects(work, where, topic) or _segment_subjects(work, where, topic))[:1] if found else []
    subj = subject[0].cluster if subject else None
    if subj and all(c.slug != subj.slug and (matcher.narrower(subj, c) is subj and matcher.related(c, subj) or c.name in subj.name) for c in found):
        return [subj]
    if subj and subj.slug in matcher.by_slug and all(c.slug not in matcher.by_slug for c in found):
        return [subj]  # 食品产业…分别建设花生制品特色产业区: products the taxonomy lacks are the subject industry's
    return found


def _segment_subjects(work: str, where: Where, topic: Topic) -> list[ClusterMention]:
    """Industries that open the sentence part (up to ；) before its first run (集成电路产业以甲区为核心…)."""
    seg_start = _segment_start(work, where)
    lead, end = _lead_end(work, seg_start) + _SUBJECT_SLACK, max(where.first_run_start, where.run_start)  # once, not per mention
    return [m for m in topic.mentions if seg_start <= m.start <= lead and m.end <= end]


def _segment_start(work: str, where: Where) -> int:
    """Where the run's sentence part begins, after a _SEGMENT_BREAK mark: a find per mark, without a generator."""
    semicolon, ascii_semicolon = _SEGMENT_BREAK
    return max(work.rfind(semicolon, 0, where.run_start), work.rfind(ascii_semicolon, 0, where.run_start)) + 1


def _colon_subjects(work: str, seg_start: int, topic: Topic) -> list[ClusterMention]:
    """全市X产业按照“一核两翼”布局推进：一核为甲区；两翼为乙区: the industry that opens the sentence before a
    colon speaks for every part the colon introduces."""
    colon = max(work.rfind("：", 0, seg_start), work.rfind(":", 0, seg_start), work.rfind("—", 0, seg_start))  # 新能源汽车——甲区：…；乙区：…
    if colon < 0:
        return []
    lead = _lead_end(work, 0) + _SUBJECT_SLACK  # once, not per mention
    return [m for m in topic.mentions if m.start <= lead and m.end <= colon][:1]


def _layout_subjects(work: str, where: Where, topic: Topic) -> list[ClusterMention]:
    """全市将形成“一核三带”的人工智能产业布局，其中“一核”为甲区: the industry whose layout the sentence forms before
    其中 or a colon speaks for the parts that follow."""
    opened = max(work.rfind("其中", 0, where.first_run_start), work.rfind("：", 0, where.first_run_start))
    return [m for m in topic.mentions if m.end <= opened and _LAYOUT_OF.match(work, m.end)][-1:] if opened > 0 else []


def _carried_subjects(work: str, seg_start: int, where: Where, topic: Topic) -> list[ClusterMention]:
    """X产业以甲区为核心区；乙区、丙区为配套区: a later part that opens with its places and a parallel 为 keeps the
    industry that opened the sentence."""
    if seg_start == 0 or where.run_start != seg_start or not work.startswith("为", _run_end(work, where)):
        return []
    lead = _lead_end(work, 0) + _SUBJECT_SLACK  # once, not per mention
    return [m for m in topic.mentions if m.start <= lead and m.end <= where.first_run_start][:1]


def _run_end(work: str, where: Where) -> int:
    """The end of the run that starts at `where.run_start`: up to the first character no place list holds."""
    m = _RUN_TEXT.match(work, where.run_start)
    return m.end() if m else where.run_start


def _lead_end(work: str, start: int) -> int:
    """Where a part's subject may begin: after an opening phrase (在空间布局上，…; 根据规划，…), the city's name
    (六盘水市钢铁产业…, 石嘴山市的新材料产业…) and a verb that makes the industry the topic (推动X产业向甲区集聚)."""
    opener = _OPENER.match(work, start)
    start = opener.end() if opener else start
    label = _LABEL_LEAD.match(work, start)  # “1”即有色金属产业，重点布局在甲区: a count's label before its industry
    start = label.end() if label else start
    lead = _CITY_LEAD.match(work, start)
    start = lead.end() if lead else start
    verb = _LEAD_VERB.match(work, start)
    return verb.end() if verb else start


def clusters_for(work: str, where: Where, explicit: tuple[Cluster, ...], topic: Topic, matcher: ClusterMatcher) -> list[Cluster | None]:
    """The clusters one run's role belongs to (several when the role names several)."""
    scope = topic.scope
    if explicit:
        found = _narrowed_by_subject(list(explicit), work, where, topic, matcher)
        if _broad(scope) and scope.name not in work[where.role_start : where.role_end] and all(not matcher.related(c, scope) for c in found):  # type: ignore[union-attr]
            return list({c.slug: c for c in found}.values())  # a 数字经济 plan: 白云区做强铝加工产业 is 有色金属's
        return _fit_objects(found, scope, matcher, _scope_named(work, where, topic))
    in_role_mentions = [m for m in topic.mentions if where.role_start <= m.start and m.end <= where.role_end]
    in_role = _narrowed_by_subject([m.cluster for m in in_role_mentions], work, where, topic, matcher)
    if 0 < len({c.slug for c in in_role}) <= _ROLE_CLUSTERS_MAX:
        own = _own_industry(work, where, in_role_mentions, matcher)
        if own is not None and scope is not None and not matcher.related(own, scope) and own.name not in scope.name:
            return [own]  # 钱塘区建设生物医药产业集聚区 in a digital-economy plan: the role names its own cluster
        if listed := _listed_own(work, where, in_role_mentions):
            return _listed_subjects(listed, scope, matcher)  # 建设动力电池及储能产业园: the park of each industry listed
        return _with_developed(_fit(in_role, scope, matcher), work, where, topic, matcher)  # 为整车制造核心区，重点发展新能源汽车
    between = [m.cluster for m in topic.mentions if where.run_start <= m.start and m.end <= where.role_start]
    if scope is None and 0 < len({c.slug for c in between}) <= _LIST_CLUSTERS_MAX:
        return _fit(between, scope, matcher)  # 萧山区聚焦新能源汽车，建设先进制造业基地
    subjects = _clause_subjects(work, where, topic)
    if not subjects:
        seg_start = _segment_start(work, where)
        subjects = (
            _segment_subjects(work, where, topic) or _colon_subjects(work, seg_start, topic) or _carried_subjects(work, seg_start, where, topic)
            or _layout_subjects(work, where, topic)
        )
    if subjects and (pair := _joined_pair(work, subjects[0], topic)):
        return _listed_subjects(pair, scope, matcher)  # 医药食品以甲区为重点: two industries written as one name
    if subjects and work[subjects[0].end : subjects[0].end + 1] in _LIST_MARK:
        # 超高清视频及新型显示产业集中分布于甲区: a list that opens the clause is its subject, each industry in it;
        # 围绕氢能、地热能等新兴能源产业: a list after a verb is no subject
        if listed := _subject_list(work, subjects[0], topic):
            return _listed_subjects(listed, scope, matcher)
        subjects = []
    if subjects:
        subject = subjects[0].cluster
        own_part = subjects[0].start >= _segment_start(work, where)
        if own_part and scope is not None and subject.slug in matcher.by_slug and not matcher.related(subject, scope):
            return [subject]  # 动力电池产业以甲区为核心区 in a 新能源 plan: the clause is that industry's layout
        return _with_developed(_fit([subject], scope, matcher), work, where, Topic(topic.mentions, subject), matcher)
    if scope is not None and len(developed := _with_developed([scope], work, where, topic, matcher)) > 1:
        return developed  # 电子信息: 以甲区为核心，重点发展光通信和智能终端
    if scope is None:
        seg_end = _segment_end(work, where)
        after = [m for m in topic.mentions if where.role_end <= m.start and m.end <= seg_end and not _own_run(work, m.start, where)]
        if 0 < len({m.cluster.slug for m in after}) <= _LIST_CLUSTERS_MAX:
            return list({m.cluster.slug: m.cluster for m in after}.values())  # 以甲区为核心，重点发展X、Y
        seg_start = _segment_start(work, where)
        lead = _LEAD_INDUSTRY.match(work, _lead_end(work, seg_start), where.first_run_start if seg_start == 0 else where.run_start)
        named = lead or _NAMED_INDUSTRY.search(work, where.role_start, where.role_end) or _LAYOUT_INDUSTRY.search(work, where.role_end, seg_end)
        if named and not _GENERIC_INDUSTRY.search(named.group("c")):
            name = own_stem(named.group("c"))  # 厦门机械装备产业集聚区: the industry, not the city
            return [matcher.file(name)]  # 模具产业以甲县为重点; 打造白茶产业集聚区
    if scope is None or scope.slug not in matcher.by_slug:  # a plan about 富硒 (no cluster): its 富硒茶产业带 is 食品's
        if filed := _filed_role(work[where.role_start : where.role_end], matcher):
            return filed
    return [scope]


# A role that names a product before its role noun (全国白羽肉鸡全产业链示范基地, 中国超硬材料之都, 黄河沿岸红枣产业带).
_PRODUCT_ROLE = re.compile(
    r"(?P<c>[\u4e00-\u9fff]{2,12}?)(?:全产业链|产业链|产业)?(?:示范|特色|重要|综合|出口|生产|加工|核心)*"
    r"(?:基地|集聚区|聚集区|示范区|产业园|园区|园|之都|之乡|产区|产业带|高地|城市|城)$"
)
# A role that is the place's own verb and its objects (重点发展蜜桃种植及果品加工).
_DEVELOPS = re.compile(r"(?:重点|着力|大力|加快|积极|主要)?(?:发展|培育|做强|做优|做大|壮大)(?P<o>[\u4e00-\u9fff、和及与]{2,24}?)(?:等|产业)?$")
_OBJECT_ITEM = re.compile(r"[^、和及与]+")
_PART_ROLE = re.compile(r"(?:核心)?(?:产区|基地|集聚区|示范区|园区|核心区)$")  # 滇红茶核心产区 of …和…集聚区
_QUOTES = re.compile(r"[“”‘’\"'「」]")


def _filed_role(role: str, matcher: ClusterMatcher) -> list[Cluster | None]:
    """Taxonomy clusters a role with no industry word still names by its products' head words (红枣产业带 → 食品;
    重点发展茶叶和精品水果加工 → 食品); a product no head word files (总部经济) leaves the role general."""
    role = _QUOTES.sub("", role)
    if m := _PRODUCT_ROLE.search(role):  # the role's last words: after the places and a dash (甲县、乙县——X基地)
        # 滇红茶核心产区和精深加工集聚区: the last part a head word files, of the parts 和 joins
        parts = [_PART_ROLE.sub("", p) for p in reversed(_OBJECT_ITEM.findall(m.group("c")))]
        filed = [next(filter(None, map(matcher.filed, parts)), None)]
    elif m := _DEVELOPS.fullmatch(role):
        filed = [matcher.filed(item) for item in _OBJECT_ITEM.findall(m.group("o"))]
    else:
        return []
    found = list({c.slug: c for c in filed if c is not None}.values())
    return found if len(found) <= _LIST_CLUSTERS_MAX else []
