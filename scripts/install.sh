#!/usr/bin/env bash
# Install everything chengguan needs on a fresh Debian 12 machine (run as root, Python 3.11 present):
# Debian packages (LibreOffice for PDF, CJK fonts, poppler for PDF checks, Chromium for browser tests),
# a virtual environment at .venv with the pinned Python packages, and the font mapping for documents.
# Safe to run again: it skips what is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-writer-nogui python3-uno fonts-noto-cjk poppler-utils chromium fontconfig)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "== apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv"
  python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
fi
stamp=.venv/.chengguan-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "== pip: installing chengguan and its pinned dependencies"
  .venv/bin/pip install -q --upgrade "pip>=24" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/pip install -q -e ".[test]" 2>&1 | grep -v "^WARNING: Location" || true
  .venv/bin/python -c "import chengguan, django, rjieba, docxtpl, numpy"
  touch "$stamp"
fi

# Fonts: map the official-document font names (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体) to free CJK fonts.
if [ -f data/fonts/fonts.conf ] && [ -d /etc/fonts/conf.d ]; then
  if ! cmp -s data/fonts/fonts.conf /etc/fonts/conf.d/65-chengguan.conf 2>/dev/null; then
    cp data/fonts/fonts.conf /etc/fonts/conf.d/65-chengguan.conf
    fc-cache -f >/dev/null 2>&1 || true
  fi
fi
echo "== chengguan installed: $(.venv/bin/chengguan --help >/dev/null && echo ok)"
