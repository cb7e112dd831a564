"""Value-chain functions a passage assigns (研发设计, 生产制造 …), read from its words."""
from __future__ import annotations

import re

MASK = "□"
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
FUNCTION_WORD = "|".join(t for t, _ in _FUNCTION_TERMS)
_TERMS = dict(_FUNCTION_TERMS)
_TERM = re.compile(FUNCTION_WORD)
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"")


def functions_in(text: str) -> tuple[str, ...]:
    """Value-chain functions a passage assigns; slogans in quotes and 制造业 (an industry) are not assignments."""
    if "“" in text or "‘" in text or '"' in text:  # most passages quote nothing: no scan for the pattern
        text = _QUOTED.sub(lambda m: MASK * len(m.group()), text)
    text = text.replace("制造业", MASK * 3)
    found: set[str] = set()
    for m in _TERM.finditer(text):
        found.update(_TERMS[m.group()])
    return tuple(f for f in FUNCTION_ORDER if f in found) if found else ()  # most passages name none: no generator
