"""Stage 2, per language: pipelines, sentence splitting, cue lexicons, numerals.

Language specifics live in ``lang/zh/`` and ``lang/en/``; the extraction
stages ask the language for what they need.
"""

from __future__ import annotations

from collections.abc import Iterable

from ftzgraph.lang.analysis import AnalysedDocument, AnalysedSentence, Analyser
from ftzgraph.lang.models import ModelInfo


def build_analyser(zh_user_words: Iterable[str] = (), en_model: str | None = None) -> Analyser:
    """Both pipelines, loaded once; ``en_model`` may name a local spaCy model."""
    from ftzgraph.lang.en.pipeline import load_english
    from ftzgraph.lang.zh.pipeline import load_chinese

    zh_nlp, zh_info = load_chinese(zh_user_words)
    en_nlp, en_info = load_english(en_model)
    return Analyser({"zh": zh_nlp, "en": en_nlp}, {"zh": zh_info, "en": en_info})


__all__ = ["AnalysedDocument", "AnalysedSentence", "Analyser", "ModelInfo", "build_analyser"]
