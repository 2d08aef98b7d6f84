"""The fixture catalog for the discretion tests (real provisions, see fixtures/situations.yaml)."""

from pathlib import Path

import yaml

from chengguan.rules.schema import Situation

FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture_catalog() -> dict[str, Situation]:
    rows = yaml.safe_load((FIXTURES / "situations.yaml").read_text(encoding="utf-8"))
    return {r["id"]: Situation.model_validate(r) for r in rows}


CATALOG = load_fixture_catalog()
