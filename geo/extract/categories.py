"""Role categories for colouring maps, derived from role text and functions by fixed rules.

Precedence, first match wins for a role; a district with several roles takes the highest:
1. core    核心/引领 — the role text says 核心区 (核心集聚区, 核心承载区 …, not 核心元器件), 引领, 旗舰, 火车头, 增长极, 主轴, 龙头, 总部, 先行, 标杆 or 高地.
2. rd      研发创新 — R&D words (研发, 设计, 创新, 源头, 科创, 策源, 中试) and no manufacturing word, or functions are
           研发设计 without 生产制造.
3. manufacturing 制造 — manufacturing words (制造, 生产, 智造, 承载, 基地) or 生产制造 among the functions.
4. service 服务/配套 — 服务, 金融, 会展, 贸易, 物流, 配套, 应用, 示范, 生态, 品牌, 运营, 商务, 枢纽, 结算, 消费, 旅游, 康养.
5. listed  集聚区 — everything else: the plan lists the district for the cluster (集聚区, 集聚发展, 园区 …).

A role may speak for two of them (源头创新+高端制造区 is R&D and manufacturing): `tones` gives the category and the
strongest other one the text or functions name, so maps can paint mixed roles in two tones.
"""
from __future__ import annotations

import re
from typing import Iterable

CATEGORIES = ["core", "rd", "manufacturing", "service", "listed"]
_CORE = re.compile(r"核心(?:区|集聚|承载|引领|功能|研发)|核心$|引领|旗舰|火车头|增长极|主轴|龙头|总部|先行|标杆|高地")
_RD = re.compile(r"研发|设计|创新|源头|科创|策源|中试")
_MAKE = re.compile(r"制造|生产|智造|承载|基地")
_SERVICE = re.compile(r"服务|金融|会展|贸易|物流|配套|应用|示范|生态|品牌|运营|商务|枢纽|结算|消费|旅游|康养")


def categorize(role: str, functions: Iterable[str]) -> str:
    funcs = set(functions)
    if _CORE.search(role):
        return "core"
    rd_text, make_text = bool(_RD.search(role)), bool(_MAKE.search(role))
    if (rd_text and not make_text) or (not make_text and funcs >= {"研发设计"} and "生产制造" not in funcs):
        return "rd"
    if make_text or "生产制造" in funcs:
        return "manufacturing"
    if _SERVICE.search(role) or funcs & {"配套", "生产性服务", "销售结算", "应用示范"}:
        return "service"
    return "listed"


def strongest(categories: Iterable[str]) -> str | None:
    """The highest-precedence category among a district's roles."""
    ranked = sorted(set(categories), key=CATEGORIES.index)
    return ranked[0] if ranked else None


def tones(role: str, functions: Iterable[str]) -> list[str]:
    """The role's category, then the strongest other category it also names (at most two: a map shows two tones)."""
    funcs = set(functions)
    primary = categorize(role, funcs)
    named = {
        "core": bool(_CORE.search(role)),
        "rd": bool(_RD.search(role)) or "研发设计" in funcs,
        "manufacturing": bool(_MAKE.search(role)) or "生产制造" in funcs,
        "service": bool(_SERVICE.search(role)) or bool(funcs & {"配套", "生产性服务", "销售结算", "应用示范"}),
    }
    others = [c for c in CATEGORIES if named.get(c) and c != primary]
    return [primary, *others[:1]]


def district_tones(role_tones: Iterable[list[str]]) -> list[str]:
    """A district's tones: its strongest category, then the strongest other one any of its roles names."""
    lists = [ts for ts in role_tones if ts]
    all_tones = [t for ts in lists for t in ts]
    primary = strongest(ts[0] for ts in lists)
    if primary is None:
        return []
    others = sorted({t for t in all_tones if t not in (primary, "listed")}, key=CATEGORIES.index)
    return [primary, *others[:1]]
