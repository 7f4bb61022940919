#!/usr/bin/env python3
"""Runs piiscan side by side with its baselines on the benchmark corpus and
prints MB/s, files/s, peak RSS and ratios. The baselines, on the same data in
the same run: ripgrep with the same identifier patterns (bench/patterns.txt,
--no-unicode: ripgrep's Unicode \\b is ~270x slower on Dutch text, which would
flatter us) and `cat` to /dev/null as the I/O ceiling. Rows "piiscan -jN 4"
run only the four detectors those patterns stand for (iban, bsn, email,
phone_nl), the others the whole detector suite. Each command runs
--repeat times after one warm-up; the best time counts (least disturbed).

  bench/run.py [--data DIR] [--mb 256] [--files 50000] [--repeat 3]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run(cmd, repeat):
    best, rss = None, 0
    for i in range(repeat + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = time.perf_counter()
        subprocess.run(cmd, shell=True, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        rss = max(rss, after.ru_maxrss)  # KiB, max over all children so far
        if i > 0 and (best is None or dt < best):
            best = dt
    return best, rss


def du(path):
    total, files = 0, 0
    for d, _, fs in os.walk(path):
        for f in fs:
            total += os.path.getsize(os.path.join(d, f))
            files += 1
    return total, files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/tmp/piiscan-bench")
    ap.add_argument("--mb", type=int, default=256)
    ap.add_argument("--files", type=int, default=50000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--piiscan", default=os.path.join(ROOT, "build", "piiscan"))
    a = ap.parse_args()
    if not os.path.exists(os.path.join(a.data, "big.txt")):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_text.py"), a.data, "--mb", str(a.mb),
                        "--files", str(a.files)], check=True)
    mbox = os.path.join(a.data, "big.mbox")
    if not os.path.exists(mbox):
        subprocess.run([sys.executable, os.path.join(HERE, "gen_mbox.py"), mbox, "--mb", "1024"], check=True)
    if not shutil.which("rg"):
        sys.exit("ripgrep missing: run scripts/install-deps --bench")
    big = os.path.join(a.data, "big.txt")
    tree = os.path.join(a.data, "tree")
    big_bytes = os.path.getsize(big)
    tree_bytes, tree_files = du(tree)
    pats = os.path.join(HERE, "patterns.txt")
    p = f"{a.piiscan} scan -q --no-progress --min-confidence low -o /dev/null --hash-key-file {HERE}/bench.key"
    with open(os.path.join(HERE, "bench.key"), "w") as k:
        k.write("benchmark-key-not-secret-0123456789\n")
    os.chmod(os.path.join(HERE, "bench.key"), 0o600)  # piiscan refuses a key others can read
    # The detectors that patterns.txt stands for (IBAN, e-mail, BSN, Dutch
    # phone): "piiscan ... 4" rows run only these, the plain rows the whole
    # suite (names, addresses, dates, special categories, ...).
    same = "--detectors iban,bsn,email,phone_nl"
    cases = [
        ("text 1 thread", big, big_bytes, 1, [
            ("cat", f"cat {big} > /dev/null"),
            ("ripgrep -j1", f"rg -j1 --no-unicode -c -f {pats} {big}"),
            ("piiscan -j1 4", f"{p} -j1 {same} {big}"),
            ("piiscan -j1", f"{p} -j1 {big}")]),
        ("text 2 threads", big, big_bytes, 1, [
            ("ripgrep -j2", f"rg -j2 --no-unicode -c -f {pats} {big}"),
            ("piiscan -j2 4", f"{p} -j2 {same} {big}"),
            ("piiscan -j2", f"{p} -j2 {big}")]),
        (f"{tree_files} small files, 2 threads", tree, tree_bytes, tree_files, [
            ("cat", f"find {tree} -type f -exec cat {{}} + > /dev/null"),
            ("ripgrep -j2", f"rg -j2 --no-unicode -c -f {pats} {tree}"),
            ("piiscan -j2", f"{p} -j2 {tree}"),
            ("piiscan -j1", f"{p} -j1 {tree}")]),
    ]
    cases.append(("1 GiB mbox (streamed: RSS must stay bounded)", mbox, os.path.getsize(mbox), 1, [
        ("cat", f"cat {mbox} > /dev/null"),
        ("ripgrep -j2", f"rg -j2 --no-unicode -c -f {pats} {mbox}"),
        ("piiscan -j2", f"{p} -j2 {mbox}"),
        ("piiscan -j1", f"{p} -j1 {mbox}")]))
    results = {}
    for title, _, nbytes, nfiles, cmds in cases:
        print(f"\n== {title}: {nbytes / 1e6:.0f} MB, {nfiles} file(s)")
        print(f"{'command':<14} {'seconds':>8} {'MB/s':>8} {'files/s':>9} {'peak RSS MB':>12}")
        for name, cmd in cmds:
            # ru_maxrss of children is a running maximum: measure RSS alone.
            secs, _ = run(cmd, a.repeat)
            rss = peak_rss(cmd)
            results[(title, name)] = secs
            print(f"{name:<14} {secs:8.2f} {nbytes / 1e6 / secs:8.0f} {nfiles / secs:9.0f} {rss / 1024:12.0f}")
    print("\n== ratios (time of baseline / time of piiscan; > 1 means piiscan is faster)")
    t1 = results[("text 1 thread", "piiscan -j1")]
    rg1 = results[("text 1 thread", "ripgrep -j1")]
    print(f"piiscan -j1 vs ripgrep -j1 (text, same 4 identifiers): {rg1 / results[('text 1 thread', 'piiscan -j1 4')]:.2f}")
    print(f"piiscan -j1 vs ripgrep -j1 (text, full suite): {rg1 / t1:.2f}")
    print(f"piiscan -j1 vs cat (text):         {results[('text 1 thread', 'cat')] / t1:.3f}")
    t2 = results[("text 2 threads", "piiscan -j2")]
    rg2 = results[("text 2 threads", "ripgrep -j2")]
    print(f"piiscan -j2 vs ripgrep -j2 (text, same 4 identifiers): {rg2 / results[('text 2 threads', 'piiscan -j2 4')]:.2f}")
    print(f"piiscan -j2 vs ripgrep -j2 (text, full suite): {rg2 / t2:.2f}")
    print(f"piiscan 2 threads / 1 thread (text): {t1 / t2:.2f}x")
    tt = f"{tree_files} small files, 2 threads"
    print(f"piiscan -j2 vs ripgrep -j2 (tree): {results[(tt, 'ripgrep -j2')] / results[(tt, 'piiscan -j2')]:.2f}")
    print(f"piiscan 2 threads / 1 thread (tree): {results[(tt, 'piiscan -j1')] / results[(tt, 'piiscan -j2')]:.2f}x")
    mt = "1 GiB mbox (streamed: RSS must stay bounded)"
    print(f"piiscan 2 threads / 1 thread (mbox): {results[(mt, 'piiscan -j1')] / results[(mt, 'piiscan -j2')]:.2f}x")


def peak_rss(cmd):
    """Peak RSS (KiB) of one run of `cmd`, via GNU time."""
    out = subprocess.run(f"/usr/bin/time -f %M sh -c '{cmd}' >/dev/null", shell=True, check=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True).stderr
    return int(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
