import json
from datetime import datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from pantau.complaints.models import Complaint, ComplaintEvent, PersonalDataAccess, Status
from pantau.complaints.sla import recompute_deadlines
from pantau.lib.periods import WIB


@pytest.fixture
def report(db, dinkes):
    c = Complaint.objects.create(
        tracking_id="9165816", title="Antrean RSUD", agency=dinkes, status=Status.DISPOSED,
        received_at=datetime(2024, 4, 5, 10, tzinfo=WIB), disposed_at=datetime(2024, 4, 16, 9, tzinfo=WIB),
        reporter_name="Siti Contoh", reporter_phone="081200000001",
    )
    ComplaintEvent.objects.create(complaint=c, kind="created", occurred_at=c.received_at)
    return c


def shown(capsys, *args) -> str:
    """What `pantau complaint ARGS` prints, its deadlines recomputed first."""
    recompute_deadlines()
    call_command("complaint", *args)
    return capsys.readouterr().out


@time_machine.travel(datetime(2024, 4, 20, 12, tzinfo=WIB), tick=False)
def test_complaint_json_shows_deadlines_and_events_without_personal_data(report, capsys):
    data = json.loads(shown(capsys, "#9165816", "--json"))
    assert data["tracking_id"] == "9165816"
    assert [d["state"] for d in data["deadlines"]] == ["met", "open", "open"]
    assert data["events"][0]["kind"] == "created"
    assert "reporter" not in data and "Siti" not in json.dumps(data)


@time_machine.travel(datetime(2024, 4, 20, 12, tzinfo=WIB), tick=False)
def test_complaint_shows_every_time_in_wib(report, capsys):
    data = json.loads(shown(capsys, "9165816", "--json"))
    assert data["received_at"] == "2024-04-05T10:00:00+07:00"
    assert data["events"][0]["occurred_at"] == "2024-04-05T10:00:00+07:00"
    text = shown(capsys, "9165816")
    assert "5 April 2024 10.00 WIB" in text and "16 April 2024 09.00 WIB" in text
    assert "+00:00" not in text and "03:00" not in text
    # and read in Indonesian: field names, choices and deadline states by their labels
    assert "Diterima                 5 April 2024 10.00 WIB" in text
    assert "Verifikasi dan disposisi" in text and "Tepat waktu" in text and "received_at" not in text


def test_personal_data_only_for_a_koordinator_and_audited(report, personas, capsys):
    with pytest.raises(CommandError):
        call_command("complaint", "9165816", "--json", "--personal", "analis")
    call_command("complaint", "9165816", "--json", "--personal", "koordinator")
    assert json.loads(capsys.readouterr().out)["reporter"]["reporter_name"] == "Siti Contoh"
    assert PersonalDataAccess.objects.filter(complaint=report, via="cli").count() == 1


def test_explain_deadline_names_the_cuti_bersama_skipped(report, capsys):
    call_command("explain_deadline", "9165816")
    out = capsys.readouterr().out
    assert "8 April 2024" in out and "Cuti Bersama Hari Raya Idul Fitri" in out
    assert "19 April 2024 00.00 WIB" in out


def test_an_unknown_tracking_id_is_a_user_error(db):
    with pytest.raises(CommandError) as err:
        call_command("explain_deadline", "404")
    assert err.value.returncode == 1


def test_the_console_script_accepts_hyphenated_command_names(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "PANTAU_DATA_DIR": str(tmp_path)}
    for args in (["explain-deadline", "--help"], ["help", "explain-deadline"]):
        out = subprocess.run([sys.executable, "-m", "pantau", *args], capture_output=True, text=True, env=env)
        assert out.returncode == 0, out.stderr
        assert "cuti bersama" in out.stdout


def test_history_rows_name_themselves_in_the_admin_in_wib(report):
    from django.utils import translation

    from pantau.complaints.models import FollowUp

    follow_up = FollowUp.objects.create(complaint=report, posted_at=datetime(2024, 4, 17, 2, 30, tzinfo=WIB))
    with translation.override("id"):
        assert str(report.events.get()) == "Laporan masuk, 5 April 2024, 10.00"
        assert str(follow_up) == "Tindak lanjut, 17 April 2024, 2.30"
