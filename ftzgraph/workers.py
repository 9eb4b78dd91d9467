"""Extraction in worker processes, feeding one writer.

Each worker loads the models once (its own :class:`~ftzgraph.pipeline.Pipeline`)
and turns batches of documents into serialised named graphs. At most
``2 × workers`` batches are in flight, so a large corpus streams through in
constant memory; results come back in input order, so the store and its
exports do not depend on scheduling.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator

from ftzgraph.read import ReadFailure

_PIPELINE = None


def _init(en_model: str | None) -> None:
    global _PIPELINE
    from ftzgraph.pipeline import Pipeline

    _PIPELINE = Pipeline(en_model=en_model)
    _PIPELINE.extractor  # noqa: B018 - load the models before the first task


def _describe() -> dict[str, str]:
    assert _PIPELINE is not None
    return _PIPELINE.models


def _work(batch):  # type: ignore[no-untyped-def]
    assert _PIPELINE is not None
    return _PIPELINE.serialise(batch)


def run_parallel(
    batches: Iterable[list],
    workers: int,
    en_model: str | None,
    models: dict[str, str] | None = None,
) -> Iterator[object | ReadFailure]:
    """Results of every document of ``batches``, in order, computed by ``workers`` processes.

    ``models`` is filled with what the workers loaded, for the run's provenance, so the
    writer never loads the models itself.
    """
    context = mp.get_context("spawn")  # a clean interpreter: no copied locks or threads
    with context.Pool(workers, initializer=_init, initargs=(en_model,)) as pool:
        if models is not None:
            models.update(pool.apply(_describe))
        pending: deque = deque()
        for batch in batches:
            pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) >= 2 * workers:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
