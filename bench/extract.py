"""Extraction speed: the sample corpus (target < 1 s) and a corpus 100x larger.

Run: python bench/extract.py [--repeat N]. Prints medians; the machine is shared, so compare ratios.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import paths  # noqa: E402
from geo.ingest.plans import load_index  # noqa: E402
from geo.pipeline import build_corpus, extract_file  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scale", type=int, default=100)
    args = parser.parse_args()

    cold, (_, roles) = timed(build_corpus)
    warm = [timed(build_corpus)[0] for _ in range(args.repeat)]
    size = sum((paths.PLANS_DIR / m.file).stat().st_size for m in load_index())
    print(f"corpus: {len(load_index())} files, {size / 1e6:.2f} MB, {len(roles)} roles")
    print(f"corpus cold (gazetteer + indexes loaded): {cold:.3f} s")
    print(f"corpus warm: median {statistics.median(warm):.3f} s over {args.repeat} runs (min {min(warm):.3f}, max {max(warm):.3f})")

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for m in load_index():
            for i in range(args.scale):
                dest = Path(tmp) / f"{i:03d}-{m.file}"
                shutil.copyfile(paths.PLANS_DIR / m.file, dest)
                files.append((dest, m.city))
        big = size * args.scale
        runs = []
        for _ in range(3):
            elapsed, n = timed(lambda: sum(len(extract_file(f, city=c)[1]) for f, c in files))
            runs.append(elapsed)
        med = statistics.median(runs)
        print(f"corpus x{args.scale}: {len(files)} files, {big / 1e6:.1f} MB, {n} roles")
        print(f"  median {med:.2f} s over 3 runs -> {big / 1e6 / med:.2f} MB/s, {n / med:.0f} roles/s, {len(files) / med:.0f} files/s")
        print(f"  per-corpus-equivalent: {med / args.scale:.3f} s (ratio to warm single corpus: {med / args.scale / statistics.median(warm):.2f})")


if __name__ == "__main__":
    main()
