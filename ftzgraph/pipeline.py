"""The main job: paths → read → analyse → extract → link → graph → store.

:func:`extract` is what the CLI's ``extract`` command and notebooks call. A
file that cannot be read is reported and skipped; every document is written
to the store as one named graph, replacing what was there for that document.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property

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

#: Documents analysed together (one ``nlp.pipe`` batch).
BATCH_SIZE = 16


@dataclass(slots=True)
class ExtractReport:
    """What one ``extract`` run did; ``ok`` is False when any file failed."""

    processed: list[str] = field(default_factory=list)
    failed: list[ReadFailure] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    concepts: int = 0
    mentions: int = 0
    facts: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return (
            f"{len(self.processed)} processed, {len(self.failed)} failed, "
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
        """Extract a batch; raises only if a document's extraction fails (see process_safely)."""
        return [link_document(self.extractor(a)) for a in self.analyser.analyse_many(documents)]

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


def extract(
    paths: Iterable[str | os.PathLike[str]],
    store: Store | None = None,
    *,
    pipeline: Pipeline | None = None,
    on_event: Callable[[str, str], None] | None = None,
) -> ExtractReport:
    """Extract every readable document under ``paths`` into ``store`` (in memory if None).

    ``on_event(kind, path)`` is called once per file or row with kind
    ``"processed"``, ``"failed"`` (path holds the message) or ``"skipped"``;
    the CLI uses it for its progress bar.
    """
    store = store if store is not None else open_store(None)
    pipeline = pipeline or Pipeline()
    report = ExtractReport()
    started = datetime.now(UTC)
    store.ensure_ontologies()
    notify = on_event or (lambda kind, path: None)
    for batch in _batches(read_paths(paths), report, notify):
        for result in pipeline.process_safely(batch):
            if isinstance(result, ReadFailure):
                report.failed.append(result)
                notify("failed", str(result))
                continue
            graph = node(iris.document_graph_iri(result.document.identifier))
            store.replace_graph(graph, document_quads(result))
            report.processed.append(result.document.identifier)
            report.concepts += len(result.concepts)
            report.mentions += sum(len(c.mentions) for c in result.concepts)
            report.facts += len(result.facts)
            notify("processed", result.document.identifier)
    if report.processed:
        models = {lang: str(info) for lang, info in pipeline.analyser.models.items()}
        doc_iris = (iris.document_iri(i) for i in report.processed)
        store.add(run_quads(started, datetime.now(UTC), models, doc_iris))
    store.flush()
    return report


def _batches(
    events: Iterable[Document | ReadFailure | Skipped],
    report: ExtractReport,
    notify: Callable[[str, str], None],
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for event in events:
        if isinstance(event, ReadFailure):
            report.failed.append(event)
            notify("failed", str(event))
        elif isinstance(event, Skipped):
            report.skipped.append(event.path)
            notify("skipped", event.path)
        else:
            batch.append(event)
            if len(batch) >= BATCH_SIZE:
                yield batch
                batch = []
    if batch:
        yield batch
