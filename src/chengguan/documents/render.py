"""Rendering: a CaseRecord → the case's documents (.docx, optionally .pdf) from the manifest's templates."""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

from ..law.kb import KnowledgeBase, get_kb
from .context import base_context, document_context
from .manifest import DocKind, Manifest, load_manifest
from .numbering import NumberAllocator
from .record import CaseRecord


class RenderError(RuntimeError):
    pass


_cache: dict[tuple[str, float], bytes] = {}
_cache_lock = threading.Lock()
class _CachingEnvironment(jinja2.Environment):
    """docxtpl compiles each XML part with from_string on every render; the parts of a template are the
    same every time, so compiled templates are kept (keyed by the patched XML source)."""

    _compiled: dict[str, jinja2.Template]

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 - jinja2's signature
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        cache = self.__dict__.setdefault("_compiled", {})
        tpl = cache.get(source)
        if tpl is None:
            tpl = super().from_string(source)
            if len(cache) > 512:
                cache.clear()
            cache[source] = tpl
        return tpl


_ENV = _CachingEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def _template_bytes(path: Path) -> bytes:
    key = (str(path), path.stat().st_mtime)
    with _cache_lock:
        data = _cache.get(key)
        if data is None:
            data = path.read_bytes()
            _cache[key] = data
    return data


def applicable_kinds(record: CaseRecord, manifest: Manifest | None = None) -> list[str]:
    """The kinds of document this case's set contains, in manifest order."""
    manifest = manifest or load_manifest()
    simple = record.procedure == "简易程序"
    out = []
    for k in manifest.kinds.values():
        w = k.when
        if simple:
            ok = w == "simple" or (w.startswith("dates.") and k.kind in ("现场检查（勘验）笔录", "催告书")
                                   and getattr(record.dates, w[6:], None) is not None)
        elif w == "always":
            ok = True
        elif w.startswith("dates."):
            ok = getattr(record.dates, w[6:], None) is not None
        elif w == "hearing":
            ok = record.hearing.required or bool(record.discretion and record.discretion.hearing_required)
        elif w == "penalty":
            ok = bool(record.decision.kinds) and record.transfer is None
        elif w == "no_penalty":
            ok = not record.decision.kinds and record.transfer is None and record.dates.decision is not None
        elif w == "transfer":
            ok = record.transfer is not None
        else:
            ok = False
        if ok:
            out.append(k.kind)
    return out


def assign_numbers(record: CaseRecord, kinds: list[str], allocator: NumberAllocator | None,
                   manifest: Manifest | None = None) -> CaseRecord:
    """A copy of the record with a 文号 for every numbered kind in `kinds` that has none yet."""
    manifest = manifest or load_manifest()
    numbers = dict(record.doc_numbers)
    missing = [k for k in kinds if manifest.get(k).numbered and k not in numbers]
    if missing and allocator is None:
        raise RenderError(f"以下文书缺少文号且未提供文号分配器：{'、'.join(missing)}")
    for k in missing:
        dk = manifest.get(k)
        day = getattr(record.dates, dk.date, None) or record.dates.filed or record.act_date
        numbers[k] = allocator.allocate(record.bureau.doc_prefix + dk.prefix, day.year,
                                        case_number=record.case_number, kind=k)
    return record.model_copy(update={"doc_numbers": numbers})


def render_docx(record: CaseRecord, kind: str | DocKind, *, manifest: Manifest | None = None,
                kb: KnowledgeBase | None = None, base: dict | None = None) -> bytes:
    """One document as .docx bytes."""
    manifest = manifest or load_manifest()
    dk = kind if isinstance(kind, DocKind) else manifest.get(kind)
    if base is None:
        base = base_context(record, kb or get_kb(), manifest)
    ctx = document_context(base, record, dk)
    tpl = DocxTemplate(io.BytesIO(_template_bytes(dk.template_path(manifest.folder))))
    try:
        tpl.render(ctx, jinja_env=_ENV, autoescape=True)
    except jinja2.UndefinedError as e:
        raise RenderError(f"模板《{dk.file}》使用了未定义的字段：{e}") from e
    except jinja2.TemplateError as e:
        raise RenderError(f"模板《{dk.file}》语法错误：{e}") from e
    buf = io.BytesIO()
    tpl.save(buf)
    return buf.getvalue()


@dataclass
class Rendered:
    kind: str
    docx: Path
    pdf: Path | None = None


def render_set(record: CaseRecord, out_dir: Path | str, *, kinds: list[str] | None = None,
               allocator: NumberAllocator | None = None, pdf: bool = False, converter=None,
               manifest: Manifest | None = None, kb: KnowledgeBase | None = None) -> list[Rendered]:
    """Render the case's full set (or `kinds`) into out_dir as <kind>.docx (and <kind>.pdf with pdf=True)."""
    manifest = manifest or load_manifest()
    kb = kb or get_kb()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    full = applicable_kinds(record, manifest)
    kinds = kinds or full
    record = assign_numbers(record, kinds, allocator, manifest)
    base = base_context(record, kb, manifest, list(dict.fromkeys(full + kinds)))
    results = []
    for k in kinds:
        path = out / f"{k}.docx"
        path.write_bytes(render_docx(record, k, manifest=manifest, kb=kb, base=base))
        results.append(Rendered(k, path))
    if pdf:
        from .pdf import get_converter

        conv = converter or get_converter()
        pdfs = conv.convert_many([r.docx for r in results], out)
        for r, p in zip(results, pdfs):
            r.pdf = p
    return results
