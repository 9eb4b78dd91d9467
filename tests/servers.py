"""Helpers for tests that run real servers: a free loopback port, a store built by the CLI."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

FTZGRAPH = [sys.executable, "-m", "ftzgraph.cli"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def extract_store(path: Path, texts: Iterable[Path], env: dict[str, str]) -> Path:
    """``ftzgraph extract`` of ``texts`` into ``path``, as a user would run it."""
    done = subprocess.run(
        [*FTZGRAPH, "extract", *map(str, texts), "--store", str(path), "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return path
