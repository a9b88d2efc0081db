"""Rebuild the committed sentiment and emotion models from the shared labelled data.

    python -m pantau.lib.textclass.build [--task sentiment|emotion|all] [--out DIR] [--no-cv]

Prints 5-fold cross-validated scores on the train split (used for choices) and the scores on the
validation split (reported, never tuned to), and stores the model with those scores in its record.
Without the shared data it stops with a message and exit status 1.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from pantau.lib.textclass import model as textmodel
from pantau.lib.textclass.datasets import READERS, split_paths, training_data_dir
from pantau.lib.textclass.normalize import normalize

COMMITTED_DIR = textmodel.COMMITTED_DIR
DATA_NOTE = {
    "sentiment": "IndoNLU SmSA (smsa_doc-sentiment-prosa), Apache-2.0",
    "emotion": "IndoNLU EmoT (emot_emotion-twitter), Apache-2.0",
}


def cross_validated(task: str, texts: list[str], labels: list[str]) -> dict:
    """Return macro and per-class F1 of 5-fold cross-validation on the training texts."""
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    predicted = cross_val_predict(textmodel.build_pipeline(), [normalize(t) for t in texts],
                                  labels, cv=folds)
    classes = list(textmodel.LABELS[task])
    per_class = f1_score(labels, predicted, labels=classes, average=None)
    return {"macro_f1": round(float(np.mean(per_class)), 4),
            "per_class": {c: round(float(f), 4) for c, f in zip(classes, per_class, strict=True)}}


def build(task: str, data_dir: Path, out_dir: Path, with_cv: bool = True) -> dict:
    """Train `task` on the train split, score it, save it in `out_dir`; return the scores."""
    paths = split_paths(task, data_dir)
    texts, labels = READERS[task](paths["train"])
    valid_texts, valid_labels = READERS[task](paths["valid"])
    report = {"task": task, "data": DATA_NOTE[task], "n_train": len(texts)}
    if with_cv:
        report["cv_train"] = cross_validated(task, texts, labels)
    classifier = textmodel.train(task, texts, labels, data=DATA_NOTE[task], version="committed")
    report["valid"] = textmodel.evaluate(classifier, valid_texts, valid_labels)
    classifier.meta.update({k: v for k, v in report.items() if k in ("cv_train", "valid")})
    path = classifier.save(out_dir / f"{task}.joblib")
    report["file"] = str(path)
    report["file_bytes"] = path.stat().st_size
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--task", choices=["sentiment", "emotion", "all"], default="all")
    parser.add_argument("--out", type=Path, default=COMMITTED_DIR)
    parser.add_argument("--no-cv", action="store_true", help="skip cross-validation (faster)")
    args = parser.parse_args(argv)
    data_dir = training_data_dir()
    if data_dir is None:
        print("The labelled data (../shared/data or PANTAU_TRAINING_DATA) is absent: nothing trained.",
              file=sys.stderr)
        return 1
    tasks = ["sentiment", "emotion"] if args.task == "all" else [args.task]
    for task in tasks:
        print(json.dumps(build(task, data_dir, args.out, not args.no_cv), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
