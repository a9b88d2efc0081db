"""Public opinion enters the report only when the opinion module holds mentions of the period."""

from datetime import timedelta

from pantau.lib.periods import parse_period
from pantau.opinion.models import Mention, MentionTopic, Source, Topic
from pantau.reports import actions
from pantau.reports.narrative import present

from . import dataset
from .helpers import pdf_pages


def add_mentions(n_negative: int, n_positive: int) -> None:
    source = Source.objects.create(name="Berita uji", kind="rss")
    topic = Topic.objects.create(name="Jalan rusak", slug="jalan-rusak", query="jalan AND rusak")
    at = dataset.NOW - timedelta(days=40)
    labels = ["negative"] * n_negative + ["positive"] * n_positive
    for i, label in enumerate(labels):
        m = Mention.objects.create(source=source, kind="news", key=f"k{i}", content_hash=f"h{i}",
                                   title=f"Berita {i}", published_at=at, fetched_at=at, sentiment=label)
        MentionTopic.objects.create(mention=m, topic=topic, published_at=at)


def test_the_opinion_section_is_left_out_without_mentions(seeded):
    data = actions.current_data(actions.create_report(parse_period("2024-Q1")))
    assert data["opinion"] is None
    assert "opinion" not in dict(present(data))


def test_the_opinion_section_counts_mentions_per_topic_with_sentiment(seeded):
    add_mentions(3, 1)
    report = actions.create_report(parse_period("2024-Q1"))
    html = actions.render(report, "html").decode()
    assert "Opini Publik" in html
    assert "tercatat 4 sebutan" in html
    assert "75,0%" in html  # 3 of 4 negative
    assert "Jalan rusak" in html


def test_coordination_meetings_of_the_period_enter_the_report(seeded):
    from pantau.meetings.models import Meeting

    Meeting.objects.create(title="Rapat Koordinasi Triwulan I", starts_at=dataset.NOW - timedelta(days=30),
                           place="Aula Diskominfo", agenda="Tindak lanjut laporan", period="2024-Q1")
    report = actions.create_report(parse_period("2024-Q1"))
    data = actions.current_data(report)
    assert "meetings" in dict(present(data))
    text = "\n".join(pdf_pages(actions.render(report, "pdf")))
    assert "7. Rapat Koordinasi" in text and "diselenggarakan 1 rapat koordinasi" in text
    html = actions.render(report, "html").decode()
    assert "Rapat Koordinasi Triwulan I" in html and "Aula Diskominfo" in html


def test_without_meetings_the_section_is_left_out(seeded):
    data = actions.current_data(actions.create_report(parse_period("2024-Q1")))
    assert "meetings" not in dict(present(data))
