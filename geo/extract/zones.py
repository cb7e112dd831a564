"""Development zones of any city, recognised by their generic names (高新区, 经济技术开发区, 综合保税区 …).

Towns (镇) and subdistricts (街道) are recognised the same way: cities without counties (东莞, 中山) lay out
their industries by town. Plans name zones with or without a place prefix (张江高新区, 长沙经济技术开发区, or a bare 高新区 inside a
西安 plan, which is 西安高新区). Each recognised zone gets a key that folds the long and short official
forms together (西安高新技术产业开发区 = 西安高新区) and a stable id per city. Hosts are never guessed from
a name: only data/zones.csv, where every row cites a source, gives a zone its host units.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from pypinyin import lazy_pinyin

from geo.reference.trie import trie_pattern
from geo.slotted import slot_init

# Long official suffix -> (short form used in keys, kind); longest first in the pattern.
SUFFIXES: dict[str, tuple[str, str]] = {
    "高新技术产业开发区": ("高新区", "development_zone"),
    "高新技术产业园区": ("高新区", "development_zone"),
    "高新技术开发区": ("高新区", "development_zone"),
    "新技术产业开发区": ("高新区", "development_zone"),
    "高技术产业开发区": ("高新区", "development_zone"),
    "新技术开发区": ("高新区", "development_zone"),
    "高新区": ("高新区", "development_zone"),
    "经济技术开发区": ("经开区", "development_zone"),
    "经济开发区": ("经开区", "development_zone"),
    "经开区": ("经开区", "development_zone"),
    "农业高新技术产业示范区": ("农高区", "development_zone"),
    "农高区": ("农高区", "development_zone"),
    "旅游度假区": ("旅游度假区", "development_zone"),
    "综合保税区": ("综合保税区", "bonded_zone"),
    "综保区": ("综合保税区", "bonded_zone"),
    "保税港区": ("保税港区", "bonded_zone"),
    "保税区": ("保税区", "bonded_zone"),
    "自由贸易试验区": ("自贸试验区", "free_trade_zone"),
    "自贸试验区": ("自贸试验区", "free_trade_zone"),
    "自贸区": ("自贸试验区", "free_trade_zone"),
    "新片区": ("新片区", "free_trade_zone"),
    "自贸片区": ("自贸片区", "free_trade_zone"),
    "片区": ("片区", "functional_area"),
    "台商投资区": ("台商投资区", "development_zone"),
    "临空经济示范区": ("临空经济区", "development_zone"),
    "临空经济区": ("临空经济区", "development_zone"),
    "空港经济区": ("空港经济区", "development_zone"),
    "生物城": ("生物城", "science_city"),
    "航空港区": ("航空港区", "development_zone"),
    "新城": ("新城", "new_area"),
    "镇": ("镇", "town"),
    "街道": ("街道", "subdistrict"),
    "产业转移工业园区": ("产业转移工业园", "industrial_park"),
    "产业转移工业园": ("产业转移工业园", "industrial_park"),
    "化工园区": ("化工园区", "industrial_park"),
    "化工园": ("化工园", "industrial_park"),
    "石化园区": ("石化园区", "industrial_park"),
    "石化基地": ("石化基地", "industrial_park"),
    "化工基地": ("化工基地", "industrial_park"),
    "石化区": ("石化区", "industrial_park"),
    "工业园区": ("工业园区", "industrial_park"),
    "工业园": ("工业园", "industrial_park"),
    "工业城": ("工业城", "industrial_park"),
    "示范园": ("示范园", "industrial_park"),
    "科创园": ("科创园", "industrial_park"),
    "工业集中区": ("工业集中区", "industrial_park"),
    "工贸园区": ("工贸园区", "industrial_park"),
    "化学工业区": ("化学工业区", "industrial_park"),
    "化工区": ("化工区", "industrial_park"),
    "产业集中区": ("产业集中区", "industrial_park"),
    "产业功能区": ("产业功能区", "functional_area"),
    "产业园区": ("产业园区", "industrial_park"),
    "产业园": ("产业园", "industrial_park"),
    "科技园": ("科技园", "industrial_park"),
    "软件园": ("软件园", "industrial_park"),
    "科学城": ("科学城", "science_city"),
    "科技城": ("科技城", "science_city"),
    "开发区": ("开发区", "development_zone"),
    "产业集聚区": ("产业集聚区", "development_zone"),
    "汽车经济技术开发区": ("汽车经开区", "development_zone"),
    "汽开区": ("汽车经开区", "development_zone"),
    "综合改革示范区": ("综改示范区", "development_zone"),
    "综改示范区": ("综改示范区", "development_zone"),
    "航空基地": ("航空基地", "development_zone"),
    "航天基地": ("航天基地", "development_zone"),
    "生态园": ("生态园", "industrial_park"),
    "城乡一体化示范区": ("城乡一体化示范区", "development_zone"),
    "工业区": ("工业区", "industrial_park"),
    "经济区": ("经济区", "development_zone"),
    "高新园": ("高新区", "development_zone"),
    "经济试验区": ("经济试验区", "development_zone"),
    "经济综合实验区": ("综合实验区", "development_zone"),
    "综合实验区": ("综合实验区", "development_zone"),
    "出口加工区": ("出口加工区", "bonded_zone"),
    "合作区": ("合作区", "cooperation_zone"),
    "生态城": ("生态城", "new_area"),
    "知识城": ("知识城", "science_city"),
    "新区": ("新区", "new_area"),
    "港务区": ("港务区", "development_zone"),
    "新港区": ("新港区", "development_zone"),
    "港区": ("港区", "development_zone"),
    "起步区": ("起步区", "new_area"),
    "软件谷": ("软件谷", "industrial_park"),
    "小镇": ("小镇", "industrial_park"),
    "生物岛": ("生物岛", "science_city"),
    "医药城": ("医药城", "science_city"),
    "医学城": ("医学城", "science_city"),
    "医药港": ("医药港", "science_city"),
    "大学城": ("大学城", "science_city"),
    "科教城": ("科教城", "science_city"),
    "陆港": ("陆港", "development_zone"),
}
# A bare suffix names the city's own zone only for these (高新区 in a 西安 plan); a bare 新区 or
# 产业园 is an ordinary noun.
_BARE_OK = {"高新区", "经开区", "综合保税区", "保税港区", "自贸试验区", "航空港区", "汽车经开区", "临空经济区", "空港经济区"}
# 航空基地重点发展…: a bare base that opens its clause is the city's own (西安's); after a verb (建设航空基地) it is a role.
_BARE_SUBJECT = {"航空基地", "航天基地"}
_SUFFIX = trie_pattern(SUFFIXES)
# 自贸试验区 片区: 中国（X）自由贸易试验区Y片区 is one zone per 片区. The pattern opens with the suffixes' one trie, so
# the engine skips ahead to their first characters; an alternation of two groups is tried at every position.
_ZONE = re.compile(rf"(?:{_SUFFIX})(?:(?<=试验区|自贸区)[\u4e00-\u9fff]{{2,4}}(?:新片区|片区))?")
_PREFIX_MAX = 8
_PREFIX_LONG = 12  # how far a name that runs past _PREFIX_MAX may reach back to a boundary word
# Words that end a prefix: verbs, prepositions and conjunctions that stand before a zone's name.
_BOUNDARY = re.compile(
    r"(?:以上|以下|简称|下称|统称|左右|考虑|做好|融入|匹配|承接|搭建|新建|扩建|谋划|提供|满足|依托|依靠|围绕|聚焦|推动|推进|支持|鼓励|引导|加快|建设|打造|发展|布局|重点|落户|入驻|集聚|聚集|串联|下辖|连接|贯通|"
    r"形成|构建|培育|提升|做强|做大|壮大|引进|带动|辐射|联动|协同|包括|其中|主要|以及|分别|发挥|加强|强化|立足|瞄准|面向|借助|盘活|"
    r"突出|用好|利用|优化|完善|促进|吸引|争取|申报|创建|设立|规划|启动|实施|开展|深化|拓展|共建|对接|参与|定位|是指|指|沿|"
    r"[以在和与及、，。；：对将把由向从于为是即等的了含暨并同（）()“”‘’])"
)
_CONJUNCTIONS = ("和", "与", "及")
_OPENING = "（(“‘，。；：、\n"
# A prefix with these is a class of zones, not one zone (各高新区, 一批产业园, 全市经开区).
_PLURAL = re.compile(r"各|一批|若干|多个|这些|相关|现有|其他|周边|所在|全市|全省|本市|我市|全区|沿线|域内|区内|两个|一个|所有|省内|市内")
# A rank before the name does not change which zone it is (国家高新区 in a 深圳 plan is 深圳's).
_RANK = re.compile(r"^(?:世界级|国家级|国家|省级|市级|区级|县级|级)+")  # 县（区）级: the rank after a bracket
# Prefixes made only of descriptive or industry words name a kind of park, not a place.
_DESCRIPTIVE_LEAD = re.compile(
    r"^(?:国际|全球|世界|精细|高水平|高质量|高起点|高标准|关键|集群|产业链|上下游|一流|优质|标准化|专业化|特色化|系列|特色|专业|重点|新|老|大型|小型|智慧|绿色|低碳|现代|综合|功能|配套|主要|示范|文化|科技|创新|创意|数字|信息|"
    r"电子|智能|生物|医药|环境|环保|能源|材料|物流|商贸|总部|金融|软件|高端|先进|产业|加工|贸易|外贸|跨境|电商|保税|出口|双创|孵化|众创|文创|农业|工业|"
    r"系统集成|制造|研发|装备|应用|检测|服务|储能|电池|零部件)+"
)
# Suffixes specific enough that a descriptive prefix still names one zone (国际港务区).
_SPECIFIC = {"港务区", "航空基地", "航天基地", "软件谷", "生物岛"}
# 东部片区, 核心片区, 中心新城, 重点镇: a part of the city described, not a named area or town.
_AREA_SUFFIXES = {"片区", "新城", "镇", "街道", "工业区", "经济区", "港区", "新港区", "小镇"}
_AREA_PREFIX_MAX = 4  # 松山湖片区, 前海蛇口片区, 古镇镇: their own names are short
_AREA_GENERIC = re.compile(
    r"^(?:[东西南北中]+部?|中心|核心|城区|城市|主城|老城|旧城|新城|启动|起步|先行|重点|一般|建制|乡|城|村|集|小|古|名|强|重|大|各|"
    r"临海|沿海|沿江|沿河|沿湖|国际|消费|商务|中央|生态|宜居|活力|魅力|文旅|旅游|健康|智造|制造|科创|会展|湾区|现代|未来|智慧|数字|产城|融合)+$"
)
# 城镇, 乡镇, 工业强镇, 智造重镇: the word before 镇 makes it a common noun.
_NOT_TOWN = re.compile(r"[城乡村集市小古名强重新大]$")
# 创新区, 更新区: 新 belongs to the word before it, so the text names no 新区.
_NEW_AS_WORD = re.compile(r"[创更革刷重崭全最焕翻出立]$")
_TO_BUILD_SUFFIXES = {"小镇", "旅游度假区", "石化基地", "化工基地", "医药城", "医学城", "示范园"}  # 建设“眼镜小镇”, 发挥“中国医药城”作用: a brand in quotes or still to be built
_PROPER_ONLY = {"石化基地", "化工基地", "石化区"}  # suffixes that name a zone only with a name of its own before them
_TO_BUILD = re.compile(r"(?:建设|打造|创建|培育|建成|争创|谋划)$")
_PARK_INDUSTRY_MAX = 6
# Suffixes that name a zone only right after a county's full name, which stays in the zone's name.
_UNIT_ONLY = {"产业集聚区"}
# Where a clause opens: a county's industry park there is its subject; after a verb (建设甲县X产业园) it is the
# county's role.
_CLAUSE_OPEN = ("", "。", "；", "，", "\n")
_COUNTED = re.compile(r"[0-9一二三四五六七八九十]+个")
# 三大产业园, 2个经开区, 十个高新区: a count, not a name — but 五常, 十堰, 六安 and 九江 are names.
_NUMBERED = re.compile(r"^[0-9一二三四五六七八九十百千两]+(?:个|大|家|座|类|批|项|所|条|级|$)|[0-9]")


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class ZoneHit:
    """One zone name in a sentence: its span, the key that identifies the zone, and its kind."""

    start: int
    end: int
    key: str
    kind: str
    suffix_start: int  # where the generic name begins (新城 in 空港新城)


_LONGEST_FIRST = tuple(sorted(SUFFIXES, key=len, reverse=True))
# 中国（西安）…, 西部（重庆）科学城: a bracketed city inside the zone's own name.
_CHINA_FORM = re.compile(r"(?:中国|[\u4e00-\u9fff]{2,4})（[\u4e00-\u9fff]{2,4}）$")
_CHINA_PREFIX = re.compile(r"^中国（(.+?)）")
# 中德（沈阳）高端装备制造产业园, 中韩（盐城）产业园: a partner's name, the city in brackets, then the park's own words.
_PARTNER_FORM = re.compile(r"(?P<lead>[\u4e00-\u9fff]{2,6})（(?P<city>[\u4e00-\u9fff]{2,4})）[\u4e00-\u9fff]{0,12}$")
_PARTNER_SPAN = 24
_IDEOGRAPHS = re.compile(r"[\u4e00-\u9fff]*")


@lru_cache(maxsize=4096)
def _short_form(surface: str) -> tuple[str, str]:
    """(short suffix, kind) of a matched suffix, with a 片区 kept (自贸试验区X片区)."""
    for long in _LONGEST_FIRST:
        if surface.startswith(long):
            short, kind = SUFFIXES[long]
            return short + surface[len(long):], kind
    raise ValueError(surface)


def _prefix(text: str, end: int, floor: int, city: str = "") -> str:
    """The zone's own name before its suffix: the text back to the nearest boundary word, brackets
    only in 中国（城市）… and partner (中德（城市）…) form; 鸡西（麻山）石墨产业园 brackets a county, not the name."""
    partner = _PARTNER_FORM.search(text, max(floor, end - _PARTNER_SPAN), end) if text.find("）", max(floor, end - _PARTNER_SPAN), end) >= 0 else None
    if partner and partner.group("city") == city:  # the partner's name begins after the last boundary word before the bracket
        cut = max((b.end() for b in _BOUNDARY.finditer(text, partner.start(), partner.end("lead"))), default=partner.start())
        if partner.end("lead") - cut >= 2:
            return text[cut:end]
    start = max(floor, end - _PREFIX_MAX)
    window = text[start:end]
    china = _CHINA_FORM.search(window)
    if china:  # 依托中国（广西）自贸试验区: the name begins at 中国 when it is there
        at = china.group().find("中国（")
        return china.group()[at:] if at > 0 else china.group()
    # boundaries are looked for a word further back, so one cut by the window (建|设…) still counts
    lookback = max(floor, start - 2)
    cut, bounded = start, False
    for m in _BOUNDARY.finditer(text, lookback, end):
        if m.group() in _CONJUNCTIONS and (m.start() == 0 or text[m.start() - 1] in _OPENING):
            continue  # （和平生物医药产业园）: a 和 that joins nothing opens a name
        cut, bounded = max(cut, m.end()), True
    if not bounded and start > floor and "\u4e00" <= text[start - 1] <= "\u9fff":  # 中山西部大湾区高端装备产业园: the name runs on
        longer = [m for m in _BOUNDARY.finditer(text, max(floor, end - _PREFIX_LONG), start) if m.end() < start]
        if longer and longer[-1].group() != "等":
            cut = longer[-1].end()
    prefix = text[cut:end]
    if not _IDEOGRAPHS.fullmatch(prefix):  # a digit or letter before the name ends it (a flattened table's 1衡阳高新区)
        prefix = prefix[max(i for i, ch in enumerate(prefix) if not "\u4e00" <= ch <= "\u9fff") + 1 :]
    return prefix


class ZoneRecognizer:
    """Recognises zone names in one city's plans."""

    def __init__(
        self, city: str, city_slug: str, cluster_pattern: re.Pattern[str] | None = None, other_places: frozenset[str] = frozenset(),
        units: frozenset[str] = frozenset(),
        own_names: frozenset[str] = frozenset(),
    ):
        self.city = city
        self.city_slug = city_slug
        self.short = city.removesuffix("市") if len(city) > 2 else city
        self._cluster = cluster_pattern
        others = [p for p in other_places if p != self.short and len(p) >= 2]
        self._others = re.compile(trie_pattern(others)) if others else None  # one match, not a startswith per name
        self._units = re.compile(trie_pattern(units)) if units else None  # the city's county-level units by full name
        self._own_names = own_names | {city, self.short}  # every name of the city's places: a boundary word inside one (和 in 和林格尔) cuts nothing

    def find(self, text: str) -> list[ZoneHit]:
        """Zones named in `text` (simplified), each with its key (张江高新区, 西安高新区 for a bare 高新区)."""
        hits: list[ZoneHit] = []
        for m in _ZONE.finditer(text):
            if text.startswith("域", m.end()) and m.group().endswith("区"):
                continue  # 沿象山港区域: the area along a port, no 港区
            if text.startswith("区", m.end()) and m.group().endswith("园"):
                continue  # 某某示范园区: 园区 is a suffix the trie does not hold, no 示范园
            short, kind = _short_form(m.group())
            floor = hits[-1].end if hits else 0
            prefix = self._unit_kept(text, m.start(), self._named_in_full(text, m.start(), _prefix(text, m.start(), floor, self.short), floor), floor)
            prefix = self._city_kept(text, m.start(), prefix, floor)
            if prefix:
                named = self._named(text, m, prefix, short, kind)
                if named is None:
                    continue
                start, prefix = named
            elif hits and hits[-1].end == m.start():
                hits[-1] = ZoneHit(hits[-1].start, m.end(), hits[-1].key + short, kind, hits[-1].suffix_start)  # 经开区综保区: the one inside the other
                continue
            elif (short.split("片区")[0] in _BARE_OK and text[m.start() - 1 : m.start()] not in ("各", "等")) or (
                short in _BARE_SUBJECT and text[m.start() - 1 : m.start()] in _CLAUSE_OPEN
            ):
                start, prefix = m.start(), self.short
            else:
                continue
            if _COUNTED.match(text, m.end()) and not text.endswith(("其中", "、", "，"), 0, start):
                continue  # 建设产业园1个: a count of parks, not one named park (but 其中甲新区3个 allocates them)
            if len(prefix) < 2 or (short == "新区" and _NEW_AS_WORD.search(prefix)):
                continue
            if short in _AREA_SUFFIXES and (
                _AREA_GENERIC.match(prefix) or (short == "镇" and _NOT_TOWN.search(prefix)) or len(self._own_name(prefix)) > _AREA_PREFIX_MAX
            ):
                continue  # 东部片区, 工业强镇; 综合考虑临海片区 is no area's name
            if short in _PROPER_ONLY and not _DESCRIPTIVE_LEAD.sub("", self._own_name(_RANK.sub("", prefix))):
                continue  # 舟山绿色石化基地 is the city's base described; 漳州古雷石化基地 has a name of its own
            if (short in _TO_BUILD_SUFFIXES or short in _AREA_SUFFIXES or len(prefix) > _PREFIX_MAX) and (
                text.endswith("“", 0, start) or _TO_BUILD.search(text, max(0, start - 2), start)
            ):
                continue  # 建设“眼镜小镇”, 打造X小镇, 建设临港产业新城: an area still to be built is the role, not a place yet
            hits.append(ZoneHit(start, m.end(), self.key(prefix, short), kind, m.start()))
        return hits

    def _named(self, text: str, m: re.Match[str], prefix: str, short: str, kind: str) -> tuple[int, str] | None:
        """Where a zone's name starts and its own words, or None when the words before the suffix name a
        class or kind of zone (各高新区, 三大产业园, 特色产业园, 生物医药产业园, 专业集成电路产业园)."""
        if short in _UNIT_ONLY and (self._units is None or not self._units.fullmatch(prefix)) and not prefix.startswith(self.short):
            return None  # 食品产业集聚区 is a role noun; 睢阳区产业集聚区, 鹤壁宝山循环经济产业集聚区 are zones (河南's 产业集聚区)
        if self._units is not None and (unit := self._units.match(prefix)) and unit.end() < len(prefix):
            begin = m.start() - len(prefix)
            if kind == "industrial_park" and text[begin - 1 : begin] in _CLAUSE_OPEN and self._own_park(prefix[unit.end() :]):
                return begin, prefix  # 屏山县纺织产业园重点发展…: the county's park of one industry, the clause's subject
            prefix = prefix[unit.end() :]  # 嘉定区安亭镇: a place in the district, after the district's name
        start = m.start() - len(prefix)
        if _PLURAL.search(prefix) or _NUMBERED.search(prefix) or text[start - 1 : start] in ("各", "等"):
            return None
        if self._cluster is not None and any(c.start() < start < c.end() for c in self._cluster.finditer(text, max(0, start - _PREFIX_MAX), m.start())):
            return None  # 新能|源汽车零部件配套产业园: an industry's name the prefix window cut, no zone's name
        if self._units is not None and self._units.fullmatch(prefix):
            return start, prefix if short in _UNIT_ONLY or len(prefix) <= 2 else prefix[:-1]  # 江宁区经济开发区: 江宁经开区; 歙县经开区
        prefix = _RANK.sub("", prefix)
        core = _DESCRIPTIVE_LEAD.sub("", prefix)
        # prefix and core both end where the suffix starts: an industry's name may run into it (未来产业园), unless a
        # city's name follows it (输变电装备衡阳高新区: a flattened table's cells)
        for p in (prefix, core):
            if p.startswith(self.short) or (self._others is not None and self._others.match(p)):
                continue  # 铜陵经济技术开发区: a city's name, though 铜 opens an industry's name too
            named = self._cluster.match(text, m.start() - len(p)) if self._cluster is not None else None
            if named:
                rest = text[named.end() : m.start()]
                if not rest.startswith(self.short) and not (self._others is not None and self._others.match(rest)):
                    return None
                return named.end(), rest
        return (start, prefix) if core or short in _SPECIFIC else None

    def _own_park(self, words: str) -> bool:
        """Whether the words between a county's name and a park word open with an industry's name (纺织, 家居用品),
        unlike a park with a name of its own (准格尔旗大路工业园区), whose name is the zone's."""
        return len(words) <= _PARK_INDUSTRY_MAX and self._cluster is not None and self._cluster.match(words) is not None

    def _named_in_full(self, text: str, end: int, prefix: str, floor: int) -> str:
        """The prefix, or the longer name of one of the city's places that ends where it does (和林格尔新区, cut
        at 和 by `_prefix`)."""
        for size in range(min(_PREFIX_MAX, end - floor), len(prefix), -1):
            if text[end - size : end] in self._own_names:
                return text[end - size : end]
        return prefix

    def _unit_kept(self, text: str, end: int, prefix: str, floor: int) -> str:
        """The prefix, or from the start of a county's full name a boundary word inside it cut (大同区林源工业园区:
        同 is a conjunction elsewhere)."""
        cut = end - len(prefix)
        if self._units is not None and cut > floor and "\u4e00" <= text[cut - 1] <= "\u9fff":  # cut by a word, not a mark
            for u in self._units.finditer(text, max(floor, cut - _PREFIX_MAX), cut + _PREFIX_MAX):
                if u.start() < cut < u.end() <= end:
                    return text[u.start() : end]
        return prefix

    def _city_kept(self, text: str, end: int, prefix: str, floor: int) -> str:
        """The prefix, or from the start of the city's name a boundary word inside it cut (以上饶高铁经济试验区为核心:
        以上 is a boundary elsewhere)."""
        cut = end - len(prefix)
        start = text.rfind(self.short, max(floor, cut - len(self.short) + 1), cut + len(self.short) - 1)
        return text[start:end] if 0 <= start < cut < start + len(self.short) else prefix

    def _own_name(self, prefix: str) -> str:
        """The prefix without the city's name in front (东莞松山湖 -> 松山湖)."""
        for own in (self.city, self.short):
            if prefix.startswith(own):
                return prefix[len(own) :]
        return prefix

    def key(self, prefix: str, short: str) -> str:
        """One key for every way of writing a zone, with the city in front: 中国（西安）…, 西安市…,
        深圳国家…, 南京江宁… and 江宁… agree (西安高新区, 南京江宁经开区). A zone named after another
        city or a province (长沙经开区 in a 西安 plan, 湖北自贸试验区) keeps its own name."""
        prefix = _RANK.sub("", self._own_name(_CHINA_PREFIX.sub(r"\1", prefix)))
        if (self._others is not None and self._others.match(prefix)) or self.short in prefix:
            return prefix + short  # 长沙经开区 in a 西安 plan; 中新天津生态城 names its city inside
        return self.short + prefix + short

    def zone_id(self, key: str) -> str:
        """Stable ASCII id from the city and the zone's key: 西安高新区 -> xian-gaoxinqu."""
        own = key[len(self.short) :] if key.startswith(self.short) and len(key) > len(self.short) else key
        return f"{self.city_slug}-" + "".join(p for p in lazy_pinyin(own) if p.isascii() and p.isalnum()).lower()
