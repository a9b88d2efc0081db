"""Readers for labelled files in the SmSA format (text<TAB>label, no header) and the EmoT format
(CSV with a header `label,tweet`). Each returns (texts, labels) or raises ValueError naming the
file and line."""

import csv
import os
from pathlib import Path

from pantau.lib.textclass import LABELS


def read_smsa(path: Path) -> tuple[list[str], list[str]]:
    """Return texts and labels of a tab-separated `text<TAB>label` file."""
    texts, labels = [], []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            text, sep, label = line.rpartition("\t")
            label = label.strip().lower()
            if not sep or label not in LABELS["sentiment"]:
                raise ValueError(f"{path}, line {number}: expected text<TAB>label with label one of "
                                 f"{', '.join(LABELS['sentiment'])}, got {line[-40:]!r}")
            texts.append(text)
            labels.append(label)
    return texts, labels


def read_emot(path: Path) -> tuple[list[str], list[str]]:
    """Return texts and labels of a CSV file with a `label,tweet` header."""
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip().lower() for h in next(reader, [])]
        if header[:2] != ["label", "tweet"]:
            raise ValueError(f"{path}, line 1: expected the header label,tweet, got {','.join(header)!r}")
        for row in reader:
            if not row:
                continue
            label = row[0].strip().lower()
            if len(row) < 2 or label not in LABELS["emotion"]:
                raise ValueError(f"{path}, line {reader.line_num}: expected label,tweet with label one "
                                 f"of {', '.join(LABELS['emotion'])}, got {','.join(row)[:40]!r}")
            texts.append(row[1])
            labels.append(label)
    return texts, labels


READERS = {"sentiment": read_smsa, "emotion": read_emot}


def training_data_dir() -> Path | None:
    """Return the folder of the shared labelled data (PANTAU_TRAINING_DATA, else ../shared/data
    beside the project), or None when it is absent."""
    candidates = [os.environ.get("PANTAU_TRAINING_DATA")]
    candidates.append(str(Path(__file__).resolve().parents[4].parent / "shared" / "data"))
    for candidate in candidates:
        if candidate and (Path(candidate) / "smsa").is_dir():
            return Path(candidate)
    return None


def split_paths(task: str, data_dir: Path) -> dict[str, Path]:
    """Return the train and valid files of `task` in `data_dir`."""
    if task == "sentiment":
        return {s: data_dir / "smsa" / f"{s}_preprocess.tsv" for s in ("train", "valid")}
    return {s: data_dir / "emot" / f"{s}_preprocess.csv" for s in ("train", "valid")}
