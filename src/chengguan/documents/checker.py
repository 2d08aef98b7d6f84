"""规范性检查: required elements per document kind, verbatim citations, amounts, dates, remedies, and
consistency across a case's set. Works on generated documents and on .docx files written elsewhere.

Each problem names the element, what was found and what is required. Element patterns are data
(data/templates/manifest.yaml); the semantic checks (citations against the knowledge base, amounts,
legal ranges, dates in legal order, 听证 thresholds) are here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path

import cn2an
from stdnum.cn import uscc

from ..law.citations import parse_citations
from ..law.kb import CitationError, KnowledgeBase, get_kb
from .context import HEARING_THRESHOLD, SIMPLE_LIMIT, STATEMENT_DAYS, add_working_days, citation_text
from .formatting import _CN_DATE_RE, _AR_DATE_RE, capital_to_amount, find_dates, parse_doc_number
from .manifest import DocKind, Element, Manifest, load_manifest
from .record import Bureau, CaseRecord, ric_problem
from .text import docx_lines

PROCEDURAL_LAWS = {"中华人民共和国行政处罚法", "中华人民共和国行政复议法", "中华人民共和国行政诉讼法", "中华人民共和国行政强制法"}
DECISION_KINDS = ("行政处罚决定书", "不予行政处罚决定书", "当场行政处罚决定书")


@dataclass
class Problem:
    element: str
    found: str
    required: str
    kind: str = ""
    file: str = ""
    severity: str = "error"  # error | warning

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        where = f"{self.file or self.kind}：" if (self.file or self.kind) else ""
        return f"{where}【{self.element}】发现：{self.found}；要求：{self.required}"


@dataclass
class Doc:
    """A document read for checking."""

    lines: list[str]
    kind: DocKind | None
    file: str = ""
    text: str = field(init=False)

    def __post_init__(self):
        self.text = "\n".join(self.lines)

    @property
    def name(self) -> str:
        return self.kind.kind if self.kind else "未识别文书"

    @property
    def sign_date(self) -> dt.date | None:
        """The 落款 date: the last line that is only a date."""
        for ln in reversed(self.lines):
            s = ln.strip()
            m = _CN_DATE_RE.fullmatch(s) or _AR_DATE_RE.fullmatch(s)
            if m:
                found = find_dates(s)
                return found[0][1] if found else None
        found = find_dates(self.text)  # forms (审批表, 审核意见书) sign inside a table cell: the last date
        return found[-1][1] if found else None

    def fine(self) -> Decimal | None:
        m = re.search(r"罚款(?:人民币)?\s*(\d+(?:\.\d+)?)\s*元", self.text)
        return Decimal(m.group(1)) if m else None

    def party_kind(self) -> str:
        return "单位" if "统一社会信用代码" in self.text else "个人"

    def date_after(self, pattern: str) -> dt.date | None:
        m = re.search(pattern, self.text)
        if not m:
            return None
        found = find_dates(self.text[m.end(): m.end() + 40])
        return found[0][1] if found else None


def read_doc(source: Path | str | bytes, manifest: Manifest | None = None, file: str = "") -> Doc:
    manifest = manifest or load_manifest()
    lines = docx_lines(source)
    if not file and not isinstance(source, bytes):
        file = Path(source).name
    return Doc(lines, manifest.identify(lines), file)


# ------------------------------------------------------------------------------------------ one document
def _fill(pattern: str, bureau: Bureau) -> str:
    return (pattern.replace("{bureau_name}", re.escape(bureau.name)).replace("{review_organ}", re.escape(bureau.review_organ))
            .replace("{doc_prefix}", re.escape(bureau.doc_prefix)))


def _fill_text(s: str, bureau: Bureau) -> str:
    return s.replace("{bureau_name}", bureau.name).replace("{review_organ}", bureau.review_organ).replace("{doc_prefix}", bureau.doc_prefix)


def _check_element(el: Element, doc: Doc, bureau: Bureau) -> Problem | None:
    text = doc.text
    if el.if_ and not re.search(_fill(el.if_, bureau), text):
        return None
    for pat in el.all:
        if not re.search(_fill(pat, bureau), text):
            return Problem(el.element, "缺失", _fill_text(el.required, bureau), doc.name, doc.file)
    if el.any and not any(re.search(_fill(p, bureau), text) for p in el.any):
        return Problem(el.element, "缺失", _fill_text(el.required, bureau), doc.name, doc.file)
    for pat in el.none:
        m = re.search(_fill(pat, bureau), text)
        if m:
            return Problem(el.element, _snippet(text, m), _fill_text(el.required, bureau), doc.name, doc.file)
    return None


def _snippet(text: str, m: re.Match, width: int = 24) -> str:
    a, b = max(0, m.start() - 6), min(len(text), m.end() + 6)
    s = text[a:b].replace("\n", " ")
    return s if len(s) <= width * 3 else s[: width * 3] + "…"


def _norm(s: str) -> str:
    return re.sub(r"[\s\u3000]", "", s)


def _cn_amount(s: str) -> Decimal | None:
    s = s.strip()
    try:
        return Decimal(str(cn2an.cn2an(s, "smart")))
    except Exception:  # noqa: BLE001
        try:
            return Decimal(s)
        except Exception:  # noqa: BLE001
            return None


def legal_ranges(text: str) -> dict[str, tuple[Decimal, Decimal]]:
    """Fine ranges a penalty provision states, per party kind ("个人"/"单位"/"任何")."""
    out: dict[str, tuple[Decimal, Decimal]] = {}
    num = r"([0-9０-９一二三四五六七八九十百千万〇零两.]+)"
    for m in re.finditer(rf"(?:对(个人|单位)[^，。；]{{0,10}})?处(?:以)?{num}元以上{num}元以下", text):
        lo, hi = _cn_amount(m.group(2)), _cn_amount(m.group(3))
        if lo is None or hi is None:
            continue
        key = m.group(1) or "任何"
        old = out.get(key)
        out[key] = (min(lo, old[0]), max(hi, old[1])) if old else (lo, hi)
    for m in re.finditer(rf"(?:对(个人|单位)[^，。；]{{0,10}})?处(?:以)?{num}元以下", text):
        hi = _cn_amount(m.group(2))
        key = m.group(1) or "任何"
        if hi is not None and key not in out:
            out[key] = (Decimal(0), hi)
    return out


def _act_date(doc: Doc, record: CaseRecord | None) -> dt.date | None:
    if record:
        return record.act_date
    d = doc.date_after(r"经查，")
    if d is None:
        d = doc.date_after(r"违法行为：")
    return d or doc.sign_date


QUOTE_RE = re.compile(r"(《[^》]{2,60}》第[^《》“”规]{1,30}?)规定[：:]\s*“([^”]*)”")


def _check_citations(doc: Doc, kb: KnowledgeBase, act_date: dt.date | None, record: CaseRecord | None) -> list[Problem]:
    probs: list[Problem] = []
    names = kb.all_names()
    seen: set[str] = set()
    for ln in doc.lines:
        if "《" not in ln or "条" not in ln:
            continue
        for ref in parse_citations(ln, names):
            if ref.law is None or ref.article is None:
                continue
            key = ref.canonical()
            if key in seen:
                continue
            seen.add(key)
            if kb.canonical_title(ref.law) is None:
                probs.append(Problem("引用的法规", key, "引用法规库中的现行法律法规（名称应为全称）", doc.name, doc.file, "warning"))
                continue
            try:
                r = kb.resolve(ref.law, ref.article, ref.paragraph, ref.item, suffix=ref.suffix, as_of=act_date)
            except CitationError as e:
                probs.append(Problem("引用条文", key, f"引用的条、款、项须在法规中存在（{e}）", doc.name, doc.file))
                continue
            if not r.in_force and r.note:
                probs.append(Problem("引用条文的效力", key, f"适用违法行为发生时施行的版本（{r.note}）", doc.name, doc.file))
    for m in QUOTE_RE.finditer(doc.text):
        cite, quoted = m.group(1), m.group(2)
        refs = [r for r in parse_citations(cite, names) if r.law and r.article]
        if not refs:
            continue
        ref = refs[0]
        try:
            r = kb.resolve(ref.law, ref.article, ref.paragraph, ref.item, suffix=ref.suffix, as_of=act_date)
        except CitationError:
            continue  # reported above
        art_text = _norm(r.instrument.article(ref.article, ref.suffix).text)
        own = _norm(r.text)
        pieces = [_norm(p) for p in quoted.split("……") if _norm(p)]
        pos, ok = 0, bool(pieces)
        for p in pieces:
            i = art_text.find(p, pos)
            if i < 0:
                ok = False
                break
            pos = i + len(p)
        if ok and pieces[-1] not in own:
            ok = False
        if not ok:
            probs.append(Problem("条文引用原文", f"{cite}：“{quoted[:60]}{'…' if len(quoted) > 60 else ''}”",
                                 f"与法规库中{r.canonical}（{r.version_date}版）原文一致：“{r.text[:80].replace(chr(10), '')}…”",
                                 doc.name, doc.file))
    if record and doc.kind and doc.kind.kind in DECISION_KINDS + ("行政处罚事先告知书", "听证告知书"):
        provs = record.violated + ([] if doc.kind.kind == "不予行政处罚决定书" else record.penalty_basis)
        want = {citation_text(p) for p in provs}
        got = {c for c in seen if c.split("》")[0].strip("《") not in PROCEDURAL_LAWS}
        missing = want - got
        extra = {c for c in got - want if not any(c.startswith(w) or w.startswith(c) for w in want)}
        extra -= {citation_text(g) for g in (record.discretion.grounds if record.discretion else [])}
        if missing or extra:
            probs.append(Problem("违法条款和处罚依据", "、".join(sorted(got)) or "无",
                                 "与案件记录一致：" + "、".join(sorted(want)), doc.name, doc.file))
    return probs


def _check_amounts(doc: Doc, kb: KnowledgeBase, act_date: dt.date | None) -> list[Problem]:
    probs = []
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s*元[（(]大写[：:]\s*([^）)]+)[）)]", doc.text):
        fig, cap = Decimal(m.group(1)), capital_to_amount(m.group(2))
        if cap is None or cap != fig:
            probs.append(Problem("金额大小写", f"{m.group(1)}元（大写：{m.group(2)}）", "阿拉伯数字与中文大写金额一致", doc.name, doc.file))
    if doc.kind is None or doc.kind.kind not in DECISION_KINDS + ("行政处罚事先告知书", "听证告知书"):
        return probs
    fine = doc.fine()
    if fine is None:
        return probs
    party = doc.party_kind() if doc.kind.kind in DECISION_KINDS else ("单位" if "（单位）" in doc.text and "统一社会信用代码" in doc.text else None)
    # legal range of the penalty provision cited after 依据/根据
    ranges: dict[str, tuple[Decimal, Decimal]] = {}
    for m in re.finditer(r"(?:依据|根据)(《[^》]+》第[^的，。]{1,30}?)的规定", doc.text):
        for ref in parse_citations(m.group(1), kb.all_names()):
            if not ref.law or not ref.article or kb.canonical_title(ref.law) in PROCEDURAL_LAWS or kb.canonical_title(ref.law) is None:
                continue
            try:
                r = kb.resolve(ref.law, ref.article, ref.paragraph, ref.item, suffix=ref.suffix, as_of=act_date)
            except CitationError:
                continue
            for k, v in legal_ranges(r.text).items():
                ranges.setdefault(k, v)
    if ranges:
        key = party if party in ranges else ("任何" if "任何" in ranges else None)
        rng = ranges[key] if key else (min(v[0] for v in ranges.values()), max(v[1] for v in ranges.values()))
        if not rng[0] <= fine <= rng[1]:
            probs.append(Problem("罚款数额（法定幅度）", f"{fine}元", f"在处罚依据规定的幅度内：{rng[0]}元至{rng[1]}元"
                                 + (f"（{key}）" if key and key != "任何" else ""), doc.name, doc.file))
    if doc.kind.kind == "当场行政处罚决定书":
        limit = SIMPLE_LIMIT[doc.party_kind()]
        if fine > limit:
            probs.append(Problem("简易程序适用条件", f"罚款{fine}元（{doc.party_kind()}）",
                                 f"当场处罚仅限警告或对{doc.party_kind()}{limit}元以下罚款（行政处罚法第五十一条），否则适用普通程序", doc.name, doc.file))
    if doc.kind.kind in ("行政处罚决定书", "行政处罚事先告知书"):
        pk = doc.party_kind() if doc.kind.kind == "行政处罚决定书" else (party or "个人")
        if fine >= HEARING_THRESHOLD[pk] and "听证" not in doc.text:
            probs.append(Problem("听证权利告知", f"罚款{fine}元（{pk}），未见听证告知",
                                 f"对{pk}罚款{HEARING_THRESHOLD[pk]}元以上的，应当告知当事人有要求听证的权利（行政处罚法第六十三条、重庆市行政处罚听证程序规定）",
                                 doc.name, doc.file))
    return probs


def _check_ids(doc: Doc) -> list[Problem]:
    probs = []
    for m in re.finditer(r"公民身份号码[：:]\s*([0-9Xx]{15,18})", doc.text):
        why = ric_problem(m.group(1))
        if why:
            probs.append(Problem("公民身份号码", m.group(1), f"有效的18位公民身份号码（{why}）", doc.name, doc.file))
    for m in re.finditer(r"统一社会信用代码[：:]\s*([0-9A-Z]{18})", doc.text):
        if not uscc.is_valid(m.group(1)):
            probs.append(Problem("统一社会信用代码", m.group(1), "有效的统一社会信用代码（GB 32100 校验码）", doc.name, doc.file))
    return probs


def _check_officers(doc: Doc) -> list[Problem]:
    if doc.kind is None or doc.kind.kind not in ("现场检查（勘验）笔录", "询问笔录", "当场行政处罚决定书", "先行登记保存通知书"):
        return []
    certs = set(re.findall(r"执法证号[：:]\s*([^\s）)，,、；]+)", doc.text))
    if len(certs) < 2:
        return [Problem("执法人员", f"{len(certs)}名执法人员的执法证号", "执法人员不得少于两人，并写明各自的执法证号（行政处罚法第四十二条）",
                        doc.name, doc.file)]
    return []


def _check_dates_in_doc(doc: Doc) -> list[Problem]:
    probs = []
    if doc.kind is None:
        return probs
    sign = doc.sign_date
    if doc.kind.kind == "行政处罚决定书" and sign:
        filed = doc.date_after(r"于(?=[〇零一二三四五六七八九\d]{4}年[^。]{0,12}立案)")
        notice = doc.date_after(r"立案调查，于(?=[〇零一二三四五六七八九\d]{4}年[^。]{0,20}送达《行政处罚事先告知书》)")
        if notice is None:
            m = re.search(r"于([^，。]{6,16}日)[^，。]{0,12}送达《行政处罚事先告知书》", doc.text)
            notice = find_dates(m.group(1))[0][1] if m and find_dates(m.group(1)) else None
        act = doc.date_after(r"经查，")
        if filed and sign > filed + dt.timedelta(days=90) and "延长" not in doc.text:
            probs.append(Problem("办案期限", f"立案{filed}，决定{sign}（{(sign - filed).days}日）",
                                 "自立案之日起九十日内作出行政处罚决定（行政处罚法第六十条；延长的应写明批准情况）", doc.name, doc.file))
        if act and filed and filed > _add_years(act, 2):
            probs.append(Problem("追责时效", f"违法行为{act}，立案{filed}",
                                 "违法行为在二年内未被发现的，不再给予行政处罚（行政处罚法第三十六条）", doc.name, doc.file))
        if filed and notice and notice < filed:
            probs.append(Problem("程序顺序", f"告知日期{notice}早于立案日期{filed}", "先立案调查，后事先告知", doc.name, doc.file))
        if notice:
            waived = re.search(r"明确放弃|放弃陈述|放弃.{0,6}申辩", doc.text)
            end = add_working_days(notice, STATEMENT_DAYS)
            if not waived and sign <= end:
                probs.append(Problem("陈述申辩期限", f"告知书于{notice}送达，决定日期{sign}",
                                     f"告知送达后五个工作日（至{end}）届满后方可作出决定（行政处罚法第四十四条、第四十五条、第六十二条、第八十五条）",
                                     doc.name, doc.file))
        elif "事先告知" not in doc.text:
            probs.append(Problem("事先告知", "未写明行政处罚事先告知及陈述申辩情况",
                                 "写明告知书送达日期及当事人陈述、申辩（听证）的情况（行政处罚法第四十四条、第六十二条）", doc.name, doc.file))
    if doc.kind.numbered and sign:
        parsed = parse_doc_number(doc.text)
        if parsed is None:
            probs.append(Problem("文号", "缺失", f"文书编号，如××{doc.kind.prefix}〔{sign.year}〕第0001号", doc.name, doc.file))
        else:
            prefix, year, _ = parsed
            if not prefix.endswith(doc.kind.prefix):
                probs.append(Problem("文号", f"{prefix}〔{year}〕", f"{doc.kind.kind}的文号使用“{doc.kind.prefix}”", doc.name, doc.file))
            if year != sign.year:
                probs.append(Problem("文号年份", f"〔{year}〕，落款{sign.year}年", "文号年份与作出文书的年份一致", doc.name, doc.file))
    return probs


def _add_years(d: dt.date, n: int) -> dt.date:
    try:
        return d.replace(year=d.year + n)
    except ValueError:  # 29 February
        return d.replace(year=d.year + n, day=28)


def check_doc(doc: Doc, *, record: CaseRecord | None = None, manifest: Manifest | None = None,
              kb: KnowledgeBase | None = None, bureau: Bureau | None = None) -> list[Problem]:
    manifest = manifest or load_manifest()
    kb = kb or get_kb()
    bureau = bureau or (record.bureau if record else Bureau())
    if doc.kind is None:
        return [Problem("文书种类", (doc.lines[:3] and "、".join(doc.lines[:3])) or "空文档",
                        "标题为已知的文书种类之一：" + "、".join(k.title for k in manifest.kinds.values()), "", doc.file)]
    probs: list[Problem] = []
    elements = list(manifest.common_elements) + list(doc.kind.elements)
    if doc.kind.seal:
        elements += manifest.seal_elements
    for el in elements:
        p = _check_element(el, doc, bureau)
        if p:
            probs.append(p)
    for f in doc.kind.forbidden:
        for m in re.finditer(_fill(f.pattern, bureau), doc.text):
            if f.unless and re.search(f.unless, doc.text[max(0, m.start() - 20): m.end()]):
                continue
            probs.append(Problem(f.element, _snippet(doc.text, m), _fill_text(f.required, bureau), doc.name, doc.file))
    act = _act_date(doc, record)
    probs += _check_citations(doc, kb, act, record)
    probs += _check_amounts(doc, kb, act)
    probs += _check_ids(doc)
    probs += _check_officers(doc)
    probs += _check_dates_in_doc(doc)
    if record:
        probs += _check_against_record(doc, record)
    return probs


def _check_against_record(doc: Doc, record: CaseRecord) -> list[Problem]:
    probs = []
    if record.party.name not in doc.text:
        probs.append(Problem("当事人", "未出现案件当事人“" + record.party.name + "”", "各文书的当事人与案件记录一致", doc.name, doc.file))
    if doc.kind and doc.kind.kind in DECISION_KINDS + ("行政处罚事先告知书",):
        fine = doc.fine()
        want = record.decision.fine
        if want is not None and fine is not None and fine != want:
            probs.append(Problem("罚款数额", f"{fine}元", f"与案件记录的处罚决定一致：{want}元", doc.name, doc.file))
        d = record.discretion
        if fine is not None and d and d.fine and not (Decimal(str(d.fine.min)) <= fine <= Decimal(str(d.fine.max))):
            probs.append(Problem("罚款数额（裁量幅度）", f"{fine}元",
                                 f"在裁量基准确定的幅度内：{d.fine.min:g}元至{d.fine.max:g}元（{d.outcome}）", doc.name, doc.file))
    num = record.doc_numbers.get(doc.kind.kind) if doc.kind else None
    if num and num not in doc.text:
        probs.append(Problem("文号", (parse_doc_number(doc.text) and "另一文号") or "缺失", f"与登记的文号一致：{num}", doc.name, doc.file))
    return probs


def check_file(path: Path | str, *, record: CaseRecord | None = None, **kw) -> list[Problem]:
    return check_doc(read_doc(path, kw.get("manifest")), record=record, **kw)


# ------------------------------------------------------------------------------------------ a case's set
def check_set(sources: list[Path | str | bytes] | list[Doc], *, record: CaseRecord | None = None,
              manifest: Manifest | None = None, kb: KnowledgeBase | None = None) -> list[Problem]:
    """Each document, then consistency across them: party, amounts, provisions, dates in legal order, 听证, numbers."""
    manifest = manifest or load_manifest()
    kb = kb or get_kb()
    docs = [s if isinstance(s, Doc) else read_doc(s, manifest) for s in sources]
    probs: list[Problem] = []
    for d in docs:
        probs += check_doc(d, record=record, manifest=manifest, kb=kb)
    by = {d.kind.kind: d for d in docs if d.kind}
    SET = "案卷"
    decision = by.get("行政处罚决定书") or by.get("不予行政处罚决定书")
    notice = by.get("行政处罚事先告知书")
    # party
    party = record.party.name if record else None
    if party is None and decision:
        m = re.search(r"当事人[：:]\s*([^\s，,：:]+)", decision.text)
        party = m.group(1) if m else None
    if party and not record:
        for d in docs:
            if party not in d.text:
                probs.append(Problem("当事人一致", f"{d.name}中未出现“{party}”", "全套文书的当事人一致", SET, d.file))
    # amounts
    if notice and by.get("行政处罚决定书"):
        a, b = notice.fine(), by["行政处罚决定书"].fine()
        if a is not None and b is not None and a != b:
            adopted = re.search(r"采纳", by["行政处罚决定书"].text)
            if b > a:
                probs.append(Problem("告知书与决定书的罚款数额", f"告知{a}元，决定{b}元",
                                     "决定不得重于告知的处罚（不得因陈述申辩加重处罚，行政处罚法第四十五条）；重新告知后方可加重", SET))
            elif not adopted:
                probs.append(Problem("告知书与决定书的罚款数额", f"告知{a}元，决定{b}元",
                                     "与告知的处罚一致；减轻的，写明采纳陈述申辩意见的理由", SET))
    # provisions
    if notice and decision:
        def cites(d: Doc) -> set[str]:
            out = set()
            for r in parse_citations(d.text, kb.all_names()):
                if r.law and r.article and kb.canonical_title(r.law) not in PROCEDURAL_LAWS:
                    out.add(r.canonical(kb.canonical_title(r.law) or r.law))
            return out
        a, b = cites(notice), cites(decision)
        if a != b:
            probs.append(Problem("告知书与决定书的法律依据", f"告知：{'、'.join(sorted(a))}；决定：{'、'.join(sorted(b))}",
                                 "告知书与决定书引用的违法条款和处罚依据一致", SET))
    # dates in legal order
    def sd(kind: str) -> dt.date | None:
        return by[kind].sign_date if kind in by else None

    order = [("立案审批表", "调查终结报告"), ("调查终结报告", "法制审核意见书"), ("调查终结报告", "行政处罚事先告知书"),
             ("法制审核意见书", "行政处罚决定书"), ("集体讨论记录", "行政处罚决定书"), ("行政处罚事先告知书", "行政处罚决定书"),
             ("听证笔录", "行政处罚决定书"), ("立案审批表", "行政处罚决定书"), ("行政处罚决定书", "结案报告"),
             ("行政处罚决定书", "催告书"), ("先行登记保存通知书", "先行登记保存处理决定书"), ("立案审批表", "不予行政处罚决定书")]
    for a, b in order:
        da, db = sd(a), sd(b)
        if da and db and db < da:
            probs.append(Problem("日期顺序", f"{a}{da}，{b}{db}", f"{a}在前，{b}在后", SET))
    if "行政处罚事先告知书" in by and "行政处罚决定书" in by:
        dn, dd = sd("行政处罚事先告知书"), sd("行政处罚决定书")
        deadline = notice.date_after(r"截至") or notice.date_after(r"即") or (add_working_days(dn, STATEMENT_DAYS) if dn else None)
        waived = re.search(r"明确放弃|放弃陈述", by["行政处罚决定书"].text)
        if dd and deadline and dd <= deadline and not waived:
            probs.append(Problem("陈述申辩期限", f"告知书期限截至{deadline}，决定日期{dd}",
                                 "陈述申辩（听证申请）期限届满后方可作出决定（行政处罚法第六十二条）", SET))
    if "先行登记保存通知书" in by and "先行登记保存处理决定书" in by:
        a, b = sd("先行登记保存通知书"), sd("先行登记保存处理决定书")
        if a and b and b > add_working_days(a, 7):
            probs.append(Problem("先行登记保存处理期限", f"保存{a}，处理决定{b}", "七个工作日内作出处理决定（行政处罚法第五十六条、第八十五条）", SET))
    if "听证通知书" in by:
        hn = by["听证通知书"]
        held = hn.date_after(r"决定于") or sd("听证笔录")
        if hn.sign_date and held and held < add_working_days(hn.sign_date, 7):
            probs.append(Problem("听证通知期限", f"通知{hn.sign_date}，听证{held}",
                                 "在举行听证的七个工作日前通知当事人（行政处罚法第六十四条第（二）项、第八十五条）", SET))
    served = by.get("送达回证")
    for kind in DECISION_KINDS:
        if served and kind in by and by[kind].sign_date:
            m = re.search(rf"《{kind}》[^\n]*\n([^\n]+)", served.text)
            if m and find_dates(m.group(1)):
                sdate = find_dates(m.group(1))[0][1]
                if sdate < by[kind].sign_date:
                    probs.append(Problem("送达日期", f"决定{by[kind].sign_date}，送达{sdate}", "送达在作出决定之后（行政处罚法第六十一条）", SET))
    # 听证 notice when required
    fine = decision.fine() if decision else (notice.fine() if notice else None)
    pk = record.party.kind if record else (decision.party_kind() if decision else "个人")
    needs = (record and (record.hearing.required or (record.discretion and record.discretion.hearing_required))) or \
        (fine is not None and fine >= HEARING_THRESHOLD[pk])
    if needs and notice:
        has = "听证告知书" in by or "要求听证" in notice.text
        if not has:
            probs.append(Problem("听证告知", "案卷中没有听证告知书，告知书未告知听证权利",
                                 "拟作出较大数额罚款等处罚的，应当告知当事人有要求听证的权利（行政处罚法第六十三条）", SET))
    # 法制审核 / 集体讨论 when required
    if record and record.discretion:
        if record.discretion.legal_review_required and "行政处罚决定书" in by and "法制审核意见书" not in by:
            probs.append(Problem("法制审核", "案卷中没有法制审核意见书", "重大执法决定须经法制审核后方可作出（行政处罚法第五十八条）", SET))
        if record.discretion.collective_discussion_required and "行政处罚决定书" in by and "集体讨论记录" not in by:
            probs.append(Problem("集体讨论", "案卷中没有集体讨论记录", "情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定（行政处罚法第五十七条第二款）", SET))
    # numbers unique
    nums: dict[str, str] = {}
    for d in docs:
        p = parse_doc_number(d.text) if d.kind and d.kind.numbered else None
        if p:
            key = f"{p[0]}〔{p[1]}〕{p[2]}"
            if key in nums:
                probs.append(Problem("文号重复", f"{nums[key]}与{d.name}", "每份文书的文号唯一", SET))
            nums[key] = d.name
    return probs


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
