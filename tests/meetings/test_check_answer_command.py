import json

import pytest
from django.core.management import CommandError, call_command

from tests.lib.test_answer_quality import GOOD, POOR


def test_check_answer_json_prints_score_and_problems(capsys):
    call_command("check_answer", "--text", POOR, "--json")
    out = json.loads(capsys.readouterr().out)
    assert out["score"] <= 10
    assert "Tidak ada tindakan nyata" in [p["name"] for p in out["problems"]]


def test_check_answer_reads_a_file(tmp_path, capsys):
    f = tmp_path / "jawaban.txt"
    f.write_text(GOOD, encoding="utf-8")
    call_command("check_answer", "--file", str(f), "--json")
    assert json.loads(capsys.readouterr().out) == {"score": 100, "good": True, "problems": []}


def test_an_empty_answer_is_a_user_error():
    with pytest.raises(CommandError) as err:
        call_command("check_answer", "--text", "  ")
    assert err.value.returncode == 1
