#!/usr/bin/env python3
"""Quality gate of learned phrasings: `anticipa eval --replay-clicks` on the judged dev sets of
tests/data/quality/replay-thresholds.tsv. Fails when a set's future half, with phrasings learned
from its past half, scores below its floor or gains less than its minimum over no learning, or
when learning (from relevant or from random clicks) costs a set more than MAX_LOSS points.

Usage: replay_gate.py ANTICIPA_BINARY SOURCE_DIR [THRESHOLDS_TSV]
Exit: 0 every floor held, 1 one broken or a set missing, 2 usage or a failed eval run,
77 no collections on this machine (CTest reports SKIPPED).
"""
import json
import pathlib
import subprocess
import sys

from judged_sets import find_eval_dir, read_floor_rows  # this folder: a script's own folder is on sys.path

MAX_LOSS = 0.2  # points of nDCG@10 learning may cost a set, from relevant clicks or from noise


def read_floors(path):
    """{set: (min nDCG@10 with learning, min gain in points)}; '#' lines are comments."""
    columns = ["set", "min nDCG@10 with", "min gain (points)"]
    return {name: (float(floor), float(gain)) for name, floor, gain in read_floor_rows(path, columns)}


def check(result, floor, gain_floor):
    """The problems of one set's replay, as sentences."""
    name, without, with_, noise = result["set"], result["without"], result["with"], result["noise_only"]
    problems = []
    if with_ < floor:
        problems.append(f"{name}: nDCG@10 with learning {with_:.4f} is below its floor {floor:.3f}")
    gain = 100 * (with_ - without)
    if gain < gain_floor:
        problems.append(f"{name}: learning gains {gain:+.2f} points, less than {gain_floor:+.2f}")
    if gain < -MAX_LOSS:
        problems.append(f"{name}: learning costs {-gain:.2f} points (at most {MAX_LOSS})")
    noise_loss = 100 * (without - noise)
    if noise_loss > MAX_LOSS:
        problems.append(f"{name}: random clicks cost {noise_loss:.2f} points (at most {MAX_LOSS}): the "
                        "thresholds let noise into the ranking (learn/phrasing_learner.h)")
    return problems


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    binary, source = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    thresholds = pathlib.Path(sys.argv[3]) if len(sys.argv) == 4 else \
        source / "tests" / "data" / "quality" / "replay-thresholds.tsv"
    eval_dir = find_eval_dir(source)
    floors = read_floors(thresholds)
    problems = [f"{s}: floored in {thresholds.name} but not found in {eval_dir}"
                for s in floors if not (eval_dir / s / "queries.tsv").is_file()]
    sets = [s for s in floors if (eval_dir / s / "queries.tsv").is_file()]

    command = [str(binary), "eval", "--replay-clicks", "--json", "--locales", str(source / "locales")]
    for s in sets:
        command += ["--set", str(eval_dir / s)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        print(f"FAILED: `{' '.join(command)}` exited {run.returncode}")
        return 2
    replay = json.loads(run.stdout)["replay"]
    print(f"{'set':<16} {'future':>6} {'without':>8} {'with':>8} {'noise':>8} {'floor':>6}")
    for result in replay["sets"]:
        floor, gain_floor = floors[result["set"]]
        print(f"{result['set']:<16} {result['future_queries']:>6} {result['without']:>8.4f} {result['with']:>8.4f} "
              f"{result['noise_only']:>8.4f} {floor:>6.3f}")
        problems += check(result, floor, gain_floor)
    for problem in problems:
        print("FAILED: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
