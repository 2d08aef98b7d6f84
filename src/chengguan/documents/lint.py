"""Template linter: fields a template uses but the manifest does not declare (or the record cannot supply),
declared fields a template never uses, Jinja tags split across Word runs, curly quotes inside tags,
templates missing or not listed."""

from __future__ import annotations

import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from docxtpl import DocxTemplate

from .manifest import Manifest, load_manifest


@dataclass
class LintIssue:
    kind: str
    file: str
    issue: str  # undeclared | unused | unknown | split-tag | curly-quote | missing-template | unlisted-template | syntax
    detail: str

    def to_dict(self) -> dict:
        return asdict(self)

    def __str__(self) -> str:
        return f"{self.file}：[{self.issue}] {self.detail}"


def context_fields() -> set[str]:
    """Top-level names the renderer supplies (from the sample record)."""
    from .context import base_context
    from .example import example_record

    return set(base_context(example_record())) | {"doc_no", "sign_date"}


_TAG_RE = re.compile(r"\{[{%]")


def _xml_issues(path: Path) -> list[tuple[str, str]]:
    out = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if not re.match(r"word/(document|header\d*|footer\d*)\.xml$", name):
                continue
            xml = z.read(name).decode("utf-8")
            for t in re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml):
                opens = len(re.findall(r"\{\{|\{%", t))
                closes = len(re.findall(r"\}\}|%\}", t))
                if opens != closes:
                    out.append(("split-tag", f"Jinja 标记被拆分到多个文字块（run）中：“{t[:40]}”，请在 Word 中删除后整体重新输入"))
                for tag in re.findall(r"\{[{%].*?[}%]\}", t):
                    if re.search("[“”‘’]", tag):
                        out.append(("curly-quote", f"标记中有中文/弯引号：{tag}，请改为英文直引号"))
    return out


def lint(folder: Path | None = None, manifest: Manifest | None = None) -> list[LintIssue]:
    manifest = manifest or load_manifest(folder)
    folder = manifest.folder
    provided = context_fields()
    issues: list[LintIssue] = []
    listed = set()
    for k in manifest.kinds.values():
        path = folder / k.file
        listed.add(k.file)
        if not path.exists():
            issues.append(LintIssue(k.kind, k.file, "missing-template", f"清单中列出的模板文件不存在：{path}"))
            continue
        for code, detail in _xml_issues(path):
            issues.append(LintIssue(k.kind, k.file, code, detail))
        try:
            used = set(DocxTemplate(str(path)).get_undeclared_template_variables())
        except Exception as e:  # noqa: BLE001 - a template Jinja cannot parse
            issues.append(LintIssue(k.kind, k.file, "syntax", f"模板语法错误：{e}"))
            continue
        declared = set(k.fields) | set(manifest.common_fields)
        for f in sorted(used - declared):
            issues.append(LintIssue(k.kind, k.file, "undeclared", f"模板使用了清单未声明的字段：{f}"))
        for f in sorted(set(k.fields) - used):
            issues.append(LintIssue(k.kind, k.file, "unused", f"清单声明的字段模板中未使用：{f}"))
        for f in sorted(used - provided):
            issues.append(LintIssue(k.kind, k.file, "unknown", f"案件记录不提供该字段：{f}（可用：{'、'.join(sorted(provided))}）"))
    for p in sorted(folder.glob("*.docx")):
        if p.name not in listed and not p.name.startswith("~$"):
            issues.append(LintIssue("", p.name, "unlisted-template", "模板不在 manifest.yaml 中"))
    return issues
