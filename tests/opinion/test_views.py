"""The opinion pages: who may open them, topics with preview, sources, mentions with filters."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from pantau.opinion.models import FetchRun, Mention, MentionTopic, Source, Topic
from pantau.opinion.pipeline import ingest
from pantau.opinion.sources.base import Item

T = datetime(2025, 2, 10, 3, 0, tzinfo=UTC)


@pytest.fixture
def stored(db):
    source = Source.objects.create(name="Kabar Banten", kind="rss", url="https://kabar.example/rss")
    topic = Topic.objects.create(name="Jalan", slug="jalan", query="jalan*")
    items = [
        Item(kind="news", url="https://kabar.example/1", title="Jalan ambles di Cikande", text="Truk terperosok di jalan provinsi.", published_at=T),
        Item(kind="x", url="https://x.com/a/status/2", text="Antrean RSUD Banten panjang sekali di Pandeglang", published_at=T),
        Item(kind="news", url="https://kabar.example/3", title="Jalanan di Pamulang banjir", text="Air setinggi lutut.", published_at=datetime(2024, 5, 1, tzinfo=UTC)),
    ]
    ingest(source, items)
    FetchRun.objects.create(source=source, started_at=T, finished_at=T, fetched=3, new=3, error="HTTP 500 dari server")
    return {"source": source, "topic": topic}


PAGES = ["opinion_home", "topic_create", "source_list", "mention_list", "opinion_query_help"]


@pytest.mark.parametrize("persona, status", [("koordinator", 200), ("analis", 200), ("pimpinan", 403),
                                             ("admin_dinkes", 403), ("anon", 302)])
def test_opinion_pages_are_for_analysts_and_the_koordinator_only(client_for, stored, persona, status):
    client = client_for(persona)
    urls = [reverse(name) for name in PAGES] + [
        reverse("topic_edit", args=["jalan"]), reverse("source_detail", args=[stored["source"].pk]),
        reverse("mention_detail", args=[Mention.objects.first().pk])]
    for url in urls:
        assert client.get(url).status_code == status, url


def test_the_home_page_lists_topics_with_their_volume(client_for, stored):
    page = client_for("analis").get(reverse("opinion_home")).content.decode()
    assert "Jalan" in page and "jalan*" in page
    assert ">2<" in page  # two mentions match jalan*


def test_a_topic_hidden_from_an_analyst_and_its_only_mentions_stay_hidden(client_for, stored, personas):
    secret = Topic.objects.create(name="Rahasia", slug="rahasia", query="rsud")
    secret.visible_to_users.add(personas["koordinator"])
    from pantau.opinion.actions import rematch_topic

    rematch_topic(secret)
    rsud = Mention.objects.get(kind="x")
    analis = client_for("analis")
    assert "Rahasia" not in analis.get(reverse("opinion_home")).content.decode()
    assert analis.get(reverse("topic_edit", args=["rahasia"])).status_code == 404
    assert analis.get(reverse("mention_detail", args=[rsud.pk])).status_code == 404
    assert "Antrean RSUD" not in analis.get(reverse("mention_list")).content.decode()
    assert "Antrean RSUD" in client_for("koordinator").get(reverse("mention_list")).content.decode()


def test_preview_shows_matches_without_saving_and_save_matches_stored_mentions(client_for, stored):
    client = client_for("analis")
    data = {"name": "Kesehatan", "query": "rsud OR puskesmas", "exclusions": "", "active": "on"}
    page = client.post(reverse("topic_create"), {**data, "preview": "1"}).content.decode()
    assert "1 dari 3 sebutan" in page and "Antrean RSUD Banten" in page
    assert not Topic.objects.filter(name="Kesehatan").exists()
    response = client.post(reverse("topic_create"), {**data, "save": "1"}, follow=True)
    topic = Topic.objects.get(slug="kesehatan")
    assert MentionTopic.objects.filter(topic=topic).count() == 1
    assert "1 sebutan" in response.content.decode()


def test_a_topic_with_a_broken_query_is_not_saved_and_the_error_names_the_position(client_for, stored):
    response = client_for("analis").post(reverse("topic_create"), {"name": "Rusak", "query": "(jalan OR", "save": "1"})
    assert response.status_code == 200
    assert "posisi 10" in response.content.decode()
    assert not Topic.objects.filter(name="Rusak").exists()


def test_the_mention_list_filters_by_topic_kind_period_region_and_words(client_for, stored):
    client = client_for("analis")

    def titles(**params):
        page = client.get(reverse("mention_list"), params).content.decode()
        return [t for t in ("Jalan ambles", "Antrean RSUD", "Jalanan di Pamulang") if t in page]

    assert titles() == ["Jalan ambles", "Antrean RSUD", "Jalanan di Pamulang"]
    assert titles(topic="jalan") == ["Jalan ambles", "Jalanan di Pamulang"]
    assert titles(kind="x") == ["Antrean RSUD"]
    assert titles(period="2025-02") == ["Jalan ambles", "Antrean RSUD"]
    assert titles(region="kota-tangsel") == ["Jalanan di Pamulang"]
    assert titles(q="terperosok") == ["Jalan ambles"]
    assert "bukan periode" in client.get(reverse("mention_list"), {"period": "kemarin"}).content.decode() or \
        "is not a period" in client.get(reverse("mention_list"), {"period": "kemarin"}).content.decode()


def test_the_source_page_shows_runs_errors_and_never_a_secret(client_for, stored, monkeypatch):
    monkeypatch.setenv("PANTAU_X_BEARER_TOKEN", "rahasia-sekali")
    x = Source.objects.create(name="X Banten", kind="x", config={"q": "banten"}, status="not_configured")
    page = client_for("analis").get(reverse("source_detail", args=[stored["source"].pk])).content.decode()
    assert "HTTP 500 dari server" in page
    page = client_for("analis").get(reverse("source_detail", args=[x.pk])).content.decode()
    assert "PANTAU_X_BEARER_TOKEN" in page and "rahasia-sekali" not in page
    listing = client_for("analis").get(reverse("source_list")).content.decode()
    assert "Belum dikonfigurasi" in listing


def test_a_mention_page_shows_the_other_copies_of_its_story(client_for, stored):
    body = " ".join(["Jalan provinsi di Malingping rusak parah dan warga menanam pohon pisang sebagai protes"] * 4)
    ingest(stored["source"], [
        Item(kind="news", url="https://a.example/1", title="Jalan Malingping", text=body, site="a.example", published_at=T),
        Item(kind="news", url="https://b.example/2", title="Jalan Malingping", text=body + " (Antara)", site="b.example", published_at=T),
    ])
    first = Mention.objects.get(url="https://a.example/1")
    page = client_for("analis").get(reverse("mention_detail", args=[first.pk])).content.decode()
    assert "b.example" in page


def test_a_post_without_a_title_shows_its_text_once(client_for, stored):
    post = Mention.objects.get(kind="x")
    page = client_for("koordinator").get(reverse("mention_detail", args=[post.pk])).content.decode()
    assert page.count("Antrean RSUD Banten panjang sekali") == 2  # the <title> (shortened) and the text
    assert "<h1>Unggahan X oleh Kabar Banten</h1>" in page
