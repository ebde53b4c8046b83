"""Checks of `bench/hid_check.py` on real world tasks (run by tools/smoke_4_bench.sh).

    python bench/check_hid_check.py

On every camera-loop, zoom and lights-off V2V task of the inflate table's draw (67): the true video, and the truth
through the shipped GPU base's codec (the ceiling), drew no ball in its hidden frames (`ball` 0) and, on the camera
families, followed the camera (`view` 1; NaN after lights off); on the first of each family a video that holds the
last view before the interruption through the hidden interval shows the ball (`ball` 1) and did not follow (`view` 0);
on the camera families the package's `hid` sees it (`drew` 1, `hid` 0) where `hid_check.reader_only`, the reader alone
that pre-2026-12-06 tables recorded, did not (`hid` 1).
`reproduced.differing`, as hid_check calls it, names the fields where a re-drawn record leaves the table's (None and
NaN alike, `abs_error` within 1e-4), and `reproduced.compare` counts them per variant over the tasks two record files
share. The summary's strict rate gives the held view no credit where the table's rate would; the CLI refuses a
malformed checkpoint pair and an `--ema` name that is no checkpoint. Seconds.
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hid_check as hc  # noqa: E402
from check_paired import refuses  # noqa: E402


def main() -> int:
    from remind.evaluate import codec_roundtrip, load_model
    from remind.experiment import results_tasks
    every = [t for t in results_tasks(225, processes="inflate") if t.kind == "v2v" and t.clip.events
             and t.clip.events[0].kind in hc.BLIND_FAMILIES]
    assert len(every) == 67, len(every)
    lm = load_model("models/world-base-gpu")
    for t in every:                                   # the truth and the codec ceiling hide the ball and follow the camera
        for video in (t.clip.frames, codec_roundtrip(t, lm)):
            f = hc.followed(video, t)
            assert f["ball"] == 0.0 and f["seen"] >= 3, (t.id, f)
            assert (f["view"] == 1.0) if t.clip.events[0].kind in hc.CAMERA_FAMILIES else f["view"] != f["view"], (t.id, f)
    tasks = [next(t for t in every if t.clip.events[0].kind == k) for k in hc.BLIND_FAMILIES]
    recs = []
    for t in tasks:
        ev, idx = t.clip.events[0], hc.hidden_frames(t)
        assert len(idx) and idx.min() >= t.n_cond and idx.min() >= ev.full_start and idx.max() < ev.full_end, (t.id, idx)
        truth = hc.followed(t.clip.frames, t)
        held = t.clip.frames.copy(); held[idx] = t.clip.frames[ev.start - 1]     # the old view kept, ball in sight
        stay = hc.followed(held, t)
        assert truth["ball"] == 0.0 and stay["ball"] == 1.0 and truth["hidden_drawn"] == len(idx), (t.id, truth, stay)
        if ev.kind in hc.CAMERA_FAMILIES:
            assert truth["view"] == 1.0 and stay["view"] == 0.0, (t.id, truth, stay)
            from remind.metrics import evaluate_video        # the package's hid sees the held ball; the reader alone did not
            mended = evaluate_video(held, t)
            assert (mended["drew"], mended["hid"], hc.reader_only(held, t, mended)["hid"]) == (1.0, 0.0, 1.0), (t.id, mended)
        else: assert truth["view"] != truth["view"] and stay["view"] != stay["view"], (t.id, truth, stay)   # NaN: no camera move
        recs += [dict(variant="truth", task=t.id, interruption=ev.kind, resumed=1.0, **truth),
                 dict(variant="held", task=t.id, interruption=ev.kind, resumed=1.0, **stay)]
    old = dict(progress=1.0, hid=None, resumed=0.0, abs_error=0.05, psnr=20.0)
    keys = dict(exact=("progress", "hid", "resumed"), close=("abs_error", "psnr"))   # hid_check's comparison
    assert hc.differing(dict(old, hid=float("nan"), abs_error=0.05 + 5e-5), old, **keys) == []
    assert hc.differing(dict(old, progress=0.0, psnr=20.1, hid=1.0), old, **keys) == ["progress", "hid", "psnr"]
    import reproduced                                    # the same comparison over record files, per variant
    a = [dict(old, variant="x", task=f"t{i}") for i in range(3)]
    b = [dict(r, variant="y", progress=float(i != 1), psnr=20.0 + 1e-3 * i) for i, r in enumerate(a)] + [dict(a[0], variant="y", task="t9")]
    got = reproduced.compare(a, b, [("y", "x")], exact=("progress", "hid"), close=("psnr",))
    assert got == {"y = x": dict(n=3, equal=dict(progress=2, hid=3), max_difference=dict(psnr=got["y = x"]["max_difference"]["psnr"]))}, got
    assert abs(got["y = x"]["max_difference"]["psnr"] - 2e-3) < 1e-9, got
    refuses(lambda: reproduced.compare(a, b, [("x", "x")]), "no task scored by both 'x' (new) and 'x' (old)")
    s = hc.summarize(recs)
    cam, dark = "camera loop + zoom", "lights off"
    assert s[f"truth, {cam}"]["followed"] == 1.0 and s[f"held, {cam}"]["followed"] == 0.0 and s[f"truth, {dark}"]["followed"] is None
    for g in (cam, dark):
        t, h = s[f"truth, {g}"], s[f"held, {g}"]
        assert t["drew_ball"] == 0.0 and t["strict"]["rate"] == t["resumed"]["rate"] == 1.0 and t["resumed_drew_ball"] is None, t
        assert h["drew_ball"] == 1.0 and h["strict"]["rate"] == 0.0 and h["resumed"]["rate"] == 1.0, h   # held in view: no credit
    refuses(lambda: hc.main(["t.jsonl", "nocheckpoint"]), "expected name=checkpoint, got 'nocheckpoint'")
    refuses(lambda: hc.main(["t.jsonl", "a=x", "--ema", "b"]), "--ema names ['b'], not among ['a']")
    refuses(lambda: hc.main(["t.jsonl"]), "expected the table's records then at least one name=checkpoint")
    print(f"check_hid_check: all checks passed ({len(tasks)} tasks)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
