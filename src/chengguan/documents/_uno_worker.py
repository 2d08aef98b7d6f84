"""UNO worker: keeps one headless LibreOffice running and converts .docx → .pdf on request.

Runs under a Python that has the `uno` module (Debian: python3-uno, i.e. /usr/bin/python3), not the
project's venv; chengguan.documents.pdf.WarmConverter starts it and talks JSON lines over stdin/stdout:
  → {"src": "/abs/in.docx", "dst": "/abs/out.pdf"}     ← {"ok": true, "dst": ..., "ms": 123}
  → {"quit": true}
Standard library + uno only.
"""

import json
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def main():
    soffice = sys.argv[1]
    profile = sys.argv[2]
    pipe = "chengguan_%d" % os.getpid()
    proc = subprocess.Popen(
        [soffice, "--headless", "--invisible", "--nologo", "--norestore", "--nodefault", "--nolockcheck",
         "--nofirststartwizard", "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
         "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    ctx = None
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
            break
        except NoConnectException:
            if proc.poll() is not None:
                break
            time.sleep(0.1)
    if ctx is None:
        print(json.dumps({"ready": False, "error": "LibreOffice did not start"}), flush=True)
        proc.kill()
        return 1
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    print(json.dumps({"ready": True, "pid": proc.pid}), flush=True)
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        req = json.loads(line)
        if req.get("quit"):
            break
        t0 = time.time()
        try:
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(req["src"]), "_blank", 0,
                                               (prop("Hidden", True), prop("ReadOnly", True)))
            if doc is None:
                raise RuntimeError("cannot open " + req["src"])
            try:
                doc.storeToURL(uno.systemPathToFileUrl(req["dst"]),
                               (prop("FilterName", "writer_pdf_Export"),))
            finally:
                doc.close(True)
            out = {"ok": True, "dst": req["dst"], "ms": int((time.time() - t0) * 1000)}
        except Exception as e:  # noqa: BLE001 - reported to the caller
            out = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        print(json.dumps(out), flush=True)
    try:
        desktop.terminate()
    except Exception:  # noqa: BLE001 - the office may already be gone
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
