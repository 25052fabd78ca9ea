#!/usr/bin/env python3
"""End-to-end benchmark: `claimcheck check` against a bare YAML parse of the same files.

    python bench/run.py                                  # 1k, 10k, 100k claims, 3 repeats
    python bench/run.py --sizes 1000,10000 --repeat 5 --extra-args "--jobs 2" --json /tmp/r.json

For each size, bench/generate.py writes synthetic claim files (cached under --workdir and
reused while the generator arguments match).  Each repeat then runs, each in its own process
with this interpreter (sys.executable):

  * yaml-rs      bench/parse_child.py: yaml_rs.loads(text, parse_datetime=False)
  * CSafeLoader  bench/parse_child.py: yaml.load(text, Loader=yaml.CSafeLoader)
  * claimcheck   python -m claimcheck check DIR --format json -o FILE [extra args]

Whole-process wall time and peak RSS come from os.wait4() on the child (the kernel's
high-water mark for that process; with worker processes it is the largest single one, so the
process tree's summed PSS, shared pages split between sharers, is sampled from /proc
every --sample-interval seconds in one more, untimed run: sampling slows the process sampled).
The parse children also report their in-process parse time.  Tables give medians.
claimcheck exit codes 0 and 1 are both success (the synthetic files have findings);
anything else, a timeout, or output that is not the JSON report is a failure.
Exit status: 0 all ran, 1 some claimcheck run failed, 2 setup error (e.g. claimcheck missing).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import signal
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate as gen  # noqa: E402

PARSERS = {"yaml-rs": "yaml-rs", "csafe": "CSafeLoader"}


# ---------------------------------------------------------------------------
# Measuring one child process

def _children(pid: int) -> list[int]:
    out = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            try:
                with open(f"/proc/{pid}/task/{tid}/children") as fh:
                    out += [int(x) for x in fh.read().split()]
            except OSError:
                pass
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    """The process's proportional set size (PSS): pages it shares with a forked child count
    half to each, so a process tree's sum is the memory it really holds. RSS where the
    kernel gives no smaps_rollup (summed RSS counts shared pages twice)."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as fh:
                for line in fh:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            pass
    return 0


class TreeSampler(threading.Thread):
    """Samples the summed memory (PSS) of a process and its descendants."""

    def __init__(self, pid: int, interval: float):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.max_procs = 0
        self.stop = threading.Event()

    def run(self):
        if not os.path.isdir("/proc"):
            return
        while not self.stop.is_set():
            todo, seen, total = [self.pid], 0, 0
            while todo:
                p = todo.pop()
                seen += 1
                total += _rss_kb(p)
                todo += _children(p)
            self.peak_kb = max(self.peak_kb, total)
            self.max_procs = max(self.max_procs, seen)
            self.stop.wait(self.interval)


def run_measured(cmd: list[str], cwd: str, timeout: float, stdout_path: str, stderr_path: str,
                 sample_interval: float = 0.0) -> dict:
    """Run cmd; return wall seconds, exit code, peak RSS (MB) and CPU seconds of that child."""
    with open(stdout_path, "wb") as out, open(stderr_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        sampler = None
        if sample_interval > 0:
            sampler = TreeSampler(p.pid, sample_interval)
            sampler.start()
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)   # the child's own session: only what we started
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if sampler:
            sampler.stop.set()
            sampler.join()
    res = {
        "wall_s": wall, "rc": p.returncode, "timed_out": timed_out.is_set(),
        # ru_maxrss is in KiB on Linux (bytes on macOS)
        "peak_rss_mb": ru.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024),
        "cpu_s": ru.ru_utime + ru.ru_stime,
    }
    if sampler:
        res["tree_peak_mb"] = sampler.peak_kb / 1024
        res["max_procs"] = sampler.max_procs
    return res


def tail(path: str, n: int = 15) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            return "".join(fh.readlines()[-n:])
    except OSError:
        return ""


# ---------------------------------------------------------------------------

def label(n: int) -> str:
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n % 1000 == 0:
        return f"{n // 1000}k"
    return str(n)


def ensure_data(workdir: str, n: int, files: int, seed: int) -> tuple[str, dict]:
    d = os.path.join(workdir, f"{label(n)}-f{files}-s{seed}")
    mpath = os.path.join(d, "bench-manifest.json")
    try:
        with open(mpath) as fh:
            m = json.load(fh)
        if (m.get("generator_version"), m.get("claims"), m.get("files"), m.get("seed"), m.get("quote_dates"),
                m.get("bad_rate")) == (gen.GENERATOR_VERSION, n, files, seed, False, 0.005) \
                and all(os.path.getsize(os.path.join(d, f["path"])) == f["bytes"] for f in m["file_list"]):
            return d, m
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return d, gen.generate(n, files, d, seed=seed, quiet=False)


def preflight(python: str, cwd: str) -> str | None:
    """None if `python -m claimcheck` can be run from cwd, else an explanation."""
    code = ("import importlib.util as u, sys\n"
            "try:\n"
            "    s = u.find_spec('claimcheck')\n"
            "except Exception as e:\n"
            "    print(f'import failed: {e!r}'); sys.exit(3)\n"
            "if s is None: print('no module named claimcheck'); sys.exit(3)\n"
            "try:\n"
            "    m = u.find_spec('claimcheck.__main__')\n"
            "except Exception as e:\n"
            "    print(f'importing claimcheck failed: {e!r}'); sys.exit(3)\n"
            "if m is None: print('claimcheck has no __main__ module (python -m claimcheck would fail)'); sys.exit(3)\n")
    r = subprocess.run([python, "-c", code], cwd=cwd, capture_output=True, text=True)
    if r.returncode == 0:
        _compile_bytecode(python)
        return None
    why = (r.stdout + r.stderr).strip().splitlines()
    return (f"claimcheck cannot be run as `{python} -m claimcheck` from {cwd}: "
            f"{why[-1] if why else 'exit ' + str(r.returncode)}.\n"
            f"Install it into this interpreter (e.g. `{python} -m pip install -e {REPO}`), "
            f"run with the project's venv, or pass --skip-claimcheck to time the parsers only.")


def _compile_bytecode(python: str) -> None:
    """Write claimcheck's .pyc files first, as an installed package has them: an editable
    install under PYTHONDONTWRITEBYTECODE=1 would otherwise compile every module each run."""
    code = "import claimcheck, compileall, os; compileall.compile_dir(os.path.dirname(claimcheck.__file__), quiet=1)"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([python, "-c", code], env=env, capture_output=True)


def med(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def f_s(x, nd=3):
    if x is None:
        return "–"
    return f"{x:.{nd}f}" if x < 10 else f"{x:.1f}" if x < 100 else f"{x:.0f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument("--sizes", default="1000,10000,100000", help="claim counts, comma-separated")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported")
    ap.add_argument("--extra-args", default="", help='extra claimcheck arguments, one string: "--jobs 2"')
    ap.add_argument("--json", metavar="FILE", help="save all results (every run) as JSON")
    ap.add_argument("--workdir", default="/tmp/cc-bench", help="generated data and reports (default /tmp/cc-bench)")
    ap.add_argument("--files", type=int, default=1, help="split each data set over N files (default 1)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--parsers", default="yaml-rs,csafe", help="bare parsers to time: yaml-rs,csafe (or none)")
    ap.add_argument("--parse-gc-off", action="store_true", help="disable gc in the bare-parse children")
    ap.add_argument("--skip-claimcheck", action="store_true", help="time only the bare parsers")
    ap.add_argument("--cwd", default=REPO, help="working directory for claimcheck (default: the repo; "
                                                   "its rules/ folder is used when present)")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds per child before it is killed")
    ap.add_argument("--sample-interval", type=float, default=0.05,
                    help="seconds between /proc samples of claimcheck's process tree PSS, in an extra untimed run (0: no such run)")
    a = ap.parse_args(argv)

    try:
        sizes = [int(s.replace("_", "")) for s in a.sizes.split(",") if s.strip()]
    except ValueError:
        ap.error("--sizes: comma-separated integers, e.g. 1000,10000,100000")
    if not sizes or min(sizes) < 1 or a.repeat < 1:
        ap.error("--sizes and --repeat must be positive")
    parsers = [p.strip() for p in a.parsers.split(",") if p.strip() and p.strip() != "none"]
    for p in parsers:
        if p not in PARSERS:
            ap.error(f"--parsers: unknown {p!r} (known: {', '.join(PARSERS)})")
    extra = shlex.split(a.extra_args)
    py = sys.executable

    run_cc = not a.skip_claimcheck
    if run_cc:
        problem = preflight(py, a.cwd)
        if problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
    for p in parsers:
        mod = {"yaml-rs": "yaml_rs", "csafe": "yaml"}[p]
        r = subprocess.run([py, "-c", f"import {mod}" + ("; yaml.CSafeLoader" if p == "csafe" else "")],
                           capture_output=True, text=True)
        if r.returncode:
            print(f"error: parser {p} unavailable in {py}: {r.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
            return 2

    os.makedirs(a.workdir, exist_ok=True)
    logdir = os.path.join(a.workdir, "runs")
    os.makedirs(logdir, exist_ok=True)

    # interpreter start-up, for reference
    starts = [run_measured([py, "-c", "pass"], a.cwd, 60, os.devnull, os.devnull)["wall_s"] for _ in range(3)]
    results = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "python": py, "python_version": platform.python_version(),
        "platform": platform.platform(), "cpus": os.cpu_count(), "cwd": a.cwd, "extra_args": extra,
        "repeat": a.repeat, "files": a.files, "seed": a.seed, "python_startup_s": med(starts), "sizes": [],
    }
    failures = []
    print(f"# python {platform.python_version()} ({py}), {os.cpu_count()} cpus; start-up {med(starts):.3f} s; "
          f"claimcheck args: {' '.join(extra) or '(none)'}", file=sys.stderr)

    for n in sizes:
        d, man = ensure_data(a.workdir, n, a.files, a.seed)
        files = [os.path.join(d, f["path"]) for f in man["file_list"]]
        for f in files:   # warm the page cache
            with open(f, "rb") as fh:
                while fh.read(1 << 20):
                    pass
        entry = {"claims": n, "bytes": man["bytes"], "files": len(files), "data_dir": d, "runs": {}}
        runs = entry["runs"]
        for r in range(a.repeat):
            for p in parsers:
                cmd = [py, os.path.join(HERE, "parse_child.py"), p] + (["--gc-off"] if a.parse_gc_off else []) + files
                so = os.path.join(logdir, f"{label(n)}-{p}-{r}.out")
                se = os.path.join(logdir, f"{label(n)}-{p}-{r}.err")
                m = run_measured(cmd, a.cwd, a.timeout, so, se)
                if m["rc"] != 0:
                    failures.append(f"{p} parse of {label(n)} failed (exit {m['rc']}):\n{tail(se)}")
                else:
                    try:
                        with open(so) as fh:
                            m.update(json.loads(fh.read().strip().splitlines()[-1]))
                    except (ValueError, IndexError):
                        failures.append(f"{p} parse of {label(n)}: unreadable child output")
                runs.setdefault(p, []).append(m)
                print(f"  {label(n):>5} {PARSERS[p]:<12} run {r + 1}: {m['wall_s']:.3f} s process, "
                      f"{m.get('parse_s', float('nan')):.3f} s parse, {m['peak_rss_mb']:.0f} MB", file=sys.stderr)
            if run_cc:
                outfile = os.path.join(logdir, f"{label(n)}-claimcheck-{r}.json")
                try:
                    os.remove(outfile)
                except FileNotFoundError:
                    pass
                cmd = [py, "-m", "claimcheck", "check", d, "--format", "json", "-o", outfile] + extra
                so = os.path.join(logdir, f"{label(n)}-claimcheck-{r}.stdout")
                se = os.path.join(logdir, f"{label(n)}-claimcheck-{r}.stderr")
                m = run_measured(cmd, a.cwd, a.timeout, so, se)
                m["cmd"] = cmd
                ok = m["rc"] in (0, 1) and not m["timed_out"]
                if ok:
                    try:
                        with open(outfile, encoding="utf-8") as fh:
                            rep = json.load(fh)
                        summ = rep.get("summary", {})
                        m["summary"] = summ
                        by_rule: dict[str, int] = {}
                        for fnd in rep.get("findings", []):
                            by_rule[fnd.get("rule", "?")] = by_rule.get(fnd.get("rule", "?"), 0) + 1
                        m["findings_by_rule"] = dict(sorted(by_rule.items()))
                    except (OSError, ValueError, AttributeError) as e:
                        ok = False
                        failures.append(f"claimcheck {label(n)} run {r + 1}: exit {m['rc']} but no JSON report "
                                        f"at {outfile} ({e})\n{tail(se)}")
                else:
                    why = "timed out" if m["timed_out"] else f"exit {m['rc']}"
                    failures.append(f"claimcheck {label(n)} run {r + 1} failed ({why}): {shlex.join(cmd)}\n"
                                    f"{tail(se)}")
                m["ok"] = ok
                runs.setdefault("claimcheck", []).append(m)
                nf = sum((m.get("summary", {}).get("findings") or {}).values()) if ok else None
                print(f"  {label(n):>5} claimcheck   run {r + 1}: {m['wall_s']:.3f} s, {m['peak_rss_mb']:.0f} MB, "
                      f"exit {m['rc']}{'' if nf is None else f', {nf} findings'}", file=sys.stderr)

        if run_cc and a.sample_interval > 0:
            # Reading a process's PSS makes the kernel walk its page tables, under the lock
            # its page faults take: sampled during a timed run, it added ~25% to 100k runs.
            # So memory has a run of its own, untimed.
            cmd = [py, "-m", "claimcheck", "check", d, "--format", "json", "-o",
                   os.path.join(logdir, f"{label(n)}-claimcheck-memory.json")] + extra
            so = os.path.join(logdir, f"{label(n)}-claimcheck-memory.stdout")
            se = os.path.join(logdir, f"{label(n)}-claimcheck-memory.stderr")
            m = run_measured(cmd, a.cwd, a.timeout, so, se, a.sample_interval)
            entry["memory_run"] = m
            print(f"  {label(n):>5} claimcheck   memory run (untimed): tree PSS "
                  f"{m.get('tree_peak_mb', 0):.0f} MB, {m.get('max_procs', 0)} processes",
                  file=sys.stderr)

        def mdn(key, field):
            return med([x.get(field) for x in runs.get(key, []) if key != "claimcheck" or x.get("ok")])
        entry["median"] = {
            **{f"{p}_process_s": mdn(p, "wall_s") for p in parsers},
            **{f"{p}_parse_s": mdn(p, "parse_s") for p in parsers},
            **{f"{p}_peak_mb": mdn(p, "peak_rss_mb") for p in parsers},
        }
        if run_cc:
            entry["median"].update({
                "claimcheck_s": mdn("claimcheck", "wall_s"),
                "claimcheck_cpu_s": mdn("claimcheck", "cpu_s"),
                "claimcheck_peak_mb": mdn("claimcheck", "peak_rss_mb"),
                "claimcheck_tree_peak_mb": entry.get("memory_run", {}).get("tree_peak_mb"),
                "claimcheck_max_procs": entry.get("memory_run", {}).get("max_procs") or 0,
            })
            cc, rs = entry["median"]["claimcheck_s"], entry["median"].get("yaml-rs_process_s")
            entry["median"]["ratio_vs_yaml_rs_process"] = cc / rs if cc and rs else None
            parse = entry["median"].get("yaml-rs_parse_s")
            entry["median"]["ratio_vs_yaml_rs_parse"] = cc / parse if cc and parse else None
            good = [x for x in runs.get("claimcheck", []) if x.get("ok")]
            if good:
                entry["summary"] = good[-1].get("summary")
                entry["findings_by_rule"] = good[-1].get("findings_by_rule")
        results["sizes"].append(entry)

    # ------------------------------------------------------------------ report
    multi = run_cc and any(e["median"].get("claimcheck_max_procs", 0) > 1 for e in results["sizes"])
    head = ["size", "claims", "MB"]
    if "yaml-rs" in parsers:
        head.append("yaml-rs parse s (process / in-proc)")
    if "csafe" in parsers:
        head.append("CSafeLoader parse s (process / in-proc)")
    if run_cc:
        head += ["claimcheck s", "µs/claim", "× yaml-rs process", "× yaml-rs in-proc parse",
                 "claimcheck peak RSS MB"]
        if multi:
            head.append("process tree peak PSS MB (untimed run)")
    print()
    print(f"claimcheck {' '.join(extra) or ''} — medians of {a.repeat}; python {platform.python_version()}, "
          f"{os.cpu_count()} cpus; interpreter start-up {results['python_startup_s']:.3f} s")
    print()
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|")
    for e in results["sizes"]:
        m = e["median"]
        row = [label(e["claims"]), f"{e['claims']:,}", f"{e['bytes'] / 1e6:.1f}"]
        for p in ("yaml-rs", "csafe"):
            if p in parsers:
                row.append(f"{f_s(m[f'{p}_process_s'])} / {f_s(m[f'{p}_parse_s'])}")
        if run_cc:
            cc = m["claimcheck_s"]
            row += [f_s(cc), f"{cc / e['claims'] * 1e6:.0f}" if cc else "–",
                    f"{m['ratio_vs_yaml_rs_process']:.1f}" if m.get("ratio_vs_yaml_rs_process") else "–",
                    f"{m['ratio_vs_yaml_rs_parse']:.1f}" if m.get("ratio_vs_yaml_rs_parse") else "–",
                    f"{m['claimcheck_peak_mb']:.0f}" if m["claimcheck_peak_mb"] else "–"]
            if multi:
                row.append(f"{m['claimcheck_tree_peak_mb']:.0f}" if m.get("claimcheck_tree_peak_mb") else "–")
        print("| " + " | ".join(row) + " |")
    print()
    growth = []
    es = results["sizes"]
    for e0, e1 in zip(es, es[1:]):
        parts = [f"claims ×{e1['claims'] / e0['claims']:g}"]
        for key, name in (("claimcheck_s", "claimcheck"), ("yaml-rs_process_s", "yaml-rs process"),
                          ("yaml-rs_parse_s", "yaml-rs parse"), ("csafe_parse_s", "CSafeLoader parse"),
                          ("claimcheck_peak_mb", "claimcheck peak RSS")):
            x0, x1 = e0["median"].get(key), e1["median"].get(key)
            if x0 and x1:
                parts.append(f"{name} ×{x1 / x0:.2f}")
        g = {"from": e0["claims"], "to": e1["claims"], "text": ", ".join(parts)}
        if e0["median"].get("claimcheck_s") and e1["median"].get("claimcheck_s"):
            g["claimcheck_factor"] = e1["median"]["claimcheck_s"] / e0["median"]["claimcheck_s"]
        growth.append(g)
        print(f"- growth {label(e0['claims'])}→{label(e1['claims'])}: {g['text']}")
    results["growth"] = growth
    if run_cc:
        for e in es:
            if e.get("summary"):
                print(f"- {label(e['claims'])} report: {json.dumps(e['summary'].get('findings'))}; "
                      f"by rule {json.dumps(e.get('findings_by_rule'))}")
    if failures:
        print("\nFAILURES:")
        for f in failures:
            print("- " + f.rstrip().replace("\n", "\n    "))
    results["failures"] = failures
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(results, fh, indent=1)
        print(f"\nresults saved to {a.json}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
