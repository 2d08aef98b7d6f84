"""Fixtures for the documents tests: the sample case (小王 and 老李 fined a fruit seller on a footbridge),
its rendered set, and one warm LibreOffice for the PDF tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from chengguan.documents.example import example_record, example_variants
from chengguan.documents.numbering import MemoryAllocator
from chengguan.documents.render import render_set


@pytest.fixture(scope="session")
def record():
    return example_record()


@pytest.fixture(scope="session")
def variants():
    return example_variants()


@pytest.fixture(scope="session")
def rendered(tmp_path_factory, variants):
    """{variant: {kind: path}} for every sample variant (together all 20 kinds)."""
    root = tmp_path_factory.mktemp("rendered")
    out = {}
    for name, rec in variants.items():
        res = render_set(rec, root / name, allocator=MemoryAllocator())
        out[name] = {r.kind: r.docx for r in res}
    return out


@pytest.fixture(scope="session")
def warm_converter():
    from chengguan.documents.pdf import WarmConverter, uno_python

    if not shutil.which("soffice"):
        pytest.fail("LibreOffice (soffice) is not installed: scripts/install.sh installs libreoffice-writer-nogui")
    if uno_python() is None:
        pytest.fail("no Python with the uno module: scripts/install.sh installs python3-uno")
    conv = WarmConverter().start()
    yield conv
    conv.close()


def copy_set(paths: dict[str, Path], dest: Path) -> dict[str, Path]:
    dest.mkdir(parents=True, exist_ok=True)
    return {k: Path(shutil.copy(p, dest / p.name)) for k, p in paths.items()}
