"""Hourly series of a topic's mentions from the database, and the spike check of every topic."""

from datetime import datetime, timedelta

import numpy as np
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from pantau.opinion.models import MentionTopic, Topic
from pantau.opinion.spikes import SpikeSettings, negative_surge, volume_spike

from .models import TopicAlertSettings


def settings_for(topic: Topic) -> SpikeSettings:
    """The topic's thresholds, or the defaults when it has none."""
    row = TopicAlertSettings.objects.filter(topic=topic).first()
    if row is None:
        return SpikeSettings()
    return SpikeSettings(window_hours=row.window_hours, baseline_days=row.baseline_days, k=row.k,
                         min_count=row.min_count)


def hour_floor(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def hourly_series(topic: Topic, end: datetime, hours: int) -> tuple[np.ndarray, np.ndarray]:
    """Return (all, negative) mention counts of `topic` per hour for the `hours` hours before `end`,
    oldest first; negative uses the analyst's correction where there is one."""
    start = end - timedelta(hours=hours)
    rows = (MentionTopic.objects.filter(topic=topic, published_at__gte=start, published_at__lt=end)
            .annotate(final=Coalesce(F("mention__sentiment_corrected"), F("mention__sentiment")))
            .values_list("published_at", "final"))
    total, negative = np.zeros(hours), np.zeros(hours)
    for published_at, final in rows.iterator(chunk_size=5000):
        index = int((published_at - start).total_seconds() // 3600)
        total[index] += 1
        if final == "negative":
            negative[index] += 1
    return total, negative


def check_topic(topic: Topic, now: datetime | None = None) -> list:
    """Detect spikes of one topic over the complete hours before `now`; return the new Alerts
    (an ongoing spike that already has an alert only extends it)."""
    from .actions import raise_alert

    if not getattr(getattr(topic, "alert_settings", None), "enabled", True):
        return []
    cfg = settings_for(topic)
    end = hour_floor(now or timezone.now())
    total, negative = hourly_series(topic, end, cfg.hours_needed)
    spikes = [s for s in (volume_spike(total, cfg), negative_surge(negative, total, cfg)) if s]
    window = (end - timedelta(hours=cfg.window_hours), end)
    alerts = [raise_alert(topic, spike, window, cfg, now=now or timezone.now()) for spike in spikes]
    return [a for a in alerts if a is not None]


def check_all(now: datetime | None = None) -> list:
    """Check every active topic; return the new Alerts."""
    found = []
    for topic in Topic.objects.filter(active=True).select_related("alert_settings"):
        found += check_topic(topic, now)
    return found
