"""The shipped templates are what scripts/build_templates.py builds (reproducibly), on the GB/T 9704 style base."""

import runpy
import zipfile
from pathlib import Path

from chengguan.documents.manifest import load_manifest

ROOT = Path(__file__).resolve().parents[2]


def test_shipped_templates_match_the_builder(tmp_path):
    build = runpy.run_path(str(ROOT / "scripts" / "build_templates.py"))
    assert build["main"](["--out", str(tmp_path)]) == 0
    m = load_manifest()
    for k in m.kinds.values():
        assert (tmp_path / k.file).read_bytes() == (m.folder / k.file).read_bytes(), (
            f"{k.file} differs from a fresh build: run .venv/bin/python scripts/build_templates.py")


def test_templates_declare_chinese_and_carry_no_japanese_theme_fonts():
    m = load_manifest()
    for k in m.kinds.values():
        with zipfile.ZipFile(m.folder / k.file) as z:
            settings = z.read("word/settings.xml").decode()
            fonts = z.read("word/fontTable.xml").decode()
            styles = z.read("word/styles.xml").decode()
        assert 'w:eastAsia="zh-CN"' in settings
        assert "明朝" not in fonts and "仿宋_GB2312" in fonts
        assert "eastAsiaTheme" not in styles and "asciiTheme" not in styles
        assert len(styles) < 20000  # pruned from python-docx's 350 KB default
