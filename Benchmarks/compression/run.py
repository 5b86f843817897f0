#!/usr/bin/env python3
"""Compare `ouro compress` with stitch-core on the compression corpora, in the same run.

    python run.py [--root DIR] [--iterations 10] [--max-arity 3] [--repeat 5] [--ouro PATH]
                  [--json OUT]

Run it with a Python that has stitch-core 0.1.29 installed (a venv:
`python3 -m venv /tmp/stitch && /tmp/stitch/bin/pip install stitch-core==0.1.29`).
For every `*.json` corpus under the root (default `<repo>/../shared/benchmarks/compression`)
it times `stitch_core.compress(programs, iterations, max_arity, threads=1)` in this process
and the whole `ouro compress --json` process, each `--repeat` times (the median is
reported), and prints both compression ratios, both times and their ratios.

Every Ouroboros result is checked independently here: the rewritten corpus's cost is
recomputed with Stitch's cost model (100 per leaf, 1 per application or lambda) and must
equal the reported final cost, and each rewritten program with the abstractions inlined
must be its original exactly.

Exit status: 0 when every corpus meets the floors (ratio >= 0.95 x Stitch's, time <= 5 x
Stitch's) and every check passes, 1 otherwise.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ROOT = os.path.join(os.path.dirname(REPO), "shared", "benchmarks", "compression")
DEFAULT_OURO = os.path.join(REPO, ".build", "release", "ouro")


# Terms: ("prim", name) | ("var", i) | ("arg", i) | ("lam", body) | ("app", f, x)

def parse(text):
    tokens = text.replace("(", " ( ").replace(")", " ) ").split()
    position = 0

    def read():
        nonlocal position
        token = tokens[position]
        position += 1
        if token != "(":
            if token[0] in "$#" and token[1:].isdigit():
                return ("var" if token[0] == "$" else "arg", int(token[1:]))
            return ("prim", token)
        if tokens[position] in ("lam", "lambda"):
            position += 1
            body = read()
            assert tokens[position] == ")"
            position += 1
            return ("lam", body)
        term = read()
        while tokens[position] != ")":
            term = ("app", term, read())
        position += 1
        return term

    term = read()
    assert position == len(tokens), text
    return term


def cost(term):
    kind = term[0]
    if kind in ("prim", "var", "arg"):
        return 100
    if kind == "lam":
        return 1 + cost(term[1])
    return 1 + cost(term[1]) + cost(term[2])


def shift(term, amount, cutoff=0):
    kind = term[0]
    if kind == "var":
        return ("var", term[1] + amount) if term[1] >= cutoff else term
    if kind == "lam":
        return ("lam", shift(term[1], amount, cutoff + 1))
    if kind == "app":
        return ("app", shift(term[1], amount, cutoff), shift(term[2], amount, cutoff))
    return term


def instantiate(body, arguments, depth=0):
    kind = body[0]
    if kind == "arg":
        return shift(arguments[body[1]], depth)
    if kind == "lam":
        return ("lam", instantiate(body[1], arguments, depth + 1))
    if kind == "app":
        return ("app", instantiate(body[1], arguments, depth), instantiate(body[2], arguments, depth))
    return body


def inline(term, library):
    arguments = []
    head = term
    while head[0] == "app":
        arguments.append(head[2])
        head = head[1]
    arguments.reverse()
    if head[0] == "prim" and head[1] in library and len(arguments) >= library[head[1]][0]:
        arity, body = library[head[1]]
        result = instantiate(body, arguments[:arity])
        for argument in arguments[arity:]:
            result = ("app", result, argument)
        return inline(result, library)
    if head[0] == "lam":
        head = ("lam", inline(head[1], library))
    for argument in arguments:
        head = ("app", head, inline(argument, library))
    return head


def check(result, originals):
    """Problems with an `ouro compress --json` result, as a list of messages."""
    problems = []
    rewritten = [parse(p) for p in result["rewritten"]]
    final = sum(cost(p) for p in rewritten)
    if final != result["final_cost"]:
        problems.append(f"final cost {result['final_cost']} reported, {final} recomputed")
    library = {a["name"]: (a["arity"], parse(a["body"])) for a in result["abstractions"]}
    for index, (program, original) in enumerate(zip(rewritten, originals)):
        if inline(program, library) != parse(original):
            problems.append(f"program {index + 1} does not inline to its original")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=DEFAULT_ROOT)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--max-arity", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--ouro", default=DEFAULT_OURO)
    parser.add_argument("--json", help="write the per-corpus rows here")
    args = parser.parse_args()

    import stitch_core  # imported here so that --help works without it
    sys.setrecursionlimit(100000)

    corpora = sorted(glob.glob(os.path.join(args.root, "*.json")))
    if not corpora:
        print(f"no corpora under {args.root}", file=sys.stderr)
        return 2
    rows = []
    print(f"{'corpus':<14} {'programs':>8} {'stitch':>8} {'ouro':>8} {'ratio/st':>8} "
          f"{'stitch s':>9} {'ouro s':>8} {'time/st':>8}  check")
    ok = True
    for path in corpora:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path) as handle:
            programs = json.load(handle)

        stitch_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            stitch = stitch_core.compress(programs, iterations=args.iterations, max_arity=args.max_arity,
                                          threads=1, silent=True)
            stitch_times.append(time.perf_counter() - start)
        stitch_ratio = stitch.json["compression_ratio"]

        ouro_times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            run = subprocess.run([args.ouro, "compress", path, "--json", "--iterations", str(args.iterations),
                                  "--max-arity", str(args.max_arity)], capture_output=True, text=True)
            ouro_times.append(time.perf_counter() - start)
            if run.returncode != 0:
                print(f"{name}: ouro exited {run.returncode}: {run.stderr.strip()}", file=sys.stderr)
                return 1
        result = json.loads(run.stdout)
        problems = check(result, programs)

        stitch_time = statistics.median(stitch_times)
        ouro_time = statistics.median(ouro_times)
        ratio_of_ratios = result["compression_ratio"] / stitch_ratio
        time_ratio = ouro_time / stitch_time
        passed = ratio_of_ratios >= 0.95 and time_ratio <= 5 and not problems
        ok = ok and passed
        print(f"{name:<14} {len(programs):>8} {stitch_ratio:>8.4f} {result['compression_ratio']:>8.4f} "
              f"{ratio_of_ratios:>7.3f}x {stitch_time:>9.3f} {ouro_time:>8.3f} {time_ratio:>7.2f}x  "
              f"{'ok' if not problems else '; '.join(problems)}")
        rows.append({"corpus": name, "programs": len(programs),
                     "stitchRatio": stitch_ratio, "ouroRatio": result["compression_ratio"],
                     "stitchSeconds": stitch_time, "ouroSeconds": ouro_time,
                     "stitchAbstractions": len(stitch.json["abstractions"]),
                     "ouroAbstractions": len(result["abstractions"]), "problems": problems})
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(rows, handle, indent=1)
    print("floors met" if ok else "FLOORS NOT MET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
