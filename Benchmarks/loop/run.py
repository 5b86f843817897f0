#!/usr/bin/env python3
"""The guarded loop against the unguarded one and tuning against none, per problem set.

For each set, runs `ouro bootstrap` three ways with the same per-task timeout in every round:
`guarded` (the default: the guard and the tuning), `unguarded` (`--no-guard`: every sleep
adopted, nothing held out, nothing tuned) and `untuned` (`--no-tuning`: the guard without
tuning). The three runs of a set alternate, set by set, so the machine's load falls on all.
Prints per-round tables (test solved, median test candidates, median test seconds) and the
floors of the guard's issue, and writes every run store and a JSON summary to --out.

    swift build -c release --product ouro
    Benchmarks/loop/run.py --sets Problems/lists Problems/strings --rounds 4 --timeout 2
    Benchmarks/loop/run.py --shared lists pbe-strings --out runs/loop

Shared splits (read from ../shared/benchmarks, never copied into the project): `lists` is
`lists/train.json` with its tasks sorted by name, odd positions train and even positions
test, written to --out; `pbe-strings` trains on `sygus/PBE_Strings/euphony` and tests on
`sygus/PBE_Strings/from_2018`.
"""
import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OURO = os.path.join(ROOT, ".build", "release", "ouro")
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared", "benchmarks"))
VARIANTS = {"guarded": [], "unguarded": ["--no-guard"], "untuned": ["--no-tuning"]}


def shared_split(name, out):
    """The train and test paths of a shared split."""
    if name == "pbe-strings":
        folder = os.path.join(SHARED, "sygus", "PBE_Strings")
        return [os.path.join(folder, "euphony")], [os.path.join(folder, "from_2018")]
    if name == "lists":
        with open(os.path.join(SHARED, "lists", "train.json")) as handle:
            tasks = sorted(json.load(handle), key=lambda task: task["name"])
        paths = []
        for split, part in (("train", tasks[0::2]), ("test", tasks[1::2])):
            folder = os.path.join(out, "shared-lists", split)
            os.makedirs(folder, exist_ok=True)
            path = os.path.join(folder, "lists.json")
            with open(path, "w") as handle:
                json.dump(part, handle)
            paths.append([path])
        return paths[0], paths[1]
    sys.exit(f"unknown shared split {name}: lists or pbe-strings")


def bootstrap(name, train, test, variant, args):
    store = os.path.join(args.out, f"{name}-{variant}.sqlite")
    if os.path.exists(store):
        os.remove(store)
    command = [args.ouro, "bootstrap", "--train", *train, "--test", *test, "--rounds", str(args.rounds),
               "--timeout", str(args.timeout), "--jobs", str(args.jobs), "--run", store, "--json", *VARIANTS[variant]]
    start = time.time()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}): {run.stderr[-2000:]}")
    rows = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    return {"rows": rows, "wall": time.time() - start, "store": store, **measured(store)}


def measured(store):
    """What the run store says of validation's share of each round and the journal."""
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    seconds = dict(db.execute("SELECT round, seconds FROM rounds"))
    validation = dict(db.execute("SELECT round, seconds FROM timings WHERE task IS NULL AND part = 'validation'"))
    share = {r: validation.get(r, 0) / seconds[r] for r in seconds if seconds[r] > 0}
    journal = [json.loads(text) for (text,) in db.execute("SELECT entry FROM proposals ORDER BY id")]
    return {"validationShare": share, "journal": journal}


def last_round_tests(store):
    """The last round's test tasks: name -> (solved, candidates, seconds)."""
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    (last,) = db.execute("SELECT MAX(round) FROM results").fetchone()
    rows = db.execute("""SELECT t.file || '/' || t.name, r.solved, r.candidates, r.seconds FROM results r JOIN tasks t ON t.id = r.task
                         WHERE r.round = ? AND t.split = 'test'""", (last,))
    return {name: (bool(solved), candidates, seconds) for name, solved, candidates, seconds in rows}


def both_solved(first, second, index):
    """Medians of column `index` (1: candidates, 2: seconds) over the last round's test tasks both runs solved."""
    a, b = last_round_tests(first["store"]), last_round_tests(second["store"])
    both = [name for name in a if a[name][0] and b.get(name, (False,))[0]]
    return len(both), median([a[n][index] for n in both]), median([b[n][index] for n in both])


def median(values):
    return statistics.median(values) if values else None


def floors(name, results):
    guarded, unguarded, untuned = results["guarded"], results["unguarded"], results["untuned"]
    solved = [row["testSolved"] for row in guarded["rows"]]
    last = {variant: results[variant]["rows"][-1] for variant in results}
    checks = {
        "no regression (guarded test solved never falls)": all(b >= a for a, b in zip(solved, solved[1:])),
        "last-round test solved guarded >= unguarded": last["guarded"]["testSolved"] >= last["unguarded"]["testSolved"],
        "median test candidates guarded <= unguarded": (last["guarded"]["medianCandidatesTest"] or 0) <= (last["unguarded"]["medianCandidatesTest"] or float("inf")),
        "last-round test solved tuned >= untuned": last["guarded"]["testSolved"] >= last["untuned"]["testSolved"],
        "median test seconds tuned <= 0.7 x untuned": (last["guarded"]["medianSecondsTest"] or 0) <= 0.7 * (last["untuned"]["medianSecondsTest"] or float("inf")),
        "validation <= 1/3 of every round": all(share <= 1 / 3 for share in guarded["validationShare"].values()),
    }
    print(f"\n## {name}\n")
    print("| round | " + " | ".join(f"{v}: test solved, median candidates, median s" for v in results) + " |")
    print("|---|" + "---|" * len(results))
    for index in range(len(guarded["rows"])):
        cells = []
        for variant in results:
            row = results[variant]["rows"][index]
            candidates = row["medianCandidatesTest"]
            seconds = row["medianSecondsTest"]
            cells.append(f"{row['testSolved']}/{row['testTotal']}, {'-' if candidates is None else f'{candidates:.0f}'}, "
                         f"{'-' if seconds is None else f'{seconds:.3f}'}")
        print(f"| {index} | " + " | ".join(cells) + " |")
    print()
    for variant in results:
        adopted = [f"{e['round']}:{e['name']}" for e in results[variant]["journal"] if e["decision"] == "adopted"]
        share = max(results[variant]["validationShare"].values(), default=0)
        print(f"- {variant}: {results[variant]['wall']:.0f} s wall, largest validation share {share:.2f}, adopted {', '.join(adopted) or 'nothing'}")
    count, ours, theirs = both_solved(guarded, unguarded, 1)
    if count:
        print(f"- on the {count} last-round test tasks guarded and unguarded both solve: median candidates {ours:.0f} against {theirs:.0f}")
    count, ours, theirs = both_solved(guarded, untuned, 2)
    if count:
        print(f"- on the {count} last-round test tasks tuned and untuned both solve: median seconds {ours:.4f} against {theirs:.4f}")
    for check, held in checks.items():
        print(f"- {'✓' if held else '✗'} {check}")
    return checks


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sets", nargs="*", default=[], help="problem set folders with train/ and test/")
    parser.add_argument("--shared", nargs="*", default=[], help="shared splits: lists, pbe-strings")
    parser.add_argument("--rounds", type=int, default=4, help="learning rounds after round 0 (default 4: rounds 0 … 4)")
    parser.add_argument("--timeout", type=float, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=list(VARIANTS))
    parser.add_argument("--out", default=os.path.join(ROOT, "runs", "loop"))
    parser.add_argument("--ouro", default=OURO)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sets = [(os.path.basename(os.path.normpath(s)), [os.path.join(s, "train")], [os.path.join(s, "test")]) for s in args.sets]
    sets += [(f"shared-{name}", *shared_split(name, args.out)) for name in args.shared]
    summary = {}
    for name, train, test in sets:
        results = {}
        for variant in args.variants:
            print(f"{name} {variant} …", file=sys.stderr, flush=True)
            results[variant] = bootstrap(name, train, test, variant, args)
        checks = floors(name, results) if set(results) == set(VARIANTS) else {}
        summary[name] = {"results": results, "checks": checks}
        with open(os.path.join(args.out, "summary.json"), "w") as handle:
            json.dump(summary, handle, indent=1)
        sys.stdout.flush()


if __name__ == "__main__":
    main()
