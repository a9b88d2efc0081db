"""Suggested agency and top-level category for a report's text, learned from the office's own past
dispositions (TF-IDF word 1-2-grams + multinomial logistic regression over Complaint title + text).

Used when an analyst turns a mention into a report, and by the koordinator's disposition form:
`suggest(text)` -> {"agency": [(Agency, confidence), ...3], "category": [(Category, confidence), ...3]}.
The model is trained from the database on first use and again when reports were added or changed.
"""

from dataclasses import dataclass

import numpy as np
from django.db.models import Count, Max
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from pantau.agencies.models import Agency
from pantau.lib.textclass.normalize import normalize

from .models import Category, Complaint

MIN_EXAMPLES_PER_CLASS = 3
MAX_TRAINING_ROWS = 50000
_cache: dict = {}


@dataclass
class _Head:
    """One fitted classifier over shared features: classes are database ids."""

    classifier: LogisticRegression

    def top(self, features, k: int) -> list[tuple[int, float]]:
        proba = self.classifier.predict_proba(features)[0]
        best = np.argsort(proba)[::-1][:k]
        return [(int(self.classifier.classes_[i]), float(proba[i])) for i in best]


@dataclass
class Suggester:
    vectorizer: TfidfVectorizer
    heads: dict[str, _Head]
    n_examples: int

    def suggest(self, text: str, k: int = 3) -> dict[str, list[tuple[object, float]]]:
        """Return up to k (Agency, confidence) and (Category, confidence), most likely first."""
        features = self.vectorizer.transform([normalize(text)])
        out: dict[str, list] = {}
        for name, model in (("agency", Agency), ("category", Category)):
            head = self.heads.get(name)
            ranked = head.top(features, k) if head else []
            objects = model.objects.in_bulk([pk for pk, _ in ranked])
            out[name] = [(objects[pk], p) for pk, p in ranked if pk in objects]
        return out


def top_level(category_id: int | None, parents: dict[int, int | None]) -> int | None:
    """Return the root of `category_id` in the category tree."""
    seen = set()
    while category_id is not None and parents.get(category_id) is not None and category_id not in seen:
        seen.add(category_id)
        category_id = parents[category_id]
    return category_id


def _fit_head(features, labels: list) -> _Head | None:
    """Fit one head on the rows with a label whose class has enough examples; None if < 2 classes."""
    counts = {c: labels.count(c) for c in set(labels) if c is not None}
    keep = [i for i, c in enumerate(labels) if c is not None and counts[c] >= MIN_EXAMPLES_PER_CLASS]
    if len({labels[i] for i in keep}) < 2:
        return None
    classifier = LogisticRegression(C=10, max_iter=300)
    classifier.fit(features[keep], [labels[i] for i in keep])
    return _Head(classifier)


def train(queryset=None) -> Suggester | None:
    """Return a Suggester trained on disposed reports (newest first, capped), or None when the
    office has too few dispositions to learn from."""
    rows = list((queryset or Complaint.objects.filter(agency__isnull=False))
                .order_by("-received_at").values_list("title", "text", "agency_id", "category_id")
                [:MAX_TRAINING_ROWS])
    if len(rows) < 2 * MIN_EXAMPLES_PER_CLASS:
        return None
    parents = dict(Category.objects.values_list("id", "parent_id"))
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200000,
                                 dtype=np.float32)
    features = vectorizer.fit_transform([normalize(f"{t} {x}") for t, x, _, _ in rows])
    heads = {"agency": _fit_head(features, [a for _, _, a, _ in rows]),
             "category": _fit_head(features, [top_level(c, parents) for _, _, _, c in rows])}
    heads = {k: v for k, v in heads.items() if v is not None}
    return Suggester(vectorizer, heads, len(rows)) if heads else None


def _data_version() -> tuple:
    stats = Complaint.objects.filter(agency__isnull=False).aggregate(n=Count("id"), last=Max("updated_at"))
    return stats["n"], stats["last"]


def get_suggester() -> Suggester | None:
    """Return the suggester for the current data, retrained when reports changed since last time."""
    version = _data_version()
    if _cache.get("version") != version:
        _cache["suggester"], _cache["version"] = train(), version
    return _cache["suggester"]


def suggest(text: str, k: int = 3) -> dict[str, list[tuple[object, float]]]:
    """Top-k agencies and top-level categories for `text`; empty lists when nothing was learned yet."""
    suggester = get_suggester()
    return suggester.suggest(text, k) if suggester else {"agency": [], "category": []}
