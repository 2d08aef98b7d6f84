"""A production start refuses known demo passwords; demo data only goes into a demo deployment; `serve` runs
gunicorn and answers."""

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from chengguan.cli.web import DEMO_PASSWORD, production_problems


@pytest.fixture
def production(settings):
    settings.DEPLOYMENT = "production"
    settings.SECRET_KEY = "a-real-secret-for-this-test-only-0123456789"
    return settings


def test_production_refuses_an_account_with_the_demo_password(production, django_user_model):
    django_user_model.objects.create_user("admin", password=DEMO_PASSWORD)
    problems = production_problems()
    assert problems and "admin" in problems[0] and "演示密码" in problems[0]


def test_production_with_real_passwords_starts(production, django_user_model):
    django_user_model.objects.create_user("admin", password="a-strong-password-9")
    assert production_problems() == []


def test_production_needs_a_secret_key(production, db, settings):
    settings.SECRET_KEY = "dev-insecure-key-x"
    assert any("CHENGGUAN_SECRET_KEY" in p for p in production_problems())


def test_demo_data_is_refused_in_production(tmp_path):
    env = {**os.environ, "CHENGGUAN_DATA_DIR": str(tmp_path), "CHENGGUAN_DEPLOYMENT": "production"}
    env.pop("DATABASE_URL", None)
    r = subprocess.run([sys.executable, "-m", "chengguan.cli", "demo"], env=env, capture_output=True, text=True)
    assert r.returncode != 0 and "演示" in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_gunicorn_and_answers(tmp_path):
    port = _free_port()
    env = {**os.environ, "CHENGGUAN_DATA_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "chengguan.cli", "serve", "--port", str(port), "--workers", "1"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        body = None
        for _ in range(120):
            try:
                body = urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).read().decode()
                break
            except OSError:
                time.sleep(0.5)
        assert body and '"ok": true' in body
        login = urllib.request.urlopen(f"http://127.0.0.1:{port}/accounts/login/", timeout=5).read().decode()
        assert "登录" in login
    finally:
        proc.terminate()
        out = proc.communicate(timeout=20)[0]
    assert "gunicorn" in out.lower() or "Booting worker" in out
