#!/usr/bin/env python3
"""A large mbox for the streaming/memory benchmark: N messages of ~2 KB with
Dutch text and personal data, written with Python's mailbox conventions
(From_ lines, >From escaping).   gen_mbox.py OUT.mbox [--mb 1024] [--seed 3]"""
import argparse
import random
import sys
import os

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_text  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=int, default=1024)
    ap.add_argument("--seed", type=int, default=3)
    a = ap.parse_args()
    r = random.Random(a.seed)
    # A pool of bodies, reused with fresh headers: generating 1 GB of unique
    # text would take minutes and measure nothing more.
    bodies = [gen_text.text(r, 1800).replace("\nFrom ", "\n>From ") for _ in range(512)]
    target, n = a.mb << 20, 0
    with open(a.out, "w") as f:
        written = 0
        while written < target:
            n += 1
            who = f"{r.choice(gen_text.FIRST).lower()}.{r.randint(1, 999)}@voorbeeld.nl"
            msg = (f"From {who} Mon Jan  1 10:00:00 2024\n"
                   f"From: Klant {n} <{who}>\nTo: support@bedrijf.example.nl\n"
                   f"Subject: Vraag {n}\nDate: Mon, 1 Jan 2024 10:00:00 +0100\n"
                   f"Message-ID: <{n}@voorbeeld.nl>\n\n{r.choice(bodies)}\n")
            f.write(msg)
            written += len(msg)
    print(f"{a.out}: {n} messages")


if __name__ == "__main__":
    main()
