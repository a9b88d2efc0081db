from hypothesis import given
from hypothesis import strategies as st

from pantau.lib.textclass.normalize import normalize


def test_it_maps_the_many_spellings_of_tidak_to_one_word():
    assert normalize("Gak bgt, nggak jelas, ga ramah") == "tidak banget tidak jelas tidak ramah"


def test_it_replaces_links_user_names_and_numbers_with_placeholders():
    text = normalize("@dinkes_banten antre 3 jam di https://rsud.example/antre bayar 1.500.000")
    assert text == "xuser antre 0 jam di xurl bayar 0"


def test_it_cuts_letters_repeated_for_emphasis_and_expands_reduplication():
    assert normalize("Mantaaaap jalan2 sm temen2") == "mantaap jalan-jalan sama teman-teman"


def test_it_keeps_hashtag_words_and_exclamation_marks():
    assert normalize("#BantenMaju keren!") == "bantenmaju bagus !"


@given(st.text())
def test_normalising_any_text_is_idempotent_and_lowercase(text):
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.lower()
