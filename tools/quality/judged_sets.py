"""Where the judged relevance collections are, for the quality checks that need them.

The collections (shared/eval/) are kept outside the repository, so a fresh clone may not have
them; the checks then exit with SKIP so CTest reports them as skipped rather than passed.
"""
import os
import pathlib
import sys

SKIP = 77  # CTest SKIP_RETURN_CODE: "could not run here", never "passed"


def find_eval_dir(source_dir):
    """The first of $ANTICIPA_EVAL_DIR, <source>/../shared/eval, /work/shared/eval that exists."""
    candidates = []
    if os.environ.get("ANTICIPA_EVAL_DIR"):
        candidates.append(pathlib.Path(os.environ["ANTICIPA_EVAL_DIR"]))
    candidates.append(pathlib.Path(source_dir).resolve().parent / "shared" / "eval")
    candidates.append(pathlib.Path("/work/shared/eval"))
    for candidate in candidates:
        if (candidate / "INDEX.tsv").is_file():
            return candidate
    print("SKIPPED: no judged collections (looked for INDEX.tsv in "
          + ", ".join(str(c) for c in candidates) + "); set ANTICIPA_EVAL_DIR to run this check")
    sys.exit(SKIP)


def dev_sets(eval_dir):
    """(set, locale) pairs of INDEX.tsv's dev split, in file order."""
    pairs = []
    with open(eval_dir / "INDEX.tsv", encoding="utf-8") as index:
        next(index)  # header
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if len(fields) >= 3 and fields[1] == "dev":
                pairs.append((fields[0], fields[2]))
    return pairs


def read_floor_rows(path, columns):
    """The rows of a floors table: tab-separated, `columns` fields each (named in the error a
    malformed line gets, with its file and line), blank and '#' lines skipped; in file order."""
    rows = []
    with open(path, encoding="utf-8") as table:
        for number, line in enumerate(table, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != len(columns):
                sys.exit(f"{path}:{number}: expected {'<TAB>'.join(columns)}, got {line!r}")
            rows.append(fields)
    return rows
