"""The main job: paths → read → analyse → extract → link → graph → store.

:func:`extract` is what the CLI's ``extract`` command and notebooks call.
Documents stream from disk in small batches, so memory does not grow with the
corpus; with ``workers > 1`` the batches are analysed in worker processes and
one writer (this process) stores them, since the on-disk store takes one
writing process. A document already stored with the same content hash is not
extracted again. A file that cannot be read, or a document whose extraction
fails, is reported and the run goes on; every stored document is one named
graph, replaced as a whole in one transaction, so a run killed at any moment
leaves each document either as it was or fully stored (the next run extracts
what is missing: its content hash is not in the store).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

import pyoxigraph as ox

from ftzgraph.extract import Extractor
from ftzgraph.extract.lexicon import load_lexicon
from ftzgraph.graph import iris
from ftzgraph.graph.build import document_quads, node
from ftzgraph.graph.provenance import run_quads
from ftzgraph.lang import Analyser, build_analyser
from ftzgraph.link import link_document
from ftzgraph.read import ReadFailure, Skipped, read_paths
from ftzgraph.records import Document, DocumentGraph
from ftzgraph.store import Store, open_store

#: Documents analysed together (one ``nlp.pipe`` batch, one task for a worker).
BATCH_SIZE = 16
#: Documents written between two flushes of the store: RocksDB keeps unflushed writes in
#: memory, so without this the writer's memory would grow with the corpus.
FLUSH_EVERY = 256


@dataclass(frozen=True, slots=True)
class Extracted:
    """One document's graph, serialised, ready for the writer (cheap to send between processes)."""

    identifier: str
    nquads: bytes
    concepts: int
    mentions: int
    facts: int


@dataclass(slots=True)
class ExtractReport:
    """What one ``extract`` run did; ``ok`` is False when any file failed."""

    processed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[ReadFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    concepts: int = 0
    mentions: int = 0
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        unchanged = f", {len(self.unchanged)} unchanged" if self.unchanged else ""
        return (
            f"{len(self.processed)} processed{unchanged}, {len(self.failed)} failed, "
            f"{len(self.skipped)} skipped"
        )


@dataclass
class Pipeline:
    """Holds the loaded models so many documents share them."""

    en_model: str | None = None

    @cached_property
    def analyser(self) -> Analyser:
        lexicon = load_lexicon()
        return build_analyser((e.label for e in lexicon.labels("zh")), self.en_model)

    @cached_property
    def extractor(self) -> Extractor:
        return Extractor(self.analyser.pipelines["en"])

    def process(self, documents: list[Document]) -> list[DocumentGraph]:
        """Extract a batch; raises if a document's extraction fails (see process_safely)."""
        return [link_document(a, self.extractor(a)) for a in self.analyser.analyse_many(documents)]

    def process_safely(self, documents: list[Document]) -> list[DocumentGraph | ReadFailure]:
        """Like :meth:`process`, but a document whose extraction fails becomes a failure record
        naming it, and the rest of the batch still comes through."""
        try:
            return list(self.process(documents))
        except Exception:  # retried one by one to find the culprit
            if len(documents) == 1:
                import traceback

                doc = documents[0]
                reason = traceback.format_exc(limit=1).strip().splitlines()[-1]
                return [ReadFailure(doc.identifier, f"extraction failed: {reason}")]
            return [r for d in documents for r in self.process_safely([d])]

    def serialise(self, documents: list[Document]) -> list[Extracted | ReadFailure]:
        out: list[Extracted | ReadFailure] = []
        for result in self.process_safely(documents):
            if isinstance(result, ReadFailure):
                out.append(result)
                continue
            try:
                data = ox.serialize(document_quads(result), format=ox.RdfFormat.N_QUADS)
            except Exception as err:  # one document's graph must not stop the run
                reason = f"graph could not be built: {type(err).__name__}: {err}"
                out.append(ReadFailure(result.document.identifier, reason))
                continue
            out.append(
                Extracted(
                    result.document.identifier,
                    data,
                    len(result.concepts),
                    sum(len(c.mentions) for c in result.concepts),
                    len(result.facts),
                )
            )
        return out

    @property
    def models(self) -> dict[str, str]:
        return {lang: str(info) for lang, info in self.analyser.models.items()}


def extract(
    paths: Iterable[str | os.PathLike[str]],
    store: Store | None = None,
    *,
    pipeline: Pipeline | None = None,
    workers: int = 1,
    force: bool = False,
    on_event: Callable[[str, str], None] | None = None,
) -> ExtractReport:
    """Extract every readable document under ``paths`` into ``store`` (in memory if None).

    Unchanged documents (same identifier and content hash already stored) are
    skipped unless ``force``. ``on_event(kind, what)`` is called once per file
    or row with kind ``"processed"``, ``"unchanged"``, ``"failed"`` (``what``
    holds the message) or ``"skipped"``; the CLI drives its progress bar with it.
    """
    store = store if store is not None else open_store(None)
    pipeline = pipeline or Pipeline()
    report = ExtractReport()
    started = datetime.now(UTC)
    store.ensure_ontologies()
    notify = on_event or (lambda kind, what: None)
    batches = _batches(read_paths(paths), store, report, notify, force)
    models: dict[str, str] = {}
    if workers > 1:
        from ftzgraph.workers import run_parallel

        results: Iterator[Extracted | ReadFailure] = run_parallel(
            batches, workers, pipeline.en_model, models
        )
    else:
        results = (r for batch in batches for r in pipeline.serialise(batch))
    for result in results:
        if isinstance(result, ReadFailure):
            report.failed.append(result)
            notify("failed", str(result))
            continue
        graph = node(iris.document_graph_iri(result.identifier))
        try:
            store.replace_graph_data(graph, result.nquads)
        except (SyntaxError, ValueError, OSError) as err:  # reported; the old graph is kept
            failure = ReadFailure(result.identifier, f"could not be stored: {err}")
            report.failed.append(failure)
            notify("failed", str(failure))
            continue
        report.processed.append(result.identifier)
        report.concepts += result.concepts
        report.mentions += result.mentions
        report.facts += result.facts
        notify("processed", result.identifier)
        if len(report.processed) % FLUSH_EVERY == 0:
            store.flush()
    if report.processed:
        doc_iris = (iris.document_iri(i) for i in report.processed)
        store.add(run_quads(started, datetime.now(UTC), models or pipeline.models, doc_iris))
    store.flush()
    return report


def _batches(
    events: Iterable[Document | ReadFailure | Skipped],
    store: Store,
    report: ExtractReport,
    notify: Callable[[str, str], None],
    force: bool,
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for event in events:
        if isinstance(event, ReadFailure):
            report.failed.append(event)
            notify("failed", str(event))
        elif isinstance(event, Skipped):
            report.skipped.append(event.path)
            notify("skipped", event.path)
        elif not force and store.has_document(event.identifier, event.content_hash):
            report.unchanged.append(event.identifier)
            notify("unchanged", event.identifier)
        else:
            batch.append(event)
            if len(batch) >= BATCH_SIZE:
                yield batch
                batch = []
    if batch:
        yield batch


def remove(store: Store, identifiers: Iterable[str]) -> list[str]:
    """Drop documents' named graphs; returns the identifiers that were not in the store."""
    missing = []
    for identifier in identifiers:
        graph = node(iris.document_graph_iri(identifier))
        if store.oxigraph.contains_named_graph(graph):
            store.oxigraph.remove_graph(graph)
        else:
            missing.append(identifier)
    store.flush()
    return missing
