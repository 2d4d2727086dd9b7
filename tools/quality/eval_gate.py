#!/usr/bin/env python3
"""Quality gate: `anticipa eval` on every judged dev set; fails when a set/locale's nDCG@10
falls below its floor in tests/data/quality/eval-thresholds.tsv.

Usage: eval_gate.py ANTICIPA_BINARY SOURCE_DIR [THRESHOLDS_TSV]
Exit: 0 every floor held, 1 a floor broken or a set missing, 2 usage or a failed eval run,
77 no collections on this machine (CTest reports SKIPPED).
"""
import json
import pathlib
import subprocess
import sys
import time

from judged_sets import find_eval_dir, dev_sets, read_floor_rows  # this folder: a script's own folder is on sys.path


def read_floors(path):
    """{(set, locale): min nDCG@10}, in file order; '#' lines are comments."""
    return {(name, locale): float(floor)
            for name, locale, floor in read_floor_rows(path, ["set", "locale", "min nDCG@10"])}


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__, file=sys.stderr)
        return 2
    binary, source = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    thresholds = pathlib.Path(sys.argv[3]) if len(sys.argv) == 4 else \
        source / "tests" / "data" / "quality" / "eval-thresholds.tsv"
    eval_dir = find_eval_dir(source)
    floors = read_floors(thresholds)

    problems = []
    unfloored = [pair for pair in dev_sets(eval_dir) if pair not in floors]
    for set_name, locale in unfloored:  # a new collection should get a floor, but is no failure
        print(f"note: {set_name} {locale} is a dev set without a floor in {thresholds.name}")
    sets = list(dict.fromkeys(set_name for set_name, _ in floors))
    missing = [s for s in sets if not (eval_dir / s / "queries.tsv").is_file()]
    for s in missing:
        problems.append(f"{s}: floored in {thresholds.name} but not found in {eval_dir}")
    sets = [s for s in sets if s not in missing]

    started = time.monotonic()
    command = [str(binary), "eval", "--json", "--locales", str(source / "locales")]
    for s in sets:
        command += ["--set", str(eval_dir / s)]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stderr, file=sys.stderr)
        print(f"FAILED: `{' '.join(command)}` exited {run.returncode}")
        return 2
    elapsed = time.monotonic() - started

    measured = {}
    for result in json.loads(run.stdout):
        for locale, scores in result.get("locales", {}).items():
            measured[(result["set"], locale)] = scores
    print(f"{'set':<16} {'locale':<7} {'queries':>7} {'nDCG@10':>8} {'floor':>6}")
    for (set_name, locale), floor in floors.items():
        if set_name in missing:
            continue
        scores = measured.get((set_name, locale))
        if scores is None:
            problems.append(f"{set_name} {locale}: no judged query of this locale was scored")
            continue
        ndcg = scores["nDCG@10"]
        verdict = "ok" if ndcg >= floor else "BELOW"
        print(f"{set_name:<16} {locale:<7} {scores['queries']:>7} {ndcg:>8.4f} {floor:>6.3f}  {verdict}")
        if ndcg < floor:
            problems.append(f"{set_name} {locale}: nDCG@10 {ndcg:.4f} is below its floor {floor:.3f} "
                            "(a ranking change made this set worse; see the README's ablation table)")
    print(f"eval of {len(sets)} sets from {eval_dir} took {elapsed:.1f} s")
    for problem in problems:
        print("FAILED: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
