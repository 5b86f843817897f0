#!/usr/bin/env python3
"""Compare Ouroboros with cvc5 on tracks of the SyGuS benchmark files.

    python3 Benchmarks/sygus/run.py TRACK... [--timeout 10] [--jobs 2] [--ouro PATH]
                                    [--limit N] [--json OUT] [--root DIR]

TRACK is a folder under the benchmarks root (PBE_BV, PBE_Strings, CLIA, General_HD, INV);
its .sl files are found recursively. For every file this runs `ouro solve --json --timeout T`
(hard-killed at T + 5 s) and `cvc5 --lang=sygus2` (killed at T), one file per worker and one
process per worker at a time, then re-checks every Ouroboros answer independently with the
z3 binary: an SMT-LIB script with the problem's definitions, the answer's define-funs, the
declared variables as constants, and the negated conjunction of the constraints. Anything
but `unsat` is a wrong answer. Python 3 standard library only.

Exit status: 0 when every answer checked `unsat`, 1 when some did not, 2 on usage errors.
"""

import argparse
import concurrent.futures
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_ROOT = os.path.join(os.path.dirname(REPO), "shared", "benchmarks", "sygus")
DEFAULT_OURO = os.path.join(REPO, ".build", "release", "ouro")
OURO_GRACE = 5.0  # seconds past --timeout before ouro is killed


# ----------------------------------------------------------------------------------------
# S-expressions (SyGuS-IF / SMT-LIB): atoms keep their source text, so printing is lossless.

class ParseError(Exception):
    pass


def tokenize(text):
    tokens, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in " \t\r\n":
            i += 1
        elif c == ";":
            while i < n and text[i] != "\n":
                i += 1
        elif c in "()":
            tokens.append(c)
            i += 1
        elif c == '"':
            j = i + 1
            while True:
                if j >= n:
                    raise ParseError("unterminated string literal")
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        j += 2
                        continue
                    break
                j += 1
            tokens.append(text[i:j + 1])
            i = j + 1
        elif c == "|":
            j = text.find("|", i + 1)
            if j < 0:
                raise ParseError("unterminated quoted symbol")
            tokens.append(text[i:j + 1])
            i = j + 1
        else:
            j = i
            while j < n and text[j] not in " \t\r\n();\"|":
                j += 1
            tokens.append(text[i:j])
            i = j
    return tokens


def parse_all(text, max_depth=10000):
    """All top-level S-expressions of text; lists are Python lists, atoms strings."""
    stack, top = [], []
    for tok in tokenize(text):
        if tok == "(":
            if len(stack) >= max_depth:
                raise ParseError("nesting too deep")
            stack.append([])
        elif tok == ")":
            if not stack:
                raise ParseError("unbalanced ')'")
            done = stack.pop()
            (stack[-1] if stack else top).append(done)
        else:
            (stack[-1] if stack else top).append(tok)
    if stack:
        raise ParseError("unbalanced '('")
    return top


def show(e):
    if isinstance(e, list):
        return "(" + " ".join(show(x) for x in e) + ")"
    return e


def size(e):
    """Operator and leaf tokens of a term: every atom counts once."""
    if isinstance(e, list):
        return sum(size(x) for x in e)
    return 1


def define_funs(answer_text):
    """The (define-fun ...) forms of an answer, also inside cvc5's enclosing parentheses."""
    found = []

    def walk(e):
        if isinstance(e, list) and e:
            if e[0] == "define-fun":
                found.append(e)
            else:
                for x in e:
                    walk(x)
    for e in parse_all(answer_text):
        walk(e)
    return found


def answer_size(answer_text):
    try:
        return sum(size(d[4]) for d in define_funs(answer_text) if len(d) == 5)
    except ParseError:
        return None


# ----------------------------------------------------------------------------------------
# The independent check: SyGuS problem + answer -> SMT-LIB script for z3.

def build_query(problem_text, answer_text):
    """SMT-LIB script whose `unsat` means the answer meets every constraint of the problem."""
    commands = parse_all(problem_text)
    answers = {}
    for d in define_funs(answer_text):
        if len(d) != 5 or isinstance(d[1], list):
            raise ParseError("malformed define-fun in answer: " + show(d)[:200])
        answers[d[1]] = d
    out = ["(set-logic ALL)"]
    constraints, synth_names, inv_params = [], [], {}
    for c in commands:
        if not isinstance(c, list) or not c:
            raise ParseError("unexpected atom at top level: %s" % c)
        head = c[0]
        if head == "define-fun":
            out.append(show(c))
        elif head in ("synth-fun", "synth-inv"):
            name = c[1]
            synth_names.append(name)
            if head == "synth-inv":
                inv_params[name] = c[2]
            if name not in answers:
                raise ParseError("the answer defines no function %s" % name)
            out.append(show(answers[name]))
        elif head == "declare-var":
            out.append("(declare-const %s %s)" % (c[1], show(c[2])))
        elif head == "declare-primed-var":
            out.append("(declare-const %s %s)" % (c[1], show(c[2])))
            out.append("(declare-const %s! %s)" % (c[1], show(c[2])))
        elif head == "constraint":
            constraints.append(show(c[1]))
        elif head == "inv-constraint":
            inv, pre, trans, post = c[1], c[2], c[3], c[4]
            if inv not in inv_params:
                raise ParseError("inv-constraint before synth-inv %s" % inv)
            params = inv_params[inv]
            cur, nxt = [], []
            for k, p in enumerate(params):
                v, v2 = "|inv_%s_%d|" % (inv.strip("|"), k), "|inv_%s_%d'|" % (inv.strip("|"), k)
                out.append("(declare-const %s %s)" % (v, show(p[1])))
                out.append("(declare-const %s %s)" % (v2, show(p[1])))
                cur.append(v)
                nxt.append(v2)
            a, b = " ".join(cur), " ".join(cur + nxt)
            ap = " ".join(nxt)
            constraints.append("(=> (%s %s) (%s %s))" % (pre, a, inv, a))
            constraints.append("(=> (and (%s %s) (%s %s)) (%s %s))" % (inv, a, trans, b, inv, ap))
            constraints.append("(=> (%s %s) (%s %s))" % (inv, a, post, a))
        elif head in ("set-logic", "set-option", "set-info", "check-synth", "set-feature"):
            pass
        else:
            raise ParseError("command not supported by the checker: %s" % head)
    extra = sorted(set(answers) - set(synth_names))
    if extra:
        raise ParseError("the answer defines functions the problem does not synthesize: %s"
                         % ", ".join(extra))
    if not constraints:
        constraints = ["true"]
    out.append("(assert (not (and %s)))" % " ".join(constraints))
    out.append("(check-sat)")
    return "\n".join(out) + "\n"


def z3_check(z3, problem_path, answer_text, timeout):
    """'unsat' (verified), 'sat' (wrong), or another word with a reason."""
    try:
        with open(problem_path, encoding="utf-8") as fh:
            query = build_query(fh.read(), answer_text)
    except (ParseError, IndexError) as e:
        return "error", "cannot build the query: %s" % e
    res = run([z3, "-in", "-smt2", "-T:%d" % max(1, int(timeout))], timeout + 5, stdin=query)
    lines = [l.strip() for l in res["stdout"].splitlines() if l.strip()]
    errors = [l for l in lines if l.startswith("(error")]
    if res["killed"]:
        return "timeout", "z3 killed after %d s" % (timeout + 5)
    if errors:
        return "error", "; ".join(errors)[:500]
    verdict = [l for l in lines if l in ("sat", "unsat", "unknown", "timeout")]
    if not verdict:
        return "error", ("z3 said: " + " ".join(lines) + res["stderr"])[:500]
    return verdict[-1], ""


# ----------------------------------------------------------------------------------------
# Processes: each in its own process group, killed as a group when over time.

def run(argv, timeout, stdin=None):
    start = time.monotonic()
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True, text=True, errors="replace")
    except OSError as e:
        return dict(rc=None, stdout="", stderr=str(e), wall=0.0, killed=False, failed=True)
    killed = False
    try:
        out, err = proc.communicate(stdin, timeout=timeout)
    except subprocess.TimeoutExpired:
        killed = True
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, err = proc.communicate()
    return dict(rc=proc.returncode, stdout=out or "", stderr=err or "",
                wall=time.monotonic() - start, killed=killed, failed=False)


def run_ouro(ouro, path, timeout):
    res = run([ouro, "solve", "--json", "--timeout", "%g" % timeout, path], timeout + OURO_GRACE)
    row = dict(status=None, exit=res["rc"], wall=round(res["wall"], 3), seconds=None,
               candidates=None, answer=None, program=None, size=None)
    if res["failed"]:
        row.update(status="error", message=res["stderr"])
        return row
    if res["killed"]:
        row.update(status="timeout")
        return row
    record = None
    for line in res["stdout"].splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                record = json.loads(line)
            except ValueError:
                pass
    if record is not None:
        row.update(seconds=record.get("seconds"), candidates=record.get("candidates"),
                   program=record.get("program"), answer=record.get("answer"))
    if res["rc"] == 2:
        row.update(status="bad-input", message=res["stderr"].strip()[:500])
    elif record is None:
        row.update(status="error", message=("exit %s; " % res["rc"] + res["stderr"].strip())[:500])
    elif record.get("solved") and row["answer"] and res["rc"] == 0:
        row.update(status="solved", size=answer_size(row["answer"]))
    elif (row["answer"] or "").strip() == "infeasible":
        row.update(status="infeasible")
    elif res["rc"] in (0, 3):
        row.update(status="unknown")
    else:
        row.update(status="error", message=("exit %s; " % res["rc"] + res["stderr"].strip())[:500])
    return row


def run_cvc5(cvc5, path, timeout):
    res = run([cvc5, "--lang=sygus2", path], timeout)
    row = dict(status=None, exit=res["rc"], seconds=round(res["wall"], 3), answer=None, size=None)
    out = res["stdout"]
    if res["failed"]:
        row.update(status="error", message=res["stderr"])
    elif "(define-fun" in out and not res["killed"]:
        row.update(status="solved", answer=out.strip(), size=answer_size(out))
    elif res["killed"]:
        row.update(status="timeout")
    elif out.strip().startswith("infeasible"):
        row.update(status="infeasible")
    elif "(error" in out or res["rc"] not in (0, None):
        row.update(status="error", message=(out + res["stderr"]).strip()[:500])
    else:
        row.update(status="unknown")
    return row


# ----------------------------------------------------------------------------------------

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmed(xs):
    m = median(xs)
    return None if m is None else float(m)


def fmt(x, digits=2):
    if x is None:
        return "-"
    if isinstance(x, (int, float)):
        return ("%." + str(digits) + "f") % x
    return str(x)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Ouroboros vs cvc5 on SyGuS benchmark tracks, "
                                 "with an independent z3 check of every Ouroboros answer.")
    ap.add_argument("tracks", nargs="+", metavar="TRACK",
                    help="folder under the root: PBE_BV, PBE_Strings, CLIA, General_HD, INV")
    ap.add_argument("--root", default=DEFAULT_ROOT, help="benchmarks root (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds per file per tool (default 10)")
    ap.add_argument("--jobs", type=int, default=2, help="files in parallel (default 2)")
    ap.add_argument("--ouro", default=DEFAULT_OURO, help="ouro binary (default .build/release/ouro)")
    ap.add_argument("--cvc5", default="cvc5", help="cvc5 binary (default: cvc5 on PATH)")
    ap.add_argument("--z3", default="z3", help="z3 binary for the check (default: z3 on PATH)")
    ap.add_argument("--z3-timeout", type=float, default=30.0, help="seconds per z3 check (default 30)")
    ap.add_argument("--no-cvc5", action="store_true", help="run Ouroboros only")
    ap.add_argument("--check-cvc5", action="store_true",
                    help="also check cvc5's answers with z3 (a test of the checker)")
    ap.add_argument("--limit", type=int, help="only the first N files (sorted) of each track")
    ap.add_argument("--json", metavar="OUT", help="write per-file rows to OUT")
    ap.add_argument("-q", "--quiet", action="store_true", help="no per-file progress on stderr")
    args = ap.parse_args(argv)

    def die(msg):
        print("run.py: " + msg, file=sys.stderr)
        sys.exit(2)

    if args.jobs < 1:
        die("--jobs must be at least 1")
    if args.timeout <= 0:
        die("--timeout must be positive")
    ouro = args.ouro if os.sep in args.ouro else shutil.which(args.ouro)
    if not ouro or not os.access(ouro, os.X_OK):
        die("no executable ouro at %s (build with `swift build -c release`, or pass --ouro)" % args.ouro)
    for tool, flag in ((args.z3, "--z3"), (None if args.no_cvc5 else args.cvc5, "--cvc5")):
        if tool and not shutil.which(tool):
            die("%s not found (apt-get install -y %s, or pass %s)" % (tool, os.path.basename(tool), flag))

    files = []  # (track, path)
    for track in args.tracks:
        d = os.path.join(args.root, track)
        if not os.path.isdir(d):
            die("no track %s under %s" % (track, args.root))
        found = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(d) for f in fs if f.endswith(".sl"))
        if args.limit is not None:
            found = found[:args.limit]
        files += [(track, p) for p in found]
    if not files:
        die("no .sl files found")

    lock = threading.Lock()
    done = [0]

    def work(item):
        track, path = item
        row = dict(track=track, file=os.path.relpath(path, args.root))
        row["ouro"] = o = run_ouro(ouro, path, args.timeout)
        if o["status"] == "solved":
            o["check"], o["checkMessage"] = z3_check(args.z3, path, o["answer"], args.z3_timeout)
        if not args.no_cvc5:
            row["cvc5"] = c = run_cvc5(args.cvc5, path, args.timeout)
            if args.check_cvc5 and c["status"] == "solved":
                c["check"], c["checkMessage"] = z3_check(args.z3, path, c["answer"], args.z3_timeout)
        with lock:
            done[0] += 1
            if not args.quiet:
                msg = "[%d/%d] %s  ouro=%s" % (done[0], len(files), row["file"], o["status"])
                if o["status"] == "solved":
                    msg += " %ss check=%s" % (fmt(o["seconds"]), o["check"])
                if "cvc5" in row:
                    msg += "  cvc5=%s %ss" % (row["cvc5"]["status"], fmt(row["cvc5"]["seconds"]))
                    if "check" in row["cvc5"]:
                        msg += " check=%s" % row["cvc5"]["check"]
                print(msg, file=sys.stderr, flush=True)
        return row

    started = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        rows = list(pool.map(work, files))
    elapsed = time.monotonic() - started

    # -------- summary
    header = ["track", "files", "ouro", "cvc5", "wrong", "ouro med s", "cvc5 med s",
              "ouro med size", "cvc5 med size", "cand/s"]
    table = []
    wrong_rows, cvc5_wrong = [], []
    for track in list(dict.fromkeys(args.tracks)) + ["TOTAL"]:
        rs = [r for r in rows if track == "TOTAL" or r["track"] == track]
        if not rs:
            continue
        os_ = [r["ouro"] for r in rs if r["ouro"]["status"] == "solved"]
        cs = [r["cvc5"] for r in rs if "cvc5" in r and r["cvc5"]["status"] == "solved"]
        wrong = [r for r in rs if r["ouro"].get("check", "unsat") != "unsat"]
        if track != "TOTAL":
            wrong_rows += wrong
            cvc5_wrong += [r for r in rs if r.get("cvc5", {}).get("check", "unsat") != "unsat"]
        cand = sum(r["ouro"]["candidates"] or 0 for r in rs)
        secs = sum(r["ouro"]["seconds"] or 0 for r in rs if r["ouro"]["candidates"])
        table.append([track, len(rs), "%d/%d" % (len(os_), len(rs)),
                      "-" if args.no_cvc5 else "%d/%d" % (len(cs), len(rs)), len(wrong),
                      fmt(median(o["seconds"] if o["seconds"] is not None else o["wall"] for o in os_)),
                      fmt(median(c["seconds"] for c in cs)),
                      fmt(fmed(o["size"] for o in os_), 1), fmt(fmed(c["size"] for c in cs), 1),
                      "%.0f" % (cand / secs) if secs > 0 else "-"])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *table)]
    print("SyGuS tracks, timeout %g s, %d jobs, %.0f s wall; ouro=%s" % (args.timeout, args.jobs, elapsed, ouro))
    for line in [header] + table:
        print("  ".join(str(x).rjust(w) if i else str(x).ljust(w) for i, (x, w) in enumerate(zip(line, widths))))
    others = {}
    for r in rows:
        s = r["ouro"]["status"]
        if s not in ("solved", "unknown", "timeout"):
            others.setdefault(s, []).append(r)
    for s, rs in sorted(others.items()):
        print("ouro %s: %d file(s)" % (s, len(rs)))
        for r in rs[:10]:
            print("  %s: %s" % (r["file"], (r["ouro"].get("message") or "").splitlines()[0:1]))
    if wrong_rows:
        print()
        print("!!! %d WRONG ANSWER(S) from Ouroboros (z3 did not say unsat) !!!" % len(wrong_rows))
        for r in wrong_rows:
            o = r["ouro"]
            print("  WRONG %s: z3 %s %s" % (r["file"], o["check"], o.get("checkMessage") or ""))
            print("        answer: %s" % (o["answer"] or "").replace("\n", " ")[:400])
    else:
        print("wrong answers: 0 (every Ouroboros answer re-checked unsat by z3)")
    if args.check_cvc5:
        print("cvc5 answers not confirmed by z3: %d" % len(cvc5_wrong))
        for r in cvc5_wrong:
            c = r["cvc5"]
            print("  %s: z3 %s %s" % (r["file"], c["check"], c.get("checkMessage") or ""))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(dict(timeout=args.timeout, jobs=args.jobs, root=args.root, ouro=ouro,
                           seconds=round(elapsed, 1), rows=rows), fh, indent=1)
    return 1 if wrong_rows else 0


if __name__ == "__main__":
    sys.exit(main())
