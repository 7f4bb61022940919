#!/usr/bin/env python3
"""Benchmarks `piiscan person --db` (a DSAR query answered from the findings
store) against `piiscan person PATH` (reading the share) on the same tree:
50,000 CSV exports of synthetic customers (name, e-mail, IBAN, phone; about a
million aggregated findings), the subject Jan Peter de Vries planted in a few
of them in several written forms. The tree is generated once (deterministic)
under --tree; the store is built by one `piiscan scan --db`.

Prints the time of each query (median of --runs), the scanning search's
time, and the files each found (they must agree).

usage: bench/person_db_bench.py [--piiscan build/piiscan] [--tree DIR] [--files N]
"""
import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "corpus"))
import gen_names  # noqa: E402
import gen_values  # noqa: E402

SUBJECT_ROWS = ["Jan Peter de Vries;jan.devries@example.nl;NL91 ABNA 0417 1643 00;06-12345678",
                "J.P. de Vries;jp.devries@example.nl;NL91ABNA0417164300;0612345678",
                "De Vries, Jan;jan.devries@example.nl;;+31 6 12345678"]


def generate(tree, files, rows):
    rng = random.Random(16)
    os.makedirs(tree, exist_ok=True)
    for i in range(files):
        d = os.path.join(tree, f"dept{i % 50:02d}", f"batch{i // 1000:02d}")
        os.makedirs(d, exist_ok=True)
        lines = ["naam;email;iban;telefoon"]
        for _ in range(rows):
            p = gen_names.Person(rng)
            lines.append(f"{p.full};{p.email('klant.example.nl')};{gen_values.iban(rng)};{gen_values.phone(rng)}")
        if i % 2500 == 7:
            lines.insert(1 + rng.randrange(rows), SUBJECT_ROWS[(i // 2500) % len(SUBJECT_ROWS)])
        with open(os.path.join(d, f"export{i:05d}.csv"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")


def run(cmd):
    """Wall seconds, and CPU seconds (user + system) of the command: on a
    busy machine the CPU time is the steadier figure."""
    t = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    dt = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if r.returncode not in (0, 1):
        sys.exit(f"failed ({r.returncode}): {cmd}\n{r.stderr[-2000:]}")
    return dt, r.stdout


def hit_files(out):
    files = set()
    for line in out.splitlines():
        j = json.loads(line)
        if "matched" in j:
            files.add(os.path.basename(j["file"]))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--piiscan", default=os.path.join(HERE, "..", "build", "piiscan"))
    ap.add_argument("--tree", default="/tmp/piiscan-person-db/tree")
    ap.add_argument("--files", type=int, default=50000)
    ap.add_argument("--rows", type=int, default=6)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    a = ap.parse_args()
    work = os.path.dirname(os.path.abspath(a.tree))
    if not os.path.isdir(a.tree):
        print(f"generating {a.files} files in {a.tree} ...", flush=True)
        generate(a.tree, a.files, a.rows)
    key = os.path.join(work, "key")
    if not os.path.exists(key):
        with open(key, "w") as f:
            f.write("person-db-bench-key-0123456789\n")
    os.chmod(key, 0o600)
    db = os.path.join(work, "store.db")
    p = lambda cmd: f"env -u PIISCAN_DB {a.piiscan} {cmd} --hash-key-file {key} -q --no-progress"
    if not os.path.exists(db):
        dt, _ = run(p(f"scan --threads {a.threads} --db {db} -o /dev/null {a.tree}"))
        print(f"scan into the store: {dt:.1f} s")
    count = subprocess.run(f"sqlite3 {db} 'SELECT count(*), count(name_key) FROM findings'", shell=True,
                           capture_output=True, text=True).stdout.strip()
    print(f"store: {os.path.getsize(db) / 1e6:.0f} MB, findings|with name key: {count}")
    queries = {
        "name": "--name 'Jan Peter de Vries'",
        "iban": "--iban 'NL91 ABNA 0417 1643 00'",
        "email": "--email jan.devries@example.nl",
        "all fields": "--name 'Jan Peter de Vries' --iban 'NL91 ABNA 0417 1643 00' "
                      "--email jan.devries@example.nl --phone 06-12345678",
    }
    print(f"{'query':<12} {'--db wall s':>12} {'cpu s':>6} {'files':>6}   {'PATH wall s':>11} {'cpu s':>6} {'files':>6}")
    for label, q in queries.items():
        times, cpus, files = [], [], set()
        for _ in range(a.runs):
            dt, out = run(p(f"person {q} --db {db} -o -"))
            times.append(dt)
            cpus.append(run.cpu)
            files = hit_files(out)
        scan_dt, scan_out = run(p(f"person {q} --threads {a.threads} -o - {a.tree}"))
        scan_cpu = run.cpu
        scan_files = hit_files(scan_out)
        same = "same" if files == scan_files else f"DIFFER: only db {sorted(files - scan_files)[:3]} only scan {sorted(scan_files - files)[:3]}"
        print(f"{label:<12} {statistics.median(times):>12.3f} {statistics.median(cpus):>6.3f} {len(files):>6}   "
              f"{scan_dt:>11.2f} {scan_cpu:>6.2f} {len(scan_files):>6}   {same}",
              flush=True)


if __name__ == "__main__":
    main()
