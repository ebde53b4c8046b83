#!/usr/bin/env bash
# The main job (README, `make main`): set up like tools/test.sh, then run the training notebook with its defaults
# (procedural world, tiny preset, a few minutes on a 2-core CPU) into runs/main/, then the evaluation notebook
# (nbs/08_eval.ipynb, when it exists) on the newest checkpoint. Extra arguments go to the training papermill call,
# e.g. `bash tools/main.sh -p steps 1000` or `-p nproc 2`. Re-running resumes the run in runs/main (resume="auto").
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/setup.sh
setup_venv || { echo "set-up failed (venv / pip install)"; exit 1; }

mkdir -p runs/main
echo "== training: papermill nbs/07_train.ipynb -> runs/main/train.ipynb"
papermill nbs/07_train.ipynb runs/main/train.ipynb -k python3 -l python --cwd . --log-output -p out_dir main "$@"
ckpt=$(python -c "from remind.train import latest_checkpoint; print(latest_checkpoint('runs/main').resolve())")
echo "== checkpoint: $ckpt"
echo "== loss plot: runs/main/loss.html"

if [ -f nbs/08_eval.ipynb ]; then
  echo "== evaluation: papermill nbs/08_eval.ipynb -> runs/main/eval.ipynb (checkpoint $ckpt)"
  papermill nbs/08_eval.ipynb runs/main/eval.ipynb -k python3 -l python --cwd . --log-output -p checkpoint "$ckpt"
else
  echo "== no nbs/08_eval.ipynb yet: evaluation skipped"
fi
