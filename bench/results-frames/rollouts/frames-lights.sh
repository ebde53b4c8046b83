#!/bin/bash
# Post hoc (after the frame rule was scored): every lights-off record the mend took from a fine-tuned checkpoint
# (resumed 1 before the mend, 0 after), re-drawn from its checkpoint and read frame by frame with bench/drawn_frames.py
# (which checks each re-drawn video against its record). Needs the checkpoints under runs/gpu/ft-inflate/ (not
# committed); the outputs are committed here, and analysis.sh summarizes them. Run from the repository root with the
# venv active: bash bench/results-frames/rollouts/frames-lights.sh v2v > .../frames-lights-v2v.jsonl (then i2v).
T=bench/results-frames/rollouts/records.jsonl; OLD=bench/results-infarch/rollouts/records.jsonl; kind=${1:?v2v or i2v}
for arm in remind qk no_pm_rope vo dual; do for s in 0 1 2; do
  OMP_NUM_THREADS=1 python bench/drawn_frames.py $T "$arm s$s=runs/gpu/ft-inflate/$arm-s$s" --ema --kind $kind --families light_toggle --lost $OLD \
    | sed "s/^{/{\"variant\": \"$arm s$s\", \"kind\": \"$kind\", /"
done; done
