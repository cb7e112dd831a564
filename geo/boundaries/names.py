"""English names and URL slugs for cities and units that data/units.csv does not name by hand.

Romanized with pypinyin (build time only). Hand-maintained names in data/units.csv always win;
these are approximate for the few polyphonic characters pypinyin reads otherwise than local usage,
which is why the known ones are pinned here.
"""
from __future__ import annotations

import re

from geo.reference.gazetteer import ETHNIC_NAMES

# Names whose customary English is not their pinyin, or where pypinyin picks the wrong reading.
CITY_OVERRIDES = {
    "香港特别行政区": ("hongkong", "Hong Kong"),
    "澳门特别行政区": ("macao", "Macao"),
    "台湾省": ("taiwan", "Taiwan"),
    "漯河市": ("luohe", "Luohe"),
}
_ETHNIC_PREFIX = re.compile(rf"(?:(?:{ETHNIC_NAMES})族?)+(?=自治(?:州|县|旗)$)")
_CITY_SUFFIXES = (
    ("自治州", "Autonomous Prefecture"), ("地区", "Prefecture"), ("林区", "Forestry District"), ("盟", "League"),
    ("自治县", "Autonomous County"), ("县", "County"), ("市", ""),
)
# 陕西 is romanized Shaanxi to tell it from 山西 Shanxi.
PROVINCE_SLUGS = {"陕西省": "shaanxi"}
_UNIT_SUFFIXES = (
    ("自治县", "Autonomous County"), ("自治旗", "Autonomous Banner"), ("新区", "New Area"), ("林区", "Forestry District"),
    ("特区", "Special District"), ("矿区", "Mining District"), ("区", "District"), ("县", "County"), ("市", "City"), ("旗", "Banner"),
)


def _syllables(text: str) -> list[str]:
    from pypinyin import lazy_pinyin

    return [s.replace("v", "ü") for s in lazy_pinyin(text, errors="ignore")]


def romanize(text: str) -> str:
    """西安 -> Xi'an: syllables joined, an apostrophe before a vowel-initial syllable."""
    out = ""
    for i, s in enumerate(_syllables(text)):
        out += ("'" if i and s[0] in "aeo" else "") + s
    return out[:1].upper() + out[1:]


def _split(name: str, suffixes: tuple[tuple[str, str], ...]) -> tuple[str, str]:
    for suffix, english in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = _ETHNIC_PREFIX.sub("", name)[: -len(suffix)]
            return (stem if len(stem) >= 2 else name[: -len(suffix)]), english
    return name, ""


def ascii_slug(text: str) -> str:
    """Lower-case ASCII letters only: ü -> v as in common URLs (吕梁 -> lvliang)."""
    return re.sub(r"[^a-z]", "", "".join(_syllables(text)).lower().replace("ü", "v"))


def city_names(name: str) -> tuple[str, str]:
    """(slug, English name) of a prefecture-level city: 杭州市 -> (hangzhou, Hangzhou)."""
    if name in CITY_OVERRIDES:
        return CITY_OVERRIDES[name]
    stem, english = _split(name, _CITY_SUFFIXES)
    return ascii_slug(stem), f"{romanize(stem)} {english}".strip()


def unit_name_en(name: str) -> str:
    """西湖区 -> Xihu District; 石柱土家族自治县 -> Shizhu Autonomous County."""
    stem, english = _split(name, _UNIT_SUFFIXES)
    return f"{romanize(stem)} {english}".strip()
