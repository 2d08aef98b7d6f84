import json

from typer.testing import CliRunner

from chengguan.cli import app

runner = CliRunner()


def test_add_working_days():
    r = runner.invoke(app, ["calendar", "add-working-days", "2025-09-30", "5"])
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "2025-10-14"


def test_deadline_json():
    r = runner.invoke(app, ["calendar", "deadline", "2025-09-20", "15日", "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["due"] == "2025-10-09" and out["kind"] == "calendar_days" and out["trace"]


def test_deadline_human():
    r = runner.invoke(app, ["calendar", "deadline", "2025-09-30", "5日"])
    assert r.exit_code == 0
    assert "2025-10-14" in r.output and "跳过" in r.output


def test_out_of_range_exit_code():
    r = runner.invoke(app, ["calendar", "add-working-days", "2027-02-01", "3"])
    assert r.exit_code == 1
    assert "超出已载入" in r.output


def test_bad_date():
    r = runner.invoke(app, ["calendar", "add-working-days", "2025-02-30", "3"])
    assert r.exit_code == 2


def test_check():
    r = runner.invoke(app, ["calendar", "check"])
    assert r.exit_code == 0, r.output
