"""What in the model's own chunk breaks the next one? Clean V2V, the chunk after the first drawn one, drawn from swapped caches.

    python bench/context_swap.py models/world-base
    python bench/context_swap.py models/world-base runs/other/checkpoints/step_0002000 --tasks 48

On held-out clean V2V tasks (val split; two true chunks given, chunks 0-1) the checkpoint draws chunk 2 (its first own
chunk, Euler), then chunk 3 from a cache of the true chunks 0-1 and a chunk 2 that is one of:
  truth: the true chunk 2 (teacher-forced);
  own: its own chunk 2 (what a rollout holds, at history noise 0);
  truth + noise: the true chunk 2 plus Gaussian noise with the per-channel RMS of its own chunk's error;
  own mean: its own chunk 2 as one posterior mean (one step from noise), smooth instead of sampled;
  stalled: the true chunk 1 again (the process stopped for a chunk);
  truth, own where it errs: the true chunk 2 with the quarter of latent cells where its own chunk errs most taken from
    its own (mostly the object);
  own, truth where it errs: the converse.
Every swap draws chunk 3 from the same noise (paired). The state reader reads chunk 3's frames: `readable` (the object is found) and `within` (its state within tolerance).
If the swaps that carry the own chunk's object break chunk 3 and the others do not, the next chunk continues from the
object the cache shows, not from the evidence further back.
"""
from __future__ import annotations

import argparse
import os
import sys

import numpy as np
import torch

SWAPS = ("truth", "own", "truth + noise", "own mean", "stalled", "truth, own where it errs", "own, truth where it errs")


def swaps(ckpt: str, tasks, steps: int = 12) -> dict[str, np.ndarray]:
    "[frames, readable, within] of chunk 3 summed over `tasks`, for each of `SWAPS`."
    from remind.core import video_frames
    from remind.evaluate import load_model, encode_frames, decode_latents, read_task_state, rollout_inputs, STATE_TOL
    lm = load_model(ckpt)
    m, ch = lm.model, lm.model.chunk
    acc = {v: np.zeros(3) for v in SWAPS}
    for i, t in enumerate(tasks):
        kw = rollout_inputs(lm, t, steps, "euler", seed=i)
        if kw["context"].shape[2] != 2 * ch or kw["n_chunks"] < 4:
            raise ValueError(f"task {t.id!r}: expected 2 given chunks and at least 4 in all, got {kw['context'].shape[2]} latent frames "
                             f"given of {kw['n_chunks']} chunks")
        gt = encode_frames(t.clip.frames, lm)
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        tol = STATE_TOL[t.spec.process]
        three = dict(kw, n_chunks=3, cameras=kw["cameras"][:, :3 * ch])
        with torch.no_grad():
            own = m.rollout(**three)[:, :, 2 * ch:3 * ch]
            mean = m.rollout(**dict(three, sampler="few_step", steps=1))[:, :, 2 * ch:3 * ch]
        tr = gt[:, :, 2 * ch:3 * ch]
        err = own - tr
        noise = torch.randn(tr.shape, generator=torch.Generator().manual_seed(100 + i))
        d = err.abs().mean((0, 1, 2))                                                    # [h, w]: where the own chunk errs
        mask = (d >= d.flatten().quantile(0.75)).float()[None, None, None]
        X = dict(zip(SWAPS, (tr, own, tr + noise * err.pow(2).mean((0, 2, 3, 4), keepdim=True).sqrt(), mean, gt[:, :, ch:2 * ch],
                             tr * (1 - mask) + own * mask, own * (1 - mask) + tr * mask)))
        fr = np.arange(video_frames(ch * 3), video_frames(ch * 4))                          # chunk 3's video frames
        for v, x in X.items():
            ctx = torch.cat([gt[:, :, :2 * ch], x], 2)
            paired = torch.Generator().manual_seed(1000 + i)                               # every swap draws chunk 3 from the same noise
            with torch.no_grad(): lat = m.rollout(**dict(kw, n_chunks=4, context=ctx, generator=paired))
            r = read_task_state(decode_latents(torch.cat([ctx, lat[:, :, 3 * ch:]], 2), lm), t)[fr]
            ok = ~np.isnan(r)
            acc[v] += [len(fr), ok.sum(), (np.abs(r[ok] - truth[fr][ok]) <= tol).sum()]
    return acc


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--tasks", type=int, default=48, help="clean val tasks to draw from (half are V2V)")
    ap.add_argument("--steps", type=int, default=12, help="Euler steps per chunk")
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import eval_tasks
    tasks = [t for t in eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64, interruptions=[None]) if t.kind == "v2v"]
    print(f"{len(tasks)} clean V2V val tasks, Euler x {args.steps}: chunk 3 drawn with chunk 2 in the cache =")
    for ck in args.checkpoints:
        print(ck)
        for v, a in swaps(ck, tasks, args.steps).items():
            print(f"   {v:26s} readable {a[1] / a[0]:4.0%}   within {a[2] / a[0]:4.0%}")


if __name__ == "__main__":
    sys.exit(main())
