import csv
import io

import pytest
import time_machine
from django.urls import reverse

from pantau.alerts.detect import check_topic
from pantau.opinion.models import Mention

from .conftest import NOW

PERIOD = "2026-03-01..2026-03-10"


@pytest.mark.parametrize("persona,status", [("koordinator", 200), ("analis", 200), ("admin_dinkes", 403),
                                            ("pimpinan", 403), ("anon", 302)])
@pytest.mark.parametrize("name", ["opinion_analysis", "analysis_mentions", "alert_list"])
def test_only_koordinator_and_analis_open_the_opinion_pages(client_for, spiking_topic, persona, status, name):
    assert client_for(persona).get(reverse(name)).status_code == status


def test_the_analysis_page_draws_every_chart_as_svg_in_indonesian(client_for, spiking_topic):
    page = client_for("analis").get(reverse("opinion_analysis"), {"period": PERIOD, "bucket": "day"})
    html = page.content.decode()
    assert html.count("<svg") == 12
    for title in ("Sebutan dari waktu ke waktu", "Pangsa suara", "Sentimen dari waktu ke waktu", "Emosi"):
        assert title in html
    assert "banjir" in html  # a top term


def test_each_chart_downloads_as_csv(client_for, spiking_topic):
    response = client_for("analis").get(reverse("opinion_analysis"),
                                        {"period": PERIOD, "csv": "share", "topic": "jalan"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["Topik", "Sebutan"] and rows[1] == ["Jalan dan Infrastruktur", str(8 * 24 * 3 + 150)]


def test_the_mentions_behind_a_bar_are_one_click_away(client_for, spiking_topic):
    page = client_for("analis").get(reverse("analysis_mentions"),
                                    {"topic": "jalan", "sentiment": "negative", "from": "2026-03-09T00:00:00+07:00"})
    assert "150 sebutan" in page.content.decode()


def test_a_topic_the_analyst_may_not_see_is_not_found(client_for, spiking_topic, personas):
    spiking_topic.visible_to_users.add(personas["koordinator"])
    assert client_for("analis").get(reverse("opinion_analysis"), {"topic": "jalan"}).status_code == 404
    mention = Mention.objects.first()
    assert client_for("analis").get(reverse("analysis_mention", args=[mention.pk])).status_code == 404
    assert client_for("analis").get(reverse("mention_detail", args=[mention.pk])).status_code == 404
    response = client_for("analis").post(reverse("mention_sentiment", args=[mention.pk]), {"sentiment": "negative"})
    assert response.status_code == 404


def test_a_bad_period_is_explained_and_the_default_shown(client_for, spiking_topic):
    page = client_for("analis").get(reverse("opinion_analysis"), {"period": "kemarin"})
    assert page.status_code == 200 and "kemarin" in page.content.decode()


def test_an_analyst_corrects_a_mentions_sentiment(client_for, spiking_topic, personas):
    mention = Mention.objects.filter(sentiment="neutral").first()
    response = client_for("analis").post(reverse("mention_sentiment", args=[mention.pk]), {"sentiment": "negative"})
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.sentiment_corrected == "negative" and mention.sentiment == "neutral"
    assert mention.sentiment_corrected_by == personas["analis"]
    assert response.url == reverse("mention_detail", args=[mention.pk])
    page = client_for("analis").get(response.url)
    assert "Dikoreksi analis" in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_an_analyst_turns_a_mention_into_a_report_for_an_agency(client_for, spiking_topic, pupr):
    mention = Mention.objects.first()
    client = client_for("analis")
    response = client.post(reverse("mention_to_complaint", args=[mention.pk]), {"agency": pupr.pk})
    assert response.status_code == 302
    mention.refresh_from_db()
    assert mention.complaint.agency == pupr and mention.complaint.channel == "media_sosial"
    page = client.get(reverse("mention_detail", args=[mention.pk])).content.decode()
    assert mention.complaint.tracking_id in page and "Jadikan laporan yang dilacak" not in page


def test_the_alert_history_lists_alerts_with_their_terms(client_for, spiking_topic):
    check_topic(spiking_topic, NOW)
    html = client_for("analis").get(reverse("alert_list")).content.decode()
    assert "Lonjakan volume" in html and "banjir" in html


def test_an_analyst_chooses_a_weekly_digest_for_one_topic(client_for, spiking_topic, personas):
    from pantau.alerts.models import Subscription

    client = client_for("analis")
    assert "Surel peringatan saya" in client.get(reverse("alert_subscription")).content.decode()
    response = client.post(reverse("alert_subscription"), {"digest": "weekly", "topics": [spiking_topic.pk]})
    assert response.status_code == 302
    sub = Subscription.objects.get(user=personas["analis"])
    assert sub.digest == "weekly" and not sub.immediate and list(sub.topics.all()) == [spiking_topic]


def test_hourly_charts_of_a_long_period_are_shown_per_day_with_a_note(client_for, spiking_topic):
    page = client_for("analis").get(reverse("opinion_analysis"), {"period": "2026-03", "bucket": "hour"})
    html = page.content.decode()
    assert "terlalu panjang" in html and 'value="day" selected' in html


def test_days_without_mentions_count_as_zero_in_the_volume_chart(spiking_topic):
    from datetime import UTC, datetime

    from pantau.alerts import charts
    from pantau.alerts.analysis import Scope

    scope = Scope([spiking_topic], datetime(2026, 2, 25, 17, tzinfo=UTC), datetime(2026, 3, 10, 17, tzinfo=UTC))
    starts = charts.bucket_starts(scope)
    assert len(starts) == 13 and starts[0].day == 26 and starts[0].hour == 0
    svg = charts.volume(scope).svg
    assert "26/02/2026" in svg


def test_a_mention_has_one_page_with_the_analysts_forms(client_for, spiking_topic):
    mention = Mention.objects.first()
    client = client_for("analis")
    html = client.get(reverse("mention_detail", args=[mention.pk])).content.decode()
    assert reverse("mention_sentiment", args=[mention.pk]) in html
    assert reverse("mention_to_complaint", args=[mention.pk]) in html and "Jadikan laporan yang dilacak" in html
    assert reverse("opinion_analysis") in html and reverse("alert_list") in html
    # The old analysis address (already-sent alert e-mails link to it) leads to the same page.
    old = client.get(reverse("analysis_mention", args=[mention.pk]))
    assert old.status_code == 301 and old.url == reverse("mention_detail", args=[mention.pk])
