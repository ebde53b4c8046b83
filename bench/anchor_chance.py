"""The anchor share of recovery chunks against its chance level: what a model attending evenly over its cache would score.

    python bench/anchor_chance.py bench/results-arch/records.jsonl base remind qk vo
    python bench/anchor_chance.py bench/results-arch/seeds/records.jsonl "no_pm_rope s0+no_pm_rope s1+no_pm_rope s2" \\
        --versus "remind s0+remind s1+remind s2" --outcome     # seeds pooled, compared task by task
    python bench/anchor_chance.py bench/results-gpu-inflate/node-drop-False/records.jsonl base "remind s0" --processes inflate

`remind.metrics.anchor_share` is the share of the recovery chunk's attention to its cached chunks that lands on the chunks
ending before the interruption starts (the anchors). Every chunk holds the same number of tokens, so a model that spread
its attention evenly over the cached tokens would score `n_anchor / n_cached` for that task (`remind.metrics.anchor_chance`;
08_eval checks the equality on a real model with zero queries): the chance level, fixed by where the interruption falls
in the clip, not by the model. A table's share is read against it: at the chance level it is no preference for the anchor,
below it a recency bias, above it a preference for the anchor (retrieval, or attention that follows image similarity, as
when a camera loop returns to the anchor's view). This prints, per variant and per V2V / I2V (and per family with
`--families`), the mean share, the mean chance level, their paired difference with a percentile bootstrap 95% interval
over tasks, and the share of tasks above chance; with `--outcome`, the excess on records that hid and resumed against
the rest (an interval resampling tasks) and its correlation with progress; with `--versus A`, each variant's share minus
A's, task by task. A variant 'a+b+c' pools seeds: each task's shares are averaged, so a task counts once. The tasks are
rebuilt with `remind.experiment.results_tasks` (the table's task set, same ids), so nothing is sampled: a few seconds.
"""
from __future__ import annotations

import argparse
import json
import math
import sys

import numpy as np


def gap_boot(ex: np.ndarray, hit: np.ndarray, task: np.ndarray, n: int = 2000, seed: int = 0) -> tuple[float, float, float]:
    "mean(ex[hit]) - mean(ex[~hit]) over records, with a 95% interval that resamples whole tasks (a task's seeds together)."
    gap = lambda e, h: e[h].mean() - e[~h].mean() if h.any() and (~h).any() else np.nan
    ids = np.unique(task); rows = {t: np.flatnonzero(task == t) for t in ids}
    rng, out = np.random.default_rng(seed), []
    for _ in range(n):
        pick = np.concatenate([rows[t] for t in rng.choice(ids, len(ids))])
        out.append(gap(ex[pick], hit[pick]))
    lo, hi = np.nanpercentile(out, [2.5, 97.5])
    return float(gap(ex, hit)), float(lo), float(hi)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("records"); ap.add_argument("variants", nargs="+", help="variants of RECORDS; 'a+b+c' pools seeds (each task's shares averaged)")
    ap.add_argument("--families", action="store_true", help="also split by interruption family")
    ap.add_argument("--outcome", action="store_true", help="also the excess on records that hid and resumed vs the rest, and its correlation with progress")
    ap.add_argument("--versus", default="", help="a variant (or 'a+b+c') each listed one is compared with, task by task: B minus it")
    ap.add_argument("--chunk", type=int, default=None, help="latent frames per chunk (default: remind's CHUNK)")
    ap.add_argument("--processes", default="all", help="the table's `processes` parameter, when it was narrowed (e.g. inflate)")
    a = ap.parse_args(argv)
    from remind.core import CHUNK
    from remind.metrics import anchor_chance, bootstrap_ci
    boot = lambda d: bootstrap_ci(d, n_boot=10_000)[1:3]   # percentile interval of a per-task mean
    from remind.experiment import results_tasks
    chunk = a.chunk or CHUNK
    recs = [json.loads(l) for l in open(a.records) if l.strip()]
    ids = sorted({r["task"] for r in recs}, key=lambda t: int(t.split("-")[1]))
    n = int(ids[-1].split("-")[1]) + 1
    tasks = {t.id: t for t in results_tasks(n, processes=a.processes)}
    if missing := sorted(set(ids) - set(tasks)):
        raise SystemExit(f"anchor_chance: {len(missing)} task ids of {a.records} are not among results_tasks({n}, processes={a.processes!r}) "
                         f"(e.g. {missing[0]}); expected a 09_results table of those processes (--processes)")
    ch = {tid: anchor_chance(t.clip.events[0], chunk) for tid, t in tasks.items() if t.clip.events}

    def load(spec: str) -> list[dict]:
        "The interrupted records of `spec` ('a' or 'a+b+c') whose share and chance level are both defined."
        out = []
        for v in spec.split("+"):
            rs = [r for r in recs if r["variant"] == v and r["interruption"] != "none" and r.get("anchor_share") is not None]
            if not rs: raise SystemExit(f"anchor_chance: {a.records} holds no interrupted records of {v!r} with an anchor share")
            if rolling := sorted({r["cache"] for r in rs} - {"all-history"}):
                raise SystemExit(f"anchor_chance: {v!r} streamed with cache {rolling}; the chance level is defined for the whole cache "
                                 f"('all-history'), and a one-chunk window holds no anchor at all")
            out += [r for r in rs if not math.isnan(ch[r["task"]])]   # no anchor chunk: neither is defined
        return out

    def per_task(rs: list[dict]) -> dict[str, float]:
        "Each task's share, averaged over the pooled seeds (tasks in order of first appearance)."
        d: dict[str, list] = {}
        for r in rs: d.setdefault(r["task"], []).append(r["anchor_share"])
        return {t: float(np.mean(v)) for t, v in d.items()}

    ref = load(a.versus) if a.versus else None
    for v in a.variants:
        rs = load(v)
        groups = [(k, lambda r, k=k: r["kind"] == k) for k in ("v2v", "i2v")]
        if a.families:
            groups += [(f, lambda r, f=f: r["interruption"] == f) for f in sorted({r["interruption"] for r in rs})]
        for name, keep in groups:
            sel = [r for r in rs if keep(r)]
            if not sel: continue
            pt = per_task(sel)
            s = np.array(list(pt.values())); c = np.array([ch[t] for t in pt])
            lo, hi = boot(s - c)
            print(f"{v:22s} {name:13s} n={len(s):3d}  share {s.mean():.2f}  chance {c.mean():.2f}  "
                  f"share - chance {s.mean() - c.mean():+.2f} [{lo:+.2f}, {hi:+.2f}]  above chance {100 * (s > c).mean():3.0f}%")
            if ref is not None:
                pr = per_task([r for r in ref if keep(r)])
                common = [t for t in pt if t in pr]
                if common:
                    d = np.array([pt[t] - pr[t] for t in common]); dlo, dhi = boot(d)
                    print(f"{'':22s} {'':13s} minus {a.versus}: {d.mean():+.3f} [{dlo:+.3f}, {dhi:+.3f}] over {len(common)} tasks")
            if a.outcome and name in ("v2v", "i2v"):
                ex = np.array([r["anchor_share"] - ch[r["task"]] for r in sel])
                res = np.array([r["resumed"] == 1 for r in sel]); prog = np.array([r["progress"] for r in sel], np.float64)
                g, glo, ghi = gap_boot(ex, res, np.array([r["task"] for r in sel]))
                mean = lambda x: f"{x.mean():+.3f}" if len(x) else "  -  "
                print(f"{'':22s} {'':13s} excess where resumed {mean(ex[res])} (n={res.sum()}), elsewhere {mean(ex[~res])} "
                      f"(n={(~res).sum()}), gap {g:+.3f} [{glo:+.3f}, {ghi:+.3f}] (tasks resampled); "
                      f"correlation with progress {np.corrcoef(ex, prog)[0, 1]:+.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
