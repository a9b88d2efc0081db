"""Sentiment and emotion classifiers: TF-IDF words and characters, a linear SVM, calibrated.

A `TextClassifier` wraps a fitted scikit-learn pipeline together with its task, labels and a
record of how it was trained; it is stored as one compressed joblib file.
"""

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import joblib
import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import f1_score
from sklearn.pipeline import Pipeline, make_union
from sklearn.svm import LinearSVC

from pantau.lib.textclass import COMMITTED_DIR, LABELS  # noqa: F401 - COMMITTED_DIR: textmodel.COMMITTED_DIR
from pantau.lib.textclass.fast import FastUnion, SharedFeatures
from pantau.lib.textclass.normalize import normalize

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float


@dataclass
class TextClassifier:
    task: str
    pipeline: Pipeline
    meta: dict = field(default_factory=dict)
    format_version: int = FORMAT_VERSION

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.pipeline.classes_)

    def predict_proba(self, texts: Sequence[str], normalized: bool = False) -> np.ndarray:
        """Return one row of class probabilities per text, columns in `self.labels` order
        (`normalized`: the texts already went through `normalize`)."""
        if not len(texts):
            return np.zeros((0, len(self.labels)))
        texts = list(texts) if normalized else [normalize(t) for t in texts]
        return self.pipeline.named_steps["classifier"].predict_proba(self._features()(texts))

    def _features(self):
        """texts -> this model's feature matrix: SharedFeatures of this model alone (equal to
        scikit-learn's transform), else the per-word cached FastUnion."""
        fast = self.__dict__.get("_fast")
        if fast is None:
            shared = shared_features([self])
            if shared is not None:
                fast = lambda texts: shared.transform(texts)[0]  # noqa: E731
            else:
                fast = FastUnion(self.pipeline.named_steps["features"]).transform
            self.__dict__["_fast"] = fast
        return fast

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_fast", None)  # a cache, rebuilt after loading
        return state

    def predict(self, texts: Sequence[str], normalized: bool = False) -> list[Prediction]:
        """Return the most probable label of each text and its probability."""
        return self._predictions(self.predict_proba(texts, normalized))

    def predict_features(self, features) -> list[Prediction]:
        """Predict from a feature matrix already made for this model (SharedFeatures)."""
        if not features.shape[0]:
            return []
        return self._predictions(self.pipeline.named_steps["classifier"].predict_proba(features))

    def _predictions(self, proba: np.ndarray) -> list[Prediction]:
        best = proba.argmax(axis=1)
        labels = self.labels
        return [Prediction(str(labels[i]), float(p[i])) for i, p in zip(best, proba, strict=True)]

    def save(self, path: Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        joblib.dump(self, tmp, compress=("xz", 6))
        tmp.replace(path)  # never leave a half-written model where the app looks for one
        return path


def predict_many(models: Sequence[TextClassifier], texts: Sequence[str], normalized: bool = False,
                 shared: SharedFeatures | None = None) -> list[list[Prediction]]:
    """Every model's predictions for the same texts, the features made in one pass for all of them
    (`shared`: a SharedFeatures of these models, reused across calls for its word cache; see
    `shared_features`). Models whose features cannot be shared are run one by one."""
    texts = list(texts) if normalized else [normalize(t) for t in texts]
    if shared is None:
        shared = shared_features(models)
    if shared is None:
        return [m.predict(texts, normalized=True) for m in models]
    if not texts:
        return [[] for _ in models]
    return [m.predict_features(x) for m, x in zip(models, shared.transform(texts), strict=True)]


def shared_features(models: Sequence[TextClassifier]) -> SharedFeatures | None:
    """A SharedFeatures for the models, or None when one of them has other features."""
    try:
        return SharedFeatures([m.pipeline.named_steps["features"] for m in models])
    except ValueError:
        return None


def load(path: Path) -> TextClassifier:
    """Return the classifier stored at `path`; ValueError when it is not one of ours."""
    obj = joblib.load(path)
    if not isinstance(obj, TextClassifier) or obj.format_version != FORMAT_VERSION:
        raise ValueError(f"{path}: not a Pantau text model of format {FORMAT_VERSION}")
    return obj


def build_pipeline(C: float = 0.3, min_df: int = 2) -> Pipeline:
    """Return the untrained pipeline: word 1-2-grams and char 2-5-grams, balanced LinearSVC,
    calibrated by 5-fold sigmoid so that the confidence is a probability."""
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), min_df=min_df, sublinear_tf=True, dtype=np.float32),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=min_df,
                        sublinear_tf=True, dtype=np.float32),
    )
    svm = LinearSVC(C=C, class_weight="balanced")
    classifier = CalibratedClassifierCV(svm, method="sigmoid", cv=5, ensemble=False)
    return Pipeline([("features", features), ("classifier", classifier)])


def train(task: str, texts: Sequence[str], labels: Sequence[str], **meta) -> TextClassifier:
    """Return a classifier for `task` fitted on `texts`/`labels` (labels outside the task refused)."""
    unknown = set(labels) - set(LABELS[task])
    if unknown:
        raise ValueError(f"labels not in task {task}: {sorted(unknown)}")
    started = time.perf_counter()
    pipeline = build_pipeline()
    pipeline.fit([normalize(t) for t in texts], list(labels))
    meta = {"n_train": len(texts), "train_seconds": round(time.perf_counter() - started, 1), **meta}
    return TextClassifier(task=task, pipeline=pipeline, meta=meta)


def evaluate(model: TextClassifier, texts: Sequence[str], labels: Sequence[str]) -> dict:
    """Return {"n", "macro_f1", "per_class", "texts_per_second"} of `model` on labelled texts."""
    started = time.perf_counter()
    predicted = [p.label for p in model.predict(texts)]
    elapsed = max(time.perf_counter() - started, 1e-9)
    classes = [c for c in LABELS[model.task] if c in set(labels) | set(predicted)]
    per_class = f1_score(labels, predicted, labels=classes, average=None, zero_division=0)
    return {
        "n": len(texts),
        "macro_f1": round(float(np.mean(per_class)), 4) if classes else 0.0,
        "per_class": {c: round(float(f), 4) for c, f in zip(classes, per_class, strict=True)},
        "texts_per_second": round(len(texts) / elapsed, 1),
    }
