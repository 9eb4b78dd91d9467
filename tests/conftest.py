"""Shared fixtures: the models are loaded once per test session (they take seconds)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ftzgraph.pipeline import Pipeline, extract
from ftzgraph.store import Store, open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "texts"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def examples_store(pipeline: Pipeline) -> Store:
    """The bundled examples extracted into an in-memory store."""
    store = open_store(None)
    report = extract([EXAMPLES], store, pipeline=pipeline)
    assert report.ok and len(report.processed) == len(list(EXAMPLES.glob("*.txt")))
    return store


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for CLI subprocesses: no stray store from the caller."""
    env = dict(os.environ)
    env["FTZGRAPH_STORE"] = str(tmp_path / "default-store")
    return env
