"""Re-summarise a committed results table from its own records, without scoring anything again.

    python bench/retable.py bench/results bench/results-hg bench/results-big

For each folder: its `records.jsonl` (as `nbs/09_results.ipynb` wrote it) is summarised again with the current
`remind.experiment.results_table` (by arm, seeds pooled, intervals counting tasks rather than records); the `tables` of
`results.json` are replaced (its other keys kept, `intervals` added), and `report.html` is written again through
`remind.report.write_report` with the old report's title, notes and frame strips. Prints, for the interrupted and clean
headings, each arm's progress with the old and the new interval.
"""
import argparse
import base64
import html
import json
import re
import sys
import tempfile
from pathlib import Path

INTERVALS = "Wilson for rates, bootstrap otherwise; a row pooling seeds discounts records that share a task: Wilson at Kish's effective sample size (remind.metrics.summarize cluster='task')"


def old_report_parts(path: Path) -> tuple[str, str, dict[str, bytes]]:
    "Title, notes and `{strip name: PNG bytes}` of a report `write_report` wrote."
    s = path.read_text()
    title = html.unescape(re.search(r"<h1>(.*?)</h1>", s).group(1))
    notes = re.search(r"</h1><p>(.*?)</p>", s)
    strips = {html.unescape(n): base64.b64decode(b)
              for n, b in re.findall(r"<h2>([^<]*)</h2><img src='data:image/png;base64,([^']*)'", s)}
    return title, html.unescape(notes.group(1)) if notes else "", strips


def retable(folder: Path) -> dict:
    from remind.core import write_json_atomic
    from remind.experiment import arm_of, results_table
    from remind.metrics import nan_to_none, read_records
    from remind.report import write_report
    records = read_records(folder / "records.jsonl")
    for r in records: r.setdefault("arm", arm_of(r["variant"]))   # as nbs/09_results.ipynb names arms
    res = json.loads((folder / "results.json").read_text())
    old = res["tables"]
    tables = results_table(records, by="arm")
    res["tables"], res["intervals"] = tables, INTERVALS
    write_json_atomic(folder / "results.json", nan_to_none(res))
    title, notes, strips = old_report_parts(folder / "report.html")
    with tempfile.TemporaryDirectory() as d:
        paths = {}
        for i, (name, png) in enumerate(strips.items()):
            paths[name] = Path(d) / f"strip_{i}.png"; paths[name].write_bytes(png)
        note = notes if "cluster='task'" in notes else f"{notes} Intervals: {INTERVALS}."
        write_report(folder / "report.html", tables, by="arm", strips=paths, charts=False, title=title, notes=note)
    for head in ("interrupted, V2V", "interrupted, I2V", "clean controls"):
        was = {r["arm"]: r for r in old.get(head, [])}
        for r in tables.get(head, []):
            o = was.get(r["arm"], {})
            f = lambda x: "-" if x is None or x != x else f"{x:.0%}"
            print(f"{folder.name} | {head} | {r['arm']} | {f(r['progress'])} | was [{f(o.get('progress_lo'))}, {f(o.get('progress_hi'))}]"
                  f" | now [{f(r['progress_lo'])}, {f(r['progress_hi'])}] | n {r['progress_n']}")
    return tables


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", help="folders holding records.jsonl, results.json and report.html")
    for f in ap.parse_args(argv).folders:
        folder = Path(f)
        missing = [n for n in ("records.jsonl", "results.json", "report.html") if not (folder / n).is_file()]
        if missing: raise SystemExit(f"retable: {folder} lacks {', '.join(missing)}; expected a folder nbs/09_results.ipynb wrote")
        retable(folder)


if __name__ == "__main__":
    sys.exit(main())
