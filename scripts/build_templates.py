#!/usr/bin/env python
"""Build data/templates/*.docx: the enforcement document templates (执法文书模板).

Run: .venv/bin/python scripts/build_templates.py [--out data/templates]

The templates are data: a bureau may replace any .docx with its own (made in Word/WPS) as long as
it uses the fields listed in data/templates/manifest.yaml (`chengguan docs lint` checks that).
This script only produces the shipped defaults, all on one style base after GB/T 9704-2012:
A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; body 仿宋_GB2312 三号 (16 pt) with
w:eastAsia set on every style and run; titles 方正小标宋简体 二号 (22 pt); a 22 lines × 28 characters
grid: a line grid of 22 lines (w:docGrid type="lines", linePitch 579 twips = 225 mm / 22) and 28 characters per
line from a −0.25 pt character spacing on the body styles (16 − 0.25 = 15.75 pt pitch; 156 mm / 15.75 pt = 28).
(Word's usual w:docGrid type="linesAndChars" charSpace="-849" is misread by LibreOffice 7.4, which then sets
13–15 characters per line in the PDF; the spacing route gives 28 in both Word and LibreOffice.)
Page numbers “— 1 —” in the footer.
Jinja tags (docxtpl) each sit inside one run; control tags ({%p …%}, {%tr …%}) on their own paragraph/row.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

ROOT = Path(__file__).resolve().parents[1]
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"
HEI_FONT = "黑体"
KAI_FONT = "楷体_GB2312"
BODY_PT = 16  # 三号
TITLE_PT = 22  # 二号
TABLE_PT = 14  # 四号
LINE_PITCH_TWIPS = 579  # 225 mm / 22 lines
CHAR_SPACING_TWENTIETHS = -5  # −0.25 pt: 28 characters of 三号 in the 156 mm type area


# ---------------------------------------------------------------------------- style base
def set_spacing(rpr, twentieths: int) -> None:
    el = rpr.find(qn("w:spacing"))
    if el is None:
        el = OxmlElement("w:spacing")
        rpr.append(el)
    el.set(qn("w:val"), str(twentieths))


def set_fonts(rpr, font: str, size_pt: float | None = None, bold: bool | None = None) -> None:
    """Set ascii/hAnsi/eastAsia/cs font names (python-docx's Font.name leaves w:eastAsia unset)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]  # drop theme fonts: they override explicit names
    for a in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(a), font)
    fonts.set(qn("w:hint"), "eastAsia")
    if size_pt is not None:
        for tag in ("w:sz", "w:szCs"):
            el = rpr.find(qn(tag))
            if el is None:
                el = OxmlElement(tag)
                rpr.append(el)
            el.set(qn("w:val"), str(int(size_pt * 2)))
    if bold is not None:
        for tag in ("w:b", "w:bCs"):
            el = rpr.find(qn(tag))
            if bold and el is None:
                rpr.append(OxmlElement(tag))
            elif not bold and el is not None:
                rpr.remove(el)


def style_base() -> Document:
    doc = Document()
    # document defaults: no theme fonts anywhere
    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default, BODY_FONT, BODY_PT)
    lang = rpr_default.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr_default.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")

    set_spacing(rpr_default, CHAR_SPACING_TWENTIETHS)
    normal = doc.styles["Normal"]
    set_fonts(normal.element.get_or_add_rPr(), BODY_FONT, BODY_PT)
    set_spacing(normal.element.get_or_add_rPr(), CHAR_SPACING_TWENTIETHS)
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PITCH_TWIPS / 20)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pf.widow_control = False

    def add_style(name: str, font: str, size: float, align, indent_chars: float = 0, bold=False):
        st = doc.styles.add_style(name, 1)
        st.base_style = normal
        set_fonts(st.element.get_or_add_rPr(), font, size, bold)
        set_spacing(st.element.get_or_add_rPr(), CHAR_SPACING_TWENTIETHS if size == BODY_PT else 0)
        st.paragraph_format.alignment = align
        if indent_chars:
            st.paragraph_format.first_line_indent = Pt(BODY_PT * indent_chars)
        return st

    add_style("CG Organ", TITLE_FONT, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER)
    t = add_style("CG Title", TITLE_FONT, TITLE_PT, WD_ALIGN_PARAGRAPH.CENTER)
    t.paragraph_format.space_after = Pt(6)
    add_style("CG DocNo", BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT)
    add_style("CG Body", BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.JUSTIFY, indent_chars=2)
    add_style("CG Plain", BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT)
    add_style("CG Heading", HEI_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT, indent_chars=2)
    add_style("CG Sign", BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.RIGHT)
    cell = add_style("CG Cell", BODY_FONT, TABLE_PT, WD_ALIGN_PARAGRAPH.LEFT)
    cell.paragraph_format.line_spacing = Pt(22)
    add_style("CG Control", BODY_FONT, BODY_PT, WD_ALIGN_PARAGRAPH.LEFT)
    # built-in styles python-docx uses for tables/footers also get the East Asian font
    for name in ("Table Grid", "Footer", "Header"):
        try:
            set_fonts(doc.styles[name].element.get_or_add_rPr(), BODY_FONT)
        except KeyError:
            pass

    sec = doc.sections[0]
    sec.orientation = WD_ORIENT.PORTRAIT
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(37), Mm(35)
    sec.left_margin, sec.right_margin = Mm(28), Mm(26)
    sec.header_distance, sec.footer_distance = Mm(15), Mm(28)
    sect = sec._sectPr
    grid = sect.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect.append(grid)
    for a in list(grid.attrib):
        del grid.attrib[a]
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(LINE_PITCH_TWIPS))
    # footer: — page —
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(fp, "— ", "宋体", TABLE_PT)
    r = fp.add_run()
    set_fonts(r._r.get_or_add_rPr(), "宋体", TABLE_PT)
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        r._r.append(el)
    _run(fp, " —", "宋体", TABLE_PT)
    # no default empty paragraph
    body = doc.element.body
    for p in list(body.iterchildren(qn("w:p"))):
        body.remove(p)
    return doc


def _run(par, text: str, font: str, size: float | None = None, bold: bool | None = None):
    r = par.add_run(text)
    set_fonts(r._r.get_or_add_rPr(), font, size, bold)
    return r


STYLE_FONT = {"CG Organ": (TITLE_FONT, TITLE_PT), "CG Title": (TITLE_FONT, TITLE_PT), "CG Heading": (HEI_FONT, BODY_PT),
              "CG Cell": (BODY_FONT, TABLE_PT)}


def para(doc_or_cell, text: str, style: str = "CG Body", bold: bool | None = None):
    p = doc_or_cell.add_paragraph(style=style)
    font, size = STYLE_FONT.get(style, (BODY_FONT, BODY_PT))
    _run(p, text, font, size, bold)
    return p


# ---------------------------------------------------------------------------- template DSL
# blocks: ("organ"|"title"|"docno"|"p"|"plain"|"h"|"sign"|"ctl", text) or ("table", rows, widths_mm)
# a row is a list of cells; a cell is a str (may contain \n for several paragraphs) or ("b", text) for bold;
# ("tr", "for x in xs") / ("tr", "endfor") rows become docxtpl {%tr %} rows.

def build(blocks: list, path: Path) -> None:
    doc = style_base()
    for b in blocks:
        kind = b[0]
        if kind == "table":
            table(doc, b[1], b[2])
        elif kind == "ctl":
            para(doc, "{%p " + b[1] + " %}", "CG Control")
        else:
            style = {"organ": "CG Organ", "title": "CG Title", "docno": "CG DocNo", "p": "CG Body", "plain": "CG Plain",
                     "h": "CG Heading", "sign": "CG Sign"}[kind]
            for line in b[1].split("\n"):
                para(doc, line, style)
    core = doc.core_properties
    core.author = "chengguan"
    core.last_modified_by = "chengguan"
    core.title = path.stem
    core.created = core.modified = FIXED_TIME
    core.revision = 1
    prune_styles(doc)
    doc.save(path)
    strip_parts(path)


FIXED_TIME = __import__("datetime").datetime(2026, 1, 1)  # reproducible builds: same input, same bytes
KEEP_STYLES = {"Normal", "DefaultParagraphFont", "TableNormal", "TableGrid", "NoList", "Footer", "Header", "FooterChar",
               "HeaderChar"}


def prune_styles(doc) -> None:
    """python-docx's default template carries ~350 KB of styles Word does not need; keep the used ones only
    (smaller templates render faster and are easier for a bureau to edit)."""
    root = doc.styles.element
    latent = root.find(qn("w:latentStyles"))
    if latent is not None:
        root.remove(latent)
    for st in list(root.findall(qn("w:style"))):
        sid = st.get(qn("w:styleId"))
        if sid not in KEEP_STYLES and not sid.startswith("CG"):
            root.remove(st)


_FONTS = [(BODY_FONT, "modern", "fixed"), (TITLE_FONT, "script", "variable"), (HEI_FONT, "modern", "fixed"),
          (KAI_FONT, "modern", "fixed"), ("宋体", "auto", "variable"), ("Times New Roman", "roman", "variable")]
FONT_TABLE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
              '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
              + "".join(f'<w:font w:name="{n}"><w:charset w:val="{"00" if n == "Times New Roman" else "86"}"/>'
                        f'<w:family w:val="{fam}"/><w:pitch w:val="{pitch}"/></w:font>' for n, fam, pitch in _FONTS)
              + "</w:fonts>")
DROP_PARTS = ("word/stylesWithEffects.xml", "word/webSettings.xml", "docProps/thumbnail.jpeg", "word/numbering.xml",
              "customXml/")


def strip_parts(path: Path) -> None:
    """Remove parts of python-docx's default package that the templates do not use, with their relationships."""
    import re
    import zipfile

    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    drop = {n for n in items if n.startswith(DROP_PARTS)}
    out: dict[str, bytes] = {}
    for n, data in items.items():
        if n in drop:
            continue
        if n.endswith(".rels"):
            text = data.decode("utf-8")
            for d in drop:
                base = d.split("/")[-1]
                text = re.sub(rf'<Relationship [^>]*Target="[^"]*{re.escape(base)}"[^>]*/>', "", text)
            text = re.sub(r'<Relationship [^>]*Target="\.\./customXml/[^"]*"[^>]*/>', "", text)
            data = text.encode("utf-8")
        elif n == "word/settings.xml":
            # python-docx's default says East Asian text is Japanese (MS Mincho theme fonts): make it Chinese
            data = data.decode("utf-8").replace('w:eastAsia="ja-JP"', 'w:eastAsia="zh-CN"').encode("utf-8")
        elif n == "word/fontTable.xml":
            data = FONT_TABLE.encode("utf-8")
        elif n == "[Content_Types].xml":
            text = data.decode("utf-8")
            for d in drop:
                text = re.sub(rf'<Override [^>]*PartName="/{re.escape(d)}"[^>]*/>', "", text)
            data = text.encode("utf-8")
        out[n] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in out.items():
            info = zipfile.ZipInfo(n, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def table(doc, rows: list, widths_mm: list[float]) -> None:
    ncols = len(widths_mm)
    t = doc.add_table(rows=0, cols=ncols)
    t.style = doc.styles["Table Grid"]
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    for row in rows:
        cells = t.add_row().cells
        if isinstance(row, tuple) and row[0] == "tr":
            cells[0].paragraphs[0].style = doc.styles["CG Cell"]
            _run(cells[0].paragraphs[0], "{%tr " + row[1] + " %}", BODY_FONT, TABLE_PT)
            if ncols > 1:
                cells[0].merge(cells[-1])
            continue
        spans = _spans(row, ncols)
        col = 0
        for content, span in spans:
            cell = cells[col]
            if span > 1:
                cell = cell.merge(cells[col + span - 1])
            bold = isinstance(content, tuple)
            text = content[1] if bold else content
            first = True
            for line in str(text).split("\n"):
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                p.style = doc.styles["CG Cell"]
                _run(p, line, BODY_FONT, TABLE_PT, True if bold else None)
                first = False
            col += span
    t.autofit = False
    for i, gc in enumerate(t._tbl.tblGrid.findall(qn("w:gridCol"))):
        gc.set(qn("w:w"), str(int(Mm(widths_mm[i]).twips)))
    for row in t.rows:
        col = 0
        for tc in row._tr.findall(qn("w:tc")):
            span = tc.grid_span
            tc.width = Mm(sum(widths_mm[col: col + span]))
            col += span


def _spans(row: list, ncols: int) -> list:
    """Cells with a trailing count merge: ["label", ("span", 3, "text")]."""
    out = []
    for c in row:
        if isinstance(c, tuple) and c[0] == "span":
            out.append((c[2], c[1]))
        else:
            out.append((c, 1))
    total = sum(s for _, s in out)
    if total < ncols:  # last cell takes the rest
        c, s = out[-1]
        out[-1] = (c, s + ncols - total)
    return out


# ---------------------------------------------------------------------------- the documents
ORGAN = ("organ", "{{ bureau.name }}")
DOCNO = ("docno", "{{ doc_no }}")
PARTY_BLOCK = [
    ("ctl", "if party.kind == '单位'"),
    ("plain", "当事人：{{ party.name }}"),
    ("plain", "统一社会信用代码：{{ party.id_value }}"),
    ("plain", "{{ party.legal_rep_title }}：{{ party.legal_rep }}"),
    ("ctl", "else"),
    ("plain", "当事人：{{ party.name }}，性别：{{ party.gender }}，出生日期：{{ party.birth_date }}"),
    ("plain", "公民身份号码：{{ party.id_value }}"),
    ("ctl", "endif"),
    ("plain", "住址（住所）：{{ party.address }}"),
    ("plain", "联系电话：{{ party.phone }}"),
]
EVIDENCE_LIST = [
    ("ctl", "for e in evidence"),
    ("p", "{{ e.no }}．{{ e.name }}（{{ e.kind }}），{{ e.description }}。"),
    ("ctl", "endfor"),
]
VIOLATED_QUOTES = [
    ("ctl", "for v in violated"),
    ("p", "{{ v.citation }}规定：“{{ v.quote }}”"),
    ("ctl", "endfor"),
]
PENALTY_QUOTES = [
    ("ctl", "for v in penalty_basis"),
    ("p", "{{ v.citation }}规定：“{{ v.quote }}”"),
    ("ctl", "endfor"),
]
SEAL = [("sign", "{{ bureau.name }}"), ("sign", "（印章）"), ("sign", "{{ sign_date }}")]
CONTACT = [("plain", "执法机关地址：{{ bureau.address }}　邮政编码：{{ bureau.postcode }}"),
           ("plain", "联系人：{{ officers[0].name }}　联系电话：{{ bureau.phone }}")]
OFFICER_SIGN = ("plain", "执法人员（签名）：{{ officers_text }}")
PARTY_RECEIPT = ("plain", "当事人（签收）：　　　　　　　　年　　月　　日")

W2 = [40, 116]
W4 = [30, 48, 30, 48]

TEMPLATES: dict[str, list] = {}

TEMPLATES["立案审批表"] = [
    ORGAN, ("title", "立案审批表"), DOCNO,
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["案件来源", "{{ source }}", "受案时间", "{{ d.clue }}"],
        ["当事人", ("span", 3, "{{ party.name }}（{{ party.kind }}）\n{{ party.id_label }}：{{ party.id_value }}")],
        ["住址（住所）", ("span", 3, "{{ party.address }}")],
        ["联系电话", "{{ party.phone }}", "法定代表人", "{{ party.legal_rep or '—' }}"],
        ["发生时间", "{{ act_time }}", "发生地点", "{{ act_place }}"],
        ["案情摘要", ("span", 3, "{{ facts }}")],
        ["涉嫌违反", ("span", 3, "{{ violated_text }}")],
        ["处罚依据", ("span", 3, "{{ penalty_basis_text }}")],
        ["立案理由", ("span", 3, "当事人涉嫌{{ cause_short }}，有违法事实，属于本机关管辖，且未超过行政处罚法第三十六条规定的追责期限，符合立案条件，建议立案调查。")],
        ["承办人", ("span", 3, "{{ officers_text }}")],
        ["承办机构意见", ("span", 3, "同意立案，由{{ officers_names }}承办。\n{{ bureau.unit }}　　{{ d.filed }}")],
        ["负责人审批", ("span", 3, "同意立案。\n审批人：　　　　　　{{ d.filed }}")],
    ], W4),
]

TEMPLATES["现场检查（勘验）笔录"] = [
    ORGAN, ("title", "现场检查（勘验）笔录"),
    ("table", [
        ["检查时间", ("span", 3, "{{ inspection.start }}至{{ inspection.end }}")],
        ["检查地点", ("span", 3, "{{ inspection.place }}")],
        ["被检查人", "{{ party.name }}", "{{ party.id_label }}", "{{ party.id_value }}"],
        ["住址（住所）", ("span", 3, "{{ party.address }}")],
        ["执法人员及证号", ("span", 3, "{{ officers_text }}")],
        ["记录人", "{{ officers[1].name }}", "在场人", "{{ inspection.present }}"],
        ["见证人", ("span", 3, "{{ inspection.witness or '无' }}")],
        ["告知事项", ("span", 3, "我们是{{ bureau.name }}的执法人员，已向你出示执法证件。现依法进行现场检查，请予配合。你有权申请执法人员回避，有陈述和申辩的权利。你是否申请回避？被检查人答：不申请。")],
        ["现场情况", ("span", 3, "{{ inspection.findings }}")],
        ["音像记录", ("span", 3, "{{ inspection.media }}")],
        ["被检查人意见", ("span", 3, "以上笔录我看过，与现场情况相符。\n被检查人（签名）：　　　　　　年　　月　　日")],
        ["执法人员（签名）", ("span", 3, "{{ officers_names }}　　　　{{ d.inspection }}")],
    ], W4),
]

TEMPLATES["询问笔录"] = [
    ORGAN, ("title", "询问笔录"),
    ("table", [
        ["询问时间", ("span", 3, "{{ inquiry.start }}至{{ inquiry.end }}")],
        ["询问地点", ("span", 3, "{{ inquiry.place }}")],
        ["询问人及证号", ("span", 3, "{{ officers_text }}")],
        ["记录人", ("span", 3, "{{ officers[1].name }}")],
        ["被询问人", "{{ inquiry.interviewee }}", "{{ party.id_label }}", "{{ party.id_value }}"],
        ["住址（住所）", "{{ party.address }}", "联系电话", "{{ party.phone }}"],
    ], W4),
    ("plain", "问：我们是{{ bureau.name }}的执法人员（出示执法证件），现就{{ cause }}依法向你进行询问，请如实回答。你有权申请执法人员回避，你是否申请回避？"),
    ("plain", "答：不申请。"),
    ("ctl", "for x in inquiry.qa"),
    ("plain", "问：{{ x.q }}"),
    ("plain", "答：{{ x.a }}"),
    ("ctl", "endfor"),
    ("plain", "被询问人：以上笔录我看过（或已向我宣读过），与我说的相符。"),
    ("plain", "被询问人（签名）：　　　　　　　　年　　月　　日"),
    ("plain", "询问人（签名）：{{ officers_names }}　　记录人（签名）：{{ officers[1].name }}"),
    ("plain", "（笔录每页均须被询问人签名；被询问人拒绝签名的，执法人员应当注明。）"),
]

TEMPLATES["责令（限期）改正通知书"] = [
    ORGAN, ("title", "责令（限期）改正通知书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "经查，{{ facts }}你（单位）的上述行为违反了{{ violated_text }}的规定。"),
    ("p", "根据{{ penalty_basis_text }}的规定，现责令你（单位）：{{ correction }}，并于{{ d.correction_deadline }}前改正完毕。"),
    ("p", "逾期不改正的，本机关将依法处理。"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["先行登记保存通知书"] = [
    ORGAN, ("title", "先行登记保存通知书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "因调查你（单位）涉嫌{{ cause_short }}一案，鉴于证据可能灭失或者以后难以取得，经本机关负责人批准，根据《中华人民共和国行政处罚法》第五十六条的规定，决定对下列物品予以先行登记保存，保存期限为七日（自{{ d.preservation }}起）。在此期间，你（单位）或者有关人员不得销毁或者转移证据。"),
    ("p", "保存地点：{{ preservation_place }}"),
    ("table", [
        ["序号", "物品名称", "规格", "数量"],
        ("tr", "for it in items"),
        ["{{ it.no }}", "{{ it.name }}", "{{ it.spec }}", "{{ it.quantity }}"],
        ("tr", "endfor"),
    ], [18, 66, 36, 36]),
    *CONTACT,
    OFFICER_SIGN,
    *SEAL, PARTY_RECEIPT,
]

TEMPLATES["先行登记保存处理决定书"] = [
    ORGAN, ("title", "先行登记保存处理决定书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "本机关于{{ d.preservation }}以{{ doc_numbers.get('先行登记保存通知书', '') }}《先行登记保存通知书》对你（单位）的下列物品予以先行登记保存。根据《中华人民共和国行政处罚法》第五十六条的规定，在七日内作出如下处理决定："),
    ("ctl", "for it in items"),
    ("p", "{{ it.no }}．{{ it.name }}（{{ it.spec }}）{{ it.quantity }}"),
    ("ctl", "endfor"),
    ("p", "处理决定：{{ preservation_handling }}"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["调查终结报告"] = [
    ORGAN, ("title", "案件调查终结报告"),
    ("plain", "案由：{{ cause }}　案件编号：{{ case_number }}"),
    ("plain", "承办人：{{ officers_text }}"),
    ("h", "一、当事人基本情况"),
    ("p", "{{ party_desc }}"),
    ("h", "二、案件来源及调查经过"),
    ("p", "本案来源于{{ source }}。{{ d.filed }}立案后，执法人员进行了现场检查、调查询问{% if d.preservation %}，并对相关物品先行登记保存{% endif %}，于{{ d.investigation_end }}调查终结。"),
    ("h", "三、违法事实及证据"),
    ("p", "{{ facts }}"),
    ("p", "上述事实有以下证据证明："),
    *EVIDENCE_LIST,
    ("h", "四、违法行为性质及法律依据"),
    ("p", "当事人的行为违反了{{ violated_text }}的规定，依据{{ penalty_basis_text }}的规定应予处罚。"),
    ("h", "五、裁量情节及处理建议"),
    ("p", "{{ discretion.summary }}"),
    ("ctl", "for t in discretion.trace"),
    ("p", "（{{ t.no }}）{{ t.step }}：{{ t.rule }}{{ t.citation_text }}"),
    ("ctl", "endfor"),
    ("p", "建议：{{ decision_text }}。"),
    ("sign", "承办人（签名）：{{ officers_names }}"),
    ("sign", "{{ d.investigation_end }}"),
]

TEMPLATES["法制审核意见书"] = [
    ORGAN, ("title", "法制审核意见书"), DOCNO,
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["当事人", ("span", 3, "{{ party.name }}（{{ party.id_label }}：{{ party.id_value }}）")],
        ["承办机构", "{{ bureau.unit }}", "承办人", "{{ officers_names }}"],
        ["拟处理意见", ("span", 3, "{{ decision_text }}")],
        ["审核内容", ("span", 3, "执法主体及执法人员资格、案件事实、证据、法律适用（违反：{{ violated_text }}；处罚依据：{{ penalty_basis_text }}）、裁量基准运用（{{ discretion.summary }}）、程序合法性、文书规范性。")],
        ["审核意见", ("span", 3, "{{ review.opinion }}")],
        ["审核结论", ("span", 3, "{{ review.conclusion }}")],
        ["审核人", ("span", 3, "{{ review.reviewer }}（{{ review.reviewer_cert }}）　{{ d.legal_review }}")],
    ], W4),
]

TEMPLATES["集体讨论记录"] = [
    ORGAN, ("title", "重大案件集体讨论记录"),
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["讨论时间", "{{ d.collective_discussion }}", "地点", "{{ discussion.place }}"],
        ["主持人", "{{ discussion.host }}", "记录人", "{{ discussion.recorder }}"],
        ["参加人员", ("span", 3, "{{ discussion.participants_text }}")],
        ["案情汇报", ("span", 3, "承办人汇报：{{ facts }} 拟处理意见：{{ decision_text }}。")],
    ], W4),
    ("plain", "讨论意见："),
    ("ctl", "for o in discussion.opinions"),
    ("p", "{{ o }}"),
    ("ctl", "endfor"),
    ("plain", "讨论决定：{{ discussion.conclusion }}"),
    ("plain", "参加人员（签名）："),
    ("plain", "主持人（签名）：　　　　　　　记录人（签名）："),
]

TEMPLATES["行政处罚事先告知书"] = [
    ORGAN, ("title", "行政处罚事先告知书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "经查，{{ facts }}"),
    ("p", "以上事实有下列证据证明："),
    *EVIDENCE_LIST,
    ("p", "你（单位）的上述行为违反了{{ violated_text }}的规定。"),
    *VIOLATED_QUOTES,
    *PENALTY_QUOTES,
    ("p", "{{ discretion.summary }}根据{{ penalty_basis_text }}的规定，本机关拟对你（单位）作出如下行政处罚：{{ decision_text }}。"),
    ("p", "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）享有陈述、申辩的权利。如有陈述、申辩意见，请于收到本告知书之日起五个工作日内（截至{{ statement_deadline }}）向本机关提出；逾期未提出的，视为放弃上述权利。"),
    ("ctl", "if hearing.required"),
    ("p", "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有要求听证的权利，可以在收到本告知书之日起五个工作日内向本机关提出听证申请。"),
    ("ctl", "endif"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["听证告知书"] = [
    ORGAN, ("title", "行政处罚听证告知书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "你（单位）{{ cause_short }}一案，经查，{{ facts }}你（单位）的行为违反了{{ violated_text }}的规定。依据{{ penalty_basis_text }}的规定，本机关拟对你（单位）作出{{ decision_text }}的行政处罚。"),
    ("p", "根据《中华人民共和国行政处罚法》第六十三条、第六十四条和《重庆市行政处罚听证程序规定》的规定，你（单位）有要求听证的权利。如要求听证，请于收到本告知书之日起五个工作日内（截至{{ statement_deadline }}）向本机关提出，可以书面提出，也可以口头提出；逾期未提出的，视为放弃听证权利。你（单位）同时享有陈述、申辩的权利。"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["听证通知书"] = [
    ORGAN, ("title", "行政处罚听证通知书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "根据你（单位）的申请，本机关决定于{{ hearing.start }}在{{ hearing.place }}就{{ cause }}举行听证，请准时参加。听证主持人：{{ hearing.host }}；书记员：{{ hearing.clerk }}。"),
    ("p", "你（单位）可以亲自参加听证，也可以委托一至二人代理，委托代理人应当提交授权委托书。你（单位）认为主持人与本案有直接利害关系的，有权申请回避。无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。听证除涉及国家秘密、商业秘密或者个人隐私外，公开举行。"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["听证笔录"] = [
    ORGAN, ("title", "听证笔录"),
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["听证时间", ("span", 3, "{{ hearing.start }}至{{ hearing.end }}")],
        ["听证地点", ("span", 3, "{{ hearing.place }}")],
        ["主持人", "{{ hearing.host }}", "书记员", "{{ hearing.clerk }}"],
        ["当事人", ("span", 3, "{{ party.name }}（{{ party.id_label }}：{{ party.id_value }}）")],
        ["案件调查人员", ("span", 3, "{{ officers_text }}")],
    ], W4),
    ("plain", "主持人宣布听证纪律，告知当事人权利义务，询问是否申请回避。当事人：不申请回避。"),
    ("plain", "调查人员提出当事人违法的事实、证据和行政处罚建议：{{ hearing.investigator_opinion }}"),
    ("plain", "当事人申辩和质证：{{ hearing.party_opinion }}"),
    ("plain", "听证结论：{{ hearing.conclusion }}"),
    ("plain", "以上笔录经当事人审核无误。"),
    ("plain", "当事人（签名）：　　　　　　　主持人（签名）：　　　　　　　书记员（签名）："),
]

TEMPLATES["行政处罚决定书"] = [
    ORGAN, ("title", "行政处罚决定书"), DOCNO,
    *PARTY_BLOCK,
    ("p", "当事人{{ cause_short }}一案，本机关于{{ d.filed }}立案调查，于{{ d.notice }}向当事人送达《行政处罚事先告知书》（{{ doc_numbers.get('行政处罚事先告知书', '') }}）{% if hearing.required %}及听证权利告知{% endif %}。{{ statement_text }}本案现已调查终结。"),
    ("p", "经查，{{ facts }}"),
    ("p", "上述事实有下列证据证明："),
    *EVIDENCE_LIST,
    ("p", "本机关认为，当事人的上述行为违反了{{ violated_text }}的规定。"),
    *VIOLATED_QUOTES,
    *PENALTY_QUOTES,
    ("p", "{{ discretion.summary }}依据{{ penalty_basis_text }}的规定，本机关决定对当事人作出如下行政处罚："),
    ("p", "{{ decision_text }}。"),
    ("ctl", "if fine"),
    ("p", "当事人应当自收到本决定书之日起{{ payment_days_cn }}日内，持本决定书到{{ bureau.bank_name }}（户名：{{ bureau.account_name }}；账号：{{ bureau.bank_account }}）或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，本机关可以依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。"),
    ("ctl", "endif"),
    ("p", "{{ remedy }}"),
    ("p", "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外。"),
    *SEAL,
]

TEMPLATES["不予行政处罚决定书"] = [
    ORGAN, ("title", "不予行政处罚决定书"), DOCNO,
    *PARTY_BLOCK,
    ("p", "当事人{{ cause_short }}一案，本机关于{{ d.filed }}立案调查，现已调查终结。"),
    ("p", "经查，{{ facts }}"),
    ("p", "上述事实有下列证据证明："),
    *EVIDENCE_LIST,
    ("p", "本机关认为，当事人的上述行为违反了{{ violated_text }}的规定。"),
    *VIOLATED_QUOTES,
    ("p", "{{ no_penalty_reason }}"),
    ("ctl", "for g in discretion.grounds"),
    ("p", "{{ g.citation }}规定：“{{ g.quote }}”"),
    ("ctl", "endfor"),
    ("p", "依据{{ discretion.grounds_text }}的规定，本机关决定对当事人不予行政处罚。{% if correction %}当事人应当{{ correction }}。{% endif %}本机关已对当事人进行了教育。"),
    ("p", "{{ remedy }}"),
    *SEAL,
]

TEMPLATES["当场行政处罚决定书"] = [
    ORGAN, ("title", "当场行政处罚决定书"), DOCNO,
    *PARTY_BLOCK,
    ("p", "违法行为：{{ facts }}"),
    ("p", "当事人的上述行为违反了{{ violated_text }}的规定。依据{{ penalty_basis_text }}的规定，根据《中华人民共和国行政处罚法》第五十一条、第五十二条的规定，适用简易程序，当场作出如下行政处罚：{{ decision_text }}。"),
    ("ctl", "if fine"),
    ("p", "罚款数额：{{ fine.both }}。当事人应当自收到本决定书之日起{{ payment_days_cn }}日内到{{ bureau.bank_name }}（户名：{{ bureau.account_name }}；账号：{{ bureau.bank_account }}）或者通过电子支付系统缴纳罚款。到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。"),
    ("ctl", "endif"),
    ("p", "{{ remedy_prereview }}"),
    ("plain", "处罚时间：{{ d.decision }}　处罚地点：{{ act_place }}"),
    OFFICER_SIGN,
    ("plain", "当事人（签名）：　　　　　　　　（当事人拒绝签收的，由执法人员注明）"),
    *SEAL,
    ("plain", "（本决定书应当报所属行政机关备案。）"),
]

TEMPLATES["送达回证"] = [
    ORGAN, ("title", "送达回证"),
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["受送达人", ("span", 3, "{{ party.name }}")],
        ["送达地点", ("span", 3, "{{ party.address }}")],
        ["送达文书名称及文号", "送达时间", "送达方式", "收件人签名"],
        ("tr", "for s in served"),
        ["{{ s.title }}{{ s.doc_no }}", "{{ s.date }}", "{{ s.method }}", ""],
        ("tr", "endfor"),
        ["送达人", ("span", 3, "{{ officers_names }}")],
        ["备注", ("span", 3, "受送达人拒绝签收的，送达人应当注明拒收事由和日期，由见证人签名或者盖章，以留置方式送达。")],
    ], [56, 40, 30, 30]),
    *SEAL,
]

TEMPLATES["催告书"] = [
    ORGAN, ("title", "行政处罚履行催告书"), DOCNO,
    ("plain", "{{ party.name }}："),
    ("p", "本机关于{{ d.decision }}作出{{ doc_numbers.get('行政处罚决定书', '') }}《行政处罚决定书》，对你（单位）处{{ decision_text }}，该决定书已于{{ d.service }}送达。你（单位）至今未履行。"),
    ("p", "根据《中华人民共和国行政强制法》第三十五条、第四十五条和《中华人民共和国行政处罚法》第七十二条的规定，现催告你（单位）于收到本催告书之日起十日内，到{{ bureau.bank_name }}（户名：{{ bureau.account_name }}；账号：{{ bureau.bank_account }}）缴纳罚款{{ fine.both }}及加处罚款。加处罚款自缴款期限届满次日起每日按罚款数额的百分之三计算，截至{{ d.reminder }}为{{ surcharge.both }}，加处罚款的数额不得超出罚款的数额。"),
    ("p", "你（单位）有权进行陈述和申辩。逾期仍不履行的，本机关将依法申请人民法院强制执行。"),
    *CONTACT, *SEAL, PARTY_RECEIPT,
]

TEMPLATES["案件移送函"] = [
    ORGAN, ("title", "案件移送函"), DOCNO,
    ("plain", "{{ transfer.receiver }}："),
    ("p", "本机关在查处{{ cause }}过程中，发现{{ transfer.reason }}根据{{ transfer.basis_text }}的规定，现将该案移送你单位依法处理。"),
    ("p", "当事人：{{ party_desc }}"),
    ("p", "随函移送以下材料："),
    ("ctl", "for m in transfer.materials"),
    ("p", "{{ m }}"),
    ("ctl", "endfor"),
    ("p", "请在收到本函后将处理结果书面告知本机关。"),
    *CONTACT, *SEAL,
]

TEMPLATES["结案报告"] = [
    ORGAN, ("title", "结案报告"),
    ("table", [
        ["案由", ("span", 3, "{{ cause }}")],
        ["案件编号", "{{ case_number }}", "立案日期", "{{ d.filed }}"],
        ["当事人", ("span", 3, "{{ party.name }}（{{ party.id_label }}：{{ party.id_value }}）")],
        ["处罚决定书文号", ("span", 3, "{{ doc_numbers.get('行政处罚决定书', '—') }}")],
        ["处理结果", ("span", 3, "{{ decision_text }}")],
        ["决定日期", "{{ d.decision }}", "送达日期", "{{ d.service }}"],
        ["执行情况", ("span", 3, "{{ closing_note }}")],
        ["承办人意见", ("span", 3, "本案处罚决定已执行完毕，建议结案。\n承办人：{{ officers_names }}　　{{ d.closed }}")],
        ["负责人审批", ("span", 3, "同意结案。\n审批人：　　　　　　{{ d.closed }}")],
    ], W4),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "templates")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for kind, blocks in TEMPLATES.items():
        build(blocks, args.out / f"{kind}.docx")
    print(f"built {len(TEMPLATES)} templates in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
