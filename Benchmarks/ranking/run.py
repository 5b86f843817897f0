#!/usr/bin/env python3
"""The ranking model against the refitted grammar alone, per domain.

For each problem set (a folder with train/ and test/): solve the train tasks with the
starting grammar, train a model on those solutions plus dreams (`ouro train`, which also
writes the refitted grammar), then solve the test tasks twice at the same timeout: with the
refitted grammar alone and with the refitted grammar and the model (for SyGuS files,
`ouro solve --model` gives the model's search half the timeout and the refitted grammar's
the rest when the first finds nothing; candidates count over both). Reports tasks solved
each way and the median number of candidates enumerated over the tasks solved both ways.

    swift build -c release
    Benchmarks/ranking/run.py                       # every set in Problems/
    Benchmarks/ranking/run.py --sets Problems/strings --timeout 5
    Benchmarks/ranking/run.py --train ../shared/benchmarks/sygus/PBE_Strings/euphony \
        --test ../shared/benchmarks/sygus/PBE_Strings/from_2018 --name pbe-strings
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OURO = os.path.join(ROOT, ".build", "release", "ouro")


def files(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith((".sl", ".json")))


def solve(paths, timeout, jobs, extra):
    run = subprocess.run([OURO, "solve", *paths, "--json", "--timeout", str(timeout), "--jobs", str(jobs), *extra],
                         cwd=ROOT, capture_output=True, text=True)
    if run.returncode not in (0, 3):
        sys.exit(f"ouro solve failed ({run.returncode}): {run.stderr}")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return {(row["file"], row["task"]): row for row in rows}, run.stdout


def measure(name, train, test, timeout, jobs, dreams, seed):
    is_sygus = train[0].endswith(".sl")
    grammar = [] if is_sygus else ["--grammar", os.path.join(ROOT, "Grammars", "lists.grammar")]
    with tempfile.TemporaryDirectory() as scratch:
        _, lines = solve(train, timeout, jobs, grammar)
        solutions = os.path.join(scratch, "train.jsonl")
        with open(solutions, "w") as handle:
            handle.write(lines)
        model = os.path.join(scratch, "model.json")
        refit = os.path.join(scratch, "refit.grammar")
        trained = subprocess.run([OURO, "train", *train, "--solutions", solutions, *grammar, "--out", model,
                                  "--grammar-out", refit, "--dreams", str(dreams), "--seed", str(seed)],
                                 cwd=ROOT, capture_output=True, text=True)
        if trained.returncode != 0:
            sys.exit(f"ouro train failed: {trained.stderr}")
        alone, _ = solve(test, timeout, jobs, ["--grammar", refit])
        ranked, _ = solve(test, timeout, jobs, ["--grammar", refit, "--model", model])
    both = [key for key in alone if alone[key]["solved"] and ranked.get(key, {}).get("solved")]
    median_alone = statistics.median(alone[k]["candidates"] for k in both) if both else None
    median_ranked = statistics.median(ranked[k]["candidates"] for k in both) if both else None
    return {
        "set": name, "testTasks": len(alone),
        "solvedRefit": sum(r["solved"] for r in alone.values()), "solvedModel": sum(r["solved"] for r in ranked.values()),
        "bothSolved": len(both), "medianRefit": median_alone, "medianModel": median_ranked,
        "ratio": (median_ranked / median_alone) if both and median_alone else None,
        "onlyRefit": sorted(k[1] for k in alone if alone[k]["solved"] and not ranked.get(k, {}).get("solved")),
        "onlyModel": sorted(k[1] for k in ranked if ranked[k]["solved"] and not alone.get(k, {}).get("solved")),
        "candidates": {k[1]: (alone[k]["candidates"], ranked[k]["candidates"]) for k in both},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=[os.path.join("Problems", s) for s in ("lists", "bitvec", "lia", "strings")])
    parser.add_argument("--train", nargs="*", help="train files or folders (with --test, instead of --sets)")
    parser.add_argument("--test", nargs="*")
    parser.add_argument("--name", default="custom")
    parser.add_argument("--timeout", type=float, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--dreams", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--verbose", action="store_true", help="per-task candidates and tasks solved one way only, on stderr")
    args = parser.parse_args()
    if not os.path.exists(OURO):
        sys.exit("build first: swift build -c release")

    def expand(paths):
        return [f for p in paths for f in (files(p) if os.path.isdir(p) else [p])]

    jobs = [(args.name, expand(args.train), expand(args.test))] if args.train else [
        (os.path.basename(s), files(os.path.join(s, "train")), files(os.path.join(s, "test"))) for s in args.sets]
    print("| set | test tasks | solved (refit) | solved (model) | both | median cand. refit | median cand. model | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for name, train, test in jobs:
        r = measure(name, train, test, args.timeout, args.jobs, args.dreams, args.seed)
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else "-"
        print(f"| {r['set']} | {r['testTasks']} | {r['solvedRefit']} | {r['solvedModel']} | {r['bothSolved']} | "
              f"{r['medianRefit']} | {r['medianModel']} | {ratio} |", flush=True)
        if args.verbose:
            print(f"  solved only with the refitted grammar: {r['onlyRefit']}; only with the model: {r['onlyModel']}", file=sys.stderr)
            for task, (a, b) in sorted(r["candidates"].items()):
                print(f"  {task}: {a} -> {b}", file=sys.stderr)


if __name__ == "__main__":
    main()
