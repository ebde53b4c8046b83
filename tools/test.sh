#!/usr/bin/env bash
# The test command (README.md): sets itself up on a fresh machine, then
#   1. checks notebooks are clean (nbdev-clean leaves no diff),
#   2. checks the package is in sync with the notebooks (nbdev-export leaves no diff, untracked files included),
#   3. runs every notebook with nbdev-test (one count per notebook),
#   4. runs the smoke runs of tools/smoke_*.sh (papermill runs of the run notebooks, a 2-process run, the published
#      figures derived again from the committed records, the checks of bench/paired.py),
# and ends with one line `N passed, N failed` counting what actually ran. Exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."
JOBS=${REMIND_TEST_JOBS:-2}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-1}   # two notebooks run side by side on two cores

# --- set-up: a local virtual environment, the package and its dev tools (tools/setup.sh) ---
. tools/setup.sh
setup_venv || { echo "FAIL: set-up (venv / pip install)"; echo "0 passed, 1 failed"; exit 1; }

passed=0; failed=0; failures=()
ok()   { passed=$((passed + 1)); echo "PASS $1"; }
bad()  { failed=$((failed + 1)); failures+=("$1"); echo "FAIL $1"; }
snapshot() { find nbs remind -type f -not -path '*/.ipynb_checkpoints/*' -not -path '*/__pycache__/*' -not -name '*.pyc' | LC_ALL=C sort | xargs md5sum; }

# --- 1. notebooks are clean ---
before=$(snapshot); nbdev-clean >/dev/null 2>&1; after=$(snapshot)
if [ "$before" == "$after" ]; then ok "nbdev-clean leaves no diff"; else
  bad "nbdev-clean leaves no diff"; diff <(echo "$before") <(echo "$after") | grep '^[<>]' | awk '{print "  changed: " $3}' | sort -u; fi

# --- 2. package in sync with notebooks ---
before=$(snapshot); nbdev-export >/dev/null 2>&1; after=$(snapshot)
if [ "$before" == "$after" ]; then ok "nbdev-export leaves no diff"; else
  bad "nbdev-export leaves no diff"; diff <(echo "$before") <(echo "$after") | grep '^[<>]' | awk '{print "  changed: " $3}' | sort -u; fi

# --- 3. every notebook under nbdev-test, two at a time, one result per notebook ---
logdir=$(mktemp -d)
ls nbs/*.ipynb | xargs -P "$JOBS" -I{} bash -c '
  nb={}; name=$(basename "$nb" .ipynb); start=$(date +%s)
  if nbdev-test "$nb" > "'"$logdir"'/$name.log" 2>&1; then r=ok; else r=fail; fi
  echo "$r $(( $(date +%s) - start ))" > "'"$logdir"'/$name.res"'
for nb in nbs/*.ipynb; do
  name=$(basename "$nb" .ipynb); read -r r secs < "$logdir/$name.res"
  if [ "$r" == ok ]; then ok "nbdev-test $name (${secs}s)"; else bad "nbdev-test $name (${secs}s)"; tail -40 "$logdir/$name.log" | sed 's/^/  | /'; fi
done

# --- 4. smoke runs of the run notebooks: each tools/smoke_*.sh (in name order) calls `run_smoke NAME command...` ---
run_smoke() { local name=$1; shift; local start=$(date +%s)
  if "$@" > "$logdir/smoke-$name.log" 2>&1; then ok "smoke $name ($(( $(date +%s) - start ))s)"; else
    bad "smoke $name ($(( $(date +%s) - start ))s)"; tail -40 "$logdir/smoke-$name.log" | sed 's/^/  | /'; fi; }
for f in $(ls tools/smoke_*.sh 2>/dev/null | LC_ALL=C sort); do . "$f"; done

echo
[ "$failed" -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
