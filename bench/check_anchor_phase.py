"""Checks of `bench/anchor_phase.py` and the probe options it reads, on records made here with the figures worked out by hand
(run by tools/smoke_4_bench.sh).

    python bench/check_anchor_phase.py

`anchor_phase.py` reads teacher-forced probe records written with `recovery_probe.py --anchor` (with the clip's cameras
and `--cameras still`) and prints, per checkpoint and family group, the mean anchor excess with each camera path, their
paired difference and the recovered and readable shares' differences, and with `--versus` one checkpoint's excess minus
another's. This checks those lines on hand-made records (an undefined share left out of the excess but not of the
recovered share, the means over the tasks the difference pairs), `--versus` and `--by-family`, its refusals (records
without the anchor share, no still run, a task scored twice, a still run not marked 'still' or of another checkpoint, an
unknown `--versus`) and the note naming a variant left without a still run, and the probe's
own: `probe_tasks` narrowed to some families keeps each task's noise seed (its place in the whole draw) and refuses an
unknown family; with `table` it takes a results table's own interrupted V2V tasks (checked against the committed
inflate table's records); `probe` refuses an unknown camera path and a codec row asked for attention or cameras.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import anchor_phase  # noqa: E402
from check_paired import refuses  # noqa: E402


def rec(variant: str, task: str, family: str, share: float | None, progress: float, chance: float = 0.5) -> dict:
    "One probe record as `recovery_probe.py --anchor [--cameras still]` writes it (readable: `abs_error` defined)."
    r = dict(variant=variant, checkpoint=f"runs/{variant.removesuffix('-still')}", weights="ema", history_guidance=2.0, task=task,
             process="fill", interruption=family, progress=progress, frozen=None, reset=None, abs_error=0.05,
             anchor_share=share, anchor_chance=None if share is None else chance)
    return r | ({"cameras": "still"} if variant.endswith("-still") else {})


def run(*argv) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out): assert anchor_phase.main(list(argv)) == 0
    return out.getvalue()


def main() -> int:
    cams = [("c0", "camera_loop"), ("c1", "zoom"), ("c2", "zoom")]
    lights = [("l0", "light_toggle"), ("l1", "occluder")]
    shares = {  # variant: (camera shares c0, c1, c2; camera progress c0, c1, c2); lights: share 0.7, progress 1 everywhere
        "x": ((0.50, 0.60, None), (1, 0, 0)), "x-still": ((0.60, 0.80, None), (0, 0, 0)),
        "y": ((0.55, 0.65, None), (1, 1, 0)), "y-still": ((0.60, 0.80, None), (1, 1, 0))}
    recs = [rec(v, t, f, s, p) for v, (ss, ps) in shares.items() for (t, f), s, p in zip(cams, ss, ps)] + \
           [rec(v, t, f, 0.7, 1) for v in shares for t, f in lights]
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "records.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in recs))
        out = run(str(path))
        # camera tasks, x: excess true 0.00, 0.10 (mean +0.050), still 0.10, 0.30 (+0.200); still - true 0.10, 0.20 over the
        # two tasks with a share (a resample of both at 0.10 has chance 1/4, so the interval is the two values); recovered
        # 1, 0, 0 -> 0, 0, 0 over all three tasks: -33.3, 2.5th percentile -100 (c0 drawn three times: 1/27 > 2.5%),
        # 97.5th 0 (c0 never drawn: 8/27)
        assert "| x | +0.050 | +0.200 | +0.150 [+0.100, +0.200] (2) | -33.3 [-100.0, +0.0] | +0.0 [+0.0, +0.0] |" in out, out
        # y: excess true 0.05, 0.15 (+0.100), still as x (+0.200): still - true 0.05, 0.15; recovered unchanged
        assert "| y | +0.100 | +0.200 | +0.100 [+0.050, +0.150] (2) | +0.0 [+0.0, +0.0] | +0.0 [+0.0, +0.0] |" in out, out
        # lights and occluder: the same records with either camera path, excess 0.2
        assert out.count("| +0.200 | +0.200 | +0.000 [+0.000, +0.000] (2) | +0.0 [+0.0, +0.0] | +0.0 [+0.0, +0.0] |") == 2, out
        vs = run(str(path), "--versus", "x")
        # y - x: true 0.05 on both tasks, still 0 on both; the change (still - true) y: 0.05, 0.15, x: 0.10, 0.20 -> -0.05
        assert ("y minus x, excess: true cameras +0.050 [+0.050, +0.050] (2), still +0.000 [+0.000, +0.000] (2); "
                "change (still minus true) minus x's -0.050 [-0.050, -0.050] (2)") in vs, vs
        assert "x minus x" not in vs, vs
        fam = run(str(path), "--by-family")       # the two groups, then each family: zoom holds c1 (and c2, no share)
        assert fam.count("## ") == 6 and "## zoom\n" in fam, fam
        assert "| x | +0.100 | +0.300 | +0.200 [+0.200, +0.200] (1) | +0.0 [+0.0, +0.0] | +0.0 [+0.0, +0.0] |" in fam.split("## zoom")[1], fam
        refuses(lambda: run(str(path), "--versus", "z"), "--versus 'z' is not a variant with a still run")
        def refused(name: str, rows: list[dict], fragment: str) -> None:
            f = Path(d) / name
            f.write_text("".join(json.dumps(r) + "\n" for r in rows))
            refuses(lambda: run(str(f)), fragment)
        refused("lone.jsonl", [r for r in recs if not r["variant"].endswith("-still")], "no variant has a '-still' run")
        refused("bare.jsonl", [{k: v for k, v in r.items() if not k.startswith("anchor")} for r in recs],
                "carry no anchor share; expected records written with recovery_probe.py --anchor")
        refused("twice.jsonl", recs + recs[:1], "variants ['x'] score a task more than once")
        refused("unmarked.jsonl", [{k: v for k, v in r.items() if k != "cameras"} for r in recs],
                "'x' and 'x-still' hold cameras ['true'] and ['true']; expected ['true'] and ['still']")
        refused("other.jsonl", [r | {"checkpoint": "runs/elsewhere"} if r["variant"] == "y-still" else r for r in recs],
                "'y' and 'y-still' differ in ('checkpoint', 'weights', 'history_guidance')")
        some = Path(d) / "some.jsonl"            # a variant without a still run is named, not dropped silently
        some.write_text("".join(json.dumps(r) + "\n" for r in recs + [rec("z", "c0", "camera_loop", 0.5, 1)]))
        assert "(left out, no still run: z)" in run(str(some))
    # the probe's options
    from recovery_probe import probe, probe_tasks
    whole = {t.id: seed for t, _, seed in probe_tasks(16)}
    narrow = probe_tasks(16, families="camera_loop,zoom")
    assert narrow and len(narrow) < len(whole), (len(narrow), len(whole))
    assert all(t.clip.events[0].kind in ("camera_loop", "zoom") and whole[t.id] == seed for t, _, seed in narrow), narrow
    assert [s for _, _, s in probe_tasks(16)] == list(range(len(whole)))
    refuses(lambda: probe_tasks(4, families="camera_loop,nope"), "unknown ['nope']", ValueError)
    # --table: the committed inflate results table's own interrupted V2V tasks, each with its place in the table's draw
    table = probe_tasks(0, processes="inflate", table=225)
    scored = Path(__file__).parent / "results-infarch" / "rollouts" / "records.jsonl"
    v2v = sorted({r["task"] for r in map(json.loads, open(scored)) if r["kind"] == "v2v" and r["interruption"] != "none"})
    assert sorted(t.id for t, _, _ in table) == v2v and len(v2v) == 90, (len(table), len(v2v))
    assert all(int(t.id.split("-")[1]) == seed for t, _, seed in table), table[:3]       # no seed of this draw was skipped: place = id number
    assert [(t.id, n, seed) for t, n, seed in probe_tasks(0, processes="inflate", table=225, families="zoom")] == \
        [(t.id, n, seed) for t, n, seed in table if t.clip.events[0].kind == "zoom"]           # narrowed: seeds kept
    refuses(lambda: probe_tasks(0, table=8, train_seeds="0:4"), "name two task sets", ValueError)
    import recovery_probe
    refuses(lambda: recovery_probe.main(["x=y", "--table", "8", "--skip", "2"]), "--table 8 is its own task set")
    refuses(lambda: probe("x", "nowhere", [], 12, 1, cameras="frozen"), "expected one of ('true', 'still'), got 'frozen'", ValueError)
    refuses(lambda: probe("x-codec", "nowhere", [], 12, 1, anchor=True), "the codec draws nothing", ValueError)
    refuses(lambda: probe("x-codec", "nowhere", [], 12, 1, cameras="still"), "the codec draws nothing", ValueError)
    print("check_anchor_phase: all checks passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
