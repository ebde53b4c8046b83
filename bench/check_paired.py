"""Checks of `bench/paired.py` on records made here, with differences worked out by hand (run by tools/smoke_4_bench.sh).

    python bench/check_paired.py

The paired differences README.md quotes are re-derived from the committed records by tools/smoke_3_figures.sh; this
file checks the arithmetic and the refusals those figures rest on: B minus A per task, seeds of one side averaged per
task before the difference (a task counts once), the readable share taken from `abs_error` None, the family filter,
and a clear error for a malformed side, a missing variant, seeds or sides that scored other tasks, an unknown family.
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
import paired  # noqa: E402


def rec(variant: str, i: int, resumed: float, kind: str = "v2v", interruption: str = "occluder", abs_error=0.1) -> dict:
    "One table record of interrupted task i (`09_results` names tasks split-index-kind-process-family)."
    return dict(task=f"test-{i:05d}-{kind}-fill-{interruption}", kind=kind, interruption=interruption, variant=variant,
                progress=resumed, resumed=resumed, shown=1.0, abs_error=abs_error, frozen=None, reset=None)


def write(path: Path, records: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return str(path)


def refuses(call, fragment: str, error: type[BaseException] = SystemExit) -> None:
    "call() must stop (`error`, a script's SystemExit by default) with a message holding `fragment`; what it prints is swallowed."
    try:
        with contextlib.redirect_stdout(io.StringIO()): call()
    except error as e:
        assert fragment in str(e), f"expected an error holding {fragment!r}, got {e}"
        return
    raise AssertionError(f"expected an error holding {fragment!r}, it ran")


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        # four V2V occluder tasks, two V2V zoom tasks, one clean control (never compared)
        a = [rec("a", i, r) for i, r in enumerate([0, 0, 1, 0])] + [rec("a", 4 + i, r, interruption="zoom") for i, r in enumerate([1, 0])]
        b0 = [rec("b", i, r) for i, r in enumerate([1, 0, 1, 1])] + [rec("b", 4 + i, r, interruption="zoom") for i, r in enumerate([1, 1])]
        b1 = [rec("b", i, r, abs_error=None if i == 1 else 0.1) for i, r in enumerate([0, 0, 1, 1])] + \
             [rec("b", 4 + i, r, interruption="zoom") for i, r in enumerate([0, 1])]
        clean = [dict(rec(v, 9, 1.0, interruption="none"), resumed=None) for v in ("a", "b")]
        A = write(d / "a.jsonl", a + clean[:1])
        B0, B1 = write(d / "b0.jsonl", b0 + clean[1:]), write(d / "b1.jsonl", b1 + clean[1:])

        # one seed: per task b - a = [1, 0, 0, 1, 0, 1] -> +50.0 points on six tasks; A 1/3, B 5/6
        r = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"))["v2v"]
        assert (r["resumed"]["n"], r["resumed"]["diff"], r["resumed"]["a"], r["resumed"]["b"]) == (6, 50.0, 33.3, 83.3), r["resumed"]
        assert r["readable"]["diff"] == 0.0 and r["readable"]["b"] == 100.0, r["readable"]
        # two seeds of B averaged per task first: B = [.5, 0, 1, 1, .5, 1] -> differences [.5, 0, 0, 1, -.5, 1] -> +33.3
        r = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b+{B1}:b"))["v2v"]
        assert (r["resumed"]["n"], r["resumed"]["diff"], r["resumed"]["b"]) == (6, 33.3, 66.7), r["resumed"]
        # an unreadable recovery (abs_error None) in one of B's two seeds: task 1 is read half the time -> -8.3 points
        assert (r["readable"]["diff"], r["readable"]["b"]) == (-8.3, 91.7), r["readable"]
        # the family filter keeps the occluder tasks only: [1, 0, 0, 1] -> +50.0 on four tasks; zoom only [0, 1] -> +50.0 on two
        r = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"), families=("occluder",))["v2v"]["resumed"]
        assert (r["n"], r["diff"]) == (4, 50.0), r
        r = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"), families=("zoom",))["v2v"]["resumed"]
        assert (r["n"], r["diff"], r["lo"], r["hi"]) == (2, 50.0, 0.0, 100.0), r
        # tasks from index 2 on: [0, 1, 0, 1] -> +50.0 on four tasks; no I2V task, so no I2V row
        res = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"), start=2)
        assert set(res) == {"v2v"} and (res["v2v"]["resumed"]["n"], res["v2v"]["resumed"]["diff"]) == (4, 50.0), res
        # the bootstrap interval is reproducible (seeded) and brackets the difference
        r1 = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"))["v2v"]["resumed"]
        r2 = paired.compare(paired.load(f"{A}:a"), paired.load(f"{B0}:b"))["v2v"]["resumed"]
        assert r1 == r2 and r1["lo"] <= r1["diff"] <= r1["hi"], (r1, r2)

        # refusals, each naming what is wrong
        refuses(lambda: paired.main([A, f"{B0}:b"]), "expected records.jsonl:variant")
        refuses(lambda: paired.main([f"{A}:a", f"{B0}:remind"]), "holds no records of variant 'remind'")
        short = write(d / "short.jsonl", b0[:-1] + clean[1:])      # a seed that lacks one task
        refuses(lambda: paired.main([f"{A}:a", f"{B0}:b+{short}:b"]), "scored 6 tasks")
        refuses(lambda: paired.main([f"{A}:a", f"{short}:b"]), "side A scored 6 interrupted v2v tasks, side B 5 (1 differ)")
        refuses(lambda: paired.main([f"{A}:a", f"{B0}:b", "--families", "light_toggle"]), "--families ['light_toggle'] name no interrupted task")
        # a table scored after `drawn` joined `hid` beside one scored before: not the same rate
        mended = write(d / "mended.jsonl", [dict(r, hid=1.0, drawn=0.0, drew=0.0) for r in b0] + clean[1:])
        before = write(d / "before.jsonl", [dict(r, hid=1.0) for r in a] + clean[:1])
        refuses(lambda: paired.main([f"{before}:a", f"{mended}:b"]), "6 of 12 interrupted table records were scored before `drawn`")
        import seed_level
        refuses(lambda: seed_level.main([f"{before}:a", f"{mended}:b", "--key", "resumed"]), "seed_level: 6 of 12 interrupted table records")
        with contextlib.redirect_stdout(io.StringIO()): paired.main([f"{A}:a", f"{B0}:b"])   # no hid at all (a probe's): not checked
    print("check_paired: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
