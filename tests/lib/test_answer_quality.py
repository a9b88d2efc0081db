import pytest
from hypothesis import given
from hypothesis import strategies as st

from pantau.lib.answer_quality import check_answer, find_copies

GOOD = (
    "Yth. Bapak/Ibu pelapor, terima kasih atas laporannya. Tim UPTD Pengelolaan Jalan Wilayah Serang telah "
    "menambal lubang di Jalan Raya Pandeglang km 12 pada Selasa, 16 April 2024 pukul 09.00 WIB. Perbaikan "
    "permanen dijadwalkan paling lambat 30 April 2024. Bila masih ada kerusakan, silakan hubungi posko "
    "pengaduan DPUPR di 0254-123456 atau WhatsApp 081234567890."
)
POOR = "Terima kasih, laporan akan kami tindak lanjuti."
RUDE = ("Bukan urusan kami, salah sendiri lewat jalan itu. Jangan banyak protes, sudah kami teruskan ke dinas "
        "lain tanggal 3 Mei dan silakan hubungi mereka sendiri di kantor mereka di Jl. Syech Nawawi.")


def test_a_complete_answer_scores_high_without_problems():
    verdict = check_answer(GOOD)
    assert verdict.problems == []
    assert verdict.score == 100


def test_a_stock_phrase_answer_is_flagged_short_generic_without_action_time_or_contact():
    verdict = check_answer(POOR)
    codes = {p.code for p in verdict.problems}
    assert {"too_short", "generic", "no_action", "no_time", "no_contact"} <= codes
    assert verdict.score <= 10


def test_impolite_words_are_named():
    verdict = check_answer(RUDE)
    impolite = [p for p in verdict.problems if p.code == "impolite"]
    assert impolite and "bukan urusan kami" in impolite[0].why.lower()
    assert verdict.score < 70


def test_shouting_counts_as_impolite():
    verdict = check_answer(GOOD.upper())
    assert "impolite" in {p.code for p in verdict.problems}


def test_problems_are_named_in_indonesian():
    from django.utils import translation

    with translation.override("id"):
        names = [p["name"] for p in check_answer(POOR).as_dict()["problems"]]
    assert "Terlalu singkat" in names


def test_an_answer_copied_onto_another_report_is_found():
    copies = find_copies([("1", GOOD), ("2", "Jawaban lain yang cukup panjang untuk dicek di sini ya"), ("3", GOOD.lower())])
    assert copies == {"3": "1"}
    assert "copied" in {p.code for p in check_answer(GOOD, copied_from="1").problems}


@given(st.text(max_size=400))
def test_any_text_gets_a_score_between_0_and_100(text):
    assert 0 <= check_answer(text).score <= 100


@pytest.mark.parametrize("missing,text", [
    ("no_contact", GOOD.split(" Bila masih")[0]),
    ("no_time", "Yth. Bapak/Ibu, tim kami telah menambal lubang di jalan tersebut bersama petugas lapangan UPTD "
                "dan memastikan jalan dapat dilalui kembali dengan aman. Silakan hubungi posko di 0254-123456 "
                "bila masih ada kerusakan di sekitar lokasi itu."),
])
def test_each_missing_piece_is_named_alone(missing, text):
    assert [p.code for p in check_answer(text).problems] == [missing]
