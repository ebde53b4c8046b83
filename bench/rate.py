"""Where does a model get the rate of a process from: the video it was given, or its caption?

    python bench/rate.py models/world-base
    python bench/rate.py models/world-base runs/other/checkpoints/step_0002000 --tasks 96

On held-out clean V2V tasks (val split) of the monotone processes (fill, inflate, move, lamp: the state moves one way at
a steady rate) the checkpoint draws the first chunk after the given frames (Euler, teacher-forced: the true given
frames in its cache) four ways, a 2 x 2 of what it is shown:
  history: the true given frames (the process visibly moving), or `frozen`: every given frame replaced by the last
           one, re-encoded (the state where it is, but no motion to read a rate from);
  caption: the task's caption (which names the process and its start and end values), or the blank caption.
Every way draws the chunk from the same noise (paired). The world's state reader reads the drawn chunk's frames; the figure is the chunk's mean read state minus the state at
the last given frame, as a share of the truth's (1: the right rate; 0: a copy; < 0: backwards). It prints the median
and the quartiles over the tasks whose chunk is readable, and the readable share. The codec's row (the truth through the
latent codec) is the ceiling. A model that reads the rate off the video keeps most of its advance with a blank
caption and loses it with a frozen history; one that reads it off the words does the opposite.
"""
from __future__ import annotations

import argparse
import os
import sys

import numpy as np
import torch

MONOTONE = ("fill", "inflate", "move", "lamp")
WAYS = ("true history, caption", "true history, blank", "frozen history, caption", "frozen history, blank")


def advance(ckpt: str, tasks, steps: int = 12, history_guidance: float = 1.0, ways=WAYS) -> dict[str, np.ndarray]:
    "Per task, the advance share of the first drawn chunk under each of `WAYS` (NaN: unreadable), and the codec's."
    from remind.core import video_frames
    from remind.evaluate import load_model, encode_frames, decode_latents, read_task_state, rollout_inputs, caption_text
    lm = load_model(ckpt)
    m, ch = lm.model, lm.model.chunk
    out = {k: [] for k in (*ways, "codec")}
    blank = caption_text(lm, "")
    for i, t in enumerate(tasks):
        kw = rollout_inputs(lm, t, steps, "euler", seed=i, history_guidance=history_guidance)
        c = kw["context"].shape[2] // ch                                  # the first drawn chunk
        kw.update(n_chunks=c + 1, cameras=kw["cameras"][:, :(c + 1) * ch])
        fr = np.arange(video_frames(ch * c), video_frames(ch * (c + 1)))  # its video frames
        truth = np.asarray(t.clip.state[t.state_var], np.float64)
        s0, adv = truth[t.n_cond - 1], truth[fr].mean() - truth[t.n_cond - 1]
        gt = encode_frames(t.clip.frames, lm)
        cond = np.asarray(t.cond_frames)
        frozen = encode_frames(np.repeat(cond[-1:], len(cond), 0), lm)
        share = lambda r: (np.nanmean(r) - s0) / adv if (~np.isnan(r)).any() else np.nan
        for k in ways:
            a = dict(kw, context=frozen if k.startswith("frozen") else kw["context"], text=blank if k.endswith("blank") else kw["text"],
                     generator=torch.Generator().manual_seed(i))                  # paired: every way draws from the same noise
            with torch.no_grad(): lat = m.rollout(**a)
            out[k].append(share(read_task_state(decode_latents(torch.cat([gt[:, :, :c * ch], lat[:, :, c * ch:]], 2), lm), t)[fr]))
        out["codec"].append(share(read_task_state(decode_latents(gt, lm), t)[fr]))
    return {k: np.array(v) for k, v in out.items()}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoints", nargs="+")
    ap.add_argument("--tasks", type=int, default=96, help="clean val tasks to draw from (a third are V2V of a monotone process: half V2V, 4 of 6 processes)")
    ap.add_argument("--steps", type=int, default=12, help="Euler steps per chunk")
    ap.add_argument("--history-guidance", type=float, default=1.0, help="history guidance weight (1: off)")
    args = ap.parse_args(argv)
    torch.set_num_threads(int(os.environ.get("OMP_NUM_THREADS", "1")))
    from remind.evaluate import eval_tasks
    tasks = [t for t in eval_tasks(args.tasks, split="val", n_frames=45, height=64, width=64, interruptions=[None])
             if t.kind == "v2v" and t.spec.process in MONOTONE]
    print(f"{len(tasks)} clean V2V val tasks ({', '.join(MONOTONE)}), Euler x {args.steps}{f', history guidance {args.history_guidance}' if args.history_guidance != 1 else ''}: the first drawn chunk's state advance "
          f"as a share of the truth's (median [quartiles], readable share)")
    for ck in args.checkpoints:
        r = advance(ck, tasks, args.steps, args.history_guidance)
        print(ck)
        for k, v in r.items():
            ok = ~np.isnan(v)
            q = np.percentile(v[ok], [25, 50, 75]) if ok.any() else [np.nan] * 3
            print(f"   {k:24s} {q[1]:+.2f} [{q[0]:+.2f}, {q[2]:+.2f}]   readable {ok.mean():.0%}")


if __name__ == "__main__":
    sys.exit(main())
