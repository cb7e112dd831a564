"""Differential check for speed work: the normalized text and the roles of this tree and of a base tree must agree
exactly, on the sample plans and on variants of them that reach the rarer paths (traditional characters, doubled
characters, half-width punctuation, pinyin glosses, odd line breaks, tabs, run-in headings).

Run: git worktree add --detach /tmp/base main; python bench/differential.py /tmp/base. Exits 1 on a difference.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo import paths  # noqa: E402
from geo.ingest.plans import load_index  # noqa: E402

# Run inside each tree: normalized text and roles of every variant, as JSON.
_PROBE = """
import dataclasses, json, sys
from pathlib import Path
from geo.ingest.read import read_plan_text
from geo.pipeline import extract_file
out = {}
for name, city in json.loads(sys.argv[1]):
    path = Path(sys.argv[2]) / name
    out[name] = [read_plan_text(path), [dataclasses.asdict(r) for r in extract_file(path, city=city)[1]]]
print(json.dumps(out, ensure_ascii=False))
"""
_HALF = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "？": "?", "！": "!"})


def _sprinkle(rnd: random.Random, rate: float, inserts: list[str], cjk_only: bool = False) -> Callable[[str], str]:
    """A variant that puts one of `inserts` after some characters ("" doubles the character)."""
    def apply(text: str) -> str:
        return "".join(
            c + (rnd.choice(inserts) or c) if rnd.random() < rate and (not cjk_only or "\u4e00" <= c <= "\u9fff") else c
            for c in text
        )
    return apply


def variants(text: str, seed: str) -> dict[str, str]:
    """The plan and its variants, each deterministic for the seed."""
    import opencc

    rnd = random.Random(seed)
    traditional = opencc.OpenCC("s2t").convert
    doubled = _sprinkle(rnd, 0.03, [""], cjk_only=True)
    breaks = _sprinkle(rnd, 0.02, ["\n", "\r\n", " \n", "\n\n", "\f", "\u2028", "\x85", "\v"])
    run_in = "".join(c for c in text if c != "\n" or rnd.random() < 0.5)
    return {
        "plain": text,
        "traditional": traditional(text),
        "doubled": doubled(text),
        "half-width": text.translate(_HALF),
        "breaks": breaks(text),
        "spaces": _sprinkle(rnd, 0.03, [" ", "\u3000", "\t", "  ", " \t"])(text),
        "glosses": _sprinkle(rnd, 0.01, ["(fā)", "（qū）", "(AI)", "( zhǎn )", "(2022)"], cjk_only=True)(text),
        "latin": _sprinkle(rnd, 0.01, [" AI ", " 5G  ", "1,000", "10:30", " ; ", "!", "?"])(text),
        "corner-quotes": text.replace("“", "「").replace("”", "」"),
        "run-in": run_in,
        "mixed": breaks(doubled(traditional(text).translate(_HALF))),
    }


def readings(tree: Path, names: list[tuple[str, str]], folder: Path) -> dict[str, object]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(names), str(folder)], cwd=tree, capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base", type=Path, help="a worktree of the code to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for meta in load_index():
            text = (paths.PLANS_DIR / meta.file).read_text(encoding="utf-8")
            for kind, variant in variants(text, meta.file).items():
                (Path(tmp) / f"{kind}-{meta.file}").write_text(variant, encoding="utf-8")
                names.append((f"{kind}-{meta.file}", meta.city))
        base, new = readings(args.base, names, Path(tmp)), readings(ROOT, names, Path(tmp))
    differing = [name for name, _ in names if base[name] != new[name]]
    roles = sum(len(r) for _, r in new.values())
    print(f"{len(names)} variants, {roles} roles: {len(differing)} differ {differing[:5]}")
    sys.exit(1 if differing else 0)


if __name__ == "__main__":
    main()
