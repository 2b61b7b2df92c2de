//! Meaning: sentence and article vectors whose cosine says "same meaning", from static piece vectors distilled from
//! multilingual-e5-small (see `assets/meaning/README.md`). A text is cut into the encoder's own SentencePiece pieces
//! (a unigram Viterbi over the shipped pieces and scores), and its vector is the weighted mean of their vectors: a
//! lookup and a sum, no network at run time.

pub mod encoder;
pub mod eval;
pub mod similar;

use crate::corpus::Article;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use thiserror::Error;

/// The bundled piece table, built by `assets/meaning/build.py`.
static MODEL_BYTES: &[u8] = include_bytes!("../../../assets/meaning/pieces.bin");

/// SentencePiece's word-start marker.
const WORD_START: char = '\u{2581}';

/// Why a piece table cannot be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a piece table (bad magic)")]
    Magic,
    #[error("piece table truncated at byte {0}")]
    Truncated(usize),
    #[error("piece {0} is not UTF-8")]
    Piece(usize),
}

/// How the piece vectors are weighted in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MeaningParams {
    /// Smooth inverse frequency: a piece of unigram probability p weighs `a / (a + p)`, so function pieces (و، في،
    /// ال) count little and rare content pieces fully.
    pub sif_a: f32,
}

impl Default for MeaningParams {
    fn default() -> Self {
        Self { sif_a: 1e-4 }
    }
}

/// A unit-length vector (all zeros for a text with no known piece); compare with [`cosine`].
pub type Vector = Vec<f32>;

/// The static piece vectors and the tokenizer that cuts text into those pieces.
pub struct Model {
    dim: usize,
    index: FxHashMap<Box<str>, u32>,
    scores: Vec<f32>,
    /// Per piece: its int8 scale times its frequency weight.
    weights: Vec<f32>,
    rows: Vec<i8>,
    /// The encoder's per-character normalisation (NFKC-like), as it ships with the model.
    norm: FxHashMap<char, Box<[char]>>,
    max_piece_chars: usize,
    unknown_score: f32,
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or(ModelError::Truncated(self.at))?;
        let out = &self.bytes[self.at..end];
        self.at = end;
        Ok(out)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
}

impl Model {
    /// Decodes a piece table (`assets/meaning/build.py` writes the format).
    pub fn from_bytes(bytes: &[u8], params: &MeaningParams) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != b"QMV1" {
            return Err(ModelError::Magic);
        }
        let dim = r.u32()? as usize;
        let n = r.u32()? as usize;
        let n_norm = r.u32()? as usize;
        // Every piece takes at least 10 bytes: a count larger than the file allows is a broken file, not an allocation.
        if n.saturating_mul(dim.saturating_add(10)) > bytes.len() {
            return Err(ModelError::Truncated(bytes.len()));
        }
        let mut index = FxHashMap::default();
        index.reserve(n);
        let (mut scores, mut weights, mut rows) = (
            Vec::with_capacity(n),
            Vec::with_capacity(n),
            Vec::with_capacity(n * dim),
        );
        let mut max_piece_chars = 1;
        for i in 0..n {
            let len = r.u8()? as usize;
            let piece = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Piece(i))?;
            let score = r.f32()?;
            let scale = r.f32()?;
            rows.extend(r.take(dim)?.iter().map(|&b| b as i8));
            max_piece_chars = max_piece_chars.max(piece.chars().count());
            let p = score.exp();
            weights.push(scale * params.sif_a / (params.sif_a + p));
            scores.push(score);
            index.insert(piece.into(), i as u32);
        }
        let mut norm = FxHashMap::default();
        for _ in 0..n_norm {
            let from = r.u32()?;
            let k = r.u8()? as usize;
            let mut to = Vec::with_capacity(k);
            for _ in 0..k {
                to.extend(char::from_u32(r.u32()?));
            }
            if let Some(from) = char::from_u32(from) {
                norm.insert(from, to.into_boxed_slice());
            }
        }
        let unknown_score = scores.iter().copied().fold(0.0f32, f32::min) - 10.0;
        Ok(Self {
            dim,
            index,
            scores,
            weights,
            rows,
            norm,
            max_piece_chars,
            unknown_score,
        })
    }

    /// Dimensions of a vector.
    pub fn dim(&self) -> usize {
        self.dim
    }

    /// Pieces in the table.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    /// True for an empty table.
    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// Bytes the table holds in memory (vectors, scores, index keys), roughly.
    pub fn memory_bytes(&self) -> usize {
        let keys: usize = self.index.keys().map(|k| k.len() + 16 + 8).sum();
        self.rows.len() + self.scores.len() * 8 + keys + self.norm.len() * 24
    }

    /// The pieces of `text` as the encoder cuts it: its normalisation, Arabic marks and tatweel dropped (news
    /// text carries them unevenly and the pieces are learnt mostly without), a word-start marker per word, and the
    /// most probable cut of each word into known pieces (characters no piece covers are skipped).
    pub fn pieces(&self, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        let mut word = String::new();
        let push_char = |c: char, word: &mut String, out: &mut Vec<u32>| {
            if c.is_whitespace() {
                self.cut_word(word, out);
                word.clear();
            } else if !is_dropped_mark(c) {
                if word.is_empty() {
                    word.push(WORD_START);
                }
                word.push(c);
            }
        };
        for c in text.chars() {
            match self.norm.get(&c) {
                Some(to) => {
                    for &t in to.iter() {
                        push_char(t, &mut word, &mut out);
                    }
                }
                None => push_char(c, &mut word, &mut out),
            }
        }
        self.cut_word(&word, &mut out);
        out
    }

    /// Unigram Viterbi over one word (marker included): the cut of highest total score. Bounded by the longest
    /// piece, so linear in the word's length.
    fn cut_word(&self, word: &str, out: &mut Vec<u32>) {
        if word.is_empty() {
            return;
        }
        let bounds: Vec<usize> = word.char_indices().map(|(i, _)| i).chain([word.len()]).collect();
        let n = bounds.len() - 1;
        let mut best = vec![f32::NEG_INFINITY; n + 1];
        // (previous boundary, piece or None for a skipped character)
        let mut back: Vec<(usize, Option<u32>)> = vec![(0, None); n + 1];
        best[0] = 0.0;
        for i in 0..n {
            if best[i] == f32::NEG_INFINITY {
                continue;
            }
            for e in i + 1..=(i + self.max_piece_chars).min(n) {
                if let Some(&id) = self.index.get(&word[bounds[i]..bounds[e]]) {
                    let s = best[i] + self.scores[id as usize];
                    if s > best[e] {
                        best[e] = s;
                        back[e] = (i, Some(id));
                    }
                }
            }
            let s = best[i] + self.unknown_score;
            if s > best[i + 1] {
                best[i + 1] = s;
                back[i + 1] = (i, None);
            }
        }
        let first = out.len();
        let mut at = n;
        while at > 0 {
            let (from, id) = back[at];
            out.extend(id);
            at = from;
        }
        out[first..].reverse();
    }

    /// Adds the weighted vectors of `pieces` to `sum`.
    fn accumulate(&self, pieces: &[u32], sum: &mut [f32]) {
        for &p in pieces {
            let p = p as usize;
            let w = self.weights[p];
            let row = &self.rows[p * self.dim..(p + 1) * self.dim];
            for (s, &r) in sum.iter_mut().zip(row) {
                *s += w * r as f32;
            }
        }
    }

    /// The meaning vector of a sentence (or any short text), unit length.
    pub fn sentence_vector(&self, text: &str) -> Vector {
        let mut sum = vec![0.0; self.dim];
        self.accumulate(&self.pieces(text), &mut sum);
        normalized(sum)
    }

    /// The meaning vector of an article's body (its title when it has no body), unit length: every piece of the
    /// body counts once, so long articles are not diluted sentence by sentence.
    pub fn article_vector(&self, article: &Article) -> Vector {
        let mut sum = vec![0.0; self.dim];
        let mut any = false;
        for seg in article.body_segments() {
            any = true;
            self.accumulate(&self.pieces(article.slice(seg.start, seg.end)), &mut sum);
        }
        if !any {
            self.accumulate(&self.pieces(&article.title), &mut sum);
        }
        normalized(sum)
    }
}

fn is_dropped_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}')
}

fn normalized(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 1e-12 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
    v
}

/// Cosine of two unit vectors from the same model (0 when either is empty or the lengths differ).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    if a.len() != b.len() {
        return 0.0;
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// The bundled model, decoded once; `None` only if the bundled file is broken (a build problem, see
/// [`bundled_model_problem`]).
pub fn bundled_model() -> Option<&'static Model> {
    decoded_bundled_model().as_ref().ok()
}

/// Why the bundled model cannot be used, if it cannot.
pub fn bundled_model_problem() -> Option<String> {
    decoded_bundled_model()
        .as_ref()
        .err()
        .map(|err| format!("the bundled meaning model cannot be read ({err}); semantic similarity is off"))
}

fn decoded_bundled_model() -> &'static Result<Model, ModelError> {
    static MODEL: OnceLock<Result<Model, ModelError>> = OnceLock::new();
    MODEL.get_or_init(|| Model::from_bytes(MODEL_BYTES, &MeaningParams::default()))
}

/// The meaning vector of a sentence with the bundled model (`None` if it cannot be read).
pub fn sentence_vector(text: &str) -> Option<Vector> {
    bundled_model().map(|m| m.sentence_vector(text))
}

/// The meaning vector of an article's body with the bundled model, for grouping articles into stories.
pub fn article_vector(article: &Article) -> Option<Vector> {
    bundled_model().map(|m| m.article_vector(article))
}
