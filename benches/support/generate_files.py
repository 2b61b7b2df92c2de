#!/usr/bin/env python3
"""Write N generated article files for whole-pipeline timing (`qarin analyze DIR --stats`).

Usage: qarin analyze --json samples.json   # the sample corpus's report
       python3 benches/support/generate_files.py samples.json 10000 /tmp/gen10k
Each file: a title line, a date line, then lines up to ~3 KB: 40 % the sample's sentences varied (words dropped,
swapped, respelled), 60 % random words of their vocabulary (the claims bench's shape). Deterministic (fixed seed).
"""
import json, os, random, sys

report, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
d = json.load(open(report, encoding="utf-8"))
sources = [a["text"].encode()[s["start"]:s["end"]].decode() for a in d["articles"] for s in a["sentences"]]
vocab = [w for s in sources for w in s.split()]
rng = random.Random(0x9E3779B9)


def respell(w):
    if rng.random() >= 0.10:
        return w
    return "".join({"أ": "ا", "إ": "ا", "ة": "ه", "ى": "ي"}.get(c, c) for c in w)


def vary(s):
    ws = [respell(w) for w in s.split() if rng.random() >= 0.15]
    for i in range(1, len(ws)):
        if rng.random() < 0.10:
            ws[i - 1], ws[i] = ws[i], ws[i - 1]
    return " ".join(ws)


for i in range(n):
    lines = [f"مقال رقم {i}", f"2020-{1 + i % 12:02d}-{1 + i % 28:02d}"]
    size = 0
    while size < 3000:
        if rng.random() < 0.40:
            line = vary(rng.choice(sources))
        else:
            line = " ".join(rng.choice(vocab) for _ in range(12 + rng.randrange(18))) + "."
        lines.append(line)
        size += len(line.encode())
    with open(os.path.join(out, f"{i:06d}.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
