"""Helpers for tests that run the pipeline on a short text written in the test."""

from __future__ import annotations

from ftzgraph.pipeline import Pipeline
from ftzgraph.read import find_segments
from ftzgraph.records import Document, DocumentGraph


def run_text(pipeline: Pipeline, text: str) -> DocumentGraph:
    """One document through the whole pipeline; every mention's span is checked on the way."""
    (result,) = pipeline.process([Document("t.txt", text, find_segments(text), "t.txt")])
    for concept in result.concepts:
        for m in concept.mentions:
            assert text[m.begin : m.end] == m.anchor
    return result


def spans(result: DocumentGraph, ctype: str, lang: str | None = None) -> set[str]:
    """The mention texts of concepts of ``ctype`` (in ``lang`` when given)."""
    return {
        m.anchor
        for c in result.concepts
        if ctype in c.types
        for m in c.mentions
        if lang is None or m.lang == lang
    }
