"""The topic query language: parsing, errors, and matching as analysts expect it."""

import pytest
from django.utils import translation
from hypothesis import given, settings
from hypothesis import strategies as st

from pantau.opinion.matcher import Document, TopicMatcher, compile_query
from pantau.opinion.query import (
    And,
    Near,
    Not,
    Or,
    Phrase,
    Prefix,
    QueryError,
    Site,
    Term,
    parse,
    positive_words,
    to_query,
)


def matches(query: str, text: str, **fields) -> bool:
    return compile_query(query).matches(Document(text, **fields))


def test_not_binds_tighter_than_and_which_binds_tighter_than_or():
    assert parse("a OR b c") == Or((Term("a"), And((Term("b"), Term("c")))))
    assert parse("NOT a b") == And((Not(Term("a")), Term("b")))
    assert parse("-a OR b") == Or((Not(Term("a")), Term("b")))


def test_adjacent_words_are_joined_by_and():
    assert parse("jalan rusak") == parse("jalan AND rusak")
    assert matches("jalan rusak", "Rusaknya parah, jalan rusak di Pandeglang")
    assert not matches("jalan rusak", "jalan mulus")


def test_lower_case_and_or_are_plain_words():
    assert parse("banjir or longsor") == And((Term("banjir"), Term("or"), Term("longsor")))


def test_matching_ignores_case_and_accents_but_does_not_stem():
    assert matches("rsud", "Antrean di RSUD Malingping")
    assert matches("kafe", "Kafé baru di Serang")
    assert not matches("jalan", "jalanan macet")
    assert matches("jalan*", "jalanan macet")


def test_a_phrase_needs_its_words_in_order_and_side_by_side():
    assert matches('"jalan berlubang"', "Jalan berlubang di Lebak")
    assert not matches('"jalan berlubang"', "berlubang jalan di Lebak")
    assert not matches('"jalan berlubang"', "jalan yang berlubang")


def test_a_phrase_never_spans_the_title_and_the_text():
    assert not matches('"banten jalan"', "jalan rusak", title="Berita Banten")


def test_near_allows_at_most_n_words_between_in_either_order():
    assert matches("jalan NEAR/2 rusak", "jalan provinsi sangat rusak")
    assert not matches("jalan NEAR/1 rusak", "jalan provinsi sangat rusak")
    assert matches("rusak NEAR/2 jalan", "jalan provinsi sangat rusak")
    assert matches('"jalan tol" NEAR/3 (macet OR padat)', "Jalan tol Tangerang-Merak padat merayap")


def test_fields_look_only_where_they_say():
    assert matches("title:banjir", "air", title="Banjir di Lebak")
    assert not matches("title:banjir", "banjir di Lebak", title="Cuaca")
    assert matches("site:detik.com", "x", site="www.news.detik.com")
    assert matches("site:detik", "x", site="news.detik.com")
    assert not matches("site:detik.com", "x", site="notdetik.com")
    assert matches('author:"budi santoso"', "x", author="Budi Santoso")
    assert matches("source:youtube", "x", source="youtube Kanal Banten")


def test_a_hyphenated_word_is_a_phrase_and_a_leading_minus_excludes():
    assert parse("jalan-tol") == Phrase(("jalan", "tol"))
    assert matches("banjir -jakarta", "banjir di Serang")
    assert not matches("banjir -jakarta", "banjir di Jakarta")


def test_exclusions_remove_matches_from_a_topic():
    query = compile_query("rsud", exclusions='"rsud jakarta"')
    assert query.matches(Document("RSUD Banten penuh"))
    assert not query.matches(Document("RSUD Jakarta penuh"))


@pytest.mark.parametrize("query, position, expected", [
    ("(jalan OR tol", 14, "')'"),
    ("jalan OR", 9, "a word"),
    ('"jalan rusak', 13, "closing quote"),
    ("jalan NEAR/x rusak", 12, "a number after NEAR/"),
    ("jalan ) rusak", 7, "an operator or the end"),
    ("title:", 7, "a value after the field"),
    ("(a AND b) NEAR/2 c", 1, "beside NEAR"),
    ("", 1, "a word"),
])
def test_a_query_that_cannot_be_parsed_names_the_position_and_what_was_expected(query, position, expected):
    with translation.override("en"), pytest.raises(QueryError) as err:
        parse(query)
    assert err.value.position == position
    assert expected in str(err.value)


def test_the_parse_error_is_in_indonesian_by_default():
    with translation.override("id"), pytest.raises(QueryError) as err:
        parse("(jalan OR tol")
    assert "posisi 14" in err.value.message()
    assert "akhir kueri" in err.value.message()


def test_positive_words_leave_out_negated_and_field_terms():
    assert positive_words(parse('jalan "tol serang" -banjir site:x.com')) == ["jalan", "tol serang"]


def test_the_matcher_returns_the_topics_a_document_matches():
    matcher = TopicMatcher([
        ("jalan", compile_query("jalan* OR jembatan")),
        ("rsud", compile_query("rsud OR puskesmas")),
        ("bukan-banjir", compile_query("-banjir")),
    ])
    assert matcher.match(Document("Jalanan rusak dekat RSUD")) == ["jalan", "rsud", "bukan-banjir"]
    assert matcher.match(Document("banjir lagi")) == []


# ---- properties --------------------------------------------------------------------------------

VOCAB = ["jalan", "rusak", "rsud", "banjir", "serang", "tol"]
word = st.sampled_from(VOCAB)
leaf = st.one_of(
    st.builds(Term, word), st.builds(Prefix, st.sampled_from(["ja", "ru", "se"])),
    st.builds(lambda a, b: Phrase((a, b)), word, word),
    st.builds(Term, word, st.just("title")), st.builds(Site, st.sampled_from(["detik.com", "kompas.com"])),
)
span = st.one_of(st.builds(Term, word), st.builds(lambda a, b: Phrase((a, b)), word, word))
trees = st.recursive(
    st.one_of(leaf, st.builds(Near, span, span, st.integers(0, 5))),
    lambda inner: st.one_of(
        st.builds(Not, inner),
        st.builds(lambda xs: And(tuple(xs)), st.lists(inner, min_size=2, max_size=3)),
        st.builds(lambda xs: Or(tuple(xs)), st.lists(inner, min_size=2, max_size=3)),
    ),
    max_leaves=8,
)
texts = st.lists(st.sampled_from(VOCAB + ["di", "Jalan", "RSÜD"]), max_size=12).map(" ".join)
docs = st.builds(lambda t, title, site: Document(t, title=title, site=site),
                 texts, texts, st.sampled_from(["detik.com", "www.kompas.com", "tempo.co"]))


# No deadline: the shared test machine is often loaded, and a slow example is not a wrong one.
@settings(deadline=None)
@given(trees)
def test_a_printed_query_parses_back_to_the_same_tree(tree):
    assert parse(to_query(tree)) == tree


@settings(max_examples=200, deadline=None)
@given(trees, trees, docs)
def test_or_and_and_not_combine_like_logic(a, b, doc):
    qa, qb = to_query(a), to_query(b)
    ma, mb = compile_query(qa).matches(doc), compile_query(qb).matches(doc)
    assert compile_query(f"({qa}) OR ({qb})").matches(doc) == (ma or mb)
    assert compile_query(f"({qa}) ({qb})").matches(doc) == (ma and mb)
    assert compile_query(f"NOT ({qa})").matches(doc) == (not ma)
    assert compile_query(f"-({qa})").matches(doc) == (not ma)


@settings(deadline=None)
@given(trees, texts)
def test_matching_is_case_insensitive(tree, text):
    query = compile_query(to_query(tree))
    assert query.matches(Document(text.upper())) == query.matches(Document(text.lower()))


@settings(deadline=None)
@given(trees, docs)
def test_the_prefilter_never_hides_a_match(tree, doc):
    query = compile_query(to_query(tree))
    assert TopicMatcher([(1, query)]).match(doc) == ([1] if query.matches(doc) else [])


@settings(deadline=None)
@given(st.text(max_size=40))
def test_any_text_either_parses_or_raises_a_query_error(text):
    try:
        parse(text)
    except QueryError as err:
        assert err.position >= 1


def test_a_field_before_parentheses_applies_to_every_word_inside():
    assert parse("title:(samsat OR pajak*)") == Or((Term("samsat", "title"), Prefix("pajak", "title")))
    assert matches("title:(samsat OR pajak*)", "samsat", title="Pajak kendaraan naik")
    assert not matches("title:(samsat OR pajak*)", "samsat", title="Cuaca")


def test_near_counts_the_words_between():
    assert matches("jalan NEAR/3 rusak", "rusak parah jalan itu")
    assert not matches("jalan NEAR/3 rusak", "jalan di desa kami sudah lama rusak")
