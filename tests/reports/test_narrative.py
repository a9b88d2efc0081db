"""The drafted Indonesian text and the plain-text section format."""

from hypothesis import given
from hypothesis import strategies as st

from pantau.reports import narrative as nv
from pantau.reports.data import agency_changes

from . import fake


def data():
    d = fake.data()
    d["changes"] = agency_changes(d["stats"], d["previous_stats"])
    return d


def test_changes_are_written_as_naik_turun_or_tetap():
    assert nv.change(110, 100) == "naik 10,0%"
    assert nv.change(45, 50) == "turun 10,0%"
    assert nv.change(50, 50) == "tetap"
    assert nv.change(62.5, 60.0, "poin") == "naik 2,5 poin"
    assert nv.change(5, None) == "tanpa data pembanding"


def test_the_summary_names_totals_change_main_issues_and_best_and_weakest():
    text = nv.summary(data())
    assert "menerima 1.234 laporan" in text
    assert "naik 23,4% dibanding Triwulan IV 2023" in text
    assert "- Jalan Rusak #1 *tebal* $x$ <b> (400 laporan)" in text
    assert "Kinerja terbaik dicapai Dinas Kesehatan" in text and "terendah Dinas Sosial" in text


def test_the_agency_section_names_who_improved_and_who_fell():
    d = data()
    d["previous_stats"]["agencies"] = [dict(a) for a in d["stats"]["agencies"]]  # nobody moved...
    d["previous_stats"]["agencies"][0]["index"] = 10.0   # Dinas Kesehatan was far lower: improved
    d["previous_stats"]["agencies"][7]["index"] = 99.0   # Dinas Sosial was higher: fell
    d["changes"] = agency_changes(d["stats"], d["previous_stats"])
    text = nv.agencies(d)
    up, down = text.split("Indeks yang turun")
    assert "Dinas Kesehatan: 10,0 menjadi 25,0" in up
    assert "Dinas Sosial: 99,0 menjadi 92,9" in down
    assert "Biro Umum" not in text


def test_the_first_recommendation_names_the_agency_with_most_overdue_reports():
    assert "Dinas Kesehatan dan Perangkat Daerah lain" in nv.conclusions(data())


def test_an_edited_section_wins_and_a_blank_one_falls_back_to_the_draft():
    texts = nv.texts(data(), {"summary": "Teks sendiri.", "foreword": "   "})
    assert texts["summary"] == "Teks sendiri."
    assert texts["foreword"].startswith("Puji syukur")


def test_blocks_split_paragraphs_and_lists():
    assert nv.blocks("Satu.\nmasih satu.\n\n- a\n- b\nDua.") == [
        {"p": "Satu. masih satu."}, {"list": ["a", "b"]}, {"p": "Dua."}]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1),
                max_size=8))
def test_blocks_never_lose_a_line_of_text(lines):
    text = "\n".join(lines)
    out = nv.blocks(text)
    joined = " ".join(b.get("p", "") + " " + " ".join(b.get("list", [])) for b in out)
    for line in lines:
        word = line.strip()
        if word.startswith("- "):
            word = word[2:].strip()
        if word:
            assert word in joined
