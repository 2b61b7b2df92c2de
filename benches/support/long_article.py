#!/usr/bin/env python3
"""Write one long article (MB megabytes) for the linear-time check: every line a sentence of generated names (a
prime minister, his counterpart, a surname alone, a movement) before a sample paragraph, so lines are unique and names
many. Usage: python3 benches/support/long_article.py 20 /tmp/long20.txt   (reads assets/corpus/*.txt)
"""
import glob, os, random, sys

mb, out = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
lines = []
for f in sorted(glob.glob(os.path.join(here, "..", "..", "assets", "corpus", "*.txt"))):
    ls = [l.strip() for l in open(f, encoding="utf-8") if len(l.strip()) > 80]
    lines += ls[1:]
letters = "بتثجحخدذرزسشصضطظعغفقكلمنهوي"


def name(i, n):
    r = random.Random(i)
    return "".join(r.choice(letters) for _ in range(n + r.randint(1, 3)))


parts, size, i = [], 0, 0
while size < mb * 1_000_000:
    s = (f"وقال رئيس الوزراء {name(i % 97, 2)} {name(i * 7919 % 50000, 3)} إن نظيره {name(i % 89, 2)} "
         f"{name(i * 104729 % 50000 + 1, 3)} وصل، وأكد {name(i * 7919 % 50000, 3)} أن حركة {name(i % 83, 3)} "
         f"مستعدة. {lines[i % len(lines)]}\n")
    parts.append(s)
    size += len(s.encode())
    i += 1
with open(out, "w", encoding="utf-8") as f:
    f.write("عنوان المقال الطويل\n" + "".join(parts))
