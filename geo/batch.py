"""Many plan files at once: each file is extracted on its own, so a batch spreads over the machine's cores.

Extraction is pure Python and holds the interpreter lock, so threads would not help; worker processes do.
Results come back in the order of the files, exactly as one process would give them.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from geo.extract.roles import Role
from geo.pipeline import extract_file

# Files a worker takes at a time: enough to keep the pickling of results small beside the work.
_CHUNK = 8


def default_jobs(files: int) -> int:
    """One worker per core, never more than there are files."""
    return max(1, min(os.cpu_count() or 1, files))


def _one(job: tuple[Path, str | None]) -> tuple[str, list[Role]]:
    path, city = job
    return extract_file(path, city=city)


def extract_files(files: Sequence[tuple[Path, str | None]], jobs: int = 1) -> Iterator[tuple[Path, str, list[Role]]]:
    """(path, city, roles) for each (path, city or None) in order. With jobs > 1 the files are extracted in that
    many worker processes; an error a file raises (IngestError, CityUnknown) is raised here, at that file."""
    if jobs <= 1 or len(files) < 2:
        for path, city in files:
            yield (path, *extract_file(path, city=city))
        return
    # fork: the workers start with the gazetteer and indexes this process already loaded
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
        for (path, _), (city, roles) in zip(files, pool.map(_one, files, chunksize=_CHUNK)):
            yield path, city, roles
