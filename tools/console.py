"""The main job's console: run a command (papermill) with everything it prints going to a log file, and show a few
lines per stage instead: one live progress bar for training (read from the run's metrics.jsonl), one live line for
evaluation, and the notebook's own result lines. Exits with the command's status; on failure shows the log's tail.

    python tools/console.py --log RUN/main.log --watch RUN -- papermill nbs/09_results.ipynb ...
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import threading
import time
from pathlib import Path

TTY = sys.stdout.isatty()
QUIET = re.compile(r"^(Executing Cell|Ending Cell|Executing notebook|Input Notebook|Output Notebook|Working directory|"
                   r"Black is not installed|Executing:|\s*$)")
EVAL_LINE = re.compile(r"^(?P<name>.+?): (?P<n>\d+) tasks in (?P<s>[\d.]+)s")


def fmt_time(s: float) -> str:
    return f"{int(s // 60)}m{int(s % 60):02d}s" if s >= 60 else f"{s:.0f}s"


class Live:
    "One line that updates in place on a terminal (at most every 25% off a terminal); `done` ends it."
    def __init__(self): self.text, self.shown, self.marks = "", False, set()
    def update(self, text: str, frac: float | None = None):
        if text == self.text: return
        self.text = text
        if TTY: sys.stdout.write("\r\033[K" + text); self.shown = True
        elif frac is not None and int(frac * 4) not in self.marks: self.marks.add(int(frac * 4)); print(text)
        sys.stdout.flush()
    def done(self, text: str | None = None):
        if text is not None: self.text = text
        if self.text and (TTY or text is not None):
            sys.stdout.write(("\r\033[K" if TTY else "") + self.text + "\n")
        self.text, self.shown, self.marks = "", False, set()
        sys.stdout.flush()

    def print(self, line: str):
        "A permanent line above the live one."
        if TTY and self.shown: sys.stdout.write("\r\033[K" + line + "\n" + self.text); sys.stdout.flush()
        else: print(line, flush=True)


def bar(frac: float, width: int = 24) -> str:
    n = int(round(max(0.0, min(1.0, frac)) * width))
    return "[" + "#" * n + "." * (width - n) + "]"


def newest_metrics(watch: Path, since: float) -> Path | None:
    found = [p for p in watch.glob("*/metrics.jsonl") if p.stat().st_mtime >= since]
    return max(found, key=lambda p: p.stat().st_mtime) if found else None


def last_record(p: Path) -> dict | None:
    try: lines = [l for l in p.read_text().splitlines() if l.strip()]
    except OSError: return None
    for l in reversed(lines):
        try: return json.loads(l)
        except json.JSONDecodeError: continue
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--log", required=True, type=Path)
    ap.add_argument("--watch", required=True, type=Path, help="folder whose <run>/metrics.jsonl files show training progress")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    a.log.parent.mkdir(parents=True, exist_ok=True)
    log = open(a.log, "a", buffering=1)
    live, state, t0 = Live(), {"stage": None, "train": None, "eval_t": None, "evals": []}, time.time()
    lock = threading.Lock()

    def end_stage():
        if state["stage"] == "train": refresh()   # the last step, not the last poll
        if state["stage"] == "train" and live.text: live.done(live.text if TTY or 4 not in live.marks else None)
        if state["stage"] == "eval": live.done(f"  evaluated: {', '.join(state['evals'])} ({fmt_time(time.time() - state['eval_t'])})")
        state["stage"] = None

    def refresh():
        if state["stage"] == "train":
            m = newest_metrics(a.watch, t0)
            rec = last_record(m) if m else None
            if rec and "step" in rec:
                try: total = json.loads((m.parent / "config.json").read_text())["steps"]
                except (OSError, KeyError, json.JSONDecodeError): total = rec["step"]
                el = time.time() - state["train_t"]
                loss = f" loss {rec['loss']:.4f}" if isinstance(rec.get("loss"), (int, float)) else ""
                live.update(f"  train {m.parent.name} {bar(rec['step'] / max(total, 1))} {rec['step']}/{total}{loss}  {fmt_time(el)}",
                            rec["step"] / max(total, 1))
        elif state["stage"] == "eval":
            live.update(f"  evaluating: {', '.join(state['evals']) or 'rolling out'}  {fmt_time(time.time() - state['eval_t'])}")

    def poll():
        while not stop.is_set():
            with lock: refresh()
            stop.wait(1.0)

    stop = threading.Event()
    th = threading.Thread(target=poll, daemon=True); th.start()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    buf = b""
    for chunk in iter(lambda: proc.stdout.read1(4096), b""):
        buf += chunk
        *lines, buf = re.split(rb"[\r\n]", buf)
        for raw in lines:
            line = raw.decode("utf-8", "replace")
            log.write(line + "\n")
            if QUIET.match(line): continue
            with lock:
                if line.startswith("training "):                       # 09: "training <arm> seed <s> -> <run folder>"
                    end_stage(); state.update(stage="train", train_t=time.time(), train=None)
                    live.print("training: " + line[len("training "):])
                elif EVAL_LINE.match(line):                            # compare_variants: "<variant>: N tasks in Xs (...)"
                    if state["stage"] != "eval":
                        end_stage(); state.update(stage="eval", eval_t=time.time(), evals=[])
                        live.print("evaluation: every checkpoint on the held-out tasks")
                    m = EVAL_LINE.match(line); state["evals"].append(f"{m['name']} {float(m['s']):.0f}s")
                elif re.match(r"^\d+ records in ", line) or line.startswith("report:"):
                    end_stage(); live.print("  " + line)
                elif line.startswith("{") and "': '" in line and not state.get("ckpts"):
                    end_stage(); state["ckpts"] = True; live.print("checkpoints: " + line)   # 09: the checkpoints it will score
    proc.wait()
    stop.set(); th.join(2)
    with lock: end_stage()
    log.close()
    if proc.returncode != 0:
        tail = a.log.read_text(errors="replace").splitlines()[-25:]
        print(f"FAILED (exit {proc.returncode}) after {fmt_time(time.time() - t0)}; the log's last lines ({a.log}):")
        print("\n".join("  | " + l for l in tail))
    sys.exit(proc.returncode)


if __name__ == "__main__":
    main()
