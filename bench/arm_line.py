"""Train one arm on the 10,500-step line that every arm of `bench/results-seeds` and `bench/results-arch` was tabled on.

    python bench/arm_line.py ARM SEED            # e.g. no_pm_rope 1; resumable: run it again to continue

The line (bench/README.md, "The 10,500-step arms on three seeds"): from the GPU base (`models/world-base-gpu`),
9,000 steps of recipe ARM (`remind.experiment.RECIPES`, batch 4, one process, EMA 0.995) into
`runs/gpu/ft-long/ARM-sSEED`, then a new run of 1,500 steps from that step-9,000 checkpoint, with a fresh AdamW state,
warm-up and EMA, into `runs/ft-expo-ctl/ARM-sSEED`, whose EMA weights the table scores. Both stages resume from their
newest intact checkpoint (`TrainConfig.resume = "auto"`), so a stopped session loses at most `ckpt_every` steps.
Earlier stages were driven by scripts under the ignored `runs/logs/` that did exactly this; this file replaces them.

One thread per process is what two runs side by side on the 2-core box want: set OMP_NUM_THREADS=1 (or 2 alone).
Score the result with `nbs/09_results.ipynb -p root ft-expo-ctl -p arms ARM -r seeds SEED ...` (bench/README.md).
"""
from __future__ import annotations

import argparse
import time

from remind.experiment import RECIPES, train_arm
from remind.train import checkpoint_step, latest_checkpoint

STAGE1, STAGE2 = "gpu/ft-long", "ft-expo-ctl"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("arm", choices=sorted(a for a in RECIPES if a != "base"))
    ap.add_argument("seed", type=int)
    ap.add_argument("--init", default="models/world-base-gpu", help="the base the line starts from (default: the GPU base)")
    ap.add_argument("--steps", type=int, nargs=2, default=(9000, 1500), metavar=("FIRST", "SECOND"))
    a = ap.parse_args(argv)
    t0 = time.time()
    first = train_arm(a.arm, a.seed, STAGE1, init=a.init, steps=a.steps[0], ema=0.995, ckpt_every=250, keep_checkpoints=3)
    ckpt = latest_checkpoint(first)   # the run's newest intact checkpoint: its last step once it has finished
    step = checkpoint_step(first)
    if step != a.steps[0]:
        raise SystemExit(f"arm_line: stage 1 of {a.arm} s{a.seed} should end at step {a.steps[0]}; its newest checkpoint is {ckpt} (step {step})")
    t1 = time.time()
    train_arm(a.arm, a.seed, STAGE2, init=str(ckpt), steps=a.steps[1], ema=0.995, ckpt_every=200)
    print(f"arm_line {a.arm} s{a.seed}: stage 1 {t1 - t0:.0f} s, stage 2 {time.time() - t1:.0f} s (this invocation)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
