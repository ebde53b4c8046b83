"""Train (or resume) one recipe arm with overrides: the command behind the fine-tunes that bench/README.md quotes.

    python bench/arm.py RECIPE SEED ROOT [KEY=JSON ...]
    python bench/arm.py remind 1 long steps=4000
    python bench/arm.py remind 0 cap/ft init='"world-base-gpu"' processes='"inflate"' ema=0.995

This is `remind.experiment.train_arm(RECIPE, SEED, ROOT, **overrides)`: the run goes to `runs/ROOT/RECIPE-sSEED` and
resumes from its newest intact checkpoint when it is run again. Each override is a `TrainConfig` field and a JSON value
(so strings are quoted twice, as above); a field that does not exist, or a value the config rejects, stops it before
anything is written. `init` names a shipped model (`models/<name>`) or a checkpoint folder. (Until 2026-12-05 this
script lived in the ignored `runs/` folder; the README's commands ran it as `runs/arm.py` with the same arguments.)
"""
from __future__ import annotations

import argparse
import json

from remind.experiment import RECIPES, train_arm


def parse_overrides(pairs: list[str]) -> dict:
    "KEY=JSON pairs as a dict (an unknown KEY is refused by name in `TrainConfig.from_dict`, before anything is written)."
    out = {}
    for p in pairs:
        key, sep, val = p.partition("=")
        if not sep: raise SystemExit(f"arm: an override is KEY=JSON, got {p!r}")
        try: out[key] = json.loads(val)
        except json.JSONDecodeError as e: raise SystemExit(f"arm: the value of {key} is not JSON ({e}): {val!r}; quote strings twice: {key}='\"text\"'")
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("recipe", choices=sorted(RECIPES))
    ap.add_argument("seed", type=int)
    ap.add_argument("root", help="runs/ROOT/RECIPE-sSEED holds the run")
    ap.add_argument("overrides", nargs="*", metavar="KEY=JSON")
    a = ap.parse_args(argv)
    print(train_arm(a.recipe, a.seed, a.root, **parse_overrides(a.overrides)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
