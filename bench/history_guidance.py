"""Does history guidance restore the rate the base shrinks? A sampler test, no training.

    python bench/history_guidance.py models/world-base --weights 1 1.5 2 --tasks 24

`bench/rate.py` measured that the base draws the first chunk after a clean V2V history at about half the truth's rate
(median advance share 0.47; 0.58 after 2,000 more steps of its recipe), and at about 0 when every given frame is frozen at the last one: it reads the rate
off the video, shrunk toward a copy. History guidance (Song et al. 2025, "History-Guided Video Diffusion") extrapolates
from a history without the evidence to the history with it, as classifier-free guidance does with a caption:

    u = u(frozen history) + w * (u(history) - u(frozen history))

The frozen history is `remind.evaluate.codec_freeze`: the cache's frames decoded, every one replaced by the last,
re-encoded, at the same positions and cameras: the state where it is, no motion to read a rate from (in distribution:
the base trains on clips whose state does not move). It also carries the codec's clamp and uint8 rounding, which the live history does not. w = 1 is the plain sampler (`CausalWan.rollout(history_guidance=)`,
tested in 04a_model). Each drawn chunk costs twice the forward passes, and the frozen stream's cache is rebuilt per
chunk (its frames change as the rollout moves on).

For each weight it prints `bench/drift.py`'s figures (teacher-forced and rollout, by chunk, all / I2V / V2V) and
`bench/rate.py`'s first-chunk advance share (true history, caption), both with guidance on every drawn chunk.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(__file__))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint")
    ap.add_argument("--weights", type=float, nargs="+", default=[1.0, 1.5, 2.0])
    ap.add_argument("--tasks", type=int, default=24, help="clean val tasks for the drift figures")
    ap.add_argument("--rate-tasks", type=int, default=48, help="clean val tasks to draw the rate's monotone V2V tasks from")
    ap.add_argument("--steps", type=int, default=12)
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import eval_tasks
    import drift as D
    import rate as R
    clean = eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64, interruptions=[None])
    mono = [t for t in eval_tasks(args.rate_tasks, split="val", n_frames=45, height=64, width=64, interruptions=[None])
            if t.kind == "v2v" and t.spec.process in R.MONOTONE]
    res = {}
    for w in args.weights:
        d = D.drift(args.checkpoint, clean, args.steps, None, history_guidance=w)
        r = R.advance(args.checkpoint, mono, args.steps, history_guidance=w, ways=R.WAYS[:1])   # true history, caption
        adv = r["true history, caption"]
        ok = ~np.isnan(adv)
        res[w] = {"drift": d, "advance_median": float(np.median(adv[ok])) if ok.any() else None,
                  "advance_quartiles": np.percentile(adv[ok], [25, 75]).round(3).tolist() if ok.any() else None,
                  "advance_readable": float(ok.mean())}
        print(f"w = {w}: first-chunk advance share {res[w]['advance_median']:+.2f} {res[w]['advance_quartiles']} "
              f"(readable {ok.mean():.0%}, {len(mono)} monotone V2V tasks)")
        for g in ("all", "v2v", "i2v"):
            if g not in d: continue
            for c, f in enumerate(d[g]["frames"], 1):
                if not f: continue
                tf, ro = d[g]["teacher-forced"], d[g]["rollout"]
                print(f"   {g:4s} chunk {c}: readable TF {tf['readable'][c-1]:.0%} / rollout {ro['readable'][c-1]:.0%}   "
                      f"within TF {tf['within'][c-1]:.0%} / rollout {ro['within'][c-1]:.0%}")
        sys.stdout.flush()
    print(json.dumps({str(k): v for k, v in res.items()}))


if __name__ == "__main__":
    sys.exit(main())
