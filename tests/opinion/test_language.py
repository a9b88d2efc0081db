"""How often the stop-word language detector is right: on IndoNLU texts when ../shared/data is
there, and on English news sentences written for this test."""

import csv
from pathlib import Path

import pytest

from pantau.opinion.normalize import detect_language
from pantau.opinion.query import words

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
if not DATA.exists():
    DATA = Path("/work/shared/data")

ENGLISH = [
    "The governor of Banten said the provincial road will be repaired next month.",
    "Residents complained about the long queue at the regional hospital on Monday.",
    "Heavy rain caused floods in several villages of Lebak district.",
    "The ferry port at Merak was crowded with travellers before the holiday.",
    "Officials have promised to investigate the illegal fees at the vehicle tax office.",
    "A bridge that connects two villages collapsed after the river overflowed.",
    "The health agency said there are enough doctors for the new clinic.",
    "Traffic on the toll road was slow for hours because of an accident.",
    "Farmers in Pandeglang are waiting for the fertiliser subsidy to arrive.",
    "The city government opened a new public service mall in Serang.",
    "Patients with national insurance were turned away because the wards were full.",
    "Students from the university held a protest about the damaged roads.",
    "The regional parliament asked for a full evaluation of the budget.",
    "It was the third time this year that the road had been closed.",
    "People who live near the factory say the air is not clean.",
    "The minister visited the site and spoke with local residents.",
    "There is no official response from the agency yet.",
    "Prices of rice and chili rose again at the traditional market.",
    "Police said they would increase patrols during the festival.",
    "The new bus route will connect the airport with the city centre.",
]


def test_english_news_sentences_are_recognised():
    found = [detect_language(words(s)) for s in ENGLISH]
    assert found.count("en") == len(ENGLISH)


@pytest.mark.parametrize("name, read", [
    ("smsa/valid_preprocess.tsv", lambda p: [line.rsplit("\t", 1)[0] for line in p.open(encoding="utf-8")]),
    ("emot/valid_preprocess.csv", lambda p: [r["tweet"] for r in csv.DictReader(p.open(encoding="utf-8"))]),
])
def test_indonesian_reviews_and_tweets_are_recognised_at_least_95_percent(name, read):
    path = DATA / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the shared data folder is optional)")
    texts = read(path)
    share = sum(detect_language(words(t)) == "id" for t in texts) / len(texts)
    assert share >= 0.95, share
