"""Sampling settings against held-out rollouts: Euler steps, CFG with a blank-caption negative, history noise.

    python bench/sampler_sweep.py models/world-base --n 30 --euler 12 30 --guidance 1 2 4
    python bench/sampler_sweep.py runs/results-cn/remind-s0 --ctx 0 0.05 0.15 0.25      # history-noise level
    python bench/sampler_sweep.py models/world-baseline --window 1                       # the baseline's rolling cache

One line of JSON per setting over `--n` val-split tasks of every family (about one in five a clean control):
progress, the share of tasks whose last frames are readable (`clean_readable`, `int_readable`), PSNR, the frozen
rate, and `late_readable`, the share of generated, observed frames from frame 25 on whose object the state reader
finds. For choosing how to sample on held-out tasks before the test split is scored.
"""
import argparse
import itertools
import json
import time

import numpy as np
import torch


def main(argv=None):
    from remind.evaluate import load_model, rollout_inputs, decode_latents, caption_text, eval_tasks, read_task_state
    from remind.metrics import evaluate_video
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ckpt")
    ap.add_argument("--n", type=int, default=30, help="val-split tasks")
    ap.add_argument("--euler", type=int, nargs="+", default=[12], help="Euler steps per chunk")
    ap.add_argument("--guidance", type=float, nargs="+", default=[1.0], help="CFG scale (negative: the blank caption)")
    ap.add_argument("--ctx", type=float, nargs="+", default=[None], help="history-noise level (default: the run's recorded one)")
    ap.add_argument("--window", type=int, default=0, help="rolling cache of this many chunks (0: all history)")
    a = ap.parse_args(argv)
    torch.set_num_threads(1)
    lm = load_model(a.ckpt)
    tasks = eval_tasks(a.n, split="val", n_frames=45, height=64, width=64)
    policy = {"window": a.window, "pin_anchors": False} if a.window else None
    for e, g, cs in itertools.product(a.euler, a.guidance, a.ctx):
        t0, recs, late = time.time(), [], [0, 0]
        for i, t in enumerate(tasks):
            kw = rollout_inputs(lm, t, e, "euler", seed=i, cache_policy=policy, context_sigma=cs)
            if g != 1.0: kw.update(guidance=g, neg_text=caption_text(lm, ""))
            with torch.no_grad(): lat = lm.model.rollout(**kw)
            v = decode_latents(lat, lm)[:t.clip.n_frames]
            v[:t.n_cond] = t.cond_frames
            recs.append(evaluate_video(v, t, "x", "x"))
            read, seen = read_task_state(v, t), np.asarray(t.clip.state["observed"], bool)
            m = seen & (np.arange(len(v)) >= max(t.n_cond, 25))
            late[0] += int((m & ~np.isnan(read)).sum()); late[1] += int(m.sum())
        clean = lambda r: r["interruption"] == "none"
        intr = lambda r: r["interruption"] != "none"
        mean = lambda k, sel: float(np.nanmean([r[k] for r in recs if sel(r)]))
        readable = lambda sel: float(np.mean([r["abs_error"] == r["abs_error"] for r in recs if sel(r)]))
        print(json.dumps(dict(ckpt=a.ckpt, euler=e, guidance=g, ctx=cs, s=round(time.time() - t0), clean_prog=mean("progress", clean),
                              clean_readable=readable(clean), clean_psnr=round(mean("psnr", clean), 2), int_prog=mean("progress", intr),
                              int_readable=readable(intr), int_psnr=round(mean("psnr", intr), 2), int_frozen=mean("frozen", intr),
                              late_readable=round(late[0] / max(late[1], 1), 3))), flush=True)


if __name__ == "__main__":
    main()
