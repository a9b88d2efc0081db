import pytest

from pantau.lib.textclass import model as textmodel
from pantau.lib.textclass.datasets import read_emot, read_smsa, split_paths

POSITIVE = ["pelayanan cepat dan ramah sekali", "petugas sangat membantu, terima kasih",
            "jalan sudah mulus, mantap", "rumah sakit bersih dan nyaman"]
NEGATIVE = ["pelayanan lambat, saya kecewa", "jalan rusak parah dan berlubang",
            "petugas kasar dan tidak ramah", "antre lama sekali, buruk"]
NEUTRAL = ["jadwal pelayanan dibuka pukul delapan", "rapat koordinasi digelar di serang",
           "dinas merilis data jumlah pasien", "jalan tol dibuka untuk umum hari senin"]


def small_model():
    texts = (POSITIVE + NEGATIVE + NEUTRAL) * 3
    labels = (["positive"] * 4 + ["negative"] * 4 + ["neutral"] * 4) * 3
    return textmodel.train("sentiment", texts, labels)


def test_a_model_trained_on_a_few_sentences_labels_similar_ones_with_a_probability():
    predictions = small_model().predict(["pelayanan ramah dan cepat", "jalan berlubang, kecewa"])
    assert [p.label for p in predictions] == ["positive", "negative"]
    assert all(1 / 3 < p.confidence <= 1 for p in predictions)


def test_a_saved_model_loads_and_predicts_the_same(tmp_path):
    model = small_model()
    path = model.save(tmp_path / "m" / "sentiment.joblib")
    again = textmodel.load(path)
    assert again.predict(POSITIVE) == model.predict(POSITIVE)


def test_it_refuses_labels_that_are_not_part_of_the_task():
    with pytest.raises(ValueError, match="bahagia"):
        textmodel.train("sentiment", ["a", "b"], ["positive", "bahagia"])


def test_evaluation_reports_macro_and_per_class_f1(tmp_path):
    report = textmodel.evaluate(small_model(), POSITIVE + NEGATIVE, ["positive"] * 4 + ["negative"] * 4)
    assert report["n"] == 8
    assert set(report["per_class"]) >= {"positive", "negative"}
    assert 0 <= report["macro_f1"] <= 1 and report["texts_per_second"] > 0


def test_reading_a_file_with_an_unknown_label_names_the_line(tmp_path):
    path = tmp_path / "x.tsv"
    path.write_text("bagus sekali\tpositive\njelek\tbad\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        read_smsa(path)


def test_reading_an_emot_file_needs_its_header(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("happy,senang sekali\n", encoding="utf-8")
    with pytest.raises(ValueError, match="header"):
        read_emot(path)
    path.write_text('label,tweet\nlove,"sayang, kamu"\nfear,takut\n', encoding="utf-8")
    assert read_emot(path) == (["sayang, kamu", "takut"], ["love", "fear"])


@pytest.mark.parametrize("task,goal", [("sentiment", 0.84), ("emotion", 0.64)])
def test_the_committed_models_keep_their_validation_score(shared_data, task, goal):
    committed = textmodel.load(textmodel.COMMITTED_DIR / f"{task}.joblib")
    texts, labels = (read_smsa if task == "sentiment" else read_emot)(split_paths(task, shared_data)["valid"])
    report = textmodel.evaluate(committed, texts, labels)
    assert report["macro_f1"] >= goal
    assert report["texts_per_second"] >= 500


def test_the_cached_fast_transform_gives_the_same_probabilities_as_scikit_learn():
    import numpy as np

    from pantau.lib.textclass.normalize import normalize

    model = textmodel.load(textmodel.COMMITTED_DIR / "sentiment.joblib")
    texts = [normalize(t) for t in POSITIVE + NEGATIVE + NEUTRAL + ["kata-kata baru xyzzy", ""]] * 2
    expected = model.pipeline.predict_proba(texts)
    assert np.allclose(model.predict_proba(texts, normalized=True), expected, atol=1e-6)


def test_shared_features_equal_scikit_learns_transform_for_both_models_in_one_pass():
    from pantau.lib.textclass.normalize import normalize

    models = [textmodel.load(textmodel.COMMITTED_DIR / f"{t}.joblib") for t in ("sentiment", "emotion")]
    odd = ["", "!", "a", "jalan-jalan ke pasar", "x ! y 0 bagus sekali", "Ünïcode Straße 你好", "rusak  parah\tlagi"]
    texts = [normalize(t) for t in POSITIVE + NEGATIVE + NEUTRAL] + odd
    shared = textmodel.shared_features(models)
    for _ in range(2):  # the second pass reads the per-word cache
        for model, features in zip(models, shared.transform(texts), strict=True):
            expected = model.pipeline.named_steps["features"].transform(texts)
            assert features.shape == expected.shape and (features != expected).nnz == 0
    together = textmodel.predict_many(models, texts, normalized=True, shared=shared)
    assert together == [m.predict(texts, normalized=True) for m in models]
    assert [p.label for p in together[0]] == list(models[0].pipeline.predict(texts))


def test_features_that_cannot_be_shared_fall_back_to_each_model_alone():
    from pantau.lib.textclass.normalize import normalize

    model = small_model()
    model.pipeline.named_steps["features"].transformer_list[0][1].set_params(ngram_range=(1, 3))
    assert textmodel.shared_features([model]) is None
    assert textmodel.predict_many([model], POSITIVE) == [model.predict(POSITIVE)]
    assert [p.label for p in model.predict(POSITIVE)] == list(model.pipeline.predict(
        [normalize(t) for t in POSITIVE]))
