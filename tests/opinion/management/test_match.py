import io
import json

import pytest
from django.core.management import CommandError, call_command


def test_match_prints_one_boolean_per_input_line_as_json(tmp_path):
    path = tmp_path / "texts.jsonl"
    lines = [{"text": "Jalan rusak di Lebak"}, {"text": "Harga cabai"}, {"text": "x", "title": "Jalanan macet"},
             {"text": "jalan mulus", "site": "detik.com"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    out = io.StringIO()
    call_command("match", "--query", '"jalan rusak" OR title:jalan* OR site:detik.com', "--file", str(path), "--json", stdout=out)
    assert json.loads(out.getvalue()) == {"matches": [True, False, True, True]}


def test_match_reads_standard_input_and_prints_readable_lines(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO('{"text": "RSUD penuh"}\n{"text": "sepi"}\n'))
    out, err = io.StringIO(), io.StringIO()
    call_command("match", "--query", "rsud", stdout=out, stderr=err)
    assert out.getvalue().splitlines() == ["cocok\tRSUD penuh", "tidak cocok\tsepi"]
    assert "1 dari 2" in err.getvalue()


def test_a_bad_query_exits_1_with_the_parse_error():
    with pytest.raises(CommandError) as err:
        call_command("match", "--query", "(jalan OR", "--json")
    assert err.value.returncode == 1
    assert "posisi 10" in str(err.value)


def test_a_line_that_is_not_json_is_named(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text('{"text": "a"}\nnot json\n')
    with pytest.raises(CommandError) as err:
        call_command("match", "--query", "a", "--file", str(path))
    assert "t.jsonl" in str(err.value) and "2" in str(err.value) and err.value.returncode == 1
