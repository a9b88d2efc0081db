import json
from datetime import UTC, datetime

import pytest
from django.core.management import CommandError, call_command

from pantau.opinion import sentiment
from pantau.opinion.models import Mention, Source

WHEN = datetime(2026, 3, 2, 3, 0, tzinfo=UTC)
POS = ["pelayanan cepat dan ramah sekali", "petugas sangat membantu terima kasih",
       "jalan sudah mulus mantap", "rumah sakit bersih dan nyaman"]
NEG = ["pelayanan lambat saya kecewa", "jalan rusak parah dan berlubang",
       "petugas kasar dan tidak ramah", "antre lama sekali buruk"]
NEU = ["jadwal pelayanan dibuka pukul delapan", "rapat koordinasi digelar di serang",
       "dinas merilis data jumlah pasien", "jalan tol dibuka untuk umum hari senin"]


def smsa_file(path, rows):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{t}\t{label}\n" for t, label in rows), encoding="utf-8")
    return path


@pytest.fixture
def tiny_data(tmp_path, monkeypatch, settings):
    """A small SmSA-shaped training folder written for the tests, and an empty models folder."""
    settings.DATA_DIR = tmp_path / "data"
    rows = [(t, "positive") for t in POS] + [(t, "negative") for t in NEG] + [(t, "neutral") for t in NEU]
    smsa_file(tmp_path / "smsa" / "train_preprocess.tsv", rows * 3)
    smsa_file(tmp_path / "smsa" / "valid_preprocess.tsv", rows)
    monkeypatch.setenv("PANTAU_TRAINING_DATA", str(tmp_path))
    return tmp_path


def mention(source, n, text, **fields):
    return Mention.objects.create(source=source, kind="x", key=f"k{n}", content_hash=f"h{n}", text=text,
                                  published_at=WHEN, fetched_at=WHEN, language="id", **fields)


def test_the_enricher_gives_indonesian_mentions_a_sentiment_and_an_emotion(db):
    source = Source.objects.create(name="X", kind="x")
    items = [Mention(source=source, text="Pelayanan RSUD lambat sekali, kecewa berat!", language="id"),
             Mention(source=source, text="The hospital was great", language="en")]
    sentiment.enrich(items)
    assert items[0].sentiment == "negative" and 0.34 < items[0].sentiment_confidence <= 1
    assert items[0].emotion in {"anger", "happy", "sadness", "fear", "love"}
    assert items[1].sentiment is None and items[1].emotion is None


def test_eval_sentiment_prints_macro_and_per_class_f1_as_json(tmp_path, capsys):
    data = smsa_file(tmp_path / "s.tsv", [("pelayanan bagus dan ramah sekali", "positive"),
                                          ("jalan rusak parah, kecewa", "negative")])
    call_command("eval_sentiment", "--data", str(data), "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 2 and report["per_class"]["positive"] == 1.0
    assert set(report) == {"n", "macro_f1", "per_class", "texts_per_second"}


def test_eval_sentiment_names_the_bad_line_of_a_file(tmp_path):
    data = tmp_path / "s.tsv"
    data.write_text("bagus\tpositive\nlabel,tweet\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("eval_sentiment", "--data", str(data))


def test_eval_sentiment_reads_the_emotion_format(tmp_path, capsys):
    data = tmp_path / "e.csv"
    data.write_text("label,tweet\nanger,kesal banget sama jalan rusak ini!\n", encoding="utf-8")
    call_command("eval_sentiment", "--data", str(data), "--task", "emotion", "--json")
    assert json.loads(capsys.readouterr().out)["n"] == 1


def test_retraining_adds_corrections_keeps_the_old_model_and_can_switch_back(db, tiny_data, capsys):
    source = Source.objects.create(name="X", kind="x")
    mention(source, 1, "antrean bpjs mengular lagi", sentiment="neutral", sentiment_corrected="negative")
    call_command("train_sentiment", "--json")
    result = json.loads(capsys.readouterr().out)
    assert result["n_corrections"] == 1
    assert result["old"]["version"] == "committed" and result["new"]["version"].startswith("sentiment-")
    assert sentiment.active_version("sentiment") == result["new"]["version"]
    call_command("train_sentiment", "--list", "--json")
    listed = json.loads(capsys.readouterr().out)["versions"]
    assert [v["version"] for v in listed] == ["committed", result["new"]["version"]]
    call_command("train_sentiment", "--use", "committed")
    assert sentiment.active_version("sentiment") == "committed"


def test_retraining_without_the_shared_data_says_so_and_changes_nothing(db, monkeypatch, tmp_path):
    monkeypatch.setenv("PANTAU_TRAINING_DATA", str(tmp_path / "absent"))
    monkeypatch.setattr(sentiment, "training_data_dir", lambda: None)
    with pytest.raises(CommandError, match="absent"):
        call_command("train_sentiment")
    assert sentiment.active_version("sentiment") == "committed"


def test_a_damaged_active_model_falls_back_to_the_committed_one(db, settings, tmp_path):
    settings.DATA_DIR = tmp_path
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "sentiment-bad.joblib").write_bytes(b"not a model")
    sentiment.activate("sentiment", "sentiment-bad.joblib")
    assert sentiment.classifier("sentiment").predict(["bagus sekali"])[0].label == "positive"


def test_classify_mentions_labels_stored_mentions_and_keeps_corrections(db, capsys):
    source = Source.objects.create(name="X", kind="x")
    plain = mention(source, 1, "pelayanan rsud sangat buruk, petugas kasar")
    corrected = mention(source, 2, "pelayanan rsud sangat buruk", sentiment_corrected="positive")
    english = mention(source, 3, "very bad service")
    Mention.objects.filter(pk=english.pk).update(language="en")
    call_command("classify_mentions", "--json")
    assert json.loads(capsys.readouterr().out) == {"classified": 2}
    plain.refresh_from_db(), corrected.refresh_from_db(), english.refresh_from_db()
    assert plain.sentiment == "negative" and plain.emotion
    assert corrected.sentiment == "negative" and corrected.final_sentiment == "positive"
    assert english.sentiment is None
    call_command("classify_mentions", "--json")
    assert json.loads(capsys.readouterr().out) == {"classified": 0}
