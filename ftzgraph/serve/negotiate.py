"""Which serialisation a client gets: the ``format`` parameter, else the Accept header.

SELECT and ASK results come as SPARQL results (JSON unless asked otherwise);
CONSTRUCT and DESCRIBE graphs as RDF (Turtle unless asked otherwise). The
media types and format IRIs are pyoxigraph's own, so what is advertised in
the service description is exactly what its serialisers write.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox


@dataclass(frozen=True)
class Format:
    """One serialisation: its media type, the other names clients use for it."""

    serializer: ox.QueryResultsFormat | ox.RdfFormat
    aliases: tuple[str, ...] = ()  # other media types that mean the same
    names: tuple[str, ...] = ()  # values of the ``format`` parameter

    @property
    def media_type(self) -> str:
        return self.serializer.media_type

    @property
    def iri(self) -> str:
        return self.serializer.iri

    def media_types(self) -> tuple[str, ...]:
        return (_bare(self.media_type), *self.aliases)


_R, _G = ox.QueryResultsFormat, ox.RdfFormat

# The first of each list is the default.
RESULT_FORMATS: tuple[Format, ...] = (
    Format(_R.JSON, ("application/json",), ("json", "srj")),
    Format(_R.XML, ("application/xml", "text/xml"), ("xml", "srx")),
    Format(_R.CSV, (), ("csv",)),
    Format(_R.TSV, (), ("tsv",)),
)
GRAPH_FORMATS: tuple[Format, ...] = (
    Format(_G.TURTLE, ("application/x-turtle", "application/turtle"), ("turtle", "ttl")),
    Format(_G.N_TRIPLES, ("text/plain",), ("nt", "ntriples", "n-triples")),
    Format(_G.JSON_LD, ("application/x-json+ld",), ("jsonld", "json-ld", "json")),
    Format(_G.RDF_XML, (), ("rdfxml", "rdf", "xml")),
)


def choose(formats: tuple[Format, ...], accept: str, requested: str | None) -> Format | None:
    """The format to answer in, or None when nothing the client accepts fits (406)."""
    if requested:
        key = requested.strip().lower()
        return next((f for f in formats if key in f.names or _bare(key) in f.media_types()), None)
    ranges = _parse_accept(accept)
    if not ranges:
        return formats[0]
    best, best_q = None, 0.0
    for fmt in formats:  # ties go to the earlier, i.e. the default
        q = max(_quality(media_type, ranges) for media_type in fmt.media_types())
        if q > best_q:
            best, best_q = fmt, q
    return best


def known(requested: str) -> bool:
    """Whether a ``format`` parameter names any format at all (else the request is a 400)."""
    return any(choose(group, "", requested) for group in (RESULT_FORMATS, GRAPH_FORMATS))


def _bare(media_type: str) -> str:
    return media_type.split(";", 1)[0].strip().lower()


def _parse_accept(header: str) -> list[tuple[str, float]]:
    ranges = []
    for part in header.split(","):
        media_range, *params = (p.strip() for p in part.split(";"))
        if "/" not in media_range:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append((media_range.lower(), q))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching ``media_type`` (RFC 9110 §12.5.1)."""
    kind = media_type.split("/", 1)[0]
    for candidate in (media_type, f"{kind}/*", "*/*"):
        qs = [q for media_range, q in ranges if media_range == candidate]
        if qs:
            return max(qs)
    return 0.0
