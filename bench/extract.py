"""Extraction speed: the sample corpus (target < 1 s), a corpus 100x larger (target >= 10 MB/s) in one process
and in geo extract's worker pool (one process per core), and the peak memory of one large input (target <= 5x its size).

Run: python bench/extract.py [--repeat N] [--scale N] [--large-mb N]. Prints medians; the machine is shared, so
compare ratios. Memory is the growth of max RSS in a fresh process: after warming up on a small plan (imports,
gazetteer, indexes) and again after extracting the large file, so it counts what one large input costs.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from geo import paths  # noqa: E402
from geo.ingest.plans import load_index  # noqa: E402
from geo.ingest.read import read_plan_text  # noqa: E402
from geo.batch import default_jobs, extract_files  # noqa: E402
from geo.pipeline import build_corpus  # noqa: E402


def timed(fn):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


_MEMORY_PROBE = """
import resource, sys
from pathlib import Path
from geo.pipeline import extract_file
small, big, city = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
extract_file(small, city=city)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
n = len(extract_file(big, city=city)[1])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(before * 1024, after * 1024, n)
"""


def peak_memory(big: Path, small: Path, city: str) -> tuple[int, int, int]:
    """(max RSS after warm-up, max RSS after the large file, roles) in bytes, from a fresh interpreter."""
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(small), str(big), city], capture_output=True, text=True, cwd=root, check=True
    )
    before, after, n = map(int, run.stdout.split())
    return before, after, n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--large-mb", type=int, default=50, help="size of the one large input for the memory figure")
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
        jobs = default_jobs(len(files))
        one, many = [], []
        for _ in range(3):  # one process and the worker pool, alternating, so both see the same machine
            elapsed, n = timed(lambda: sum(len(roles) for _, _, roles in extract_files(files, 1)))
            one.append(elapsed)
            elapsed, n_many = timed(lambda: sum(len(roles) for _, _, roles in extract_files(files, jobs)))
            many.append(elapsed)
        assert n_many == n
        med, med_many = statistics.median(one), statistics.median(many)
        print(f"corpus x{args.scale}: {len(files)} files, {big / 1e6:.1f} MB, {n} roles")
        print(f"  one process: median {med:.2f} s over 3 runs -> {big / 1e6 / med:.2f} MB/s, {n / med:.0f} roles/s, {len(files) / med:.0f} files/s")
        print(f"  {jobs} worker processes (geo extract's default, one per core): median {med_many:.2f} s -> "
              f"{big / 1e6 / med_many:.2f} MB/s ({med / med_many:.2f}x one process)")
        print(f"  per-corpus-equivalent: {med / args.scale:.3f} s (ratio to warm single corpus: {med / args.scale / statistics.median(warm):.2f})")
        reads = [timed(lambda: sum(len(read_plan_text(f)) for f, _ in files))[0] for _ in range(3)]
        print(f"  of which reading and normalizing: median {statistics.median(reads):.2f} s -> {big / 1e6 / statistics.median(reads):.2f} MB/s")

        # One large input: the Shenzhen bundle repeated to --large-mb MB of plan text.
        source = paths.PLANS_DIR / "shenzhen-20-8-clusters-2022.txt"
        chunk = source.read_bytes()
        large = Path(tmp) / "large-plan.txt"
        with large.open("wb") as f:
            for _ in range(max(1, args.large_mb * 10**6 // len(chunk))):
                f.write(chunk)
        small = paths.PLANS_DIR / "shenzhen-smart-terminal-plan-2022.txt"
        size_large = large.stat().st_size
        peaks = [peak_memory(large, small, "深圳市") for _ in range(3)]
        growth = statistics.median(after - before for before, after, _ in peaks)
        print(f"large input: {size_large / 1e6:.1f} MB, {peaks[0][2]} roles")
        print(f"  peak memory (max RSS growth, median of 3 fresh processes): {growth / 1e6:.0f} MB = {growth / size_large:.1f}x the input")


if __name__ == "__main__":
    main()
