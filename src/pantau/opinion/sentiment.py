"""Sentiment and emotion of mentions: which model is active, the pipeline enricher, retraining.

Models live as versioned files in PANTAU_DATA_DIR/models/ (`sentiment-20261129T0830.joblib`), with
`active.json` naming the one in use per task; the model committed with Pantau is the fallback when
none is active or the active file cannot be read.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.utils import timezone

from pantau.lib.textclass import COMMITTED_DIR
from pantau.lib.textclass.datasets import READERS, split_paths, training_data_dir
from pantau.lib.textclass.normalize import normalize
from pantau.opinion.enrichers import TextEnricher

if TYPE_CHECKING:
    from pantau.lib.textclass.model import TextClassifier

log = logging.getLogger(__name__)
TASKS = ("sentiment", "emotion")
COMMITTED = "committed"
_cache: dict[str, tuple[tuple, TextClassifier]] = {}
_shared: list = [None, None]  # (the models, their SharedFeatures), rebuilt when a model changes


def models_dir() -> Path:
    return Path(settings.DATA_DIR) / "models"


def _active_names() -> dict:
    path = models_dir() / "active.json"
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return {}


def active_version(task: str) -> str:
    """Return the file name of the active model of `task`, or "committed"."""
    name = _active_names().get(task)
    return name if name and (models_dir() / name).is_file() else COMMITTED


def model_path(task: str, version: str) -> Path:
    if version == COMMITTED:
        return COMMITTED_DIR / f"{task}.joblib"
    return models_dir() / Path(version).name


def _textmodel():
    """lib/textclass/model, imported when a model is first used: it imports scikit-learn (about
    1.5 s), which every other command and page of Pantau can do without."""
    from pantau.lib.textclass import model

    return model


def classifier(task: str) -> TextClassifier:
    """Return the active classifier of `task`, loaded once per file version (committed on error)."""
    version = active_version(task)
    path = model_path(task, version)
    key = (version, path.stat().st_mtime_ns)
    cached = _cache.get(task)
    if cached and cached[0] == key:
        return cached[1]
    try:
        loaded = _textmodel().load(path)
    except Exception:  # a damaged retrained file must not stop the pipeline
        log.exception("cannot load %s; using the committed %s model", path, task)
        key, loaded = ("committed-fallback", 0), _textmodel().load(model_path(task, COMMITTED))
    _cache[task] = (key, loaded)
    return loaded


def mention_text(mention) -> str:
    """The text a model reads for a mention: its title and its text."""
    return f"{mention.title}. {mention.text}" if mention.title else mention.text


def enrich_values(mentions: list) -> list[tuple | None]:
    """Sentiment and emotion with their confidence (ENRICHED_FIELDS) of Indonesian (or
    undetected-language) mentions; None for others, left empty rather than guessed."""
    chosen = [i for i, m in enumerate(mentions) if m.language in ("id", "", None)]
    out: list[tuple | None] = [None] * len(mentions)
    for i, values in zip(chosen, predict([mention_text(mentions[i]) for i in chosen]), strict=True):
        out[i] = tuple(v for label_and_confidence in values for v in label_and_confidence)
    return out


ENRICHED_FIELDS = ("sentiment", "sentiment_confidence", "emotion", "emotion_confidence")
# The pipeline enricher: sets ENRICHED_FIELDS on mentions; a TextEnricher, so it runs in workers.
enrich = TextEnricher(ENRICHED_FIELDS, enrich_values)


def predict(texts: list[str]) -> list[tuple[tuple[str, float], ...]]:
    """(label, confidence rounded to 4 places) of each task (TASKS order) for each text: one
    normalisation and one feature pass feed both models (lib/textclass/fast.py SharedFeatures)."""
    if not texts:
        return []
    models = [classifier(task) for task in TASKS]
    if _shared[0] is None or any(a is not b for a, b in zip(_shared[0], models, strict=True)):
        _shared[:] = [models, _textmodel().shared_features(models)]
    per_model = _textmodel().predict_many(models, [normalize(t) for t in texts], normalized=True, shared=_shared[1])
    return [tuple((p.label, round(p.confidence, 4)) for p in row) for row in zip(*per_model, strict=True)]


def corrections() -> tuple[list[str], list[str]]:
    """Return the texts and labels of every mention whose sentiment an analyst corrected."""
    from pantau.opinion.models import Mention

    rows = Mention.objects.filter(sentiment_corrected__isnull=False).only(
        "title", "text", "sentiment_corrected")
    rows = list(rows)
    return [mention_text(m) for m in rows], [m.sentiment_corrected for m in rows]


def activate(task: str, version: str) -> None:
    """Make `version` (a file in models_dir, or "committed") the model used for `task`."""
    if version != COMMITTED and not (models_dir() / Path(version).name).is_file():
        raise FileNotFoundError(version)
    names = _active_names()
    names[task] = Path(version).name
    models_dir().mkdir(parents=True, exist_ok=True)
    tmp = models_dir() / "active.json.tmp"
    tmp.write_text(json.dumps(names, indent=1))
    tmp.replace(models_dir() / "active.json")


def versions(task: str) -> list[dict]:
    """Return every stored model of `task`, newest first, with its recorded scores."""
    found = [{"version": COMMITTED, "path": model_path(task, COMMITTED)}]
    found += [{"version": p.name, "path": p} for p in sorted(models_dir().glob(f"{task}-*.joblib"), reverse=True)]
    active = active_version(task)
    out = []
    for item in found:
        meta = _textmodel().load(item["path"]).meta
        out.append({"version": item["version"], "active": item["version"] == active,
                    "n_train": meta.get("n_train"), "n_corrections": meta.get("n_corrections", 0),
                    "valid_macro_f1": (meta.get("valid") or {}).get("macro_f1")})
    return out


def retrain(task: str = "sentiment", data_dir: Path | None = None, activate_new: bool = True) -> dict:
    """Train `task` on the shared train split plus analysts' corrections; store it as a new version
    beside the old ones, score old and new on the validation split, and (by default) activate it.
    Raises FileNotFoundError when the shared data is absent."""
    data_dir = data_dir or training_data_dir()
    if data_dir is None:
        raise FileNotFoundError("../shared/data (or PANTAU_TRAINING_DATA)")
    paths = split_paths(task, data_dir)
    texts, labels = READERS[task](paths["train"])
    valid = READERS[task](paths["valid"])
    extra_texts, extra_labels = corrections() if task == "sentiment" else ([], [])
    old_version = active_version(task)
    old = _textmodel().evaluate(classifier(task), *valid)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    new_model = _textmodel().train(task, texts + extra_texts, labels + extra_labels,
                                version=stamp, n_corrections=len(extra_texts))
    new = _textmodel().evaluate(new_model, *valid)
    new_model.meta["valid"] = new
    path = new_model.save(models_dir() / f"{task}-{stamp}.joblib")
    if activate_new:
        activate(task, path.name)
    return {"task": task, "n_corrections": len(extra_texts), "old": {"version": old_version, **old},
            "new": {"version": path.name, **new}, "active": active_version(task)}


def classify_stored(everything: bool = False, chunk: int = 2000) -> int:
    """Give stored mentions their sentiment and emotion (those without one, or all with
    `everything`, e.g. after retraining); analysts' corrections are never touched. Returns the count."""
    from pantau.opinion.models import Mention

    qs = Mention.objects.all() if everything else Mention.objects.filter(sentiment__isnull=True)
    qs = qs.filter(language__in=["id", ""]).order_by("pk")
    fields = ["sentiment", "sentiment_confidence", "emotion", "emotion_confidence"]
    done, last = 0, 0
    while True:
        batch = list(qs.filter(pk__gt=last).only("pk", "title", "text", "language")[:chunk])
        if not batch:
            return done
        enrich(batch)
        Mention.objects.bulk_update(batch, fields, batch_size=500)
        done, last = done + len(batch), batch[-1].pk
