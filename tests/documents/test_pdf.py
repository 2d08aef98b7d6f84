"""PDF with real LibreOffice: fonts embedded (pdffonts), Chinese text extractable (pdftotext), warm beside cold."""

import shutil
import subprocess
import time

import pytest

from chengguan.documents.pdf import ColdConverter

def _noto_cjk() -> bool:
    fc = shutil.which("fc-list")
    return bool(fc) and "Noto Serif CJK SC" in subprocess.run([fc], capture_output=True, text=True).stdout


@pytest.fixture(autouse=True)
def _pdf_tools_installed():
    """scripts/install.sh installs these; a missing one is an install bug, not a reason to skip."""
    if not shutil.which("pdffonts"):
        pytest.fail("poppler-utils not installed (scripts/install.sh installs it)")
    if not _noto_cjk():
        pytest.fail("fonts-noto-cjk not installed (scripts/install.sh installs it)")


def pdffonts(path):
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    return [ln.split() for ln in out if ln.strip()]


def pdftext(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_warm_converter_embeds_cjk_fonts_and_text_extracts(warm_converter, rendered, tmp_path):
    src = rendered["普通程序"]["行政处罚决定书"]
    pdf = warm_converter.convert(src, tmp_path)
    assert pdf.name == "行政处罚决定书.pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    fonts = pdffonts(pdf)
    assert fonts, "no fonts in the PDF"
    # columns: name type [encoding…] emb sub uni id gen: emb is the 5th from the end
    assert all(f[-5] == "yes" for f in fonts), fonts
    # 仿宋_GB2312 / 方正小标宋简体 map to Noto Serif CJK SC through data/fonts/fonts.conf (not a sans fallback)
    assert any("NotoSerifCJK" in f[0] for f in fonts), fonts
    text = pdftext(pdf).replace(" ", "")
    for s in ("行政处罚决定书", "重庆市涪陵区城市管理局", "二〇二六年三月二十日", "叁佰元整", "重庆市涪陵区人民政府申请行政复议"):
        assert s in text.replace("\n", ""), s


def test_whole_set_to_pdf_and_the_converter_is_warm(warm_converter, rendered, tmp_path):
    srcs = list(rendered["普通程序"].values())
    t = time.perf_counter()
    pdfs = warm_converter.convert_many(srcs, tmp_path)
    per_doc = (time.perf_counter() - t) / len(srcs)
    assert [p.stem for p in pdfs] == [s.stem for s in srcs]
    for p in pdfs:
        assert "〇" in pdftext(p) or "年" in pdftext(p)
    assert per_doc < 5, per_doc  # typically ~0.3 s/document here, against ~2–3 s for a cold soffice


def test_cold_converter_for_comparison(rendered, tmp_path):
    if not shutil.which("soffice"):
        pytest.fail("LibreOffice not installed (scripts/install.sh installs it)")
    pdf = ColdConverter().convert(rendered["简易程序"]["当场行政处罚决定书"], tmp_path)
    fonts = pdffonts(pdf)
    assert fonts and all(f[-5] == "yes" for f in fonts)
    assert "先向重庆市涪陵区人民政府申请行政复议" in pdftext(pdf).replace("\n", "").replace(" ", "")


def test_render_set_with_pdf(warm_converter, record, tmp_path):
    from chengguan.documents.render import render_set

    res = render_set(record, tmp_path, kinds=["行政处罚事先告知书", "行政处罚决定书"], pdf=True, converter=warm_converter)
    assert [r.pdf.name for r in res] == ["行政处罚事先告知书.pdf", "行政处罚决定书.pdf"]


@pytest.mark.parametrize("name, face", [("仿宋_GB2312", "Noto Serif CJK SC"), ("方正小标宋简体", "Noto Serif CJK SC"),
                                        ("黑体", "Noto Sans CJK SC"), ("楷体_GB2312", None)])
def test_fontconfig_maps_the_official_font_names(tmp_path, name, face):
    import os

    from chengguan.documents.pdf import fontconfig_file

    if not shutil.which("fc-match"):
        pytest.fail("fontconfig tools not installed (scripts/install.sh installs them)")
    env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig_file(tmp_path)), "HOME": str(tmp_path)}
    got = subprocess.run(["fc-match", "-f", "%{family[0]}", name], capture_output=True, text=True, env=env).stdout
    if face:
        assert got == face
    else:  # 楷体: LXGW WenKai / AR PL KaitiM GB where installed, else Noto Serif CJK SC — never a Latin fallback
        assert got in ("LXGW WenKai", "AR PL KaitiM GB", "Noto Serif CJK SC")
