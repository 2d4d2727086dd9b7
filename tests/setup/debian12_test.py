#!/usr/bin/env python3
"""Set-up check: what the set-up installs and the tests rely on comes from Debian 12 (bookworm).

    debian12_test.py <source dir> [--uses PROGRAM]...

Fails (exit 1), naming each problem, when
  1. a package tools/setup-debian.sh installs has no candidate in a bookworm suite (bookworm,
     bookworm-updates, bookworm-security), as `apt-cache madison` lists them;
  2. a program the tests run (each --uses, the /usr/bin/... paths written in tests/, tools/quality/
     and the scripts of tools/test.sh, and what those scripts call) is not a file of a Debian
     package with such a candidate;
  3. an npm package in a package-lock.json, or a package.json, declares an engines.node that
     Debian 12's nodejs (the lowest bookworm version) does not satisfy, or a browser test imports
     an npm package no lock file pins;
  4. a Python script the tests run imports a module that is neither the standard library's, its
     own folder's, nor a Debian package's (checked with Debian's /usr/bin/python3).
A program this machine takes from elsewhere (a NodeSource node, a pyenv python) is reported as a
note, not a failure: the set-up does not rely on it, and tools/fresh-debian12.sh is the proof on
a clean bookworm. Exits 77 (skipped) without dpkg and apt-cache, or without apt package lists.
"""
import ast
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

SKIP = 77
BOOKWORM = re.compile(r"\sbookworm(-updates|-security)?/")
# The scripts of the README's test command, and what they run.
TEST_SCRIPTS = ["test.sh", "build.sh", "setup-debian.sh", "sanitizers.sh", "fuzz.sh"]
SCRIPT_PROGRAMS = ["cmake", "ctest", "ninja", "c++", "clang++"]
# Scanned for /usr/bin/<program> paths, bare npm imports and Python imports.
TEXT_SUFFIXES = {".mjs", ".js", ".py", ".sh", ".cpp", ".h", ".txt"}


def run(*argv):
    return subprocess.run(argv, capture_output=True, text=True, check=False)


def setup_packages(source):
    script = (source / "tools" / "setup-debian.sh").read_text()
    listed = re.search(r"^packages=\((.*?)^\)", script, re.S | re.M)
    if not listed:
        raise SystemExit("tools/setup-debian.sh: no packages=( ... ) list found")
    return [word for line in listed.group(1).splitlines() for word in line.split("#")[0].split()]


def bookworm_versions(packages):
    """package -> the versions apt offers from a bookworm suite."""
    versions = {p: [] for p in packages}
    for line in run("apt-cache", "madison", *packages).stdout.splitlines():
        parts = [part.strip() for part in line.split("|")]
        if len(parts) == 3 and parts[0] in versions and BOOKWORM.search(" " + parts[2]):
            versions[parts[0]].append(parts[1])
    return versions


def owners(paths):
    """path -> the Debian package it belongs to (None for none), trying each path and then where
    its links lead; one dpkg call for all of them."""
    candidates = {str(p): list(dict.fromkeys([str(p), os.path.realpath(p)])) for p in paths}
    belongs = {}
    every = sorted({c for tried in candidates.values() for c in tried})
    for line in run("dpkg", "-S", *every).stdout.splitlines() if every else []:
        if ": " in line and not line.startswith("diversion"):
            packages, path = line.split(": ", 1)
            belongs[path.strip()] = packages.split(",")[0].split(":")[0].strip()
    return {p: next((belongs[c] for c in tried if c in belongs), None) for p, tried in candidates.items()}


def owner(path):
    return owners([path])[str(path)]


def installed_version(package):
    return run("dpkg-query", "-W", "-f=${Version}", package).stdout.strip()


def source_files(source, folders):
    for folder in folders:
        for path in sorted((source / folder).rglob("*")):
            if path.is_file() and path.suffix in TEXT_SUFFIXES and "node_modules" not in path.parts:
                yield path


# ---- npm engines -----------------------------------------------------------------------------

def parse_version(text):
    parts = re.match(r"^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?", text.strip())
    if not parts:
        raise ValueError(text)
    numbers = [None if p is None or p in "xX*" else int(p) for p in parts.groups()]
    return numbers  # None where the version leaves a part open


def satisfies(version, comparator):
    """One npm semver comparator (>=1.2, <3, ^18.12, ~14.17, 16.x, =18, *) against (a, b, c)."""
    comparator = comparator.strip()
    if comparator in ("", "*", "x", "X"):
        return True
    operator = re.match(r"^(>=|<=|>|<|=|\^|~)?", comparator).group(1) or "="
    bound = parse_version(comparator[len(operator) if comparator[:len(operator)] == operator else 0:])
    low = tuple(p or 0 for p in bound)
    if operator in ("=", "^", "~"):
        open_at = next((i for i, p in enumerate(bound) if p is None), 3)
        if operator == "^":
            keep = next((i for i, p in enumerate(low) if p != 0), 2) + 1
            open_at = min(open_at, keep)
        elif operator == "~":
            open_at = min(open_at, 2 if bound[1] is not None else 1)
        if open_at == 3:
            return version == low
        return version >= low and version[:open_at] == low[:open_at]
    return {">=": version >= low, ">": version > low, "<=": version <= low, "<": version < low}[operator]


def engine_admits(range_text, version):
    for alternative in range_text.split("||"):
        hyphen = re.match(r"^\s*(\S+)\s+-\s+(\S+)\s*$", alternative)
        joined = re.sub(r"(>=|<=|>|<|=|\^|~)\s+", r"\1", alternative)  # ">= 18" is ">=18"
        if hyphen:  # "14 - 18": from 14.0.0 up to any 18.x.y
            upper = hyphen.group(2)
            if satisfies(version, ">=" + hyphen.group(1)) and (satisfies(version, "<=" + upper) or
                                                               satisfies(version, "=" + upper)):
                return True
        elif all(satisfies(version, c) for c in joined.split()):
            return True
    return False


def check_node(source, node_versions, problems):
    if not node_versions:
        problems.append("nodejs has no bookworm candidate to check npm engines against")
        return
    lowest = min(tuple(int(n) for n in re.match(r"(\d+)\.(\d+)\.(\d+)", v).groups()) for v in node_versions)
    shown = ".".join(map(str, lowest))
    pinned = set()
    manifests = [p for p in source.rglob("package*.json") if "node_modules" not in p.parts and "build" not in p.parts[0]]
    for manifest in sorted(manifests):
        where = manifest.relative_to(source)
        data = json.loads(manifest.read_text())
        entries = data.get("packages", {"": data}) if manifest.name == "package-lock.json" else {"": data}
        for name, entry in entries.items():
            if name:
                pinned.add(name.split("node_modules/")[-1])
            engine = (entry.get("engines") or {}).get("node")
            if engine is None:
                continue
            try:
                admitted = engine_admits(engine, lowest)
            except (ValueError, KeyError):
                problems.append(f"{where}: {name or data.get('name')}: cannot read engines.node {engine!r}")
                continue
            if not admitted:
                problems.append(f"{where}: {name or data.get('name')} needs node {engine}; Debian 12 has {shown}")
    for script in source_files(source, ["tests"]):
        if script.suffix not in (".mjs", ".js"):
            continue
        for module in re.findall(r"""(?:^|\s)(?:import\b[^'"]*?from\s*|import\s*\(\s*)['"]([^'"]+)['"]""",
                                 script.read_text(), re.M):
            bare = not module.startswith((".", "/", "node:"))
            package = "/".join(module.split("/")[:2 if module.startswith("@") else 1])
            if bare and package not in pinned:
                problems.append(f"{script.relative_to(source)}: imports {module!r}, which no package-lock.json pins")
    print(f"ok: npm engines checked against Debian 12's node {shown} ({len(manifests)} manifests)")


# ---- programs ----------------------------------------------------------------------------------

def test_command_files(source):
    """The tests, and the scripts tools/test.sh runs (not the benchmarks, which install their own)."""
    yield from source_files(source, ["tests", "tools/quality"])
    for script in TEST_SCRIPTS:
        if (source / "tools" / script).exists():
            yield source / "tools" / script


def check_programs(source, used, problems, notes):
    names = set(SCRIPT_PROGRAMS)
    for path in test_command_files(source):
        names.update(re.findall(r"/usr/bin/([A-Za-z0-9][A-Za-z0-9_.+-]*)", path.read_text(errors="replace")))
    for program in used:
        names.add(pathlib.Path(program).name)
        where = shutil.which(program) or program
        if owner(where) is None:
            notes.append(f"the tests here run {where}, which no Debian package installs; on a fresh machine "
                         f"they run Debian's /usr/bin/{pathlib.Path(program).name}")
    present = {name: pathlib.Path("/usr/bin") / name for name in sorted(names)}
    for name, path in list(present.items()):
        if not path.exists():
            problems.append(f"the tests run {path}, which is not installed: add its Debian package to "
                            "tools/setup-debian.sh")
            del present[name]
    belongs = owners(present.values())
    owners_of = {}
    for name, path in present.items():
        if belongs[str(path)] is None:
            problems.append(f"{path} belongs to no Debian package")
        else:
            owners_of[name] = belongs[str(path)]
    versions = bookworm_versions(sorted(set(owners_of.values())))
    for name, package in owners_of.items():
        if not versions[package]:
            problems.append(f"/usr/bin/{name} comes from {package}, which Debian 12 does not provide")
        elif installed_version(package) not in versions[package]:
            notes.append(f"/usr/bin/{name} is {package} {installed_version(package)} here, not a Debian 12 "
                         f"version ({', '.join(sorted(set(versions[package])))})")
    print(f"ok: {len(owners_of)} programs the tests run belong to Debian packages: "
          + ", ".join(f"{n} ({p})" for n, p in sorted(owners_of.items())))


# ---- Python modules --------------------------------------------------------------------------

def check_python(source, problems):
    debian_python = pathlib.Path("/usr/bin/python3")
    scripts = [p for p in test_command_files(source) if p.suffix == ".py"]
    modules = {}
    for script in scripts:
        for node in ast.walk(ast.parse(script.read_text(), str(script))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else []
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or (script.parent / f"{top}.py").exists():
                    continue
                modules.setdefault(top, script.relative_to(source))
    for module, script in sorted(modules.items()):
        found = run(str(debian_python), "-c", f"import {module}; print({module}.__file__)")
        path = found.stdout.strip()
        if found.returncode != 0:
            problems.append(f"{script} imports {module}, which Debian's python3 cannot import: add its python3-* "
                            "package to tools/setup-debian.sh")
        elif owner(path) is None:
            problems.append(f"{script} imports {module} from {path}, which no Debian package installs (pip?)")
    print(f"ok: Python imports of {len(scripts)} scripts checked with {debian_python}")


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    source = pathlib.Path(sys.argv[1]).resolve()
    used = [sys.argv[i + 1] for i, arg in enumerate(sys.argv[:-1]) if arg == "--uses"]
    if not shutil.which("dpkg") or not shutil.which("apt-cache"):
        print("skipped: not a Debian system (no dpkg or apt-cache)")
        return SKIP
    if not bookworm_versions(["dpkg"])["dpkg"]:
        print("skipped: apt has no bookworm package lists (run apt-get update)")
        return SKIP

    problems, notes = [], []
    packages = setup_packages(source)
    versions = bookworm_versions(packages)
    for package in packages:
        if not versions[package]:
            problems.append(f"tools/setup-debian.sh installs {package}, which has no Debian 12 candidate")
    print(f"ok: {len(packages) - sum(not v for v in versions.values())} of {len(packages)} set-up packages "
          "have a Debian 12 candidate")
    check_programs(source, used, problems, notes)
    check_node(source, versions.get("nodejs") or bookworm_versions(["nodejs"])["nodejs"], problems)
    check_python(source, problems)
    for note in notes:
        print(f"note: {note}")
    for problem in problems:
        print(f"error: {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
