"""Checks of `bench/pool_seeds.py` on tables made here, with the pooled rates worked out by hand (run by tools/smoke_4_bench.sh).

    python bench/check_pool_seeds.py

The seed-pooled tables README.md and bench/README.md quote (Full and the baseline in `bench/results-seeds`, no PM-RoPE
in `bench/results-arch/seeds`, QK and VO in `bench/results-arch/seeds012`) are tables `pool_seeds.py`
joined from one `09_results` table per seed. This checks what those rows rest on: each seed's records of an arm renamed
'ARM sN' after the seed its source names (not its position) and pooled under the arm, the rows named by `--keep` taken
from the first source only, a row from another table joined by `--extra`, the pooled rate's interval discounting records
that share a task (Wilson at Kish's effective sample size, worked out below), the written records and tables, and a
clear error for two sources of one seed, sources of other tasks (fewer, or as many but others), an arm missing from
any source, codec-ceiling rows that disagree (NaN in one source only included), a malformed source and an `--extra`
row of other tasks.
"""
from __future__ import annotations

import contextlib
import io
import json
import math
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pool_seeds  # noqa: E402
from check_paired import refuses  # noqa: E402

N_V2V = 4   # interrupted V2V tasks 0-3 (occluder); task 4 is a clean control


def rec(variant: str, i: int, resumed: float | None, progress: float | None = None) -> dict:
    "One `09_results` record of task i: interrupted V2V for i < N_V2V, else a clean I2V control (progress: a 0/1 rate)."
    clean = i >= N_V2V
    progress = (1.0 if clean else resumed) if progress is None else progress
    return dict(task=f"test-{i:05d}-{'i2v' if clean else 'v2v'}-fill-{'clean' if clean else 'occluder'}", kind="i2v" if clean else "v2v",
                process="fill", interruption="none" if clean else "occluder", variant=variant, progress=progress,
                resumed=None if clean else resumed, hid=None if clean else 1.0, shown=None if clean else 1.0, frozen=None, reset=None,
                abs_error=0.1, plausibility=1.0, coherent=1.0, psnr=20.0 + i, ssim=0.5, anchor_share=None)


def table(folder: Path, seed: int, remind: list, baseline: list, codec: list | None = None, tasks=range(N_V2V + 1)) -> str:
    "A folder as `09_results` writes it for one seed: records.jsonl (remind, baseline, codec ceiling) and results.json."
    codec = codec or [1.0] * (max(tasks) + 1)
    rs = [rec(v, i, x[i] if i < N_V2V else None) for v, x in (("remind", remind), ("baseline", baseline)) for i in tasks] + \
         [rec("codec ceiling", i, 1.0, progress=codec[i]) for i in tasks]
    folder.mkdir(parents=True)
    (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rs))
    (folder / "results.json").write_text(json.dumps({"checkpoints": {"remind": f"remind-s{seed}/ema", "baseline": f"baseline-s{seed}/ema"},
                                                     "n_tasks": len(tasks), "history_guidance": 2.0}))
    return f"{folder}:{seed}"


def wilson(p: float, n: float, z: float = 1.959963984540054) -> tuple[float, float]:
    "Wilson's 95% interval of a rate p at sample size n, written out (the formula, not remind.metrics)."
    d = 1 + z * z / n
    c, h = (p + z * z / (2 * n)) / d, z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return c - h, c + h


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        d = Path(d)
        # remind resumes tasks [1, 0, 0, 1] on seed 0 and [1, 1, 0, 0] on seed 1; the baselines differ between seeds
        S0 = table(d / "s0", 0, [1, 0, 0, 1], [0, 0, 0, 0])
        S1 = table(d / "s1", 2, [1, 1, 0, 0], [1, 1, 1, 1])   # seed 2, the second source: its name, not its place, labels it
        src = lambda *s: [(Path(x.rpartition(":")[0]), int(x.rpartition(":")[2])) for x in s]

        # renaming and keeping: remind's records per seed, the codec ceiling once (first source), the baseline dropped
        recs, ck = pool_seeds.pool(src(S0, S1), ["remind"])
        names = sorted({(r["variant"], r["arm"]) for r in recs})
        assert names == [("codec ceiling", "codec ceiling"), ("remind s0", "remind"), ("remind s2", "remind")], names
        assert [sum(r["variant"] == v for r in recs) for v in ("remind s0", "remind s2", "codec ceiling")] == [5, 5, 5]
        assert ck == {"remind s0": "remind-s0/ema", "remind s2": "remind-s2/ema", "codec ceiling": f"from {d / 's0'}"}, ck
        # --keep baseline: the first source's baseline (never resumes), not the second's (always resumes)
        recs, _ = pool_seeds.pool(src(S0, S1), ["remind"], keep=("codec ceiling", "baseline"))
        assert [r["resumed"] for r in recs if r["variant"] == "baseline" and r["kind"] == "v2v"] == [0, 0, 0, 0]

        # the pooled table: remind resumes 4 of 8 records; per task y = [2, 1, 0, 1] of m = 2. Kish's design effect:
        # between-task variance 4/3 * (1 + 0 + 1 + 0) / 8^2 = 1/24 over the binomial 0.25 / 8 = 1/32 -> deff 4/3,
        # effective n = 8 / (4/3) = 6 (not the 8 records a seed-blind pooling would count)
        out = d / "pooled"
        with contextlib.redirect_stdout(io.StringIO()) as printed:
            assert pool_seeds.main([str(out), S0, S1, "--arms", "remind,baseline"]) == 0
        res = json.loads((out / "results.json").read_text())
        row = {r["arm"]: r for r in res["tables"]["interrupted, V2V"]}
        lo, hi = wilson(0.5, 6)
        assert row["remind"]["resumed"] == 0.5 and row["remind"]["resumed_n"] == 8, row["remind"]
        assert abs(row["remind"]["resumed_lo"] - lo) < 1e-9 and abs(row["remind"]["resumed_hi"] - hi) < 1e-9, (row["remind"], lo, hi)
        # baseline: [0, 0, 0, 0] and [1, 1, 1, 1] -> 50% too, but every task splits its two seeds: y = [1, 1, 1, 1],
        # no spread between tasks, and the effective n is kept at its ceiling n = 8
        lo8, hi8 = wilson(0.5, 8)
        assert abs(row["baseline"]["resumed_lo"] - lo8) < 1e-9 and abs(row["baseline"]["resumed_hi"] - hi8) < 1e-9, row["baseline"]
        assert res["seeds"] == [0, 2] and res["arms"] == ["remind", "baseline"] and res["history_guidance"] == 2.0, res
        assert res["checkpoints"]["baseline s2"] == "baseline-s2/ema", res["checkpoints"]
        written = [json.loads(l) for l in (out / "records.jsonl").read_text().splitlines()]
        assert len(written) == 25 and {r["variant"] for r in written} == {"remind s0", "remind s2", "baseline s0", "baseline s2", "codec ceiling"}
        assert (out / "report.html").is_file()
        line = next(l for l in printed.getvalue().splitlines() if l.startswith("interrupted, V2V") and "| remind " in l)
        assert f"resumed 50.0% [{100 * lo:.1f}%, {100 * hi:.1f}%] n=8 records | by seed 50.0% / 50.0%" in line, line

        # --extra: another table's row of the same tasks joins under its new name, with that table's checkpoint
        with contextlib.redirect_stdout(io.StringIO()):
            assert pool_seeds.main([str(d / "pooled-x"), S0, S1, "--extra", f"{d / 's0'}:baseline=base"]) == 0
        res = json.loads((d / "pooled-x" / "results.json").read_text())
        row = {r["arm"]: r for r in res["tables"]["interrupted, V2V"]}
        assert row["base"]["resumed"] == 0.0 and row["base"]["samples"] == 4 and res["checkpoints"]["base"] == "baseline-s0/ema", (row["base"], res["checkpoints"])

        # a NaN progress of the codec ceiling (state unreadable) in both sources counts as agreeing
        nan = [1.0, float("nan"), 1.0, 1.0, 1.0]
        A, B = table(d / "n0", 0, [0] * 4, [0] * 4, codec=nan), table(d / "n1", 1, [0] * 4, [0] * 4, codec=nan)
        assert len(pool_seeds.pool(src(A, B), ["remind"])[0]) == 15

        # refusals, each naming what is wrong
        refuses(lambda: pool_seeds.pool(src(S0, S1.rpartition(":")[0] + ":0"), ["remind"]), "expected one source per seed, got seeds [0, 0]")
        short = table(d / "short", 2, [0] * 4, [0] * 4, tasks=range(N_V2V))
        refuses(lambda: pool_seeds.pool(src(S0, short), ["remind"]), "scored 4 tasks, the first source 5 (1 in one only)")
        refuses(lambda: pool_seeds.pool(src(S0, S1), ["remind", "qk"]), "holds no records of ['qk']")
        shifted = table(d / "shifted", 4, [0] * 4, [0] * 4, tasks=range(1, N_V2V + 2))      # five tasks, but not the same five
        refuses(lambda: pool_seeds.pool(src(S0, shifted), ["remind"]), "scored 5 tasks, the first source 5 (2 in one only); expected the same task set")
        (d / "noqk").mkdir(); (d / "noqk" / "records.jsonl").write_text((d / "s0" / "records.jsonl").read_text().replace('"baseline"', '"qk"'))
        refuses(lambda: pool_seeds.pool(src(f"{d / 'noqk'}:0", S1), ["remind", "qk"]), f"{d / 's1'} holds no records of ['qk']")
        refuses(lambda: pool_seeds.pool(src(A, table(d / "n2", 2, [0] * 4, [0] * 4)), ["remind"]),
                "the codec ceiling's progress on test-00001-v2v-fill-occluder is 1.0")
        other = table(d / "other", 3, [0] * 4, [0] * 4, codec=[1.0, 0.0, 1.0, 1.0, 1.0])
        refuses(lambda: pool_seeds.pool(src(S0, other), ["remind"]), "the codec ceiling's progress on test-00001-v2v-fill-occluder is 0.0")
        refuses(lambda: pool_seeds.main([str(out), f"{d / 's0'}"]), "expected FOLDER:SEED")
        refuses(lambda: pool_seeds.main([str(out), f"{d / 'nothing'}:0"]), "holds no records.jsonl")
        refuses(lambda: pool_seeds.main([str(out), S0, S1, "--extra", f"{d / 'short'}:remind=base"]), "on other tasks than the sources' 5")
        refuses(lambda: pool_seeds.main([str(out), S0, S1, "--extra", f"{d / 's0'}:remind"]), "expected --extra FOLDER:VARIANT=NAME")
        sched = table(d / "sched", 5, [0] * 4, [0] * 4)           # the same tasks, sampled with another weight on hidden frames
        res_s = json.loads((d / "sched" / "results.json").read_text()); res_s["hidden_guidance"] = 1.0
        (d / "sched" / "results.json").write_text(json.dumps(res_s))
        refuses(lambda: pool_seeds.main([str(d / "mixed"), S0, sched]), "were sampled differently")
        res_s["hidden_guidance"] = None; (d / "sched" / "results.json").write_text(json.dumps(res_s))   # None: as a table before the key
        pool_seeds.main([str(d / "mixed"), S0, sched])
    print("check_pool_seeds: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
