"""Shared fixtures. Tests tell stories about named people: 执法队员 小王, 中队长 老李, 法制审核员 张律师,
镇街执法员 小陈 (荔枝街道), resident 刘阿姨."""

from __future__ import annotations

import os
import tempfile

# every test run gets its own runtime data folder (SQLite file, imported statutes, documents)
os.environ.setdefault("CHENGGUAN_DATA_DIR", tempfile.mkdtemp(prefix="chengguan-test-"))


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _fast_password_hashing(request):
    """PBKDF2 with a million rounds costs ~1 s per user on this 2-core machine; tests need not pay it."""
    if "settings" in request.fixturenames or "db" in request.fixturenames or "transactional_db" in request.fixturenames \
            or request.node.get_closest_marker("django_db"):
        from django.conf import settings

        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    yield
