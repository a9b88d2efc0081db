from pantau.lib.textclass import terms


def test_terms_leave_out_function_words_and_keep_topic_words():
    assert terms.words("Jalan yang rusak di Pandeglang belum juga diperbaiki") == [
        "jalan", "rusak", "pandeglang", "diperbaiki"]


def test_phrases_are_adjacent_pairs_of_kept_words():
    assert "jalan rusak" in terms.phrases("jalan rusak di pandeglang")
    assert "rusak di" not in terms.phrases("jalan rusak di pandeglang")


def test_hashtags_are_lowercased():
    assert terms.hashtags("Ayo #BantenMaju dan #RSUD!") == ["#bantenmaju", "#rsud"]


def test_new_terms_are_those_that_rise_against_the_baseline():
    earlier = ["jalan rusak pandeglang"] * 70 + ["banjir lebak"] * 7
    recent = ["banjir lebak parah"] * 20 + ["jalan rusak pandeglang"] * 10
    found = dict(terms.new_terms(recent, earlier, ratio=7))
    assert "banjir" in found and "lebak" in found
    assert "pandeglang" not in found
