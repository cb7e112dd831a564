"""SQLite's change signal read from the WAL-index header, without a query.

In WAL mode every commit rewrites the header at the start of the database's `-shm` file
(https://www.sqlite.org/walformat.html, "The WAL-Index Header": 48 bytes, kept twice, at offsets 0 and 48; a
writer stores the second copy, then the first): its change counter, frame count, salts and checksum move with
each commit, and a WAL restart after a checkpoint gives it new salts. So while the header's bytes stand still,
no connection, in this process or another, has committed. Reading them costs one `pread` of the page cache,
about 1 µs, where `PRAGMA data_version` starts a read transaction (fcntl locks on the `-shm` shared by every
process: 26 µs of CPU per check in gunicorn workers under load).

The header is trusted only as SQLite's own readers trust it: both copies equal, initialised, of the one
version (3007000) this layout describes. Anything else (a writer caught between the two copies, a format we
do not know, a file that is missing or shorter than the header and checkpoint block) gives `None`, and the
caller falls back to `PRAGMA data_version`.

File descriptors opened here are never closed: SQLite locks the `-shm` with POSIX advisory locks, which
belong to the process and the file, so closing any descriptor of that file, ours included, would drop the
locks SQLite's own connections in this process hold on it (https://www.sqlite.org/howtocorrupt.html, 2.2).
One descriptor is kept per `-shm` file (device and inode) a process has read.
"""
from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

HEADER = 48  # bytes of one copy of the WAL-index header
SHM_HEADER = 136  # both copies and the checkpoint information that follows them
VERSION = (3007000).to_bytes(4, sys.byteorder)  # iVersion at offset 0, in the machine's byte order
IS_INIT = 12  # offset of isInit: 1 once the header has been written

_descriptors: dict[tuple[int, int], int] = {}
_lock = threading.Lock()


def open_wal_index(shm: Path) -> int | None:
    """A read-only descriptor of the `-shm` file now at `shm`, or None when it is missing or too short to
    hold the header. Call it only after a statement on a WAL connection ran: that connection then holds the
    file open (and SQLite replaces a `-shm` only when no connection has it), so it is the file the
    connection's commits and everyone else's go through for as long as the connection stays open."""
    try:
        st = os.stat(shm)
    except OSError:
        return None
    if st.st_size < SHM_HEADER:
        return None
    key = (st.st_dev, st.st_ino)
    with _lock:
        if key not in _descriptors:
            try:
                fd = os.open(shm, os.O_RDONLY | os.O_CLOEXEC)
            except OSError:
                return None
            opened = os.fstat(fd)
            _descriptors[(opened.st_dev, opened.st_ino)] = fd  # never closed: see the module docstring
        return _descriptors.get(key)


def wal_mark(fd: int) -> bytes | None:
    """The WAL-index header's bytes, equal as long as nobody commits; None when they cannot be trusted
    (copies differ: a writer is between them; not initialised; another version; file shorter)."""
    try:
        both = os.pread(fd, 2 * HEADER, 0)
    except OSError:
        return None
    first = both[:HEADER]
    if len(both) < 2 * HEADER or first != both[HEADER:] or first[:4] != VERSION or first[IS_INIT] != 1:
        return None
    return first
