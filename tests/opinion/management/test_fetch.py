import io
import json

import pytest
from django.core.management import CommandError, call_command

from pantau.opinion.models import Mention, Source

from ..conftest import Reply, payload


def test_fetch_collects_a_source_now_and_reports_counts_as_json(web, db):
    web.route("/rss", Reply(payload("kabar_rss.xml")))
    source = Source.objects.create(name="Kabar", kind="rss", url=web.url + "/rss")
    Source.objects.create(name="X", kind="x", config={"q": "banten"})
    out = io.StringIO()
    call_command("fetch", "--json", stdout=out)
    runs = {r["name"]: r for r in json.loads(out.getvalue())["runs"]}
    assert runs["Kabar"]["new"] == 2 and runs["Kabar"]["status"] == "ok"
    assert runs["X"]["status"] == "not_configured" and not runs["X"]["ran"]
    out = io.StringIO()
    call_command("fetch", "--source", str(source.pk), stdout=out)
    assert "0 baru" in out.getvalue()
    assert Mention.objects.count() == 2


def test_fetch_of_an_unknown_source_exits_1(db):
    with pytest.raises(CommandError) as err:
        call_command("fetch", "--source", "999")
    assert err.value.returncode == 1
