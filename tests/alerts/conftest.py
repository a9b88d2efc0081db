import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from pantau.opinion.models import Mention, MentionTopic, Source, Topic

NOW = datetime(2026, 3, 10, 5, 30, tzinfo=UTC)  # 12.30 WIB


def add_mentions(topic, source, hour_end, per_hour, hours, text, sentiment="neutral", start=0, **fields):
    """Store `per_hour` mentions in each of `hours` hours ending at `hour_end` (exclusive)."""
    mentions, n = [], start
    for h in range(hours):
        for i in range(per_hour):
            when = hour_end - timedelta(hours=h + 1) + timedelta(minutes=(i * 7) % 60)
            n += 1
            mentions.append(Mention(source=source, kind="x", key=f"{topic.slug}-{n}", content_hash=f"{n}",
                                    text=f"{text} {n}", published_at=when, fetched_at=when,
                                    language="id", sentiment=sentiment, **fields))
    Mention.objects.bulk_create(mentions)
    MentionTopic.objects.bulk_create(MentionTopic(mention=m, topic=topic, published_at=m.published_at)
                                     for m in Mention.objects.filter(key__startswith=f"{topic.slug}-", pk__gt=0)
                                     .exclude(topic_links__topic=topic))
    return n


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Jalan dan Infrastruktur", slug="jalan", query="jalan")


@pytest.fixture
def source(db):
    return Source.objects.create(name="X", kind="x")


@pytest.fixture
def spiking_topic(topic, source):
    """Eight days of 3 mentions an hour about roads, then 25 an hour about a flood in the last 6 hours."""
    end = NOW.replace(minute=0)
    n = add_mentions(topic, source, end, 3, 8 * 24, "jalan rusak pandeglang dilaporkan warga")
    add_mentions(topic, source, end, 25, 6, "banjir lebak rendam jalan warga marah", sentiment="negative",
                 start=n, likes=5)
    return topic


class _Gateway(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.received.append(json.loads(body))
        status = self.server.statuses.pop(0) if self.server.statuses else 200
        self.send_response(status)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def gateway():
    """A local HTTP server standing in for a Telegram/WhatsApp gateway; `statuses` scripts replies."""
    server = HTTPServer(("127.0.0.1", 0), _Gateway)
    server.received, server.statuses = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.url = f"http://127.0.0.1:{server.server_port}/hook"
    yield server
    server.shutdown()


@pytest.fixture(autouse=True)
def fresh_cache():
    """Analysis charts are cached for minutes; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
