"""Datasette-style: a setting read from the environment, or a CLI command, that the README does not document fails."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_environment_setting_is_documented():
    names = set()
    for f in (ROOT / "src/chengguan").rglob("*.py"):
        names |= set(re.findall(r"os\.environ(?:\.get)?\(\s*\"([A-Z_]+)\"", f.read_text(encoding="utf-8")))
        names |= set(re.findall(r"os\.environ\[\"([A-Z_]+)\"\]", f.read_text(encoding="utf-8")))
    for f in (ROOT / "scripts").glob("*.sh"):
        names |= set(re.findall(r"\$\{(CHENGGUAN_[A-Z_]+)", f.read_text(encoding="utf-8")))
    names -= {"DJANGO_SETTINGS_MODULE", "HOME", "PATH", "FONTCONFIG_FILE"}
    undocumented = sorted(n for n in names if f"`{n}`" not in README)
    assert not undocumented, f"README.md does not document: {undocumented}"


def test_every_top_level_command_is_documented():
    from chengguan.cli import app

    names = {c.name for c in app.registered_commands} | {g.name for g in app.registered_groups}
    missing = sorted(n for n in names if f"chengguan {n}" not in README and f"/ {n}" not in README)
    assert not missing, f"README.md does not document: {missing}"


def test_readme_gives_exactly_two_setup_commands():
    block = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    commands = [ln.strip() for ln in block.splitlines() if ln.startswith("    ") and ln.strip()]
    assert len(commands) == 2
    assert "scripts/test.sh" in commands[1]
    assert "scripts/test.sh" in (ROOT / ".ci/run").read_text()
