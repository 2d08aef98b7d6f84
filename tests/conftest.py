"""Shared fixtures. Tests tell stories about named people: 执法队员 小王, 中队长 老李, 法制审核员 张律师,
镇街执法员 小陈 (荔枝街道), resident 刘阿姨."""

from __future__ import annotations

import os
import tempfile

# every test run gets its own runtime data folder (SQLite file, imported statutes, documents)
os.environ.setdefault("CHENGGUAN_DATA_DIR", tempfile.mkdtemp(prefix="chengguan-test-"))
