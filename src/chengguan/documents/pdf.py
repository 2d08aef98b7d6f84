"""PDF conversion with LibreOffice headless.

WarmConverter keeps one LibreOffice running (started once, driven over a UNO pipe by _uno_worker.py
under a Python that has `uno` — Debian's python3-uno), so a request does not pay the start-up.
ColdConverter runs `soffice --convert-to pdf` per call (the fallback when no `uno` Python exists).
Both set FONTCONFIG_FILE to data/fonts/fonts.conf so 仿宋_GB2312/方正小标宋简体/黑体/楷体 map to Noto CJK
and the fonts are embedded in the PDF.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from .. import DATA_DIR

FONTS_CONF = DATA_DIR / "fonts" / "fonts.conf"
UNO_PYTHONS = ("/usr/bin/python3", "/usr/lib/libreoffice/program/python", "/opt/libreoffice/program/python")


class ConversionError(RuntimeError):
    pass


def soffice_path() -> str:
    exe = os.environ.get("CHENGGUAN_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        raise ConversionError("未找到 LibreOffice（soffice）。请安装：apt-get install libreoffice-writer-nogui fonts-noto-cjk")
    return exe


def uno_python() -> str | None:
    """A Python interpreter that can `import uno` (CHENGGUAN_UNO_PYTHON overrides), or None."""
    cands = [os.environ["CHENGGUAN_UNO_PYTHON"]] if os.environ.get("CHENGGUAN_UNO_PYTHON") else list(UNO_PYTHONS)
    for c in cands:
        if c and Path(c).exists():
            try:
                r = subprocess.run([c, "-c", "import uno"], capture_output=True, timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                continue
            if r.returncode == 0:
                return c
    return None


SYSTEM_FONTS_CONF = Path("/etc/fonts/fonts.conf")


def fontconfig_file(home: Path) -> Path:
    """A fontconfig file for LibreOffice: the system configuration, then data/fonts/fonts.conf (the 仿宋/小标宋/黑体/楷体
    mapping to Noto CJK). Written into the converter's own HOME."""
    path = home / "chengguan-fonts.conf"
    includes = [p for p in (SYSTEM_FONTS_CONF, FONTS_CONF) if p.exists()]
    path.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n'
                    + "".join(f'  <include ignore_missing="yes">{p}</include>\n' for p in includes)
                    + "</fontconfig>\n", encoding="utf-8")
    return path


def office_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["HOME"] = str(home)
    if FONTS_CONF.exists():
        env["FONTCONFIG_FILE"] = str(fontconfig_file(home))
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONHOME", None)
    env.pop("VIRTUAL_ENV", None)
    return env


class ColdConverter:
    """`soffice --headless --convert-to pdf` per call (a fresh LibreOffice each time)."""

    def convert(self, src: Path | str, out_dir: Path | str | None = None) -> Path:
        return self.convert_many([src], out_dir)[0]

    def convert_many(self, srcs: list[Path | str], out_dir: Path | str | None = None, *, one_process: bool = False) -> list[Path]:
        srcs = [Path(s).resolve() for s in srcs]
        outs = []
        groups = [srcs] if one_process else [[s] for s in srcs]
        for g in groups:
            od = Path(out_dir or g[0].parent).resolve()
            with tempfile.TemporaryDirectory(prefix="cg-lo-") as home:
                r = subprocess.run([soffice_path(), "--headless", "--norestore", "--nologo", "--nolockcheck",
                                    f"-env:UserInstallation=file://{home}/profile", "--convert-to", "pdf",
                                    "--outdir", str(od), *map(str, g)],
                                   capture_output=True, text=True, env=office_env(Path(home)), timeout=300)
            for s in g:
                p = od / (s.stem + ".pdf")
                if r.returncode != 0 or not p.exists():
                    raise ConversionError(f"转换失败：{s.name}：{r.stderr.strip()[-300:]}")
                outs.append(p)
        return outs

    def close(self) -> None:
        pass


class WarmConverter:
    """One long-lived LibreOffice driven over UNO. Thread-safe (requests are serialised)."""

    def __init__(self, python: str | None = None, start_timeout: float = 120):
        self.python = python or uno_python()
        if not self.python:
            raise ConversionError("没有可导入 uno 的 Python（Debian：apt-get install python3-uno），无法启动常驻转换服务")
        self.start_timeout = start_timeout
        self._lock = threading.Lock()
        self._proc: subprocess.Popen | None = None
        self._home: tempfile.TemporaryDirectory | None = None
        self.office_pid: int | None = None

    def start(self) -> "WarmConverter":
        with self._lock:
            self._start()
        return self

    def _start(self) -> None:
        if self._proc and self._proc.poll() is None:
            return
        self._home = tempfile.TemporaryDirectory(prefix="cg-lo-warm-")
        home = Path(self._home.name)
        worker = Path(__file__).with_name("_uno_worker.py")
        self._proc = subprocess.Popen([self.python, str(worker), soffice_path(), str(home / "profile")],
                                      stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                      text=True, env=office_env(home), bufsize=1)
        line = self._readline(self.start_timeout)
        msg = json.loads(line) if line else {}
        if not msg.get("ready"):
            self._kill()
            raise ConversionError(f"LibreOffice 常驻服务启动失败：{msg.get('error', line or '无响应')}")
        self.office_pid = msg.get("pid")

    def _readline(self, timeout: float) -> str:
        result: list[str] = []
        t = threading.Thread(target=lambda: result.append(self._proc.stdout.readline()), daemon=True)
        t.start()
        t.join(timeout)
        if t.is_alive():
            self._kill()
            raise ConversionError(f"LibreOffice 在 {timeout:.0f} 秒内没有响应")
        return result[0].strip() if result else ""

    def convert(self, src: Path | str, out_dir: Path | str | None = None, timeout: float = 120) -> Path:
        src = Path(src).resolve()
        dst = Path(out_dir or src.parent).resolve() / (src.stem + ".pdf")
        with self._lock:
            for attempt in (1, 2):
                self._start()
                try:
                    self._proc.stdin.write(json.dumps({"src": str(src), "dst": str(dst)}) + "\n")
                    self._proc.stdin.flush()
                    line = self._readline(timeout)
                except (BrokenPipeError, OSError, ConversionError):
                    self._kill()
                    if attempt == 2:
                        raise
                    continue
                if not line:  # the worker died: restart once
                    self._kill()
                    if attempt == 2:
                        raise ConversionError(f"转换失败：{src.name}：LibreOffice 意外退出")
                    continue
                msg = json.loads(line)
                if not msg.get("ok"):
                    raise ConversionError(f"转换失败：{src.name}：{msg.get('error')}")
                return dst
        raise ConversionError(f"转换失败：{src.name}")

    def convert_many(self, srcs: list[Path | str], out_dir: Path | str | None = None) -> list[Path]:
        return [self.convert(s, out_dir) for s in srcs]

    def _kill(self) -> None:
        if self._proc:
            try:
                self._proc.kill()
                self._proc.wait(timeout=10)
            except Exception:  # noqa: BLE001
                pass
        if self.office_pid:
            try:
                os.kill(self.office_pid, 9)  # the soffice the worker started (by its id)
            except OSError:
                pass
        self._proc = None
        self.office_pid = None

    def close(self) -> None:
        with self._lock:
            if self._proc and self._proc.poll() is None:
                try:
                    self._proc.stdin.write(json.dumps({"quit": True}) + "\n")
                    self._proc.stdin.flush()
                    self._proc.wait(timeout=30)
                except Exception:  # noqa: BLE001
                    self._kill()
            self._proc = None
            if self._home:
                self._home.cleanup()
                self._home = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()


_converter = None
_conv_lock = threading.Lock()


def get_converter():
    """The process-wide converter: warm when a `uno` Python exists, else cold."""
    global _converter
    with _conv_lock:
        if _converter is None:
            try:
                _converter = WarmConverter().start()
            except ConversionError:
                _converter = ColdConverter()
            atexit.register(_converter.close)
        return _converter
