# Smoke runs of training (sourced by tools/test.sh, which defines run_smoke and runs from the repo root with .venv active).
#   train-papermill:  the run notebook headless under papermill with tiny parameters (REMIND_RUN_TESTS=0: its lessons are skipped, nbdev-test runs them), output under runs/smoke/
#   train-2proc-gloo: 1 process x batch 2 vs torchrun 2 processes x batch 1 over gloo: AdamW first moments (the
#                     gradients) must agree to 1e-6 and the logged losses to 1e-5

smoke_train_papermill() {
  # without its `parameters` tag papermill would silently run the defaults (the several-minute main job)
  python -c 'import json, sys; nb = json.load(open("nbs/07_train.ipynb"))
if not any("parameters" in c.get("metadata", {}).get("tags", []) for c in nb["cells"]):
    sys.exit("nbs/07_train.ipynb has no cell tagged parameters (nbdev-clean strips it unless pyproject.toml has allowed_cell_metadata_keys = [\"tags\"])")' &&
  rm -rf runs/smoke/train && mkdir -p runs/smoke &&
  REMIND_RUN_TESTS=0 papermill nbs/07_train.ipynb runs/smoke/train.ipynb -k python3 -l python --cwd . --log-level WARNING \
    -p frames 33 -p height 32 -p width 32 -p n_clips 4 -p n_val_clips 1 -p steps 8 -p batch 2 -p warmup 2 \
    -p val_every 4 -p ckpt_every 4 -p out_dir smoke/train -p resume never &&
  test -f runs/smoke/train/checkpoints/latest.json && test -f runs/smoke/train/loss.html &&
  grep -q '"step": 8' runs/smoke/train/summary.json
}

smoke_train_2proc() {
  local d=runs/smoke/ddp
  rm -rf "$d" && mkdir -p "$d" &&
  python - "$d" <<'PY' &&
import sys
from pathlib import Path
from remind.train import TrainConfig
from remind.core import write_json_atomic
d = Path(sys.argv[1]).resolve()
base = dict(frames=33, height=32, width=32, n_clips=4, n_val_clips=0, steps=3, warmup=1, lr=2e-3,
            val_every=0, ckpt_every=0, progress=False, resume="never")
write_json_atomic(d / "one.json", TrainConfig(out_dir=str(d / "one"), batch=2, nproc=1, **base).to_dict())
write_json_atomic(d / "two.json", TrainConfig(out_dir=str(d / "two"), batch=1, nproc=2, **base).to_dict())
PY
  OMP_NUM_THREADS=1 python -m remind.train --config "$d/one.json" &&
  OMP_NUM_THREADS=1 python -m torch.distributed.run --standalone --nproc_per_node 2 -m remind.train --config "$d/two.json" &&
  python -m remind.train --compare "$d/one" "$d/two" --what moments --atol 1e-6 &&
  python -m remind.train --compare "$d/one" "$d/two" --what loss --atol 1e-5
}

run_smoke train-papermill smoke_train_papermill
run_smoke train-2proc-gloo smoke_train_2proc
