"""chengguan (城管执法助手): an enforcement assistant for a district urban-management bureau."""

from pathlib import Path

__version__ = "0.1.0"

#: Versioned source data shipped with the project (statutes, catalog, policies, calendar, templates).
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
