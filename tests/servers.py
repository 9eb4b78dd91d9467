"""Helpers for tests that run real servers: a free loopback port, a store built by the CLI."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

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


@contextmanager
def running(
    command: list[str],
    log: Path,
    ready: str,
    *,
    env: dict[str, str] | None = None,
    params: dict[str, str] | None = None,
    wait: float = 30,
) -> Iterator[subprocess.Popen]:
    """A server process, ready once GET ``ready`` answers 200 (bounded wait), stopped after."""
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + wait
        while True:
            assert process.poll() is None, log.read_text()
            assert time.monotonic() < deadline, f"not ready in {wait} s\n" + log.read_text()
            try:
                if httpx.get(ready, params=params, timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)
