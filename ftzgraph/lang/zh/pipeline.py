"""The Chinese spaCy pipeline: ``spacy.blank("zh")`` segmenting with jieba.

jieba gets its own :class:`jieba.Tokenizer` (not the process-wide default)
with the thesaurus and gazetteer's Chinese labels added as words, so domain
terms such as 自贸试验区, 负面清单 and 准入前国民待遇 stay whole tokens.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import spacy
from spacy.language import Language

from ftzgraph.lang.models import ModelInfo

#: Frequency given to user words: high enough to win over jieba's own splits.
USER_WORD_FREQ = 200_000


def load_chinese(user_words: Iterable[str] = ()) -> tuple[Language, ModelInfo]:
    jieba.setLogLevel(logging.WARNING)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
    segmenter = jieba.Tokenizer()
    segmenter.initialize()
    for word in sorted(set(user_words)):
        if word and not any(ch.isspace() for ch in word):
            segmenter.add_word(word, freq=USER_WORD_FREQ)
    nlp.tokenizer.jieba_seg = segmenter  # type: ignore[attr-defined]
    return nlp, ModelInfo("spacy_zh_jieba", f"spacy {spacy.__version__}, jieba {jieba.__version__}")
