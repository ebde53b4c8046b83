"""Calibrate `remind.metrics.drawn_while_hidden` (the object drawn while it should be hidden) on a results table's tasks.

    OMP_NUM_THREADS=1 python bench/drawn_calibration.py --n-tasks 225 --processes all --out bench/results-drawn/all-225.json
    OMP_NUM_THREADS=1 python bench/drawn_calibration.py --n-tasks 225 --processes inflate --out bench/results-drawn/inflate-225.json

For every interrupted task of `results_tasks(N, processes)` (the tasks `09_results` scores) whose fully hidden interval
holds generated frames, it scores four videos that know the answer:
- the truth: must score `drawn` 0 (it does by construction: the palette leaves out the true hidden frames' colours);
- the truth through the checkpoint's codec (the ceiling row of every table): must stay under `DRAWN_MAX`, or the
  tables' ceilings would lose tasks to the codec's colour errors;
- `planted_failure(task, "skipped")`: the world without the interruption after the given frames (the old view kept,
  the lights kept on, the occluder never drawn), which must reach `DRAWN_MAX` and so lose `hid` and `resumed` (it is
  the render the palette's denominator comes from, so this checks little beyond the plumbing); and `held`, the last
  true frame before the interruption repeated, the harder case (the object as it was, not as it would be).
For `skipped` it also gives `hid` and `resumed` as the reader alone scored them (`drawn` NaN), the hole the mend closes.
The same videos are scored with the hiding rule frame by frame recorded beside `hid` (`remind.metrics.hidden_share`:
`hid_frames`, `resumed_frames`): the truth's `hid_frames` must equal its `hid` (it draws nothing, so both are the
reader's), and a defined `skipped` video must fail it.
Per process and family it prints: tasks, the share where `drawn` is defined, the truth's and the codec's largest
`drawn`, and the share of `skipped` and `held` videos that drew the object, with the reader-alone and the mended
`resumed` of `skipped`; then, under the mended rule and frame by frame, the truth's `hid`, the codec's `resumed`,
`skipped`'s `hid_frames` and `resumed_frames` and `held`'s `hid`. `--check` exits 1 if the truth or the codec reaches
`DRAWN_MAX` anywhere (a false "drawn" would take a hidden task from a model), a defined `skipped` video stays under it
or passes the frame-by-frame rule, or the truth's `hid_frames` differs from its `hid`. A `held` video under it is a
miss the summary counts (a lamp whose colour before the interruption the room also has keeps no palette colour of
that moment), not a failure: a held view fails `progress` after the interruption anyway.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hid_check import reader_only  # noqa: E402


def calibrate(n_tasks: int, processes: str, codec_from: str, log=print) -> list[dict]:
    "One record per interrupted task with generated hidden frames: `drawn` of the four videos, `skipped`'s rates."
    from remind.evaluate import codec_roundtrip, load_model
    from remind.experiment import results_tasks
    from remind.metrics import evaluate_video, interruption_masks, planted_failure
    lm = load_model(codec_from)
    out = []
    for t in results_tasks(n_tasks, processes=processes):
        if not t.clip.events: continue
        ev = t.clip.events[0]
        hide, _ = interruption_masks(ev, t.clip.state["observed"], t.n_cond)
        if not hide.any(): continue
        held = t.clip.frames.copy(); held[t.n_cond:] = t.clip.frames[ev.start - 1]
        skipped = planted_failure(t, "skipped")
        videos = dict(truth=t.clip.frames, codec=codec_roundtrip(t, lm), skipped=skipped, held=held)
        rec = dict(task=t.id, kind=t.kind, process=t.spec.process, interruption=ev.kind)
        sc = {k: evaluate_video(v, t) for k, v in videos.items()}
        rec.update({k: sc[k]["drawn"] for k in videos})                              # `drawn_while_hidden` of each
        sk = sc["skipped"]
        rec.update({f"{k}_{m}": sc[k][m] for k in videos for m in ("hid", "resumed", "hid_frames", "resumed_frames")})
        reader = reader_only(skipped, t, sk)                                          # the reader alone (no `drawn`)
        rec.update(skipped_hid_reader=reader["hid"], skipped_resumed_reader=reader["resumed"],
                   skipped_hid=sk["hid"], skipped_resumed=sk["resumed"], skipped_progress=sk["progress"])
        out.append(rec)
    log(f"{len(out)} interrupted tasks with generated hidden frames of results_tasks({n_tasks}, processes={processes!r})")
    return out


FRAME_RULE = (("truth", "hid"), ("truth", "hid_frames"), ("codec", "resumed"), ("codec", "resumed_frames"),
              ("skipped", "hid_frames"), ("skipped", "resumed_frames"), ("held", "hid"), ("held", "hid_frames"))   # (video, record field) per group


def summarize(records: list[dict]) -> dict:
    "Per process and family, and over all: the figures the module docstring lists."
    from remind.metrics import DRAWN_MAX
    groups = defaultdict(list)
    for r in records:
        groups[f"{r['process']}, {r['interruption']}"].append(r)
        groups["all"].append(r)
    ok = lambda x: x == x
    res = {}
    for g, rs in sorted(groups.items(), key=lambda kv: (kv[0] == "all", kv[0])):
        d = [r for r in rs if ok(r["truth"])]
        drew = lambda k: float(np.mean([r[k] >= DRAWN_MAX for r in d])) if d else None
        res[g] = dict(n=len(rs), defined=len(d) / len(rs), truth_max=max((r["truth"] for r in d), default=None),
                      codec_max=max((r["codec"] for r in d), default=None), skipped_drew=drew("skipped"),
                      held_drew=drew("held"),
                      skipped_resumed_reader=float(np.nanmean([r["skipped_resumed_reader"] for r in rs])),
                      skipped_resumed=float(np.nanmean([r["skipped_resumed"] for r in rs])),
                      **{f"{k}_{m}": float(np.nanmean([r[f"{k}_{m}"] for r in rs])) for k, m in FRAME_RULE})
    return res


def failures(records: list[dict]) -> list[str]:
    """What `--check` refuses: the truth or the codec at `DRAWN_MAX` or over, a defined skipped video under it or passing
    the frame-by-frame rule (`hid_frames` 1), and, on every task, the truth's `hid_frames` other than its `hid` (a
    plumbing check: the truth draws nothing, so both are the reader's)."""
    from remind.metrics import DRAWN_MAX
    bad = []
    for r in records:
        if r["truth_hid_frames"] != r["truth_hid"] and r["truth_hid"] == r["truth_hid"]:
            bad.append(f"{r['task']}: the truth's hid_frames {r['truth_hid_frames']} differs from its hid {r['truth_hid']}")
        if r["truth"] != r["truth"]: continue
        if r["truth"] >= DRAWN_MAX or r["codec"] >= DRAWN_MAX: bad.append(f"{r['task']}: truth {r['truth']:.3f}, codec {r['codec']:.3f}")
        if r["skipped"] < DRAWN_MAX: bad.append(f"{r['task']}: skipped {r['skipped']:.3f}")
        if r["skipped_hid_frames"] == 1.0: bad.append(f"{r['task']}: skipped passes the frame-by-frame rule")
    return bad


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n-tasks", type=int, default=225)
    ap.add_argument("--processes", default="all")
    ap.add_argument("--codec-from", default="models/world-base-gpu", help="a checkpoint whose codec gives the ceiling row")
    ap.add_argument("--out", help="write the records and the summary here (JSON)")
    ap.add_argument("--check", action="store_true", help="exit 1 on a failure (see the module docstring)")
    a = ap.parse_args(argv)
    t0 = time.time()
    recs = calibrate(a.n_tasks, a.processes, a.codec_from)
    summ = summarize(recs)
    f = lambda x: "-" if x is None else f"{x:.3f}"
    print("group | n | defined | truth max | codec max | skipped drew | held drew | skipped resumed: reader alone -> mended")
    for g, s in summ.items():
        print(f"{g} | {s['n']} | {s['defined']:.2f} | {f(s['truth_max'])} | {f(s['codec_max'])} | {f(s['skipped_drew'])} | "
              f"{f(s['held_drew'])} | {s['skipped_resumed_reader']:.2f} -> {s['skipped_resumed']:.2f}")
    print("frame by frame (remind.metrics.hidden_share): group | " + " | ".join(f"{k} {m}" for k, m in FRAME_RULE))
    for g, s in summ.items(): print(f"{g} | " + " | ".join(f"{s[f'{k}_{m}']:.2f}" for k, m in FRAME_RULE))
    bad = failures(recs)
    print(f"{len(bad)} failures" + "".join(f"\n  {b}" for b in bad[:20]) + f"\n{time.time() - t0:.0f} s")
    if a.out:
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        tmp = a.out + ".tmp"
        with open(tmp, "w") as fh: json.dump(dict(args=vars(a), summary=summ, records=recs), fh, indent=1)
        os.replace(tmp, a.out)
    return 1 if a.check and bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
