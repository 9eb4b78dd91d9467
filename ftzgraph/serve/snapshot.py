"""Private copies of the store for the endpoint to read, refreshed when the store changes.

pyoxigraph documents opening a store read-only while another process writes
it as undefined behaviour, and such a reader keeps seeing the store as it was
when opened (RocksDB's read-only mode; backups taken from it fail once the
writer compacts, and leave out what is still only in the write-ahead log).
So the server never keeps the live store open: it opens it read-only for a
moment, dumps it, and loads the dump into a snapshot folder of its own, which
the workers open read-only. ``ftzgraph extract`` can write to the live store
meanwhile. When the store's files change and then stay unchanged for one
polling interval (a finished extraction), a new snapshot replaces the old;
an old one is deleted once no worker has it open.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox

Fingerprint = tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Snapshot:
    path: str
    fingerprint: Fingerprint | None
    quads: int
    taken: datetime = field(default_factory=lambda: datetime.now(UTC))


def fingerprint(store: Path) -> Fingerprint | None:
    """Names, sizes and times of the store's files (None while they are changing under us)."""
    try:
        entries = []
        for entry in os.scandir(store):
            if entry.name == "LOCK" or entry.name.startswith("LOG"):
                continue  # touched by openers and the info log, not by data
            stat = entry.stat()
            entries.append((entry.name, stat.st_size, stat.st_mtime_ns))
    except FileNotFoundError:
        return None
    return tuple(sorted(entries))


def copy_store(source: Path, target: Path, attempts: int = 3) -> int:
    """Copy every quad of ``source`` into a new store at ``target``; returns the quad count.

    Retried because a writer compacting at the same moment can delete a file
    the read-only view still expected.
    """
    dump = target.with_name(target.name + ".nq")
    for attempt in range(1, attempts + 1):
        try:
            live = ox.Store.read_only(str(source))
            live.dump(str(dump), format=ox.RdfFormat.N_QUADS)
            del live
            copy = ox.Store(str(target))
            copy.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
            copy.flush()
            count = len(copy)
            del copy
            return count
        except OSError:
            shutil.rmtree(target, ignore_errors=True)
            if attempt == attempts:
                raise
            time.sleep(0.2 * attempt)
        finally:
            dump.unlink(missing_ok=True)
    raise AssertionError("unreachable")


class Snapshots:
    """The current snapshot of one store, and the older ones still in use.

    ``take`` and ``poll`` block (run them in a thread); ``collect`` deletes
    snapshots that are neither current nor open in a worker.
    """

    def __init__(self, store: Path, root: Path | None = None) -> None:
        self.store = Path(store)
        self.root = root or Path(tempfile.mkdtemp(prefix="ftzgraph-serve-"))
        self.current: Snapshot | None = None
        self._all: dict[str, Snapshot] = {}
        self._count = 0
        self._seen: Fingerprint | None = None

    def take(self) -> Snapshot:
        before = fingerprint(self.store)
        self._count += 1
        target = self.root / f"snapshot-{self._count}"
        snapshot = Snapshot(str(target), before, copy_store(self.store, target))
        self.current = self._all[snapshot.path] = snapshot
        self._seen = before
        return snapshot

    def poll(self) -> Snapshot | None:
        """Take a new snapshot if the store changed and has since been still; else None."""
        now = fingerprint(self.store)
        previous, self._seen = self._seen, now
        if now is None or self.current is None or now == self.current.fingerprint:
            return None
        if now != previous:
            return None  # still being written: wait for it to settle
        return self.take()

    def collect(self, in_use: set[str]) -> None:
        for path in list(self._all):
            if path not in in_use and (self.current is None or path != self.current.path):
                del self._all[path]
                shutil.rmtree(path, ignore_errors=True)

    def close(self) -> None:
        self._all.clear()
        self.current = None
        shutil.rmtree(self.root, ignore_errors=True)
