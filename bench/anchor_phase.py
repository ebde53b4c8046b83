"""Does the camera phase move attention off the anchor? The anchor share with the clip's cameras and with still ones.

    P="--tasks 160 --families camera_loop,zoom --history-guidance 2 --anchor --records runs/anchor-phase.jsonl"
    OMP_NUM_THREADS=1 python bench/recovery_probe.py remind-s0=models/world-long-remind $P      # shipped: EMA weights already
    OMP_NUM_THREADS=1 python bench/recovery_probe.py remind-s0-still=models/world-long-remind $P --cameras still
    OMP_NUM_THREADS=1 python bench/recovery_probe.py qk-s1=runs/ft-expo-ctl/qk-s1 ... --ema $P   # and -still, vo-s1, no_pm_rope-s1
    python bench/anchor_phase.py runs/anchor-phase.jsonl --versus no_pm_rope-s1

The results table found the anchor share's excess over chance lower in the arms with the camera phase on Q and K (Full,
QK only: +0.12) than in VO only, dual attention and ReMind without PM-RoPE (+0.15), most of all after camera loops and
zooms, where the camera is back at the anchor's pose by the recovery frame (bench/README.md, "The anchor share against
its chance level"). Two readings fit: the phase, applied at inference, moves attention between chunks seen from other
poses (an effect of the input), or the fine-tune learned weights that attend less to the anchor (an effect of training).
They come apart when the same checkpoint is given the same true history twice, once with the clip's camera path and
once with every frame at the first frame's camera, where every relative camera is the identity and PM-RoPE's Q/K phase
and V/O residual see no motion (`bench/recovery_probe.py --anchor --cameras still`; the history, the noise seeds and
the sampler are the same). The records come from the teacher-forced recovery probe: the cache holds the true latents up
to the end of the hidden interval, so the drawn frames cannot carry the difference in.

This prints, per checkpoint and family group (the camera families, camera loop and zoom; the others, lights and
occluder, where the camera does not move): the mean excess (anchor share minus its chance level,
`remind.metrics.anchor_chance`) with each camera path, their paired difference still minus true with a percentile
bootstrap 95% interval over tasks (the two means over the tasks it pairs), and the recovered and readable shares' paired
differences in points; with `--versus A`, each checkpoint's excess minus A's, task by task, under each camera path, and
its change minus A's change; with `--by-family`, each family on its own too. Variants are the probe's names; a
variant's still run is named `NAME-still` and must hold `cameras` 'still' records of the same checkpoint, weights and
history guidance (refused otherwise, as are records without the anchor share and a task scored twice).
"""
from __future__ import annotations

import argparse
import json
import sys

import numpy as np

GROUPS = {"camera loop + zoom": ("camera_loop", "zoom"), "lights + occluder": ("light_toggle", "occluder")}


def excess(r: dict) -> float:
    "Anchor share minus its chance level; NaN where either is undefined (no anchor chunk, or nothing recorded)."
    s, c = r.get("anchor_share"), r.get("anchor_chance")
    return float("nan") if s is None or c is None else float(s) - float(c)   # NaN propagates


def shared(a: dict[str, float], b: dict[str, float]) -> list[str]:
    "The tasks where both `a` and `b` are defined (not NaN)."
    return [t for t in a if t in b and a[t] == a[t] and b[t] == b[t]]


def paired(a: dict[str, float], b: dict[str, float], scale: float = 1.0) -> tuple[float, float, float, int]:
    "Mean of b - a over the `shared` tasks, with a percentile bootstrap 95% interval (`remind.metrics.bootstrap_ci`)."
    from remind.metrics import bootstrap_ci
    return bootstrap_ci(np.asarray([b[t] - a[t] for t in shared(a, b)], np.float64) * scale, n_boot=10_000)


SAME = ("checkpoint", "weights", "history_guidance")   # what a checkpoint's two runs must share


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records", nargs="+", help="recovery-probe record files written with --anchor (true and still runs)")
    ap.add_argument("--versus", default="", help="a variant each other one is compared with, task by task (B minus it): "
                    "its excess with each camera path, and its change (still minus true) minus the other's")
    ap.add_argument("--by-family", action="store_true", help="each family on its own too, after the two groups")
    a = ap.parse_args(argv)
    sys.path.insert(0, "bench")
    from recovery_probe import readable, with_nan
    recs = [with_nan(json.loads(line)) for p in a.records for line in open(p) if line.strip()]
    by: dict[str, list[dict]] = {}
    for r in recs: by.setdefault(r["variant"], []).append(r)
    if missing := [v for v in by if "anchor_share" not in by[v][0]]:
        raise SystemExit(f"anchor_phase: variants {missing} carry no anchor share; expected records written with recovery_probe.py --anchor")
    if twice := sorted(v for v, rs in by.items() if len({r["task"] for r in rs}) < len(rs)):
        raise SystemExit(f"anchor_phase: variants {twice} score a task more than once (a run appended twice?); expected one record per task")
    names = [v for v in by if not v.endswith("-still") and v + "-still" in by]
    if not names: raise SystemExit(f"anchor_phase: no variant has a '-still' run beside it; variants: {sorted(by)}")
    for v in names:
        got = ({r.get("cameras", "true") for r in by[v]}, {r.get("cameras", "true") for r in by[v + "-still"]})
        if got != ({"true"}, {"still"}):
            raise SystemExit(f"anchor_phase: {v!r} and {v + '-still'!r} hold cameras {sorted(got[0])} and {sorted(got[1])}; "
                             "expected ['true'] and ['still'] (recovery_probe.py --cameras)")
        how = [{tuple(r.get(k) for k in SAME) for r in by[x]} for x in (v, v + "-still")]
        if len(how[0] | how[1]) != 1:
            raise SystemExit(f"anchor_phase: {v!r} and {v + '-still'!r} differ in {SAME}: {sorted(how[0] | how[1], key=str)}; expected one checkpoint run twice")
    if lone := [v for v in by if not v.endswith("-still") and v not in names]:
        print(f"(left out, no still run: {', '.join(lone)})")
    if a.versus and a.versus not in names: raise SystemExit(f"anchor_phase: --versus {a.versus!r} is not a variant with a still run; expected one of {names}")
    key = lambda rs, fams, f: {r["task"]: f(r) for r in rs if r["interruption"] in fams}
    fmt = lambda m, lo, hi, n: f"{m:+.3f} [{lo:+.3f}, {hi:+.3f}] ({n})"
    pts = lambda m, lo, hi, n: f"{m:+.1f} [{lo:+.1f}, {hi:+.1f}]"
    def change(v: str, fams) -> dict[str, float]:
        "Still minus true excess, task by task, where both are defined."
        et, es = key(by[v], fams, excess), key(by[v + "-still"], fams, excess)
        return {t: es[t] - et[t] for t in shared(et, es)}
    groups = dict(GROUPS) | ({f: (f,) for fams in GROUPS.values() for f in fams} if a.by_family else {})
    for g, fams in groups.items():
        here = [v for v in names if any(r["interruption"] in fams for r in by[v])]
        if not here: continue                      # runs narrowed to other families (`recovery_probe.py --families`)
        print(f"## {g}")
        print("| checkpoint | excess, true cameras | excess, still | still minus true | recovered, still minus true (points) | readable, still minus true |")
        print("|---|---|---|---|---|---|")
        for v in here:
            t, s = by[v], by[v + "-still"]
            et, es = key(t, fams, excess), key(s, fams, excess)
            on = shared(et, es)                    # the means over the tasks the paired difference uses
            mt, ms = (float(np.mean([d[x] for x in on])) if on else float("nan") for d in (et, es))
            pr = paired(key(t, fams, lambda r: r["progress"]), key(s, fams, lambda r: r["progress"]), 100)
            rd = paired(key(t, fams, lambda r: float(readable(r))), key(s, fams, lambda r: float(readable(r))), 100)
            print(f"| {v} | {mt:+.3f} | {ms:+.3f} | {fmt(*paired(et, es))} | {pts(*pr)} | {pts(*rd)} |")
        if a.versus and a.versus in here:
            for v in here:
                if v == a.versus: continue
                cols = [fmt(*paired(key(by[a.versus + sfx], fams, excess), key(by[v + sfx], fams, excess))) for sfx in ("", "-still")]
                print(f"{v} minus {a.versus}, excess: true cameras {cols[0]}, still {cols[1]}; "
                      f"change (still minus true) minus {a.versus}'s {fmt(*paired(change(a.versus, fams), change(v, fams)))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
