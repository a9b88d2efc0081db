from datetime import timedelta

import time_machine
from django.core import mail
from django.core.management import call_command

from pantau.agencies.roles import ANALIS, ensure_groups
from pantau.alerts.delivery import deliver_pending
from pantau.alerts.detect import check_topic
from pantau.alerts.models import Alert, Delivery, TopicAlertSettings

from .conftest import NOW, add_mentions


def analyst(django_user_model, name="rina", email="rina@diskominfo.example"):
    user = django_user_model.objects.create_user(name, email=email)
    user.groups.add(ensure_groups()[ANALIS])
    return user


def test_a_volume_spike_raises_one_alert_naming_new_terms_top_mentions_and_sentiment(spiking_topic):
    alerts = check_topic(spiking_topic, NOW)
    volume = next(a for a in alerts if a.kind == "volume")
    assert volume.observed == 3 * 24 + 25 * 6 and volume.expected == 72
    assert {"banjir", "lebak"} <= set(volume.top_terms) and "pandeglang" not in volume.top_terms
    assert volume.dominant_sentiment == "negative"
    assert all("banjir" in m.text for m in volume.top_mentions.all())


def test_an_ongoing_spike_does_not_raise_a_second_alert(spiking_topic):
    first = check_topic(spiking_topic, NOW)
    again = check_topic(spiking_topic, NOW + timedelta(hours=1))
    assert first and again == []
    assert Alert.objects.count() == len(first)


def test_the_surge_of_negative_mentions_is_its_own_alert(spiking_topic):
    kinds = {a.kind for a in check_topic(spiking_topic, NOW)}
    assert kinds == {"volume", "negative"}


def test_a_quiet_topic_with_a_daily_rhythm_raises_nothing(topic, source):
    end = NOW.replace(minute=0)
    n = 0
    for day in range(8):
        n = add_mentions(topic, source, end - timedelta(days=day, hours=4), 6, 10, "jalan", start=n)
    assert check_topic(topic, NOW) == []


def test_a_topic_with_alerts_off_is_not_checked(spiking_topic):
    TopicAlertSettings.objects.create(topic=spiking_topic, enabled=False)
    spiking_topic.refresh_from_db()
    assert check_topic(spiking_topic, NOW) == []


def test_alerts_go_by_email_in_indonesian_and_to_the_topics_webhook(spiking_topic, django_user_model, gateway):
    analyst(django_user_model)
    TopicAlertSettings.objects.create(topic=spiking_topic, webhook_url=gateway.url)
    spiking_topic.refresh_from_db()
    with time_machine.travel(NOW, tick=False):
        check_topic(spiking_topic, NOW)
        counts = deliver_pending(NOW)
    assert counts == {"sent": 4, "failed": 0}
    subjects = sorted(m.subject for m in mail.outbox)
    assert subjects[1] == "[Pantau] Lonjakan volume: Jalan dan Infrastruktur"
    assert "banjir" in mail.outbox[0].body and mail.outbox[0].alternatives[0][1] == "text/html"
    assert {p["kind"] for p in gateway.received} == {"volume", "negative"}
    assert "Lonjakan volume" in next(p["text"] for p in gateway.received if p["kind"] == "volume")
    assert Alert.objects.filter(delivered_at__isnull=True).count() == 0


def test_a_failing_webhook_is_recorded_and_retried_later(spiking_topic, gateway):
    TopicAlertSettings.objects.create(topic=spiking_topic, webhook_url=gateway.url)
    spiking_topic.refresh_from_db()
    gateway.statuses = [500, 500]
    check_topic(spiking_topic, NOW)
    assert deliver_pending(NOW) == {"sent": 0, "failed": 2}
    failed = Delivery.objects.filter(status="failed")
    assert failed.count() == 2 and "500" in failed[0].last_error
    assert deliver_pending(NOW + timedelta(minutes=1)) == {"sent": 0, "failed": 0}  # not yet due
    assert deliver_pending(NOW + timedelta(minutes=11)) == {"sent": 2, "failed": 0}
    assert len(gateway.received) == 4


def test_an_unreachable_gateway_is_an_error_not_a_crash(spiking_topic):
    TopicAlertSettings.objects.create(topic=spiking_topic, webhook_url="http://127.0.0.1:9/hook")
    spiking_topic.refresh_from_db()
    check_topic(spiking_topic, NOW)
    assert deliver_pending(NOW)["failed"] == 2
    assert Delivery.objects.filter(status="failed").exclude(last_error="").count() == 2


def test_check_spikes_command_reports_new_alerts_as_json(spiking_topic, capsys):
    import json

    with time_machine.travel(NOW, tick=False):
        call_command("check_spikes", "--json")
    result = json.loads(capsys.readouterr().out)
    assert {a["kind"] for a in result["alerts"]} == {"volume", "negative"}


def test_the_daily_digest_goes_once_per_day_to_each_analyst(spiking_topic, django_user_model):
    from pantau.alerts.digest import send_digests

    analyst(django_user_model)
    check_topic(spiking_topic, NOW)
    assert send_digests("daily", NOW) == 1
    assert send_digests("daily", NOW + timedelta(hours=2)) == 0
    assert send_digests("daily", NOW + timedelta(days=1)) == 1
    body = mail.outbox[0].body
    assert "Jalan dan Infrastruktur" in body and "Lonjakan volume" in body
