"""Everything a plan can give a role to in one city: units, zones and groups, with the names plans use."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from geo.extract.zones import SUFFIXES, ZoneHit, ZoneRecognizer
from geo.ingest.normalize import simplified
from geo.reference import gazetteer
from geo.reference.clusters import matcher
from geo.reference.trie import trie_pattern
from geo.reference.units import load_cities, load_units
from geo.reference.zones import load_groups, load_zones
from geo.slotted import slot_init

# County names that are also ordinary words; matching them would find "城区" in "中心城区".
_GENERIC_NAMES = {"城区", "郊区", "矿区", "新区", "市辖区", "开发区"}
# A mention followed by these is an organisation (南山区政府, 前海管理局), not a place.
_ORGANISATION = re.compile(
    r"(?:人民政府|政府|管委会|管理委员会|管理局|区委|党委|党工委|委员会|办事处|分局|政府办|"
    r"(?:工业和信息化|工信|科技创新|科创|科技|发展和改革|发展改革|发改|商务|统计|财政|投资促进|投促|市场监督管理|市场监管|"
    r"住房和城乡建设|住建|规划和自然资源|规划自然资源|人力资源和社会保障|人社|生态环境|交通运输|教育|卫生健康|卫健|文化广电旅游体育|文旅)"
    r"(?:局|委))"
)


def unit_kind(name: str) -> str:
    """Kind of a gazetteer unit we have no row for, from its name."""
    if name.endswith("自治县") or name.endswith("自治旗"):
        return "autonomous_county"
    for suffix, kind in (("新区", "new_area"), ("区", "district"), ("县", "county"), ("市", "county_city"), ("旗", "banner")):
        if name.endswith(suffix):
            return kind
    return "county"


@dataclass(frozen=True)
class Place:
    """A unit, zone or group as the extractor sees it; zones and groups expand to units."""

    name: str
    id: str
    kind: str
    type: str  # unit | zone | group
    expands_to: tuple["Place", ...] = field(default=(), compare=False)


@slot_init
@dataclass(frozen=True, slots=True, init=False)
class Mention:
    start: int
    end: int
    place: Place


class PlaceIndex:
    """Finds the places of one city in simplified text: named units, zones and groups, longest name first,
    and development zones recognised by their generic names."""

    def __init__(self, city: str, surface_forms: dict[str, Place], zones: ZoneRecognizer | None = None):
        self.city = city
        self.places = surface_forms
        self.zones = zones
        self._detected: dict[str, Place] = {}
        self._short_city = city.removesuffix("市")
        self._prefecture_mark = city[-1] if city.endswith(("州", "盟")) else ""  # 阿坝州: the prefecture, not 阿坝县
        self._pattern = re.compile(trie_pattern(surface_forms)) if surface_forms else None
        # Every name and every zone suffix in one pattern: a line without a match names no place, and most lines
        # are rejected by this one scan instead of two scans and the Python around them.
        words = set(surface_forms) | (set(SUFFIXES) if zones is not None else set())
        self._candidate = re.compile(trie_pattern(words)) if words else None

    def may_name(self, text: str) -> bool:
        """Whether `text` holds any place name or zone suffix at all: one scan that rejects most lines. A typo
        double (南南山区) never hides a name from it, since the name stays a substring."""
        return self._candidate is not None and self._candidate.search(text) is not None

    def find(self, text: str, organisations: bool = False) -> list[Mention]:
        """Mentions in `text` (already simplified), organisations (南山区政府) dropped unless asked for; a
        recognised zone name wins over a shorter place inside it (江宁 in 江宁经济技术开发区)."""
        return self.mentions(text, organisations) if self.may_name(text) else []

    def mentions(self, text: str, organisations: bool = False) -> list[Mention]:
        """`find` for text `may_name` has already passed: the extractor asks it of every line first."""
        known = []
        if self._pattern is not None:
            known = [Mention(m.start(), m.end(), self.places[m.group()]) for m in self._pattern.finditer(text)]
        if self.zones is not None:
            hits = self.zones.find(text)
            if hits:
                known = _merge(known, hits, [Mention(h.start, h.end, self._zone_place(h.key, h.kind)) for h in hits])
        # 吉安市 is the city, not its 吉安县 (a county's short name inside the city's own); a bare 南昌 is the city too
        known = [m for m in known if m.end - m.start >= len(self.city) or not (text.startswith(self.city, m.start) or text[m.start : m.end] == self._short_city)]
        # 阿坝州 in an 阿坝藏族羌族自治州 plan: the prefecture by its short name, not its same-name county 阿坝县
        if self._prefecture_mark:
            known = [m for m in known if not (text.startswith(self._prefecture_mark, m.end) and self.city.startswith(text[m.start : m.end]))]
        # 三穗鸭, 祁门红茶, 南江黄羊: a county's short name before a food is the product's name, not the county
        known = [m for m in known if m.place.type != "unit" or text.startswith(m.place.name, m.start) or not _PRODUCE.match(text, m.end)]
        return known if organisations else [m for m in known if not _ORGANISATION.match(text, m.end)]

    def _zone_place(self, key: str, kind: str) -> Place:
        """A recognised zone: the listed zone or unit of that name, or a zone with no known host."""
        if key in self.places:
            return self.places[key]
        if key not in self._detected:
            self._detected[key] = Place(key, self.zones.zone_id(key), kind, "zone")  # type: ignore[union-attr]
        return self._detected[key]


# Foods a county's short name opens when it names a local speciality (a geographical-indication product).
_PRODUCE = re.compile(
    r"[\u4e00-\u9fff]{0,2}?(?:红茶|绿茶|黑茶|白茶|毛尖|毛峰|龙井|大米|小米|香米|贡米|银耳|木耳|香菇|辣椒|花椒|脐橙|蜜橘|柑橘|苹果|红枣|"
    r"黄酒|白酒|腊肉|火腿|榨菜|粉丝|米粉|米线|挂面|蜜桔|茶|鸡|鸭|鹅|猪|牛|羊|鱼|虾|蟹|枣|栗|桃|梨|橙|柚|莓|椒|姜|蒜|笋|菇)"
    r"(?=[、，。；和及与等产种养加精深制品业良核生基]|$)"
)


def _merge(known: list[Mention], hits: list[ZoneHit], zones: list[Mention]) -> list[Mention]:
    """Known names and recognised zones in text order. A zone name that contains a shorter place
    (光明 in 光明科学城, 江宁 in 南京江宁经开区) wins over it; a known name wins where the zone match
    only adds words before it (发挥两江新区) or begins inside it (深汕特别合作区环境科技产业园), unless
    the known name lies in the generic part of the zone's name (新城, a 西安 district's short name, in 空港新城)."""
    kept: list[Mention] = []
    dropped: set[int] = set()
    for h, z in zip(hits, zones):
        overlapping = [i for i, k in enumerate(known) if k.start < z.end and z.start < k.end]
        if any((known[i].end == z.end and known[i].start < h.suffix_start) or known[i].start < z.start for i in overlapping):
            continue
        dropped.update(overlapping)
        kept.append(z)
    return sorted([k for i, k in enumerate(known) if i not in dropped] + kept, key=lambda m: m.start)


def city_slug(city: str) -> str:
    """The city's URL slug: from data/cities.csv when listed, else its name in pinyin (西安市 -> xian)."""
    for c in load_cities():
        if c.name == city:
            return c.slug
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(city.removesuffix("市"))).lower()


@lru_cache(maxsize=64)
def index_for(city: str) -> PlaceIndex:
    """Gazetteer units of the city, our derived units, and the city's zones and groups."""
    specs = {s.name: s for s in load_units() if s.city == city}
    units: dict[str, Place] = {}
    forms: dict[str, Place] = {}
    for entry in _entries():
        if entry.city != city or entry.name in _GENERIC_NAMES:
            continue
        spec = specs.get(entry.name)
        place = Place(entry.name, spec.id if spec else entry.adcode, spec.kind if spec else unit_kind(entry.name), "unit")
        units[place.id] = place
        for form in (entry.name, *entry.aliases):
            forms.setdefault(simplified(form), place)
    for spec in specs.values():
        if spec.derived:
            place = Place(spec.name, spec.id, spec.kind, "unit")
            units[spec.id] = place
            for form in (spec.name, *spec.aliases):
                forms[simplified(form)] = place
    for zone in load_zones():
        if zone.city == city:
            place = Place(zone.name, zone.id, zone.kind, "zone", tuple(units[h] for h in zone.host_ids if h in units))
            for form in (zone.name, *zone.aliases):
                forms[simplified(form)] = place
    for group in load_groups():
        if group.city == city:
            place = Place(group.name, group.name, "group", "group", tuple(units[m] for m in group.member_ids if m in units))
            for form in (group.name, *group.aliases):
                forms[simplified(form)] = place
    # 嵩县 and 沛县 are full names too; a two-character 城区 or 矿区 is also a common noun
    full_names = frozenset(p.name for p in units.values() if p.name[-1:] in ("区", "县", "市", "旗") and (len(p.name) >= 3 or p.name[-1] == "县"))
    recognizer = ZoneRecognizer(city, city_slug(city), matcher().pattern_for_names(), _region_names(), full_names, frozenset(forms))
    return PlaceIndex(city, forms, recognizer)


@lru_cache(maxsize=1)
def _entries() -> tuple[gazetteer.GazetteerEntry, ...]:
    """The gazetteer, read once per process."""
    return tuple(gazetteer.load())


@lru_cache(maxsize=1)
def _city_names() -> tuple[dict[str, str], re.Pattern[str]]:
    """Surface form -> city for every city in the gazetteer (深圳市 and 深圳 -> 深圳市), and a pattern for them."""
    names: dict[str, str] = {}
    for entry in _entries():
        names[entry.city] = entry.city
        if entry.city.endswith("市") and len(entry.city) >= 3:
            names.setdefault(entry.city[:-1], entry.city)
    return names, re.compile(trie_pattern(names))


@lru_cache(maxsize=1)
def _region_names() -> frozenset[str]:
    """Short names of every city and province (长沙, 湖北): a zone named after one names itself."""
    names: set[str] = set()
    for entry in _entries():
        for name in (entry.city, entry.province):
            names.add(re.sub(r"(?:维吾尔|壮族|回族)?(?:自治区|特别行政区|省|市)$", "", name))
    return frozenset(names)


def detect_city(text: str) -> str | None:
    """The city a plan is about: the one it names most often. A full name (深圳市) counts twice; a
    name that runs on into 区/县 (朝阳区 is not 朝阳市) does not count."""
    names, pattern = _city_names()
    work = simplified(text)
    counts: Counter[str] = Counter()
    for m in pattern.finditer(work):
        if work[m.end() : m.end() + 1] in ("区", "县"):
            continue
        counts[names[m.group()]] += 2 if m.group().endswith("市") else 1
    if not counts:
        return None
    (best, n), *rest = counts.most_common(2) + [(None, 0)]
    return best if n > rest[0][1] else None
