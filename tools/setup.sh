# Set-up shared by tools/test.sh and tools/main.sh (sourced from the repo root): a local .venv holding the package
# and its dev tools, with torch pinned as torch==2.13.0 in the same pip command (an unpinned torch pulls CUDA builds).
export PYTHONUNBUFFERED=1 PIP_DISABLE_PIP_VERSION_CHECK=1

setup_venv() {
  if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    "${PYTHON:-python3}" -m venv .venv || return 1
  fi
  . .venv/bin/activate
  echo "== installing remind[dev] (torch==2.13.0)"
  # grep drops the "Location ... is ignored" noise some pip configurations print for every package
  python -m pip install -q torch==2.13.0 -e ".[dev]" 2>&1 | { grep -v "^WARNING: Location" || true; }
  return "${PIPESTATUS[0]}"
}
