"""The role grammar: which role a sentence gives a run of places, and the words that say so.

Rules work on one simplified, masked sentence and the runs in it (`geo.extract.runs`); nothing is
specific to one document. Each run's role is read, in order of precedence, from:
- a topic run (对中心城区，…) — the last role stated in the sentence or its closing aim;
- 发挥…作用, …集聚发展/协同发展, a role whose name quotes the places (打造“盐田—大鹏—深汕”…走廊);
- a label before the run (“一核”即甲区; “两带”：甲县、乙县; 一核为甲区 opening a part; “一核”——甲区) or a role
  noun before a colon, with each place's own role noun after it (“三区”即甲区X集聚区、乙区Y集聚区);
- a role stated first (作为全市X核心区，甲区将…);
- a verb before the run (主要集聚在甲区) or a count allocation (建设10个园区，其中甲区4个、乙区3个);
- 甲区：X、Y and 甲区以X、Y为主导产业 (clusters as the role's objects);
- 以…为 a short noun in the run's own clause (以甲区、乙区为重点 / 两翼), also in parallel (…、乙区为两翼), an area
  the places make up (东部片区以甲区为主); an instrument (以甲区为载体建设X集聚区) gives way to the stated role;
- 承担…功能, 以X为主 (甲区以设计为主);
- a dash or colon then a role noun (甲区——X高地);
- a role noun phrase the place names right after it, under a verb that opens the clause (重点建设甲区X产业园、乙区
  Y基地; 推进甲区X城建设; 做强甲区、乙区两大X板块);
- a role verb (定位为, 打造, 建设, 形成 …) and a role noun (集聚区, 基地, 高地 …) in the run's clause,
  then in the next clauses up to the next run (甲区依托……，着力打造……高地); 分别 assigns them in order;
- 发展/聚焦/布局/承接/突破 with clusters as objects (甲区重点发展集成电路、生物医药产业: a role in each), and 重点发展/
  重点培育/承接/侧重 or a bare 布局 after the place with any object (甲区布局面板项目);
- function-only assignments (在甲区布局研发设计环节).
分别 aligns roles, or the items of an object list, with the places in order. A run that only opens a list shares the
role of the run after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from geo.extract.functions import FUNCTION_ORDER, FUNCTION_WORD, MASK, functions_in
from geo.extract.runs import BRACKET
from geo.extract.runs import PART as _PART
from geo.extract.runs import Run
from geo.ingest.plans import own_stem
from geo.reference.clusters import Cluster, ClusterMention, matcher, industry_cluster
from geo.slotted import slot_init

# Responsible-unit notes: a bracket that names who is responsible, or a 责任单位：… tail. Every alternative opens
# with a literal, so the engine scans for those characters instead of trying each position; the responsible word is
# looked for inside the pattern, so the many brackets without one ((一), (2023年)) cost no call back into Python.
_RESPONSIBLE_WORD = r"(?:负责|责任单位|牵头|配合|按职责|分工)"
_ROUND = rf"(?=[^（）()\n]*?{_RESPONSIBLE_WORD})[^（）()\n]*[）)]"
_SQUARE = rf"(?=[^\[\]［］【】\n]*?{_RESPONSIBLE_WORD})[^\[\]［］【】\n]*[\]］】]"
_BRACKETED = re.compile(
    "|".join((f"（{_ROUND}", rf"\({_ROUND}", rf"\[{_SQUARE}", f"［{_SQUARE}", f"【{_SQUARE}"))
    + "".join(rf"|{word}[：:][^。\n]*" for word in ("责任单位", "牵头单位", "配合单位"))
)
# Where a clause, a role phrase or an object list ends; found with one regex scan, not a loop per character.
_CLAUSE_BREAK = re.compile("[，；：,;]")
_COLON_CLAUSE_BREAK = re.compile("[，；,;]")
_OBJECTS_END = re.compile("[，。；：（]")
_ROLE_END = re.compile("[，。；：（\n]")
# 打造成(?!都): 打造成都东部新区… is 打造 and a name, not 打造成 (make into).
_TRIGGER = re.compile(
    r"定位为|定位[：:]|打造成为|打造成(?!都)|打造为|建设成为|建设成(?!都)|建成|打造|建设|共建|创建|争创|争当|争做|当好|构建|构筑|形成|培育|推进|"
    r"大力发展|重点发展|加快发展|积极发展|着力发展|优先发展|作为|成为|为|是"  # literals first: the engine scans for them
)
_HEAD = re.compile(
    r"集聚区|聚集区|承载区|示范区|先行区|先导区|引领区|核心区|辐射区|功能区|试验区|探索区|集聚地|聚集地|策源地|"
    r"物流园|加工园|工业园|软件园|创意园|文创园|电商园|孵化园|制造带|制造业带|经济带|创新带|工业带|示范带|"
    r"高地|基地|中心|走廊|生态带|产业带|科创带|加工带|旅游带|目的地|度假区|旅游区|增长极|火车头|主轴|园区|产业园|科技园|产业城|科技城|产业新城|集群|标杆|枢纽|小镇|核心|主阵地|阵地|承载地|集聚带|发展带|产业区|科学园|"
    r"引擎|动力源|极核|桥头堡|排头兵|主战场|试验田|样板|门户|支点|策源地|之都|之城|之乡|名城|主平台|承载平台|生态圈|产业圈|配套园|特色园|专业园|板块|发展轴|产业轴|创新轴|组团|节点|增长点|支撑点|大本营|"
    r"营地|配套区|协同区|拓展区|联动区|承接区|延伸区|应用场景|茶园|果园|服务带|配套带|协同带|联动带|拓展带|承载城市|枢纽城市|节点城市|示范城市|"
    r"谷(?<=[车光药声芯数智]谷)|都(?<=[车药瓷芯乳鞋陶纸钢煤酒茶]都)|带(?<=[叶果菜林粮药花烟竹桑瓜茶椒]带)|核(?<=[一二两三双多]核)|翼(?<=[一二两双]翼)|区"  # 谷 before its lookbehind, so every alternative opens with a literal
)
_ROLE_MAX = 60
# Titles a place holds or ranks it reached (全国首个…示范区, 全省首批…试验区, 全国文明城区): news, not layout.
_SITED = ("位于", "地处", "坐落于", "坐落在", "落户")
_FIRM = re.compile(r"公司|集团|该企业|一家|某")
_DESIGNATION = re.compile(r"首个|首批|第一批|唯一|文明城区|卫生城区|百强")
_HONOUR = re.compile(r"(?:评为|评定为|认定为|命名为|授予|获批|获评|入选|被列为|荣获)")
_PHRASE_END = set("，。；：、和及与”’\"）)\n")
_FUNCTION_ROLE = re.compile(
    rf"(?:布局|兼具|为|承担|开展)(?P<f>(?:{FUNCTION_WORD})(?:(?:[、和与及]|以及)(?:{FUNCTION_WORD}))*)(?P<s>环节|功能)?"
)
_ACTION = re.compile(r"(?:等区域|等区|等)?的?(?P<r>[^，。；]{1,10}?)作用")
_LISTING = re.compile(r"(?:等区域|等区|等)?(?P<r>集聚发展|协同发展|联动发展|错位发展|配套发展|特色发展|协同(?=[，；。])|联动(?=[，；。])|配套(?=[，；。]))")
# 打造“盐田—大鹏—深汕”东部向海发展走廊: the places are quoted inside the role's name.
_QUOTED_NAME = re.compile(rf"[^“”，。；]{{0,4}}”(?P<r>[^，。；“”（]{{1,30}}?(?:{_HEAD.pattern}))(?=[，。；、]|$)")
# 着力打造“芯片之城”: a quoted name right after a role verb, ending its clause, is the role.
_QUOTED_ROLE = re.compile(r"“(?P<r>[^“”，。；、]{2,12})”(?=[，。；]|$)")
_TRIGGER_AT_END = re.compile(rf"(?:{_TRIGGER.pattern})$")
# “一核”即甲区 / “两带”：甲县、乙县 / 一核即甲区: a layout label, then the places it names.
_LABEL_NAME = (
    r"(?:[“‘\"](?P<q>[^“”‘’\"，。；]{1,12})[”’\"]|(?P<n>[一二三四五六七八九十两多][^，。；：、“”（）()]{0,4}?[核翼带区廊轴心极群圈园城团片点链环]|[东西南北]翼))"
)
_LABEL = re.compile(_LABEL_NAME + r"(?P<link>[，,]?(?:即|是指|指|包括|分别为|分别是|为)[：:]?|(?:引领|支撑|协同|联动|带动|辐射|驱动)?[：:](?:即|为)?|——|—)(?:沿[^，。；：“”]{1,12}?的|沿|[东西南北中][翼部]的)?$")
# 三园：甲产业基地、乙新城、丙开发区 — a label over a list whose first items are no places we know.
_LABEL_LIST = re.compile(_LABEL_NAME + r"(?P<link>[：:]|(?:即|是指|包括|分别为|分别是)[：:]?)[^，。；：“”]{1,40}、$")
# 重点布局区域：甲区、乙区 / 空间布局：甲区、乙区 — a layout heading over a list of places.
_LEADING_LABEL = re.compile(r"(?P<l>主导产业|首位产业|重点产业|特色产业|主攻方向|产业定位)(?:各有侧重|分别为|分别是|如下)?$")
_LAYOUT_LABEL = re.compile(r"(?:布局区域|重点区域|承载区域|集聚区域|空间布局|产业布局|区域布局|布局重点|承载地|主要载体)$")
_GATHER = re.compile(r"(?:(?:主要|重点|集中|优先|大多)?(?P<verb>集聚|聚集|集中|分布|布局|落户|落地|坐落|汇聚)(?:在|于)|(?:主要|重点)在)$")
# The last characters the patterns that end at a run can end with: a str.endswith before the run decides whether
# the pattern can match at all, and most runs are preceded by none of them.
_GATHER_ENDS = ("在", "于")
_LAID_OUT = ("重点布局", "主要布局", "集中布局", "优先布局")
_LABEL_LINK_ENDS = ("即", "指", "括", "为", "：", ":", "沿", "—", "的")  # “一带”指沿甲区—乙区…
_YI_ENDS = ("以", "托", "绕", "焦")
_TOWARDS = re.compile(r"(?:加快|进一步|逐步|有序)?(?:集聚|聚集|集中|转移|延伸布局|拓展布局|布局|汇聚|延伸)")  # 推动X产业向甲区集聚
_GATHERS_IN = re.compile(r"(?:等地)?(?:形成|加快|进一步|高度|相对)?(?:集聚|聚集|集中布局|集群发展)")
_ALLOCATION = re.compile(
    r"(?:(?:[0-9]+|[一二三四五六七八九十百]+)个(?P<r>[^，。；：、]{2,20}?)|(?:建设|布局|打造|培育|设立|建成)(?P<after>[^，。；：、]{2,20}?)(?:[0-9]+|[一二三四五六七八九十百]+)个)"
    r"[，；：]?其中$"
)  # 建设10个特色产业园区，其中… / 建设新能源汽车零部件特色产业园5个，其中…
_YI = re.compile(r"(?:以|依托|围绕|聚焦)$")
_NAMED_AS = ("分别为", "分别是", "、")
# 以甲区为核心、乙区为支撑的X产业带: the part a run plays in a layout, not the layout's name after 的.
_LAYOUT_PART = re.compile(r"(?:支撑|两翼|一翼|龙头|重点|主体|特色|补充|延伸|配套|节点|多点|引领|骨干|支柱|先导|载体|腹地|纽带)$")
# 以甲区为载体建设X集聚区: what the place serves as to reach the role the clause states.
_INSTRUMENTS = ("载体", "抓手", "依托", "平台")
_MEANS = re.compile(r"(?:依托|以|围绕|借助|发挥|立足|利用|用好|背靠|对接|结合|加快|推进|推动|支持)[^，。；：]{0,20}$")
_LINK = re.compile(r"(?:主要|重点)?(?:串联|串接|连接|联结|贯穿|串起|涵盖|覆盖|包括|包含|依托)$")
# 沿X产业带 / 南部Y科创带 / “一区”指Z示范区: the corridor or area, after a label that names it
_CORRIDOR = re.compile(rf"(?:“[^“”]{{1,8}}”(?:指|即|为|是)?)?(?:[东西南北中]部|沿(?![江海河湖边线]))?(?P<r>[^，。；：“”]{{2,24}}?(?:{_HEAD.pattern}))")
_ASSET = re.compile(r"(?:发挥|利用|用好|借助|对接|结合)[^，。；：]{0,12}$")
_PART_END = re.compile("[；;。]")
_AREA_SUBJECT = re.compile(rf"(?P<a>[^，。；：]{{2,12}}?(?:片区|板块|组团|区域|{_HEAD.pattern}))(?:以|依托)")
_LAYOUT_WORD = re.compile(r"[一二两三四五六七八九十双多]+[核翼带区园廊轴心极点]|核心区?|主阵地|主战场|增长极|主中心|副中心")
_SHORT_ROLE = re.compile(r"为(?P<r>[^，。；：、（“”]{1,10}?)(?=[，。；：、]|$|(?:打造|建设|推进|形成|构建|带动|辐射|协同|联动|的))")
_DEVELOP = re.compile(
    r"(?P<v>(?:重点|大力|加快|着力|积极)开发|(?:重点|大力|加快|着力|优先|主要|积极|突出)?(?:发展|布局|培育|壮大|做大做强|做优做强|做强|做优|巩固提升|提升壮大|发力|聚焦|主攻|引育|打造|承接|侧重|聚力|深耕|配套|突破|围绕|推进|推动|促进|加快|加大)|"
    r"(?:主导|重点|首位|特色|支柱)产业[：:为是]|产业方向[：:为是]|发展方向[：:为是])"
)
# A role noun phrase named by the place before it (甲区X产业园、), up to the next place or the clause's end; a count
# (两大) before it and 建设 after the list's last item are not part of it. City, park and port nouns count here, with
# the verb before the list to say the phrase is a role (建设甲区医学城).
_MODIFIED = re.compile(
    rf"的?(?:[0-9一二三四五六七八九十两]+[大个座])?(?P<r>[^，。；：、（）“”]{{0,30}}?(?:{_HEAD.pattern}|城|园|港))"
    r"(?:的?建设|建设工程)?(?:、|和|及|与|以及|等)?[。！？]?"
)
_HOST_CUT = re.compile(r"依托|围绕|打造|建设|形成|推进|布局|聚焦|发展")
_BRACKET_CLOSE = re.compile(r"[\u4e00-\u9fff]{0,4}[）)]")
_HOST_PHRASE = re.compile(rf"(?:^|(?<=[，。；：为即是、和]))(?P<r>[^，。；：为即是（）]{{2,30}}?(?:{_HEAD.pattern}))$")
# 主中心为甲区，副中心为乙区和丙区: a layout noun opening its clause, then the places it is.
_ROLE_FIRST = re.compile(
    r"(?:^|(?<=[，。；：:]))(?P<r>[^，。；：、“”（）()为是即的]{0,6}?(?:主中心|副中心|核心区|主阵地|主战场|增长极|支撑区|拓展区|承载区|配套区|引领区|先导区|集聚区|示范区|两翼|一翼))"
    r"(?:为|是|即)$"
)
_ORDINALS = "一二三四五六七八九十"


def _ordinal_is(work: str, end: int) -> bool:
    """Whether work[:end] ends with 一是/二是 …: an enumeration (一是甲县X集聚区，二是乙县…), not a verb of the first."""
    return end >= 2 and work[end - 1] == "是" and work[end - 2] in _ORDINALS


_AREA_WORD = re.compile(r"中心城区|主城区|城区|老城区|市区|郊区|辖区|全域|境内|县区|区县|县市区|县（市、区）")  # 甲区、乙区中心城区: where, not a role
_OPENING_WORD = re.compile(r"^(?:其中|同时|此外|另外)")
_AREA_AFTER = re.compile(
    r"(?:沿海|沿江|沿河|沿湖|沿线|北部|南部|东部|西部|部分)?(?:区域|地区|片区|乡镇)"
    r"|[\u4e00-\u9fff]{2,8}?(?:科创带|创新带|产业带|经济带|走廊|片区|板块|组团|小镇)(?=为)"  # 以甲区太湖湾科创带为载体: a named part of the place
)
_MODIFYING_VERBS = r"建设|打造|推进|推动|做强|做大|做优|做实|做好|壮大|提升|支持|培育|发展|建好|办好|谋划|启动|加快|带动"  # not 规划, a noun as often (本规划范围)
# The verb opens the clause (after a few adverbs), then the items before the run: 重点建设甲区X园、乙区…
_MODIFYING_VERB = re.compile(rf"[^，。；：、]{{0,4}}?(?:{_MODIFYING_VERBS})(?:[^，。；：、]{{2,30}}?[、和及与])*$")
# 依托甲区、乙区的化工园区: relying on places names their parks only through 的.
_RELYING = re.compile(r"[^，。；：、]{0,8}?依托(?:[^，。；：、]{2,30}?[、和及与])*")
# 甲区做强X中心 is a predicate, not a phrase the place names (a verb inside a name, 创新发展先导区, is no matter).
_VERB_FIRST = re.compile(rf"[将要应]?(?:{_MODIFYING_VERBS}|{_DEVELOP.pattern})")
_JOINTLY = re.compile(r"(?:共同|合力|携手|联合)")
_UNDERTAKES = re.compile(r"(?:将|要|主要|重点)?(?:承担|承接|发挥)(?P<r>[^，。；：]{2,20}?功能)")
_FOCUS_ON = re.compile(r"(?:主要|重点)?(?P<r>以(?P<obj>[^，。；：为]{2,20})为(?:主导|主|特色)(?:产业)?)(?=[，。；]|$)")
_COUNTED_ANTECEDENT = re.compile(
    rf"(?:[0-9]+|[一二三四五六七八九十两]+)(?:个|大|家|座|类)(?P<r>[^，。；：]{{2,20}}?(?:{_HEAD.pattern}))[，：:]?(?:分别为|分别是)(?:[^，。；：]*、)?$"
)
_AS_ROLE = re.compile(rf"作为(?P<r>[^，。；：]{{2,40}}?(?:{_HEAD.pattern}))")
_COLON = re.compile(r"[：:]|——|—")
_DASH = re.compile(r"——|—|--|[：:]")
_LEADING = re.compile(r"以(?P<obj>[^，。；：]{2,30}?)为(?P<r>主导产业|主导|首位产业|支柱产业|特色产业|核心产业|重点产业|主攻方向|重点|特色)")
_COUNTED_KIND = re.compile(r"(?:等)?[两二三四五六七八九十0-9]+[大个类](?:主导|重点|优势|支柱|特色|新兴|战略性新兴)?$")
# Words that describe industries, or say they belong to others, rather than name one (等新兴产业, 及配套产业).
_NO_INDUSTRY_NAME = re.compile(r"^(?:等|其他|相关|新兴|主导|优势|特色|配套|上下游|传统|未来|支柱|重点|关联|周边|接续|替代|后续|富民|县域|首位|适宜|适合|合适)")
# A verb that opens an object list's item (甲县：做大发制品产业) is no word of the industry's name.
_ITEM_VERB = re.compile(r"^(?:做大做强|做优做强|做大|做强|做优|做精|培育|壮大|发展|打造|推动|推进|提升|加快)")
_DEVELOP_ROLE_MAX = 24
# A place's focus even when its object is no cluster the taxonomy knows (重点发展整车, 重点布局装备材料, 承接配套项目);
# 布局, 配套, 聚焦 and 主攻 also bare, right after the place (甲区布局面板项目; 在乙区布局临空制造项目; 丙区聚焦零部件配套).
_STRONG_DEVELOP = re.compile(r"(?:重点|主要|优先|着力)(?:发展|布局|配套|培育)|(?:重点|主要|优先|着力|积极|有序)?(?:承接|侧重|聚力|深耕)")
# Develop verbs only with a change of the industry closing their object (重点推进储能产业发展, 加快家具产业转型,
# 推动人造板向绿色建材升级, 加大油气勘探开发力度).
_ADVANCING = ("推进", "推动", "促进", "加快", "加大")
_ADVANCED = ("发展", "转型", "升级", "集聚", "力度", "开发", "利用", "加工")  # 加大油气勘探开发力度, 推进X精深加工
_BARE_STRONG = ("布局", "配套", "聚焦", "主攻")
_BEFORE_BARE_VERB = ("", "将", "要", "则", "还", "也", "可")
# A table flattened into one line (PDF and web tables lose their cell breaks in normalisation):
# 区域功能定位甲区X核心区乙市Y基地 — a column header, then places each followed by its role noun phrase.
_TABLE_HEADER = re.compile(r"功能定位|发展定位|产业定位|主要定位|定位")
_TABLE_CELL_BREAK = re.compile(r"[，。；：,;:、（(“”\n]")
_TABLE_ROW_BREAK = re.compile(r"[，。：,:（(“”\n]")  # what no table row holds between its header and a place
_TABLE_INDUSTRY_HEADER = re.compile(r"主导产业|重点产业|特色产业|产业方向|优势产业|产业重点|重点集群|主导集群|产业集群")
_ROW_NUMBER = re.compile(r"(?<![0-9])[0-9]{1,3}$")
_ROW_NUMBER_INSIDE = re.compile(r"(?<=[\u4e00-\u9fff])[0-9]{1,3}(?=[\u4e00-\u9fff])")
_HEADER_CELL_SPAN = 8  # how far from the 定位 header the industry column's header may stand
_OBJECT_LEAD = 4  # words before a cluster's name in a list item (高端, 新一代)
_OBJECT_TAIL = 8  # words after it (产业, 等三大新兴产业)
_ITEM = re.compile(r"[^、，。；：和与及等]+")
_ROLE_DETERMINER = re.compile(r"^(?:一批|若干|一个|多个|我市|全市|本市)")
_LEADING_ADVERB = re.compile(r"^(?:加快|积极|鼓励|着力|大力|进一步|全面|重点|努力|持续|不断|逐步)+")
_SPLIT = re.compile(r"(?:、|和|与|及|以及)")
# Head nouns that make a list item an industry of their own whatever words of another industry stand before them.
_HEADS = (("用钢", "钢铁"), ("钢材", "钢铁"), ("钢板", "钢铁"))


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class Found:
    """A role phrase and the span of the words that assign it; `clusters` when the grammar names them."""

    role: str
    start: int  # where the assigning phrase begins (its verb)
    end: int
    clusters: tuple[Cluster, ...] = ()
    place_index: int | None = None  # 分别: the role of one place of the run only
    focus: bool = False  # industries the place develops, kept only where the run's role has another cluster


def _first(chars: re.Pattern[str], work: str, start: int, end: int) -> int:
    """Where the first of `chars` stands in work[start:end], else `end`."""
    m = chars.search(work, start, end)
    return m.start() if m else end


def mask_responsible(text: str) -> str:
    """Blank out responsible-unit notes so districts named there never become roles."""
    return _BRACKETED.sub(lambda m: MASK * len(m.group()), text)


def _last_outside_quotes(role: str, ch: str) -> int:
    """Index of the last `ch` (not an opening quote) that no quote encloses, or -1."""
    if "“" not in role and "‘" not in role:
        return role.rfind(ch)  # nothing opens a quote: no character loop
    depth = 0
    last = -1
    for i, c in enumerate(role):
        if c in "“‘":
            depth += 1
        elif c in "”’" and depth:
            depth -= 1
        elif c == ch and not depth:
            last = i
    return last


def clean_role(role: str) -> str:
    """The role noun phrase: after its last 的 (not one inside a quoted name), no stray quote marks."""
    cut = _last_outside_quotes(role.replace("目的地", "目标地"), "的")  # 旅游目的地 is one word
    if cut >= 0:
        role = role[cut + 1 :]
    role = role.strip("“”\"‘’ ")
    if role.count("“") != role.count("”") or role.count("‘") != role.count("’"):
        role = re.sub("[“”‘’]", "", role)
    return _ROLE_DETERMINER.sub("", role)


def _ends_phrase(work: str, pos: int, limit: int) -> bool:
    """A role noun ends its phrase: 集聚区 in 打造X集聚区， but not 园区 in 打造X园区体系."""
    return pos >= limit or work[pos] in _PHRASE_END


def _split_roles(work: str, start: int, heads: list[re.Match[str]]) -> list[tuple[str, int, int]]:
    """打造A集聚区和B基地 is two roles: split where a role noun is followed by a conjunction and no 的
    follows (立足湾区、辐射全球的…集聚区 is one role); a bare 区 ends place names and never splits.
    Each part comes with its span."""
    parts: list[tuple[str, int, int]] = []
    begin = start
    last = heads[-1].end()
    for h in heads[:-1]:
        nxt = _SPLIT.match(work, h.end())
        if nxt and h.group() != "区" and "的" not in work[h.end() : last]:
            parts.append((work[begin : h.end()], begin, h.end()))
            begin = nxt.end()
    parts.append((work[begin:last], begin, last))
    return parts


def _role_after_trigger(work: str, start: int, end: int) -> list[Found]:
    for trig in _TRIGGER.finditer(work, start, end):
        if _HONOUR.search(work, max(start, trig.start() - 3), trig.end()):
            continue  # 被评为国家级示范区: an award the place holds, not a role the plan gives it
        seg_end = _first(_ROLE_END, work, trig.end(), min(end, trig.end() + _ROLE_MAX))
        heads = [h for h in _HEAD.finditer(work, trig.end(), seg_end) if _ends_phrase(work, h.end(), seg_end)]
        if trig.group() == "是":
            heads = [h for h in heads if h.group() != "区"]  # 甲区是全国文明城区: a description, not a role
        if heads and trig.group() in ("为", "是") and _TRIGGER.search(work, trig.end(), heads[0].start()):
            continue  # 以甲区为载体建设X集聚区: the verb nearer the role noun states it
        if not heads:
            if named := _QUOTED_ROLE.match(work, trig.end(), end):
                return [Found(named.group("r"), trig.start(), named.end())]  # 打造“芯片之城”: a name in quotes
            continue
        found = []
        for i, (text, begin, stop) in enumerate(_split_roles(work, trig.end(), heads)):
            role = clean_role(text)
            if len(role) >= 2 and MASK not in role and not _DESIGNATION.search(role):
                found.append(Found(role, trig.start() if i == 0 else begin, stop))
        if found:
            return found
    return []


def _function_role(work: str, start: int, end: int) -> list[Found]:
    m = _FUNCTION_ROLE.search(work, start, end)
    return [Found(m.group("f") + (m.group("s") or ""), m.start(), m.end())] if m else []


_FILED_ITEM_MAX = 8


def industries_named(work: str, start: int, stop: int, clusters: list[ClusterMention]) -> tuple[Cluster, ...]:
    """The clusters a list of objects names (集成电路、生物医药产业; 软件和信息服务); list items the
    taxonomy lacks count when they say 产业 (工程机械产业), others (智能电网) are products. An item is a
    cluster only when it is mostly the cluster's name (高端智能家电, 生物医药等三大产业), not a phrase that
    mentions one (协同化发展的智能终端产业园区体系)."""
    inside = [c for c in clusters if start <= c.start and c.end <= stop]
    found: dict[str, Cluster] = {}
    umbrella: dict[str, Cluster] = {}
    items = list(_ITEM.finditer(work, start, stop))
    unnamed: list[str] = []
    # 汽摩配、水暖阀门和家具产业: every item is an industry; not 五金、电动工具等新兴产业, whose last item is their kind
    closed = len(items) > 1 and items[-1].group().endswith("产业") and work[items[-1].start() - 1] != "等"
    for item in items:
        if work[item.start() - 1] == "等" and item.start() > start:
            # 金融科技、数字创意等现代服务业: the kind the listed industries belong to, kept when none is known
            umbrella.update({c.cluster.slug: c.cluster for c in inside if item.start() <= c.start < item.end()})
            continue
        if any(c.start < item.start() < c.end for c in inside):
            continue  # 信息服务 of 软件和信息服务: the rest of a cluster's name that 和 split
        named = [c for c in inside if item.start() <= c.start < item.end()]
        if named:
            c = named[0]
            if head := _head_cluster(work, named[-1].end, item.end()):
                found.setdefault(head.slug, head)  # 汽车用钢: the industry word only says what for
            elif c.start - item.start() <= _OBJECT_LEAD and item.end() - c.end <= _OBJECT_TAIL:
                found.setdefault(c.cluster.slug, c.cluster)
        elif item.group().endswith(("装备", "装备制造")) and len(item.group()) <= _OBJECT_TAIL and (equipment := matcher().by_name.get("高端装备制造")):
            found.setdefault(equipment.slug, equipment)  # 动力装备, 矿山装备: equipment the taxonomy does not list by name
        elif item.group().endswith("产业") and 1 <= len(name := own_stem(_ITEM_VERB.sub("", _COUNTED_KIND.sub("", item.group()[:-2])))) <= 8 and not _NO_INDUSTRY_NAME.search(name):
            known = _PART.sub("", name) if _PART.search(name) else ""
            named = matcher().find(known + "产业") if known else []  # 智能装备配套产业: the industry it serves
            cluster = named[0].cluster if len(named) == 1 else industry_cluster(name)
            found.setdefault(cluster.slug, cluster)  # 精密机械两大主导产业: 精密机械
        elif closed and 2 <= len(name := item.group()) <= _CLOSED_ITEM_MAX and not _NO_INDUSTRY_NAME.search(name) and not _PART.search(name):
            found.setdefault((c := industry_cluster(name)).slug, c)
        elif len(item.group()) <= _FILED_ITEM_MAX and not _PART.search(item.group()):
            unnamed.append(item.group())
    if found:  # a list of industries: its other items are products the taxonomy files (蔗糖精深加工、新型建材; 红木加工、跨境物流)
        for filed in filter(None, map(matcher().filed_alone, unnamed)):
            found.setdefault(filed.slug, filed)
    return tuple((found or umbrella).values())


def _head_cluster(work: str, end: int, item_end: int) -> Cluster | None:
    """The cluster of the noun that heads a list item after the industry words in it (汽车用钢 is steel), when that
    noun is one of a few that name an industry of their own whatever it is for."""
    tail = work[end:item_end].removesuffix("产业")
    name = next((c for h, c in _HEADS if tail.endswith(h) and len(tail) <= len(h) + 1), None)
    return matcher().by_name.get(name) if name else None


def _whole_items(work: str, start: int, stop: int) -> str:
    """The verb and its objects, cut after a whole list item when long (…、X等)."""
    if stop - start <= _DEVELOP_ROLE_MAX:
        return work[start:stop]
    cut = work.rfind("、", start, start + _DEVELOP_ROLE_MAX)
    return work[start:cut] + "等" if cut > start else work[start : start + _DEVELOP_ROLE_MAX]


def _develop_role(work: str, start: int, end: int, clusters: list[ClusterMention], colon: bool = False) -> list[Found]:
    """甲区重点发展集成电路、生物医药产业 (or 甲区：集成电路、生物医药): a role in each cluster the
    verb takes as its object."""
    verbs = [_COLON.match(work, start)] if colon else _DEVELOP.finditer(work, start, end)  # lazily: the first with objects wins
    for v in verbs:
        if v is None or work[v.end() : v.end() + 1] in ("的", "了"):
            continue  # 协同化发展的…体系: an attribute; 发展了一批企业: what happened, not a layout
        if work.count("《", 0, v.start()) > work.count("》", 0, v.start()):
            continue  # inside a document title
        stop = _first(_OBJECTS_END, work, v.end(), end)
        if v.group().endswith(_ADVANCING) and not work.endswith(_ADVANCED, v.end(), stop):
            continue  # 推进储能产业发展 is a focus; 推动轴承向风电装备配套拓展 is no list of industries
        objects = industries_named(work, v.end(), stop, clusters) or _filed_objects(work, v.end(), stop)
        if objects:
            return [Found(_whole_items(work, v.start(), stop).lstrip("：:—"), v.start(), stop, objects)]
        strong = _STRONG_DEVELOP.fullmatch(v.group()) or (v.group() in _BARE_STRONG and work[start : v.start()] in _BEFORE_BARE_VERB)
        if strong and 2 <= stop - v.end() <= _DEVELOP_ROLE_MAX and MASK not in work[v.end() : stop]:
            return [Found(work[v.start() : stop], v.start(), stop)]  # 临港新片区重点布局装备材料: the plan's cluster
    return []


def _filed_objects(work: str, start: int, stop: int) -> tuple[Cluster, ...]:
    """The clusters of objects the taxonomy names none of but files by their head words (发展竹笋和乌骨鸡加工,
    发展脐橙等特色水果加工 → 食品): every item short, at least one filed."""
    items = [m.group() for m in _ITEM.finditer(work, start, stop)]
    if not items or any(len(i) > _FILED_ITEM_MAX for i in items):
        return ()
    return tuple({c.slug: c for c in map(matcher().filed_alone, items) if c is not None}.values())


def _focus(work: str, start: int, end: int, clusters: list[ClusterMention]) -> list[Found]:
    """The industries a place's own clause develops when its role is stated after it (甲区重点发展X、Y产业，
    打造Z产业基地); the extractor keeps them only for clusters the role does not already speak for."""
    return [Found(f.role, f.start, f.end, f.clusters, f.place_index, True) for f in _develop_role(work, start, end, clusters) if f.clusters]


def _after_industry(work: str, pos: int, clusters: list[ClusterMention]) -> int:
    """Where an industry named right at `pos` ends (甲区、乙区数字经济协同发展), else `pos`."""
    return next((c.end for c in clusters if c.start == pos), pos)


def _topic_role(work: str, start: int) -> list[Found]:
    """对X，…: the role is the last one stated in the sentence, or its closing aim."""
    best: Found | None = None
    pos = start
    while found := _role_after_trigger(work, pos, len(work)):
        best, pos = found[-1], found[-1].end
    if best:
        return [Found(best.role, start, len(work))]
    tail = work[start:].rstrip("。！？").split("，")[-1]
    aim = _LEADING_ADVERB.sub("", tail)
    return [Found(aim, len(work) - len(tail), len(work))] if len(aim) >= 4 and MASK not in aim else []


def _inside_quoted_name(work: str, run: Run) -> bool:
    """The run sits in an open “…” that directly follows a role verb (打造“盐田—大鹏—深汕”…)."""
    q = work.rfind("“", 0, run.start)
    return q >= 0 and "”" not in work[q : run.start] and bool(_TRIGGER_AT_END.search(work, max(0, q - 6), q))


_BULLET = re.compile(r"[—\-·•●▪■◆]*(?:[（(][一二三四五六七八九十0-9]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|[0-9]{1,2}[.、．](?![0-9]))?")
_BRACKETED_ROLE = re.compile(r"[（(](?P<r>[^（）()，。；]{2,30}?(?:基地|集聚区|聚集区|示范区|产业园|园区|核心区|承载区|产业带|高地|中心))[）)]")
_FILED_LABEL_MAX = 8


def _bullet_opens(work: str, start: int) -> bool:
    """Whether only a list bullet (——, ·) stands between the line's or part's start and `start`."""
    part = max(work.rfind(ch, 0, start) for ch in "。；;\n") + 1
    return start > part and _BULLET.fullmatch(work, part, start) is not None and work[start - 1] in "—-·•●▪■◆"


def _bracketed_specs(work: str, run: Run) -> list[Found]:
    """A list after a colon whose every place brackets its industries and no role follows: the i-th bracket is the
    i-th place's role (its industries come from the run's specs)."""
    brackets = list(BRACKET.finditer(work, run.start, run.end))
    if len(brackets) == 1 < len(run.places) and run.specs[-1] and not any(run.specs[:-1]):
        b = brackets[0]  # 甲县、乙县（果品精深加工）: one bracket after the last place is every place's
        return [Found(b.group("inner"), b.start(), b.end(), tuple(run.specs[-1]))]
    if len(brackets) != len(run.places):
        return []
    return [Found(b.group("inner"), b.start(), b.end(), (), i) for i, b in enumerate(brackets)]


# A label, after a list number when there is one, and the link to its places: （一）“一核”：即 / “两翼”为.
_LABEL_OPENING = re.compile(_BULLET.pattern + _LABEL_NAME + r"(?:[，,]?(?:即|是指|指|为)[：:]?|[：:](?:即|为)?|——|—)$")
_LABEL_FIRST = frozenset("“‘\"（(0123456789一二三四五六七八九十两多东西南北—-·•●▪■◆")  # what such a sentence can open with


def label_opening(work: str, start: int) -> bool:
    """Whether work[:start] is only a layout label and its link (“一核”：即 / “两翼”为), so the places after it,
    alone in their sentence, are what the paragraph goes on about."""
    return start > 0 and work[0] in _LABEL_FIRST and bool(_LABEL_OPENING.fullmatch(work, 0, start))


def _label_role(work: str, run: Run, clusters: list[ClusterMention], next_start: int, clause_end: int) -> list[Found]:
    """“一核”即甲区 / 两带：甲县、乙县 / 形成各具特色的产业集聚区：甲县（…）、乙县（…） / 集成电路：甲区、乙区."""
    m = _LABEL.search(work, max(0, run.start - 20), run.start) if work.endswith(_LABEL_LINK_ENDS, 0, run.start) else None
    if m is None and work.endswith("、", 0, run.start):
        m = _LABEL_LIST.search(work, max(0, run.start - 60), run.start)
    if not m:
        if work[run.start - 1 : run.start] in "：:" and run.start:
            clause = max(work.rfind(ch, 0, run.start - 1) for ch in "，。；") + 1
            clause = _BULLET.match(work, clause).end()  # type: ignore[union-attr]  # ——集成电路：甲区、乙区
            heads = [h for h in _HEAD.finditer(work, clause, run.start - 1) if h.end() == run.start - 1]
            # 甘蔗制糖：甲县、乙县（现代制糖基地）: the role in brackets, after the run or closing it
            after = _BRACKETED_ROLE.match(work, run.end) or next((b for b in _BRACKETED_ROLE.finditer(work, run.start, run.end) if b.end() == run.end), None)
            end = max(after.end(), run.end) if after else run.end
            listed = end == len(work) or work[end] in "。；;等"  # the label is all there is: no predicate follows
            if heads or (listed and _LAYOUT_LABEL.search(work, clause, run.start - 1)):
                role = clean_role(_TRIGGER.split(work[clause : run.start - 1])[-1])
                return [Found(role, clause, run.end)] if len(role) >= 2 and MASK not in role else []
            if listed and any(run.specs) and (lead := _LEADING_LABEL.search(work, clause, run.start - 1)):
                return [Found(lead.group("l"), clause, run.end)]  # 明确各开发区主导产业：甲区（X、Y）、乙区（Z）; 主导产业各有侧重：…
            if listed and len(run.places) > 1 and all(run.specs) and (each := _bracketed_specs(work, run)):
                return each  # 推动各县差异化发展：甲区（X、Y）、乙县（Z）: each place's bracket is its role
            named = [c.cluster for c in clusters if c.start == clause and c.end == run.start - 1]
            if not named and run.start - 1 - clause <= _FILED_LABEL_MAX and (filed := matcher().filed(work[clause : run.start - 1])):
                named = [filed]  # 甘蔗制糖：甲县、乙县: an industry the taxonomy files by its head word
            if listed and named:
                role = clean_role(after.group("r")) if after else "布局区域"
                return [Found(role, clause, end, (named[0],))]  # 集成电路：甲区、乙区；生物医药：…
        elif run.specs[-1] and (_bullet_opens(work, run.start) or run.start == 0) and work[run.end : run.end + 1] in ("", "。", "；", ";"):
            return _bracketed_specs(work, run)  # ——甲市（X、Y）、乙县（Z）；/ 丙区（X、Y）。: a (bullet) line of places and their industries
        return []
    label = m.group("q") or m.group("n")
    if m.group("n") and m.group("link") == "为" and work[m.start() - 1 : m.start()] not in ("", "：", ":", "；", ";", "。"):
        return []  # 其中一区为甲区 is not a label; an unquoted one takes 为 only where it opens a part (…布局：一核为甲区；两翼为…)
    # “三区”即甲区X集聚区、乙区Y集聚区: each place's own role noun, after the label, whose industry the label takes
    own = _named_phrase(work, run, next_start, clause_end)
    named = tuple({c.cluster.slug: c.cluster for c in clusters if own and run.end <= c.start and c.end <= own[0].end}.values())
    return [Found(label, m.start(), run.end, named)] + own


_CLASS_AFTER = re.compile(r"等?[^，。；：为]{1,10}(?=为)")  # after the run's 等


def _short_yi_role(work: str, run: Run, clause_end: int) -> list[Found]:
    """以甲区、乙区为重点 / 两翼 / 主阵地 — and the parallel 以甲区为核心、乙区和丙区为两翼: the short
    noun after 为 is the role."""
    opened = work.endswith(_YI_ENDS, 0, run.start) and _YI.search(work, max(0, run.start - 2), run.start)
    parallel = (work[run.start - 1 : run.start] == "、" and "以" in work[_clause_start(work, run.start) : run.start]) or (
        work[run.start - 1 : run.start] == "，" and work[run.end : run.end + 1] == "为" and "以" in work[max(0, run.start - 30) : run.start]
    )
    # 甲区、乙区为两核，丙区为…: a run opening its clause with 为 and a layout word, no 以 before it
    bare = not (opened or parallel) and work.startswith("为", run.end) and _clause_start(work, run.start) == run.start
    if not (opened or parallel or bare):
        return []
    # 以甲市、乙市沿海区域为主体: the places' part of them; 以甲区、乙区等省级以上园区为支撑: the class they belong to
    area = _AREA_AFTER.match(work, run.end) or (_CLASS_AFTER.match(work, run.end) if "等" in work[run.end - 1 : run.end + 1] else None)
    m = _SHORT_ROLE.match(work, area.end() if area else run.end, clause_end + 1 if clause_end < len(work) else clause_end)
    if not m:
        return []
    role = clean_role(m.group("r"))
    if bare and (not (_LAYOUT_WORD.fullmatch(role) or _LAYOUT_PART.search(role)) or work[m.end("r") : m.end("r") + 1] not in ("", "，", "。", "；")):
        return []  # 甲区为全市人口最多的区: a description; 甲区为配套协同区: a role noun the grammar reads whole
    if role in ("主", "主体") and (area := _AREA_SUBJECT.fullmatch(work, _clause_start(work, run.start), run.start)):
        role = _OPENING_WORD.sub("", area.group("a"))  # 东部片区以甲区、乙区为主: the places make up the area
    return [Found(role, run.start, m.end("r"))] if role and MASK not in role else []


def _part_end(work: str, pos: int) -> int:
    """Where the sentence part (up to ；or 。) around `pos` ends."""
    return _first(_PART_END, work, pos, len(work))


def _linked_role(work: str, run: Run, next_start: int, clusters: list[ClusterMention]) -> list[Found]:
    """沿X产业带，串联甲区、乙区 / 南部Y科创带，依托甲区、乙区，发展…: the corridor or area the clause before the
    places names is their role, in the industries their clause goes on to develop."""
    link = _LINK.search(work, max(0, run.start - 4), run.start)
    if link is None or link.end() != run.start or not work.endswith(("，", ","), 0, link.start()):
        return []
    begin = _clause_start(work, link.start() - 1)
    named = _CORRIDOR.fullmatch(work, begin, link.start() - 1)
    role = clean_role(named.group("r")) if named else ""
    if len(role) < 2 or MASK in role:
        return []
    return [Found(role, begin, run.end)] + [Found(role, f.start, f.end, f.clusters, f.place_index, True) for f in _focus(work, run.end, next_start, clusters)]


def _gathered_role(work: str, run: Run, next_start: int) -> list[Found]:
    """X产业重点布局在甲区、乙区，(依托丙园区，)打造Z基地: the role the sentence part states after the places
    where the industry gathers, reaching past a place that is only the means (依托/以/围绕)."""
    part_end = _first(_PART_END, work, run.end, len(work))
    end = min(next_start, part_end)
    if end < part_end and _YI.search(work, max(run.end, end - 2), end):
        end = part_end
    return _role_after_trigger(work, run.end, end)


def _clause_start(work: str, pos: int) -> int:
    return max(work.rfind("，", 0, pos), work.rfind("。", 0, pos), work.rfind("；", 0, pos), work.rfind("：", 0, pos)) + 1


def _dash_role(work: str, run: Run, next_start: int) -> list[Found]:
    """滨江区——集成电路设计高地 / 滨江区：集成电路设计高地 — a role noun phrase with no verb."""
    m = _DASH.match(work, run.end, next_start)
    if not m:
        return []
    clause_end = _first(_COLON_CLAUSE_BREAK, work, m.end(), next_start)
    while clause_end > m.end() and work[clause_end - 1] in "。！？":
        clause_end -= 1
    heads = [h for h in _HEAD.finditer(work, m.end(), clause_end) if h.end() == clause_end]
    role = clean_role(work[m.end() : clause_end]) if heads else ""
    return [Found(role, run.start, clause_end)] if 2 <= len(role) <= _ROLE_MAX and MASK not in role and not _TRIGGER.search(role) else []


def _modified_role(work: str, run: Run, next_start: int, clause_end: int) -> list[Found]:
    """重点建设甲区X产业园、乙区Y基地 / 推进甲区X园、乙区Y城建设 / 做强甲区、乙区两大X板块: the place names the
    role noun phrase right after it, the clause's verb stands before the list of such phrases."""
    verb = _MODIFYING_VERB.fullmatch(work, _clause_start(work, run.start), run.start) or (
        work.startswith("的", run.end) and _RELYING.fullmatch(work, _clause_start(work, run.start), run.start)  # 依托甲区的化工园区
    )
    if not verb or not (found := _named_phrase(work, run, next_start, clause_end)):
        return []
    # 推进甲区X港建设，打造Y拓展区: the role the next clauses state is the place's too
    return found + (_role_after_trigger(work, clause_end, next_start) if clause_end < next_start else [])


def _bracketed_in(work: str, run: Run) -> list[Found]:
    """“一核”为X产业集聚区（甲区、乙区）: places in brackets after a role noun phrase hold that role, and the label
    before it."""
    close = _BRACKET_CLOSE.match(work, run.end)  # 基地（岱山县鱼山岛）: a place inside the county may follow it
    if work[run.start - 1 : run.start] not in ("（", "(") or close is None:
        return []
    head = _HOST_PHRASE.search(work, 0, run.start - 1)
    if head is None or MASK in head.group("r"):
        return []
    label = _LABEL.search(work, max(0, head.start("r") - 20), head.start("r"))
    role = clean_role(_HOST_CUT.split(head.group("r"))[-1])  # 依托舟山绿色石化基地（岱山县…）: after the verb
    own = [Found(role, head.start("r"), run.end)] if len(role) >= 2 else []
    return ([Found(label.group("q") or label.group("n"), label.start(), run.end)] if label else []) + own


def _named_phrase(work: str, run: Run, next_start: int, clause_end: int) -> list[Found]:
    """The role noun phrase right after a place, up to the next place or the clause's end (甲区X产业园、)."""
    m = _MODIFIED.fullmatch(work, run.end, min(next_start, clause_end))
    role = m.group("r") if m else ""
    if MASK in role or _TRIGGER.search(role) or _VERB_FIRST.match(role) or _AREA_WORD.fullmatch(role) or not 2 <= len(role) <= _ROLE_MAX:
        return []
    return [Found(role, run.start, m.end("r"))]  # type: ignore[union-attr]


def _table_role(work: str, run: Run, next_start: int, clusters: list[ClusterMention]) -> list[Found]:
    """The role cell of a flattened table row: a role noun phrase that fills the space up to the next place
    (or the line's end), with a 定位 column header before the first row and no sentence between. Cells a
    Word table kept apart with ； (甲区；集成电路、新型显示；X核心区) give the row's industries too."""
    header = None
    for header in _TABLE_HEADER.finditer(work, 0, run.start):
        pass
    if header is None or _TABLE_ROW_BREAK.search(work, header.end(), run.start):
        return []
    end = next_start
    while end > run.end and (work[end - 1] in "。\n ；;" or (work[end - 1].isdigit() and _ROW_NUMBER.search(work, run.end, end))):
        end -= 1  # a row's end, and the next row's number (序号) that flattening ran into it
    begin = run.end + 1 if work[run.end : run.end + 1] in ("；", ";") else run.end
    cut = max(work.rfind("；", begin, end), work.rfind(";", begin, end))
    role_start = cut + 1 if cut >= 0 else begin
    industry_span = (begin, cut) if cut >= 0 else None
    column = _TABLE_INDUSTRY_HEADER.search(work, max(0, header.start() - 2 * _HEADER_CELL_SPAN), header.end() + _HEADER_CELL_SPAN)
    numbered = cut < 0 and "序号" in work[max(0, header.start() - 2 * _HEADER_CELL_SPAN) : header.start()]
    if numbered and (row := _numbered_row(work, header.end(), run, end)):
        end, industry_span = row  # 序号 产业 承载地 定位: 1输变电装备甲区、乙区全国重要的…基地2…
    elif cut < 0 and column:  # 区县 功能定位 主导产业, flattened: the role cell and the industry cell run together
        split = _split_flattened(work, role_start, end, role_first=column.start() > header.start(), clusters=clusters)
        if split is None:
            return []
        role_start, role_end, industry_span = split
        end = role_end
    cell = work[role_start:end]
    if not 3 <= len(cell) <= _ROLE_MAX or _TABLE_CELL_BREAK.search(cell) or _TRIGGER.search(cell) or MASK in cell:
        return []
    if cut < 0 and (_TABLE_ROW_BREAK if column or numbered else _TABLE_CELL_BREAK).search(work, header.end(), run.start):
        return []  # one flattened cell per row: nothing but places and roles since the header
    head = [h for h in _HEAD.finditer(cell) if h.end() == len(cell)]
    if not head or head[0].group() == "区":
        return []
    industries = industries_named(work, *industry_span, clusters) if industry_span else ()
    return [Found(cell, role_start, end, industries)]


def _numbered_row(work: str, header_end: int, run: Run, end: int) -> tuple[int, tuple[int, int]] | None:
    """(role end, industry span) of a flattened numbered row whose industry cell stands between its number and its
    places: the role ends where the next row's number begins."""
    numbers = list(_ROW_NUMBER_INSIDE.finditer(work, header_end, run.start))
    if not numbers or not 2 <= run.start - numbers[-1].end() <= _HEADER_CELL_SPAN * 2:
        return None
    following = _ROW_NUMBER_INSIDE.search(work, run.end, end)
    return (following.start() if following else end), (numbers[-1].end(), run.start)


def _split_flattened(work: str, start: int, end: int, role_first: bool, clusters: list[ClusterMention]) -> tuple[int, int, tuple[int, int]] | None:
    """(role start, role end, industry span) of a role cell and an industry cell that lost the break between them:
    国际一流的绿色石化基地石化、钢铁 (role first: the role ends at its last role noun) or 石化、钢铁国际一流的绿色石化基地
    (industries first: the last item's industry name ends them)."""
    if role_first:
        heads = [h for h in _HEAD.finditer(work, start, end) if h.group() != "区" and h.end() < end]
        return (start, heads[-1].end(), (heads[-1].end(), end)) if heads else None
    last_item = max(work.rfind("、", start, end), start - 1) + 1
    named = [c for c in clusters if last_item <= c.start < end]
    return (named[0].end, end, (start, named[0].end)) if named and named[0].end < end else None


def _respective(found: list[Found], run: Run, work: str, clusters: list[ClusterMention]) -> list[Found]:
    """甲区、乙区分别打造A和B / 分别聚焦X、Y / 分别建设X、Y专业园区: the i-th role or cluster goes to the i-th place."""
    # 分别 after the places (甲区、乙区分别打造…) or just before them (“两带”分别依托甲区、乙区，打造A和B)
    if not found:
        return found
    if "分别" not in work[run.end : found[0].start + 2] and "分别" not in work[max(0, run.start - 6) : run.start]:
        return _respective_objects(found, run, work, clusters) or found
    if aligned := _aligned_items(found, run, work, clusters):
        return aligned
    if len(found) == len(run.places) > 1:
        return [Found(f.role, f.start, f.end, f.clusters, i) for i, f in enumerate(found)]
    if len(found) == 1 and not found[0].clusters:
        f = found[0]
        named = list({c.cluster.slug: c.cluster for c in clusters if f.start <= c.start and c.end <= f.end}.values())
        if len(named) == len(run.places) > 1:
            return [Found(f.role, f.start, f.end, (c,), i) for i, c in enumerate(named)]
    if len(found) == 1 and len(found[0].clusters) == len(run.places) > 1:
        f = found[0]
        return [Found(f.role, f.start, f.end, (c,), i) for i, c in enumerate(f.clusters)]
    if len(found) == 1 and len(found[0].clusters) > len(run.places) > 1 and work.endswith("、", 0, run.start):
        # 甲基地、乙区、丙区，分别聚焦X、Y、Z with 甲基地 no place we know: the run is the list's tail
        f = found[0]
        return [Found(f.role, f.start, f.end, (c,), i) for i, c in enumerate(f.clusters[-len(run.places) :])]
    return found


# 甲区、乙区作为全市主平台，分别重点发展A和B、C和D: the object list of a clause after the role.
_THEN_RESPECTIVELY = re.compile(r"[，,]分别(?:重点|着力|主要|大力)?(?:发展|聚焦|布局|培育|主攻|做强)")
_CLAUSE_END = re.compile(r"[，。；,;]|$")


def _respective_objects(found: list[Found], run: Run, work: str, clusters: list[ClusterMention]) -> list[Found]:
    """甲区、乙区、丙区作为全市工业发展主平台，分别重点发展A和B、C、D和E: the role is every place's; the list after
    分别, one item between 、 per place, gives the i-th place the industries of the i-th item."""
    if len(run.places) < 2 or (then := _THEN_RESPECTIVELY.match(work, found[-1].end)) is None:
        return []
    end = _CLAUSE_END.search(work, then.end()).start()  # type: ignore[union-attr]
    items = list(_LISTED_ITEM.finditer(work, then.end(), end))
    if len(items) != len(run.places):
        return []
    per_item = [tuple({c.cluster.slug: c.cluster for c in clusters if m.start() <= c.start < m.end()}.values()) or (_item_cluster(m),) for m in items]
    return [Found(g.role, g.start, g.end, cs, i) for g in found for i, cs in enumerate(per_item)]


def _aligned_items(found: list[Found], run: Run, work: str, clusters: list[ClusterMention]) -> list[Found]:
    """甲区、乙区、丙区分别聚焦X、Y、Z，打造…园区 / 分别以X、Y为主攻方向: an object list with one item per place
    gives the i-th place the i-th industry (a taxonomy cluster, else the item's own name) in every role found."""
    if len(run.places) < 2:
        return []
    for f in found:
        lead = _LEADING.match(work, f.start) if work.startswith("以", f.start) else None
        verb = None if lead else _DEVELOP.match(work, f.start)
        span = (lead.start("obj"), lead.end("obj")) if lead else (verb.end(), f.end) if verb and f.clusters else None
        own_list = span is None
        if span is not None:
            items = [m for m in _ITEM.finditer(work, *span) if m.group() not in ("等", "产业")]
        elif (at := work.find(f.role, f.start, f.end)) >= 0 and _SPLIT.search(f.role):
            items = list(_LISTED_ITEM.finditer(work, at, at + len(f.role)))  # 分别打造A及B、C、D制造基地: the role's own list
            if len(items) != len(run.places) and (joined := _joined_role_items(work, at, f, found, run, clusters)):
                return joined
        else:
            continue
        if len(items) != len(run.places):
            top = list(_LISTED_ITEM.finditer(work, *span)) if span is not None else []
            if len(top) == len(run.places) and any(_SPLIT.search(m.group()) for m in top[:-1]):  # not A、B和C
                # 分别重点发展X和Y、Z和W: the i-th item between 、 with every industry it names
                per_item = [tuple({c.cluster.slug: c.cluster for c in clusters if m.start() <= c.start < m.end()}.values()) or (_item_cluster(m),) for m in top]
                roles = [g for g in found if not g.focus] or [f]
                texts = _with_shared_head([m.group() for m in top])
                return [Found(texts[i] if g is f else g.role, g.start, g.end, cs, i) for g in roles for i, cs in enumerate(per_item)]
            continue
        named = [[c.cluster for c in clusters if m.start() <= c.start < m.end()] for m in items]
        one = {c.slug: c for n in named for c in n[:1]}
        parts = all(n or _PART.search(m.group()) for m, n in zip(items, named))
        if len(one) == 1 and parts:  # 分别发展轨道交通装备整车和核心零部件: one industry's parts, one cluster for all
            per_place = list(one.values()) * len(items)
        else:
            per_place = [n[0] if n else _item_cluster(m) for m, n in zip(items, named)]
        roles = [g for g in found if not g.focus] or [f]
        texts = _with_shared_head([m.group() for m in items])
        if own_list:
            texts = _with_list_head(texts)
        each = (verb and not own_list) or all(_HEAD_END.search(t) for t in texts)  # 赣东、赣南区域性物流中心: kept whole
        return [Found(texts[i] if g is f and each else g.role, g.start, g.end, (c,), i) for g in roles for i, c in enumerate(per_place)]
    return []


# 分别打造A、B、C三个省级特色产业集群: a count, then the role noun every item shares.
_COUNTED_HEAD = re.compile(r"(?:\d{1,2}|[一二两三四五六七八九十]{1,2})(?:个|大|家)(?P<head>[\u4e00-\u9fff]{2,12})$")


def _with_shared_head(texts: list[str]) -> list[str]:
    """Each item's role: with the counted role noun the last item carries (…肉制品加工4个百亿级产业基地) moved onto
    every item (肉鸡加工百亿级产业基地); unchanged when there is none."""
    m = _COUNTED_HEAD.search(texts[-1])
    if m is None or m.start() == 0:
        return texts
    head = m.group("head")
    return [t + head for t in texts[:-1]] + [texts[-1][: m.start()] + head]


def _with_list_head(texts: list[str]) -> list[str]:
    """A role's own list (分别打造茶叶、旅游产业集聚区): items without a role noun of their own take the one the last
    item ends with (茶叶产业集聚区)."""
    head = _ROLE_LIST_HEAD.search(texts[-1])
    if head is None or head.start() == 0:
        return texts
    return [t if _HEAD_END.search(t) else t + head.group() for t in texts[:-1]] + [texts[-1]]


def _joined_role_items(work: str, at: int, f: Found, found: list[Found], run: Run, clusters: list[ClusterMention]) -> list[Found]:
    """分别建设A、B和C特色园区: a role whose own list, split at 、和及与, has one item per place, and ends with the
    role noun they share; the i-th place gets the i-th item with that noun, in the item's industry."""
    items = list(_JOINED_ITEM.finditer(work, at, at + len(f.role)))
    head = _ROLE_LIST_HEAD.search(items[-1].group()) if len(items) == len(run.places) else None
    if head is None or head.start() == 0 or any(_HEAD_END.search(m.group()) for m in items[:-1]):
        return []  # …研究和创新策源区、…: items with role nouns of their own are roles
    if any(_PART.search(name) for name in [m.group() for m in items[:-1]] + [items[-1].group()[: head.start()]]):
        return []  # 航空发动机及零部件: one industry and its parts
    if any(c.start < m.end() < c.end for c in clusters for m in items[:-1]):
        return []  # 软件和信息服务: one cluster's name, not two items
    spans = [(m.start(), m.end()) for m in items[:-1]] + [(items[-1].start(), items[-1].start() + head.start())]
    per_place = []
    for a, b in spans:
        named = [c.cluster for c in clusters if a <= c.start < b]
        name = work[a:b]
        per_place.append(named[0] if named else industry_cluster(name))
    roles = [g for g in found if not g.focus] or [f]
    return [
        Found(work[a:b] + head.group() if g is f else g.role, g.start, g.end, (c,), i)
        for g in roles for i, ((a, b), c) in enumerate(zip(spans, per_place))
    ]


_LISTED_ITEM = re.compile(r"[^、]+")
_CLOSED_ITEM_MAX = 6
_JOINED_ITEM = re.compile(r"[^、和及与]+")
_HEAD_END = re.compile(f"(?:{_HEAD.pattern})$")
# The role noun the items of a role's own list share, at its end (…茶叶精深加工特色园区).
_ROLE_LIST_HEAD = re.compile(r"(?:特色|专业|重点|现代|综合|产业|制造|研发|生产)*(?:产业园区|产业园|园区|基地|集聚区|示范区|产业集群|集群|产业区|功能区)$")


def _item_cluster(item: re.Match[str]) -> Cluster:
    """A cluster of a list item's own name, for an item that names none the taxonomy knows (机械装备, 电气)."""
    name = item.group().removesuffix("产业")
    return industry_cluster(name)


def _company_news(work: str, run: Run) -> bool:
    """A firm's own project or address, not a layout: 公司将在甲区建设新基地; 位于甲区的某企业已建成…中心."""
    if work.endswith(_SITED, 0, run.start) and work.startswith("的", run.end):
        return True
    return work.endswith(("在", "于"), 0, run.start) and bool(_FIRM.search(work, _clause_start(work, run.start), run.start))


def read_role(work: str, run: Run, next_start: int, clusters: list[ClusterMention]) -> list[Found]:
    """The roles of a run, each with the span of the text that assigns it."""
    start = run.start  # the text before the run is tested in place (str.endswith with an end), never copied
    if _company_news(work, run) or _HONOUR.match(work, run.end + work.startswith("被", run.end)):
        return []  # 甲区获评…先进区: an award, not a role
    if work.endswith("对", 0, start) and work[run.end : run.end + 1] == "，":
        return _topic_role(work, run.end)
    if work.endswith("由", 0, start) and (m := _COMPOSED.match(work, run.end)):
        return [Found(clean_role(m.group("r")), start - 1, m.end())]  # 由甲区、乙区组成的沿江产业带
    if work.endswith("发挥", 0, start) and (m := _ACTION.match(work, run.end)):
        return [Found(m.group("r"), m.start(), m.end())]
    if m := _LISTING.match(work, _after_industry(work, run.end, clusters)):
        # 甲区、乙区（数字经济）协同发展; …联动发展，共同打造X走廊: and the role they build together
        joint = _JOINTLY.match(work, m.end() + 1, next_start)
        objects = industries_named(work, m.end(), _first(_OBJECTS_END, work, m.end(), next_start), clusters)  # 协同发展集成电路设计及软件服务
        return [Found(m.group("r"), m.start(), m.end(), objects)] + (_role_after_trigger(work, joint.end(), next_start) if joint else [])
    if _inside_quoted_name(work, run) and (m := _QUOTED_NAME.match(work, run.end)):
        return [Found(m.group("r"), m.start(), m.end())]
    clause_end = _first(_CLAUSE_BREAK, work, run.end, next_start)
    if found := _label_role(work, run, clusters, next_start, clause_end):
        # “一核”：甲区，建设X核心区 — the label, and a role the clause after the run states
        tail = run.end + (work[run.end : run.end + 1] in "）)")  # “一核”：甲区（乙区），…: after the bracket that closes the run
        after = _first(_CLAUSE_BREAK, work, tail + 1, next_start) if work[tail : tail + 1] in "，," else run.end
        end = max(after, next_start)
        if after > run.end:  # “一核”：甲区，重点发展X、Y，建设Z策源地: the role, and the industries developed before it
            stated = _role_after_trigger(work, tail + 1, end)
            stated = stated + _focus(work, tail + 1, stated[0].start, clusters) if stated else _develop_role(work, tail + 1, end, clusters)
        else:  # “两带”：甲县、乙县形成X制造带 — a verb right after the places
            stated = (
                _role_after_trigger(work, run.end, clause_end) if _TRIGGER.match(work, run.end)
                else _develop_role(work, run.end, clause_end, clusters)  # 多园：甲基地重点发展X，乙基地…
            )
            if not stated and _part_end(work, clause_end) <= next_start:  # 多园：甲县、乙县结合资源禀赋，分别发展X、Y
                stated = _role_after_trigger(work, run.end, next_start) or _develop_role(work, run.end, next_start, clusters)
        if not stated:
            return found
        stated = _respective(stated, run, work, clusters)
        per_place = {f.place_index: f.clusters for f in stated if f.place_index is not None and f.clusters}
        if per_place and all(not f.clusters for f in found):  # “两翼”为甲区和乙区，分别打造A和B: the label too, per place
            found = [Found(f.role, f.start, f.end, cs, i) for f in found for i, cs in sorted(per_place.items())]
        return found + stated
    if found := _bracketed_in(work, run):
        return found
    if _ordinal_is(work, start) and (own := _named_phrase(work, run, next_start, clause_end)) and _HEAD.search(own[0].role):
        return own  # 一是甲县X产业集聚区，二是…: the noun phrase after the place
    if work.endswith(("为", "是", "即"), 0, start) and (first := _ROLE_FIRST.search(work, max(0, start - 12), start)) and MASK not in first.group("r"):
        return [Found(clean_role(first.group("r")), first.start("r"), run.end)]
    if work.endswith("，", 0, start) and (a := _AS_ROLE.fullmatch(work, _clause_start(work, start - 1), start - 1)):
        return [Found(clean_role(a.group("r")), a.start(), run.end)]  # 作为全市X核心区，甲区将…
    if found := _linked_role(work, run, next_start, clusters):
        return found
    if work.endswith(_GATHER_ENDS, 0, start) and (g := _GATHER.search(work, max(0, start - 8), start)) and (
        g.group("verb") or work[run.end : run.end + 1] in _PHRASE_END or run.end == len(work)
    ):  # X产业重点在甲区、乙区; but 重点在甲区做强Y: where the place does Y
        return _gathered_role(work, run, next_start) or [Found("集聚区", g.start(), run.end)]
    if work.endswith(_LAID_OUT, 0, start):  # X产业重点布局甲区、乙区: laid out in them, as 布局在
        return _gathered_role(work, run, next_start) or [Found("集聚区", start - 4, run.end)]
    if work.endswith("向", 0, start) and (t := _TOWARDS.match(work, run.end)):
        return [Found("集聚区", start - 1, t.end())]
    if work.endswith("在", 0, start) and (t := _GATHERS_IN.match(work, run.end)):
        return [Found("集聚区", start - 1, t.end())]  # X产业在甲区、乙区形成集聚
    if work.endswith(_NAMED_AS, 0, start) and (a := _COUNTED_ANTECEDENT.search(work, max(0, start - 40), start)):
        return [Found(clean_role(a.group("r")), a.start("r"), run.end)]  # 培育三个产业园区，分别为甲区、乙区、丙区
    if run.counted and work.endswith("其中", 0, start) and (a := _ALLOCATION.search(work, 0, start)):
        return [Found(clean_role(a.group("r") or a.group("after")), a.start(), run.end)]
    if found := _short_yi_role(work, run, clause_end):
        instrument = found[0].role in _INSTRUMENTS
        if not instrument and (_HEAD.search(found[0].role) or _LAYOUT_PART.search(found[0].role)) or not (longer := _role_after_trigger(work, run.end, clause_end)):
            # 以甲区为主体，打造X核心区；…: the role the rest of the part states, when no other place comes first
            part_end = _first(_PART_END, work, clause_end, next_start)
            bare = _LAYOUT_PART.search(found[0].role) or len(found[0].role) <= 2  # 核心, 主体, 龙头
            # 以甲区为主，重点发展X和Y: with no role noun after it, the part's objects are the place's industries
            return found + ((_role_after_trigger(work, clause_end, part_end) or _develop_role(work, clause_end, part_end, clusters)) if bare else [])
        return longer
    # 肥西县：智能家电、新能源汽车 / 吴江区以光电缆、新型显示为主导产业 — and any role stated after it
    if sep := _COLON.match(work, run.end):  # 甲区：X、Y / 甲区—X、Y
        verb = bool(_DEVELOP.match(work, sep.end()))
        colon_clause = _first(_COLON_CLAUSE_BREAK, work, sep.end(), next_start)
        named = _role_after_trigger(work, sep.end(), colon_clause) if _TRIGGER.match(work, sep.end()) else []
        if named and named[0].start == sep.end():
            return named  # 甲区：打造X高地 — the verb names a role noun
        if (verb or not named) and (found := _develop_role(work, sep.end() if verb else run.end, next_start, clusters, colon=not verb)):
            return found + _role_after_trigger(work, found[0].end, next_start)
        if next_start > sep.end() and _MEANS.search(work, sep.end(), next_start) and (stated := _role_after_trigger(work, next_start, _part_end(work, next_start))):
            # 甲市：以乙园区为载体，做强X，建设Y基地 — the place before the colon is the subject of the part
            focus = _focus(work, next_start, stated[0].start, clusters)
            return [Found(s.role, sep.start(), s.end) for s in stated] + [Found(s.role, f.start, f.end, f.clusters, None, True) for f in focus for s in stated]
        if next_start > sep.end() and _MEANS.fullmatch(work, sep.end(), next_start) and (objects := _develop_role(work, next_start, _part_end(work, next_start), clusters)):
            return [Found(o.role, sep.start(), o.end, o.clusters) for o in objects if o.clusters]  # 甲区：依托乙园区发展X和Y
    if (m := _LEADING.match(work, run.end + 2 * work.startswith("分别", run.end))) and (objects := industries_named(work, m.start("obj"), m.end("obj"), clusters)):
        return _respective([Found(m.group("r"), m.start(), m.end(), objects)] + _role_after_trigger(work, m.end(), next_start), run, work, clusters)
    if u := _UNDERTAKES.match(work, run.end, clause_end):
        return [Found(u.group("r"), u.start(), u.end())]  # 甲镇、乙镇承担智能终端组装配套功能
    if (f := _FOCUS_ON.match(work, run.end, clause_end)) and MASK not in f.group():
        # 甲区以设计为主; 甲市以再生金属为特色，打造X基地: and the role the next clause states
        stated = _role_after_trigger(work, f.end(), _first(_CLAUSE_BREAK, work, f.end() + 1, next_start)) if work.startswith("，", f.end()) else []
        return [Found(f.group("r"), f.start(), f.end(), industries_named(work, f.start("obj"), f.end("obj"), clusters))] + stated
    if found := _dash_role(work, run, next_start):
        return found
    if found := _modified_role(work, run, next_start, clause_end):
        return found
    if found := _table_role(work, run, next_start, clusters):
        return found
    # 甲区聚焦X，建设乙园: a named park right after the verb is the place's role, the next run though it is
    verb_before_next = _TRIGGER_AT_END.search(work, max(run.end, next_start - 4), next_start) and not _ordinal_is(work, next_start)
    beyond = _first(_CLAUSE_BREAK, work, next_start, len(work)) if verb_before_next else next_start
    part_end = _part_end(work, run.end)
    if not work.startswith("“", part_end + 1):
        part_end = len(work)  # 甲区规划发展X；依托乙片区，打造Y聚集区: the part after ； goes on about the place
    for end in dict.fromkeys(min(e, part_end) for e in (clause_end, next_start, beyond)):  # …甲区、乙区；“三园”分别为…: not past a new label
        found = _role_after_trigger(work, run.end, end) or _function_role(work, run.end, end)
        if found:
            if end != clause_end and (focus := _focus(work, run.end, found[0].start, clusters)):
                # 甲区重点发展X、Y产业，打造Z基地: Z is the place's role in X and in Y too (as a planner reads it)
                found = [Found(s.role, f.start, f.end, f.clusters, f.place_index, True) for f in focus for s in found] + found
            return _respective(found, run, work, clusters)
    return _respective(_develop_role(work, run.end, next_start, clusters), run, work, clusters)


def means_only(work: str, runs: list[Run]) -> bool:
    """Every place the sentence names is a means or an object (依托乙园, 以乙园为载体, 发挥乙区优势, 加快乙园建设),
    never its subject."""
    return all(_MEANS.search(work, _clause_start(work, r.start), r.start) for r in runs)


def an_asset(work: str, run: Run) -> bool:
    """The place is an asset the subject draws on (发挥港口和自贸试验区优势), not a host of the role."""
    return bool(_ASSET.search(work, _clause_start(work, run.start), run.start))


# 甲县医疗器械、乙区针织服装三个省级重点产业集群: a place's own industry, then 、 and the next place ...
_PAIRED_ITEM = re.compile(r"[）)]?(?P<item>[\u4e00-\u9fff]{2,10}?)(?:产业)?[、和及]")
# ... and after the last place its industry, a count or 等, and the role noun every pair shares.
_PAIRED_END = re.compile(
    r"[）)]?(?P<item>[\u4e00-\u9fff]{2,10}?)(?:产业)?(?:等|(?:\d{1,2}|[一二两三四五六七八九十]{1,2})(?:个|大))"
    r"(?P<head>[^，。；、]{0,12}?(?:产业集群|集群|基地|产业园|园区|集聚区|示范区|高地))"
)


def _paired_list(work: str, runs: list[Run], clusters: list[ClusterMention]) -> list[tuple[Run, Found, tuple[str, ...]]]:
    """做强甲县X、乙县Y、丙区Z三个特色产业集群: places each followed by its own industry, then a counted role noun they
    share; each place gets that role in its industry (a taxonomy cluster, else the item's own name)."""
    if len(runs) < 2:
        return []
    items = [_PAIRED_ITEM.fullmatch(work, a.end, b.start) for a, b in zip(runs, runs[1:])]
    end = _PAIRED_END.match(work, runs[-1].end)
    if end is None or not all(items):
        return []
    out = []
    for run, item in zip(runs, [*items, end]):
        span = (item.start("item"), item.end("item"))  # type: ignore[union-attr]
        named = tuple({c.cluster.slug: c.cluster for c in clusters if span[0] <= c.start < span[1]}.values())
        name = work[span[0] : span[1]]
        own = named or (() if _PART.search(name) else (industry_cluster(name),))
        out.append((run, Found(clean_role(end.group("head")), run.start, end.end(), own), ()))
    return out


# 甲区：某某新材料科技有限公司、… — a list of firms (a register, a shortlist) names no role.
_COMPANY = re.compile(r"公司|有限责任|股份有限")


# 同步发展X, 适度发展X: a later clause that only adds industries, with the sentence's place as its subject.
_ADDED_INDUSTRIES = re.compile(r"(?:同步|同时|适度|积极|加快|大力|着力|稳步|有序|并|还|也|另外|此外|兼顾)+(?:发展|布局|培育|壮大|做强|引育)")


def _added_industries(work: str, start: int, end: int, clusters: list[ClusterMention]) -> list[Found]:
    """Roles of the clauses between `start` and `end` that open with an adverb and a develop verb and name industries
    (甲区重点发展X，打造Y基地；同步发展Z): the place of the sentence develops them too."""
    out: list[Found] = []
    for b in _CLAUSE_BREAK.finditer(work, start, end):
        if _ADDED_INDUSTRIES.match(work, b.end()):
            out.extend(f for f in _develop_role(work, b.end(), _first(_CLAUSE_BREAK, work, b.end(), end), clusters) if f.clusters)
    return out


_LIMIT_CHARS = "不禁限控"  # every _RESTRICTED phrase holds one
_RESTRICTED = re.compile(r"原则上不|不再新增|不再布局|不再新上|不再新建|严禁|禁止新建|禁止新上|限制发展|不作[^，。；]{0,8}安排|严格控制[^，。；]{0,6}开发")
_COMPOSED = re.compile(rf"(?:等)?(?:共同)?(?:组成|构成)的(?P<r>[^，。；：]{{2,20}}?(?:{_HEAD.pattern}))(?=[，。；]|$)")
# Roles of administration or protection, not of an industrial layout (新设区, 重点生态功能区).
_NO_LAYOUT = re.compile(r"新设|撤县|撤市|设区|行政区划|生态功能区|生态保护区|水源保护区|禁止开发区|限制开发区")
_MEANS_OPENERS = ("依托", "借助", "利用", "依靠")
_WHERE_NEXT = ("，在", "，于", "，")
_MEANS_CLAUSE = re.compile(r"(?:依托|借助|利用|立足|发挥)(?:(?!开展|发展|建设|打造|推进|推动|加快|实施|举办|培育)[^，。；：、]){1,20}，")


def read_runs(work: str, runs: list[Run], clusters: list[ClusterMention]) -> list[tuple[Run, Found, tuple[str, ...]]]:
    """Each run with its roles and functions. A run that only opens a list (以A科学城、B园区…为R)
    shares the roles of the run after it."""
    if paired := _paired_list(work, runs, clusters):
        return paired
    out: list[tuple[Run, Found, tuple[str, ...]]] = []
    later: list[tuple[Found, tuple[str, ...]]] = []
    limited = any(ch in work for ch in _LIMIT_CHARS)  # once per sentence: most name no limit
    for i in range(len(runs) - 1, -1, -1):
        run = runs[i]
        next_start = runs[i + 1].start if i + 1 < len(runs) else len(work)
        found = [f for f in read_role(work, run, next_start, clusters) if not _COMPANY.search(f.role) and not _NO_LAYOUT.search(f.role)]
        if not found and len(run.places) > 1 and all(run.specs):
            found = _bracketed_specs(work, run)  # 甲区（X、Y）、乙区（Z）按照各自功能定位推进…: each place's bracket
        if found and limited and (limit := _RESTRICTED.search(work, run.end, _part_end(work, run.end))) and not _DEVELOP.search(work, run.end, limit.start()):
            found = []  # 甲区作为中心城区，原则上不再新增工业项目: a limit, not a layout role (but 重点发展X，原则上不再… keeps X)
        if found:
            found += _added_industries(work, max(f.end for f in found), next_start, clusters)
            clause_end = _first(_CLAUSE_BREAK, work, run.end, len(work))
            own = set(functions_in(work[run.start : clause_end]))
            later = []
            for f in found:
                funcs = own | set(functions_in(work[f.start : f.end]))
                later.append((f, tuple(x for x in FUNCTION_ORDER if x in funcs)))
        elif not (later and (
            not _CLAUSE_BREAK.search(work, run.end, next_start) or _MEANS_CLAUSE.fullmatch(work, run.end, next_start)
            or (work.endswith(_MEANS_OPENERS, 0, run.start) and work[run.end : next_start] in _WHERE_NEXT)
        )):
            # 甲区依托A，乙市依托B，发展X: a run whose clause names only its means shares the next run's roles; so does
            # the means a clause opens with (依托甲综合保税区，在乙区发展X)
            later = []
        elif run.heading:  # the heading's place is not the means the sentence names (以乙园为载体)
            later = [(f, funcs) for f, funcs in later if f.role not in _INSTRUMENTS]
        out.extend((run, f, funcs) for f, funcs in reversed(later))
    return out[::-1]
