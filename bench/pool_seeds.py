"""One table from several seeds' tables: each seed scored by its own `nbs/09_results.ipynb` run on the same tasks.

    python bench/pool_seeds.py bench/results-seeds bench/results-rint/eq10500-225:0 bench/results-seeds/s1:1 \\
        bench/results-seeds/s2:2 --extra "bench/results-long-225/hg2:base=base"

A table written for one seed names its arms without a seed ('remind'), so a later seed cannot join it through
`reuse_records` (the names collide). This joins them: each source's records of `--arms` are renamed 'remind s0',
'remind s1', ... (as `09_results` names them when it scores several seeds at once), the rows that are not an arm
named by `--keep` (default: the codec ceiling) are taken from the first source that has them, after checking that every source
scored the same tasks and that the codec ceiling's records agree. The pooled table is `results_table(by="arm")`:
intervals treat a task's seeds as one cluster: Wilson at Kish's effective sample size, between the task count and the
record count (`remind.metrics.summarize(cluster="task")`). Writes `records.jsonl`,
`results.json` (the tables, each source and its checkpoints) and `report.html` (the first source's frame strips),
and prints the interrupted and clean rows with every seed's own rate beside the pooled one. `--extra` adds a row scored
in another table of the same tasks (the base the arms started from).
"""
from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from retable import INTERVALS, old_report_parts  # noqa: E402

HEADS = ("interrupted, V2V", "interrupted, I2V", "clean controls")


def same(a, b) -> bool:
    "Equal, counting two NaNs (an unreadable state) as equal."
    return a == b or (a is not None and b is not None and a != a and b != b)


def pool(sources: list[tuple[Path, int]], arms: list[str], keep: tuple[str, ...] = ("codec ceiling",)) -> tuple[list[dict], dict]:
    "Pooled records (arm variants renamed with their seed, `keep` rows from the first source) and the checkpoints, or a clear error."
    from remind.metrics import read_records
    pooled, checkpoints, others, tasks0, codec_first = [], {}, {}, None, None
    seeds = [s for _, s in sources]
    if len(set(seeds)) != len(seeds): raise SystemExit(f"pool_seeds: expected one source per seed, got seeds {seeds}")
    for folder, seed in sources:
        recs = read_records(folder / "records.jsonl")
        tasks = sorted({r["task"] for r in recs})
        if tasks0 is None: tasks0 = tasks
        elif tasks != tasks0:
            raise SystemExit(f"pool_seeds: {folder} scored {len(tasks)} tasks, the first source {len(tasks0)} "
                             f"({len(set(tasks) ^ set(tasks0))} in one only); expected the same task set")
        missing = [a for a in arms if not any(r["variant"] == a for r in recs)]
        if missing: raise SystemExit(f"pool_seeds: {folder} holds no records of {missing}; it has {sorted({r['variant'] for r in recs})}")
        ck = json.loads((folder / "results.json").read_text()).get("checkpoints", {}) if (folder / "results.json").is_file() else {}
        for r in recs:
            if r["variant"] in arms:
                pooled.append({**r, "variant": f"{r['variant']} s{seed}", "arm": r["variant"]})
                checkpoints[f"{r['variant']} s{seed}"] = ck.get(r["variant"])
            elif r["variant"] not in keep: continue
            elif r["variant"] not in others or others[r["variant"]][0] == folder:
                others.setdefault(r["variant"], (folder, []))[1].append({**r, "arm": r["variant"]})
            elif r["variant"] == "codec ceiling":        # the codec is not sampled: every table's codec rows must agree
                first = codec_first = codec_first or {q["task"]: q["progress"] for q in others["codec ceiling"][1]}
                if not same(first.get(r["task"]), r["progress"]):
                    raise SystemExit(f"pool_seeds: the codec ceiling's progress on {r['task']} is {r['progress']} in {folder}, "
                                     f"{first.get(r['task'])} in {others['codec ceiling'][0]}; expected the same tasks and reader")
    for folder, rs in others.values():
        pooled += rs
        checkpoints.setdefault(rs[0]["variant"], f"from {folder}")
    return pooled, checkpoints


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="folder for records.jsonl, results.json and report.html")
    ap.add_argument("sources", nargs="+", help="FOLDER:SEED, a folder 09_results wrote for that seed")
    ap.add_argument("--arms", default="remind,baseline", help="the variants that are seeds of an arm")
    ap.add_argument("--keep", default="codec ceiling", help="other rows kept (from the first source holding them), e.g. 'codec ceiling,base'")
    ap.add_argument("--extra", action="append", default=[], metavar="FOLDER:VARIANT=NAME",
                    help="a row from another table of the same tasks, e.g. the base the arms started from, scored there")
    args = ap.parse_args(argv)
    from remind.core import write_json_atomic
    from remind.experiment import results_table
    from remind.metrics import nan_to_none, read_records, write_records
    from remind.report import write_report
    sources = []
    for s in args.sources:
        folder, sep, seed = s.rpartition(":")
        if not sep or not seed.isdigit(): raise SystemExit(f"pool_seeds: expected FOLDER:SEED, got {s!r}")
        if not (Path(folder) / "records.jsonl").is_file(): raise SystemExit(f"pool_seeds: {folder} holds no records.jsonl")
        sources.append((Path(folder), int(seed)))
    from remind.experiment import sampling_diff, table_sampling      # each results.json's sampler; a key a table predates: the value it had
    sampled = {str(f): table_sampling(json.loads((f / "results.json").read_text())) for f, _ in sources if (f / "results.json").is_file()}
    if any(sampling_diff(a, b) for a, b in itertools.combinations(sampled.values(), 2)):
        raise SystemExit(f"pool_seeds: the sources were sampled differently ({sampled}); expected one sampler setting")
    arms = [a.strip() for a in args.arms.split(",") if a.strip()]
    records, checkpoints = pool(sources, arms, tuple(k.strip() for k in args.keep.split(",") if k.strip()))
    tasks = {r["task"] for r in records}
    for spec in args.extra:
        where, _, name = spec.partition("=")
        folder, sep, variant = where.rpartition(":")
        if not (sep and name): raise SystemExit(f"pool_seeds: expected --extra FOLDER:VARIANT=NAME, got {spec!r}")
        got = [r for r in read_records(Path(folder) / "records.jsonl") if r["variant"] == variant]
        if {r["task"] for r in got} != tasks:
            raise SystemExit(f"pool_seeds: --extra {spec}: {len(got)} records of {variant!r} on other tasks than the sources' {len(tasks)}")
        records += [{**r, "variant": name, "arm": name} for r in got]
        ck = json.loads((Path(folder) / "results.json").read_text()) if (Path(folder) / "results.json").is_file() else {}
        checkpoints[name] = (ck.get("base") if variant == "base" else ck.get("checkpoints", {}).get(variant)) or f"from {folder}"
    tables = results_table(records, by="arm")
    out = Path(args.out); out.mkdir(parents=True, exist_ok=True)
    write_records(out / "records.jsonl", records)
    first = json.loads((sources[0][0] / "results.json").read_text())
    keep = {k: first[k] for k in ("n_tasks", "euler", "history_guidance", "hidden_guidance", "hidden_edges", "node_drop", "processes", "weights") if k in first}
    write_json_atomic(out / "results.json", nan_to_none({"tables": tables, "checkpoints": checkpoints, **keep,
                                                         "seeds": [s for _, s in sources], "arms": arms, "intervals": INTERVALS,
                                                         "sources": {f"seed {s}": str(f) for f, s in sources}}))
    title, notes, strips = old_report_parts(sources[0][0] / "report.html") if (sources[0][0] / "report.html").is_file() else ("", "", {})
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for i, (name, png) in enumerate(strips.items()):
            paths[name] = Path(d) / f"strip_{i}.png"; paths[name].write_bytes(png)
        write_report(out / "report.html", tables, by="arm", strips=paths, charts=False,
                     title=f"{title or 'remind: the laptop-scale experiment'} (seeds {', '.join(str(s) for _, s in sources)} pooled)",
                     notes=f"Seeds pooled from {', '.join(f'{f} (seed {s})' for f, s in sources)}; frame strips of seed {sources[0][1]}. "
                           f"Intervals: {INTERVALS}. {notes}")
    pct = lambda x: "-" if x is None or x != x else f"{100 * x:.1f}%"
    per_seed = results_table(records, by="variant")
    for head in HEADS:
        by_var = {r["variant"]: r for r in per_seed.get(head, [])}
        key = "resumed" if "interrupted" in head else "progress"
        for r in tables.get(head, []):
            arm = r["arm"]
            seeds = " / ".join(pct(by_var[f"{arm} s{s}"][key]) for _, s in sources if f"{arm} s{s}" in by_var)
            print(f"{head:17s} | {arm:14s} | {key} {pct(r[key])} [{pct(r[key + '_lo'])}, {pct(r[key + '_hi'])}] n={r[key + '_n']} records"
                  f" | by seed {seeds or '-'} | progress {pct(r['progress'])} | PSNR {r['psnr']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
