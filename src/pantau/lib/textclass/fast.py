"""Faster transform for a fitted word/char TF-IDF union, giving the same matrix as sklearn's.

Character n-grams within word boundaries (`char_wb`) are a sum over the words of a text, and words
repeat across mentions (a few thousand words make most of any day's text), so the n-gram indices of
each word are computed once and cached; the counts then go through the vectorizer's own fitted
TF-IDF weighting. Measured 4-8x faster than sklearn's char_wb transform (bench/sentiment.py).
"""

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer

CACHE_LIMIT = 300_000  # words; the cache is emptied when full (it refills with the common words)


class CachedCharWb:
    """Transform texts like a fitted char_wb TfidfVectorizer, with a per-word n-gram cache."""

    def __init__(self, vectorizer: TfidfVectorizer):
        if vectorizer.analyzer != "char_wb" or vectorizer.lowercase is False:
            raise ValueError("only a lowercasing char_wb vectorizer can be cached per word")
        self.vectorizer = vectorizer
        self.vocabulary = vectorizer.vocabulary_
        self.analyze = vectorizer.build_analyzer()
        self.cache: dict[str, list[int]] = {}

    def _word(self, word: str) -> list[int]:
        vocabulary = self.vocabulary
        return [i for i in (vocabulary.get(g) for g in self.analyze(word)) if i is not None]

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        cache, indices, indptr = self.cache, [], [0]
        if len(cache) > CACHE_LIMIT:
            cache.clear()
        for text in texts:
            for word in text.lower().split():
                found = cache.get(word)
                if found is None:
                    found = cache[word] = self._word(word)
                indices.extend(found)
            indptr.append(len(indices))
        counts = sp.csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr),
                               shape=(len(texts), len(self.vocabulary)))
        counts.sum_duplicates()
        return self.vectorizer._tfidf.transform(counts, copy=False).astype(self.vectorizer.dtype)


class FastUnion:
    """The transform of a fitted FeatureUnion of TfidfVectorizers, char_wb parts cached per word."""

    def __init__(self, union):
        self.parts = [CachedCharWb(v) if getattr(v, "analyzer", None) == "char_wb" else v
                      for _name, v in union.transformer_list]

    def transform(self, texts: list[str]) -> sp.csr_matrix:
        return sp.hstack([part.transform(texts) for part in self.parts], format="csr")
