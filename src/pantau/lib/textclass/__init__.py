"""Text classification of Indonesian mentions (sentiment, emotion). The constants here import
nothing heavy; scikit-learn comes with `model`, when a model is first used."""

from pathlib import Path

LABELS = {
    "sentiment": ("positive", "neutral", "negative"),
    "emotion": ("anger", "happy", "sadness", "fear", "love"),
}
COMMITTED_DIR = Path(__file__).resolve().parent / "data"  # the models committed with Pantau
