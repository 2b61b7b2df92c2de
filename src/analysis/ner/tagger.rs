//! The statistical tagger: a first-order structured averaged perceptron over BIO tags, decoded with Viterbi.
//!
//! Features are hashed into a fixed table (`2^BITS` rows × one weight per tag), so the model has a fixed, small size
//! whatever the vocabulary; weights are shipped quantised to `i16` with one scale.
//!
//! Frozen feature text: [`TokenForms`] and [`fold_all`] are the model's input. They already fold with the Arabic
//! chain's [`normalize`](crate::arabic::normalize), but they work on bare strings (training reads CoNLL tokens, which
//! have no offsets) and split proclitics with [`strip_proclitics`](super::text::strip_proclitics), whose rule the
//! shipped model was trained on; moving them onto [`crate::arabic::Token`] stages would change the features, so they
//! change only together with a retrained model.

use super::classes::{ClassTables, MAX_TABLES, NO_CLASS};
use super::text::{fold, shape, strip_proclitics};
use crate::analysis::gazetteer::{GazKind, GazMatch, Gazetteer};
use crate::arabic::{Token, TokenKind};

/// The tag set, in the order of the model's weight columns.
pub const TAGS: [&str; 9] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
pub const N_TAGS: usize = TAGS.len();
/// log2 of the number of hashed feature rows.
const BITS: u32 = 18;
const ROWS: usize = 1 << BITS;
const MAGIC: &[u8; 8] = b"QARINER3";

/// Index of a tag string in [`TAGS`] (`None` for anything else).
pub fn tag_index(tag: &str) -> Option<usize> {
    TAGS.iter().position(|t| *t == tag)
}

/// Whether `cur` may follow `prev` in BIO (`prev == N_TAGS` is the sentence start): `I-X` only after `B-X`/`I-X`.
fn allowed(prev: usize, cur: usize) -> bool {
    let is_inside = cur != 0 && cur.is_multiple_of(2);
    !is_inside || (prev != N_TAGS && prev != 0 && prev.div_ceil(2) == cur / 2)
}

/// The forms of one token the features read: as written, folded (the toolkit's normalisation), and where the folded
/// form's proclitics end. Borrowed, so a caller that has already normalised its tokens does not do it again.
#[derive(Clone, Copy)]
pub struct TokenForms<'a> {
    pub raw: &'a str,
    pub folded: &'a str,
    clitic_len: usize,
}

impl<'a> TokenForms<'a> {
    /// `folded` must be `fold(raw)`.
    pub fn new(raw: &'a str, folded: &'a str) -> TokenForms<'a> {
        let (clitic, _) = strip_proclitics(folded);
        TokenForms {
            raw,
            folded,
            clitic_len: clitic.len(),
        }
    }

    /// The folded form without proclitics.
    pub fn base(&self) -> &'a str {
        &self.folded[self.clitic_len..]
    }

    fn clitic(&self) -> &'a str {
        &self.folded[..self.clitic_len]
    }
}

/// The folded forms of raw tokens, to borrow [`TokenForms`] from.
pub fn fold_all(tokens: &[&str]) -> Vec<String> {
    tokens.iter().map(|t| fold(t)).collect()
}

/// [`TokenForms`] of raw tokens and their folded forms (from [`fold_all`]).
pub fn forms_of<'a>(tokens: &[&'a str], folded: &'a [String]) -> Vec<TokenForms<'a>> {
    tokens.iter().zip(folded).map(|(t, f)| TokenForms::new(t, f)).collect()
}

/// FNV-1a over a template id and its parts: stable across runs and platforms (the model depends on it).
fn hash(template: u8, parts: &[&str]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        for b in p.bytes() {
            eat(b);
        }
        eat(0xff);
    }
    // Fold the high bits in: FNV's low bits alone are weak.
    ((h ^ (h >> 29) ^ (h >> 47)) as u32) & (ROWS as u32 - 1)
}

/// The row of a word-class feature. Class features are few (a table's classes times four templates) and on every
/// token, so they have their own dense rows after the hashed ones: no collisions, and a block small enough to stay
/// in cache. Per table, four templates × (its classes, then [`NO_CLASS`], [`START_CLASS`], [`END_CLASS`]).
fn class_row(tables: &ClassTables, template: u8, table: usize, class: u16) -> u32 {
    let sizes = tables.sizes();
    let block = |t: usize| (usize::from(sizes[t]) + 3) * CLASS_TEMPLATES;
    let before: usize = (0..table).map(block).sum();
    let size = usize::from(sizes[table]);
    let slot = if usize::from(class) < size {
        usize::from(class)
    } else {
        size + usize::from(NO_CLASS - class).min(2)
    };
    (ROWS + before + usize::from(template - CLASS_OWN) * (size + 3) + slot) as u32
}

/// Rows of the dense class block (see [`class_row`]).
fn class_rows(tables: &ClassTables) -> usize {
    tables
        .sizes()
        .iter()
        .map(|&s| (usize::from(s) + 3) * CLASS_TEMPLATES)
        .sum()
}

/// The class the sentence's edges stand in as, before its start and after its end.
const START_CLASS: u16 = NO_CLASS - 1;
const END_CLASS: u16 = NO_CLASS - 2;
/// Word-class templates: the word's class, the class of the word before it, after it, and of its clitic-free base.
const CLASS_OWN: u8 = 60;
const CLASS_BEFORE: u8 = 61;
const CLASS_AFTER: u8 = 62;
const CLASS_BASE: u8 = 63;
const CLASS_TEMPLATES: usize = 4;

fn first_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn last_chars(s: &str, n: usize) -> &str {
    match s.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((i, _)) if n > 0 => &s[i..],
        _ if n == 0 => "",
        _ => s,
    }
}

/// Cached word forms per thread before the cache starts again (about 10 MB a thread when full; freed after a corpus
/// is tagged, see [`release_word_caches`]).
const WORD_HASH_CACHE_LIMIT: usize = 1 << 16;

/// Frees the per-thread caches of word hashes, on every thread of the pool and this one: a corpus has been tagged,
/// and the workbench keeps its threads for the rest of the session.
pub fn release_word_caches() {
    let release = || WORD_HASHES.with_borrow_mut(|cache| *cache = Default::default());
    rayon::broadcast(|_| release());
    release();
}

thread_local! {
    /// [`WordHashes`] by the raw word: they depend on the word alone (its folded form and base follow from it).
    /// With the identity of the class tables the rows were made with.
    static WORD_HASHES: std::cell::RefCell<(u64, rustc_hash::FxHashMap<String, WordHashes>)> = Default::default();
}

/// The feature hashes of one word that depend on nothing else: the word's own, and those it gives the words around
/// it. Hashing them is most of the tagger's feature work; a word seen before costs a look-up.
#[derive(Clone, Copy)]
struct WordHashes {
    /// Templates 0–4, 6 10 14, 7 11 15, 8 12 16, 17, 18: in the order [`sentence_features`] emits them.
    own: [u32; 16],
    /// Templates 20 21 22 23 24 25 (the word one or two before or after another) and 31 32 33 (its ends as a
    /// neighbour).
    as_neighbour: [u32; 9],
    /// Per table, the rows of its class as the word's own, as the word before another, as the word after another,
    /// and of its clitic-free base's class (`u32::MAX` when the word has no proclitic).
    class_rows: [[u32; 4]; MAX_TABLES],
    /// When tagging: the summed weights of `own`, the class rows and the base's class rows.
    sum: [i32; N_TAGS],
}

impl WordHashes {
    fn of(t: &TokenForms, tables: &ClassTables, weights: Option<OwnWeights>) -> WordHashes {
        let (w, b) = (t.folded, t.base());
        let mut classes = [NO_CLASS; MAX_TABLES];
        if let Some(known) = tables.classes_of(w) {
            classes[..known.len()].copy_from_slice(known);
        }
        let base_classes = (b.len() != w.len()).then(|| tables.classes_of(b));
        let mut class_rows = [[u32::MAX; 4]; MAX_TABLES];
        for (i, rows) in class_rows.iter_mut().enumerate().take(tables.tables()) {
            let c = classes[i];
            *rows = [
                class_row(tables, CLASS_OWN, i, c),
                class_row(tables, CLASS_BEFORE, i, c),
                class_row(tables, CLASS_AFTER, i, c),
                match base_classes {
                    Some(known) => class_row(tables, CLASS_BASE, i, known.map_or(NO_CLASS, |k| k[i])),
                    None => u32::MAX,
                },
            ];
        }
        let shape = shape(t.raw);
        let mut own = [0u32; 16];
        own[..5].copy_from_slice(&[
            hash(0, &[]),
            hash(1, &[t.raw]),
            hash(2, &[w]),
            hash(3, &[b]),
            hash(4, &[t.clitic()]),
        ]);
        for k in 1..=3usize {
            let at = 5 + (k - 1) * 3;
            own[at] = hash(5 + k as u8, &[first_chars(w, k)]);
            own[at + 1] = hash(9 + k as u8, &[last_chars(w, k)]);
            own[at + 2] = hash(13 + k as u8, &[last_chars(b, k)]);
        }
        own[14] = hash(17, &[first_chars(b, 2)]);
        own[15] = hash(18, &[shape]);
        let mut sum = [0i32; N_TAGS];
        if let Some(OwnWeights { weights, .. }) = weights {
            let class_own = class_rows.iter().take(tables.tables()).flat_map(|r| [r[0], r[3]]);
            for row in own.iter().copied().chain(class_own).filter(|&r| r != u32::MAX) {
                let r = row as usize * N_TAGS;
                for (s, &x) in sum.iter_mut().zip(&weights[r..r + N_TAGS]) {
                    *s += i32::from(x);
                }
            }
        }
        WordHashes {
            own,
            as_neighbour: Self::neighbour(w, b),
            class_rows,
            sum,
        }
    }

    fn neighbour(w: &str, b: &str) -> [u32; 9] {
        [
            hash(20, &[w]),
            hash(21, &[w]),
            hash(22, &[w]),
            hash(23, &[w]),
            hash(24, &[b]),
            hash(25, &[b]),
            hash(31, &[last_chars(w, 2)]),
            hash(32, &[last_chars(w, 2)]),
            hash(33, &[first_chars(w, 2)]),
        ]
    }
}

/// What the sentence's edges give as neighbours: before its start (`<S>`) and after its end (`</S>`).
fn boundary_hashes() -> &'static (WordHashes, WordHashes) {
    static BOUNDARIES: std::sync::OnceLock<(WordHashes, WordHashes)> = std::sync::OnceLock::new();
    BOUNDARIES.get_or_init(|| {
        let edge = |s: &str| WordHashes {
            own: [0; 16],
            as_neighbour: WordHashes::neighbour(s, s),
            class_rows: [[u32::MAX; 4]; MAX_TABLES],
            sum: [0; N_TAGS],
        };
        (edge("<S>"), edge("</S>"))
    })
}

/// The hashed emission features of every token of one sentence.
/// Per token, the gazetteer entry kind covering it and whether it starts the match (`None` outside matches).
pub type GazCover = Vec<Option<(GazKind, bool)>>;

/// The cover of a token list from gazetteer matches over those same tokens.
pub fn cover_from_matches(n: usize, matches: &[GazMatch]) -> GazCover {
    let mut cover = vec![None; n];
    for m in matches {
        for i in m.tokens.clone() {
            if let Some(c) = cover.get_mut(i) {
                *c = Some((m.kind, i == m.tokens.start));
            }
        }
    }
    cover
}

fn gazetteer_cover(forms: &[TokenForms]) -> GazCover {
    let tokens: Vec<&str> = forms.iter().map(|f| f.raw).collect();
    let mut joined = String::new();
    let mut toks: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut offsets = Vec::with_capacity(tokens.len());
    for t in &tokens {
        if !joined.is_empty() {
            joined.push(' ');
        }
        offsets.push((joined.len(), joined.len() + t.len()));
        joined.push_str(t);
    }
    for ((t, f), &(start, end)) in tokens.iter().zip(forms).zip(&offsets) {
        let kind = if t.chars().any(crate::arabic::is_arabic_letter) {
            TokenKind::Word
        } else if t.chars().any(|c| c.is_ascii_digit()) {
            TokenKind::Number
        } else if t.chars().any(crate::arabic::is_letter) {
            TokenKind::Latin
        } else {
            TokenKind::Punct
        };
        toks.push(Token {
            start,
            end,
            text: &joined[start..end],
            norm: f.folded.to_string(),
            kind,
        });
    }
    cover_from_matches(tokens.len(), &Gazetteer::global().find_in_tokens(&toks))
}

/// The hashed emission features of every token of one sentence, in one flat buffer: token `i`'s rows are
/// `rows[ends[i - 1]..ends[i]]`. The buffers are reused from sentence to sentence.
#[derive(Default, Clone)]
pub struct Features {
    rows: Vec<u32>,
    ends: Vec<u32>,
    /// The sentence's words' own hashes (scratch).
    words: Vec<WordHashes>,
    /// When tagging: per token, the summed weights of the rows that depend on the word alone (not in `rows`).
    sums: Vec<[i32; N_TAGS]>,
}

impl Features {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn token(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.rows[start..self.ends[i] as usize]
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.ends.clear();
        self.sums.clear();
    }
}

/// A model's weights, for [`sentence_features`] to sum each word's own rows once (tagging: the weights are fixed).
#[derive(Clone, Copy)]
struct OwnWeights<'a> {
    weights: &'a [i16],
    /// The model's [`Model::identity`].
    identity: u64,
}

/// Training passes no weights: every row is listed. Tagging passes the model's: the rows that depend on the word
/// alone (its own hashed rows, its class and its base's class) are summed once per word and cached, and listed as
/// that sum ([`Features::sums`]) instead — the same integers added in another order, so the same tags.
fn sentence_features(
    p: &[TokenForms],
    lexicon: &Lexicon,
    gaz: Option<&GazCover>,
    weights: Option<OwnWeights>,
    out: &mut Features,
) {
    out.clear();
    let n = p.len();
    let own;
    let gaz = match gaz {
        Some(g) if g.len() == n => g,
        _ => {
            own = gazetteer_cover(p);
            &own
        }
    };
    let gaz_at = |i: isize| -> &'static str {
        // Spelled out, not Debug: the feature strings are part of the trained model.
        match usize::try_from(i).ok().and_then(|i| gaz.get(i)).copied().flatten() {
            Some((kind, first)) => match (kind, first) {
                (GazKind::Country, true) => "countryB",
                (GazKind::Country, false) => "countryI",
                (GazKind::Nationality, true) => "nationalityB",
                (GazKind::Nationality, false) => "nationalityI",
                (GazKind::Capital, true) => "capitalB",
                (GazKind::Capital, false) => "capitalI",
                (GazKind::City, true) => "cityB",
                (GazKind::City, false) => "cityI",
                (GazKind::Org, true) => "orgB",
                (GazKind::Org, false) => "orgI",
                (GazKind::Agency, true) => "agencyB",
                (GazKind::Agency, false) => "agencyI",
                (GazKind::Body, true) => "bodyB",
                (GazKind::Body, false) => "bodyI",
            },
            None => "-",
        }
    };
    let at = |i: isize| -> (&str, &str) {
        if i < 0 {
            ("<S>", "<S>")
        } else if i as usize >= n {
            ("</S>", "</S>")
        } else {
            (p[i as usize].folded, p[i as usize].base())
        }
    };
    // Each token's own hashes, from the per-thread cache of word forms (news repeats its words: most are hits).
    let classes = &lexicon.classes;
    // The cached rows hold the classes of one set of tables, and their sums one model's weights.
    let key = weights.map_or(classes.identity() | 1 << 63, |w| w.identity);
    WORD_HASHES.with_borrow_mut(|(owner, cache)| {
        if cache.len() > WORD_HASH_CACHE_LIMIT || *owner != key {
            cache.clear();
            *owner = key;
        }
        out.words.clear();
        out.words.extend(p.iter().map(|t| match cache.get(t.raw) {
            Some(h) => *h,
            None => {
                let h = WordHashes::of(t, classes, weights);
                cache.insert(t.raw.to_owned(), h);
                h
            }
        }));
    });
    // The edges' class rows depend on the model's tables.
    let mut boundaries = *boundary_hashes();
    for t in 0..classes.tables() {
        boundaries.0.class_rows[t][1] = class_row(classes, CLASS_BEFORE, t, START_CLASS);
        boundaries.1.class_rows[t][2] = class_row(classes, CLASS_AFTER, t, END_CLASS);
    }
    let word_at = |i: isize| -> &WordHashes {
        if i < 0 {
            &boundaries.0
        } else if i as usize >= n {
            &boundaries.1
        } else {
            &out.words[i as usize]
        }
    };
    let f = &mut out.rows;
    for (i, t) in p.iter().enumerate() {
        let ii = i as isize;
        let w = t.folded;
        let shape = shape(t.raw);
        let own = word_at(ii);
        let (m1, m2, p1, p2) = (word_at(ii - 1), word_at(ii - 2), word_at(ii + 1), word_at(ii + 2));
        if weights.is_some() {
            out.sums.push(own.sum);
        } else {
            f.extend_from_slice(&own.own);
        }
        f.extend_from_slice(&[
            m1.as_neighbour[0],
            m2.as_neighbour[1],
            p1.as_neighbour[2],
            p2.as_neighbour[3],
            m1.as_neighbour[4],
            p1.as_neighbour[5],
        ]);
        let (wm1, bm1) = at(ii - 1);
        let (wm2, _) = at(ii - 2);
        let (wp1, bp1) = at(ii + 1);
        let (wp2, _) = at(ii + 2);
        f.push(hash(26, &[wm1, w]));
        f.push(hash(27, &[w, wp1]));
        f.push(hash(28, &[wm2, wm1]));
        f.push(hash(29, &[wp1, wp2]));
        f.push(hash(30, &[shape, last_chars(wm1, 2)]));
        f.extend_from_slice(&[p1.as_neighbour[6], m1.as_neighbour[7], p1.as_neighbour[8]]);
        let b = t.base();
        // What training saw this word as: entity-start words and entity words, with and without clitics.
        for (tpl, key) in [(40u8, w), (44u8, b)] {
            if let Some(kind) = lexicon.kind_of(key) {
                f.push(hash(tpl, &[kind]));
            }
        }
        if let Some(kind) = lexicon.kind_of(bm1) {
            f.push(hash(41, &[kind]));
        }
        if let Some(kind) = lexicon.kind_of(bp1) {
            f.push(hash(42, &[kind]));
        }
        let g = gaz_at(ii);
        if g != "-" {
            f.push(hash(50, &[g]));
            f.push(hash(51, &[g, gaz_at(ii - 1)]));
        }
        f.push(hash(52, &[gaz_at(ii - 1), gaz_at(ii + 1)]));
        for t in 0..classes.tables() {
            // (Pairs of neighbouring classes were tried: no gain in cross-validation, and twice the rows.)
            f.extend_from_slice(&[m1.class_rows[t][1], p1.class_rows[t][2]]);
            if weights.is_none() {
                f.push(own.class_rows[t][0]);
                if own.class_rows[t][3] != u32::MAX {
                    f.push(own.class_rows[t][3]);
                }
            }
        }
        out.ends.push(f.len() as u32);
    }
}

/// Words seen inside entities in the training data with their most frequent entity type, folded and clitic-stripped.
/// The lexicon is built from the training portion only and shipped in the model.
#[derive(Default, Clone)]
pub struct Lexicon {
    words: rustc_hash::FxHashMap<String, &'static str>,
    /// Words seen at least three times and at most a tenth of the time inside an entity: the common vocabulary of news prose.
    common: rustc_hash::FxHashSet<String>,
    /// How often each folded token, exactly as written (clitics and all), was inside an entity.
    whole: rustc_hash::FxHashMap<String, u16>,
    /// Word classes learnt from unlabelled text (none in models trained without it).
    classes: ClassTables,
}

impl Lexicon {
    fn kind_of(&self, key: &str) -> Option<&'static str> {
        self.words.get(key).copied()
    }

    /// The entity type (`PERS`, `LOC`, `ORG`, `MISC`) training mostly saw this folded word (or clitic-free base) in.
    pub fn entity_type(&self, folded: &str) -> Option<&'static str> {
        self.words.get(folded).copied()
    }

    /// How often training saw this folded token, exactly as written, inside an entity (`وروسيا` rarely, `روسيا` often).
    pub fn entity_count(&self, folded: &str) -> u16 {
        self.whole.get(folded).copied().unwrap_or(0)
    }

    /// Whether this folded word is common vocabulary: frequent in training and (nearly) never part of a name.
    pub fn is_common(&self, folded: &str) -> bool {
        self.common.contains(folded)
    }

    /// The words training mostly saw inside entities, with that type (in no particular order).
    pub fn entity_words(&self) -> impl Iterator<Item = (&str, &'static str)> {
        self.words.iter().map(|(w, t)| (w.as_str(), *t))
    }

    /// The common vocabulary (in no particular order).
    /// The word classes the model was trained with.
    pub fn classes(&self) -> &ClassTables {
        &self.classes
    }

    pub fn common_words(&self) -> impl Iterator<Item = &str> {
        self.common.iter().map(String::as_str)
    }

    fn build(sentences: &[(Vec<String>, Vec<usize>)]) -> Self {
        let mut counts: std::collections::HashMap<String, [u32; 5]> = std::collections::HashMap::new();
        let mut whole = rustc_hash::FxHashMap::default();
        for (tokens, tags) in sentences {
            for (t, &g) in tokens.iter().zip(tags) {
                let folded = fold(t);
                let class = g.div_ceil(2);
                counts.entry(folded.clone()).or_default()[class] += 1;
                if g != 0 {
                    let e = whole.entry(folded.clone()).or_insert(0u16);
                    *e = e.saturating_add(1);
                }
                let (_, base) = strip_proclitics(&folded);
                if base != folded {
                    counts.entry(base.to_string()).or_default()[class] += 1;
                }
            }
        }
        let names = ["", "PERS", "LOC", "ORG", "MISC"];
        let mut words = rustc_hash::FxHashMap::default();
        let mut common = rustc_hash::FxHashSet::default();
        for (w, c) in counts {
            let in_entity: u32 = c[1..].iter().sum();
            if c[0] >= 3 && in_entity * 10 <= c[0] {
                common.insert(w.clone());
            }
            let (best, &n) = c[1..].iter().enumerate().max_by_key(|(_, n)| **n).unwrap_or((0, &0));
            // Only words that are mostly entities: function words inside names must not become entity cues.
            if n >= 1 && n * 2 > c[0] {
                words.insert(w, names[best + 1]);
            }
        }
        Lexicon {
            words,
            common,
            whole,
            classes: ClassTables::default(),
        }
    }
}

/// A trained tagger.
pub struct Model {
    /// `ROWS × N_TAGS` emission weights, quantised: the weight is `weights[i] * scale`. Kept as `i16` in memory too:
    /// the table is read at random, and half the bytes is half the cache misses.
    weights: Vec<i16>,
    /// `(N_TAGS + 1) × N_TAGS` transition weights, quantised like `weights`; row `N_TAGS` is the sentence start.
    trans: Vec<i16>,
    scale: f32,
    /// `trans` times `scale`.
    trans_f: Vec<f32>,
    lexicon: Lexicon,
    /// Unique per model in this process: the per-thread caches of word sums know whose weights they hold.
    identity: u64,
}

/// Errors reading a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error("not a Qarin tagger model (bad header)")]
    BadHeader,
    #[error("the tagger model is truncated")]
    Truncated,
}

impl Model {
    /// The BIO tag index of every token of one sentence.
    pub fn tag(&self, tokens: &[&str]) -> Vec<usize> {
        let folded = fold_all(tokens);
        self.tag_forms(&forms_of(tokens, &folded), None, &mut Features::default())
    }

    /// [`Model::tag`] over tokens already folded, with the gazetteer matches over them if already known (see
    /// [`cover_from_matches`]); `scratch` is reused between sentences.
    pub fn tag_forms(&self, forms: &[TokenForms], cover: Option<&GazCover>, scratch: &mut Features) -> Vec<usize> {
        let own = OwnWeights {
            weights: &self.weights,
            identity: self.identity,
        };
        sentence_features(forms, &self.lexicon, cover, Some(own), scratch);
        viterbi(
            |i, rows, em| {
                let mut sum = scratch.sums[i];
                for &h in rows {
                    let r = h as usize * N_TAGS;
                    for (e, &x) in sum.iter_mut().zip(&self.weights[r..r + N_TAGS]) {
                        *e += i32::from(x);
                    }
                }
                for (e, s) in em.iter_mut().zip(sum) {
                    *e = s as f32 * self.scale;
                }
            },
            &self.trans_f,
            scratch,
        )
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Trains on sentences of `(tokens, tag indices)` in the given order (deterministic: no shuffling by chance;
    /// each epoch visits the sentences in a fixed interleaved order).
    /// `classes`: word classes learnt from unlabelled text (see [`super::classes`]), shipped in the model.
    pub fn train(
        sentences: &[(Vec<String>, Vec<usize>)],
        epochs: usize,
        classes: ClassTables,
        mut log: impl FnMut(usize, f64),
    ) -> Model {
        let mut lexicon = Lexicon::build(sentences);
        lexicon.classes = classes;
        // Lexicon features from the same data the model trains on would be trusted blindly; compute them with a
        // lexicon built on the other half (jackknife), like they will look on unseen text. (The classes come from
        // no labels: both halves use them.)
        let half = sentences.len() / 2;
        let mut lex_a = Lexicon::build(&sentences[..half]);
        let mut lex_b = Lexicon::build(&sentences[half..]);
        lex_a.classes = lexicon.classes.clone();
        lex_b.classes = lexicon.classes.clone();
        let feats: Vec<Features> = sentences
            .iter()
            .enumerate()
            .map(|(i, (t, _))| {
                let toks: Vec<&str> = t.iter().map(String::as_str).collect();
                let folded = fold_all(&toks);
                let mut f = Features::default();
                sentence_features(
                    &forms_of(&toks, &folded),
                    if i < half { &lex_b } else { &lex_a },
                    None,
                    None,
                    &mut f,
                );
                f
            })
            .collect();
        let all_rows = ROWS + class_rows(&lexicon.classes);
        let mut w = vec![0f32; all_rows * N_TAGS];
        let mut wa = vec![0f32; all_rows * N_TAGS];
        let mut tr = vec![0f32; (N_TAGS + 1) * N_TAGS];
        let mut tra = vec![0f32; (N_TAGS + 1) * N_TAGS];
        let mut c: f32 = 1.0;
        let n = sentences.len();
        for epoch in 0..epochs {
            let mut errors = 0usize;
            let mut total = 0usize;
            // A fixed permutation per epoch (stride through the data) so later epochs don't see the same order.
            let stride = [1usize, 7919, 104_729, 15_485_863][epoch % 4];
            let stride = if n > 0 && gcd(stride, n) == 1 { stride } else { 1 };
            for k in 0..n {
                let idx = (k * stride + epoch) % n;
                let gold = &sentences[idx].1;
                let f = &feats[idx];
                let pred = viterbi(|_, rows, em| float_emission(&w, rows, em), &tr, f);
                total += gold.len();
                if pred != *gold {
                    let mut prev_g = N_TAGS;
                    let mut prev_p = N_TAGS;
                    for (i, (&g, &p)) in gold.iter().zip(&pred).enumerate() {
                        if g != p {
                            errors += 1;
                            for &h in f.token(i) {
                                let r = h as usize * N_TAGS;
                                w[r + g] += 1.0;
                                wa[r + g] += c;
                                w[r + p] -= 1.0;
                                wa[r + p] -= c;
                            }
                        }
                        if g != p || prev_g != prev_p {
                            tr[prev_g * N_TAGS + g] += 1.0;
                            tra[prev_g * N_TAGS + g] += c;
                            tr[prev_p * N_TAGS + p] -= 1.0;
                            tra[prev_p * N_TAGS + p] -= c;
                        }
                        prev_g = g;
                        prev_p = p;
                    }
                }
                c += 1.0;
            }
            log(epoch + 1, errors as f64 / total.max(1) as f64);
        }
        for (x, a) in w.iter_mut().zip(&wa) {
            *x -= a / c;
        }
        for (x, a) in tr.iter_mut().zip(&tra) {
            *x -= a / c;
        }
        // Quantised with one scale over both tables, exactly as the model is written and read back.
        let max = w.iter().chain(&tr).fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
        let scale = max / f32::from(i16::MAX);
        let q = |x: &f32| (x / scale).round() as i16;
        Model::from_quantised(w.iter().map(q).collect(), tr.iter().map(q).collect(), scale, lexicon)
    }

    fn from_quantised(weights: Vec<i16>, trans: Vec<i16>, scale: f32, lexicon: Lexicon) -> Model {
        let trans_f = trans.iter().map(|&x| f32::from(x) * scale).collect();
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        Model {
            weights,
            trans,
            scale,
            trans_f,
            lexicon,
            identity: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }

    /// The compact binary form: header, scale, i16 weights, transitions, lexicon.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.weights.len() * 2);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&BITS.to_le_bytes());
        out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        // The hashed rows here; the dense class rows after the class tables (their size follows from them).
        let hashed = ROWS * N_TAGS;
        for x in self.weights[..hashed].iter().chain(&self.trans) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let mut words: Vec<(&String, &&str)> = self.lexicon.words.iter().collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (wd, kind) in words {
            let k = ["PERS", "LOC", "ORG", "MISC"]
                .iter()
                .position(|x| x == kind)
                .unwrap_or(3) as u8;
            out.push(k);
            out.extend_from_slice(&(wd.len() as u16).to_le_bytes());
            out.extend_from_slice(wd.as_bytes());
        }
        let mut common: Vec<&String> = self.lexicon.common.iter().collect();
        common.sort();
        out.extend_from_slice(&(common.len() as u32).to_le_bytes());
        for wd in common {
            out.extend_from_slice(&(wd.len() as u16).to_le_bytes());
            out.extend_from_slice(wd.as_bytes());
        }
        let mut whole: Vec<(&String, &u16)> = self.lexicon.whole.iter().collect();
        whole.sort();
        out.extend_from_slice(&(whole.len() as u32).to_le_bytes());
        for (wd, n) in whole {
            out.extend_from_slice(&n.to_le_bytes());
            out.extend_from_slice(&(wd.len() as u16).to_le_bytes());
            out.extend_from_slice(wd.as_bytes());
        }
        self.lexicon.classes.write(&mut out);
        for x in &self.weights[hashed..] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes, pos: 0 };
        // Version 2 is version 3 without word classes.
        let version = match r.take(8)? {
            m if m == MAGIC => 3,
            b"QARINER2" => 2,
            _ => return Err(ModelError::BadHeader),
        };
        if r.u32()? != BITS || r.u32()? != N_TAGS as u32 {
            return Err(ModelError::BadHeader);
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().map_err(|_| ModelError::Truncated)?);
        let n_w = ROWS * N_TAGS;
        let n_t = (N_TAGS + 1) * N_TAGS;
        let raw = r.take((n_w + n_t) * 2)?;
        let mut all = raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]]));
        let mut weights: Vec<i16> = all.by_ref().take(n_w).collect();
        let trans: Vec<i16> = all.collect();
        let count = r.u32()? as usize;
        let mut words = rustc_hash::FxHashMap::with_capacity_and_hasher(count, Default::default());
        for _ in 0..count {
            let k = r.take(1)?[0];
            let len = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?) as usize;
            let wd = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::BadHeader)?;
            let kind = ["PERS", "LOC", "ORG", "MISC"]
                .get(k as usize)
                .copied()
                .ok_or(ModelError::BadHeader)?;
            words.insert(wd.to_string(), kind);
        }
        let count = r.u32()? as usize;
        let mut common = rustc_hash::FxHashSet::with_capacity_and_hasher(count, Default::default());
        for _ in 0..count {
            let len = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?) as usize;
            let wd = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::BadHeader)?;
            common.insert(wd.to_string());
        }
        let count = r.u32()? as usize;
        let mut whole = rustc_hash::FxHashMap::with_capacity_and_hasher(count, Default::default());
        for _ in 0..count {
            let n = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?);
            let len = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?) as usize;
            let wd = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::BadHeader)?;
            whole.insert(wd.to_string(), n);
        }
        let classes = if version >= 3 {
            let (tables, used) = ClassTables::read(&r.bytes[r.pos..]).ok_or(ModelError::Truncated)?;
            r.take(used)?;
            let dense = class_rows(&tables) * N_TAGS;
            let raw = r.take(dense * 2)?;
            weights.extend(raw.chunks_exact(2).map(|c| i16::from_le_bytes([c[0], c[1]])));
            // The class weights end the file: anything after them is not a model this version wrote.
            if r.pos != r.bytes.len() {
                return Err(ModelError::BadHeader);
            }
            tables
        } else {
            ClassTables::default()
        };
        Ok(Model::from_quantised(
            weights,
            trans,
            scale,
            Lexicon {
                words,
                common,
                whole,
                classes,
            },
        ))
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self.bytes.get(self.pos..self.pos + n).ok_or(ModelError::Truncated)?;
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// The emission scores of one token's feature rows under float weights (training).
fn float_emission(w: &[f32], rows: &[u32], em: &mut [f32; N_TAGS]) {
    for &h in rows {
        let r = h as usize * N_TAGS;
        for (e, x) in em.iter_mut().zip(&w[r..r + N_TAGS]) {
            *e += x;
        }
    }
}

/// The best BIO-valid tag sequence given the emission scores of a token's feature rows and the transition weights.
fn viterbi(emission: impl Fn(usize, &[u32], &mut [f32; N_TAGS]), tr: &[f32], feats: &Features) -> Vec<usize> {
    let n = feats.len();
    if n == 0 {
        return Vec::new();
    }
    let mut score = vec![[0f32; N_TAGS]; n];
    let mut back = vec![[0u8; N_TAGS]; n];
    for i in 0..n {
        let mut em = [0f32; N_TAGS];
        emission(i, feats.token(i), &mut em);
        for cur in 0..N_TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            if i == 0 {
                if allowed(N_TAGS, cur) {
                    best = tr[N_TAGS * N_TAGS + cur];
                }
            } else {
                for prev in 0..N_TAGS {
                    if !allowed(prev, cur) {
                        continue;
                    }
                    let s = score[i - 1][prev] + tr[prev * N_TAGS + cur];
                    if s > best {
                        best = s;
                        arg = prev;
                    }
                }
            }
            score[i][cur] = best + em[cur];
            back[i][cur] = arg as u8;
        }
    }
    let mut best = 0;
    for t in 1..N_TAGS {
        if score[n - 1][t] > score[n - 1][best] {
            best = t;
        }
    }
    let mut out = vec![0; n];
    out[n - 1] = best;
    for i in (1..n).rev() {
        out[i - 1] = usize::from(back[i][out[i]]);
    }
    out
}

/// The set of distinct feature rows a sentence touches (used by tests to check hashing is stable).
#[cfg(test)]
fn feature_rows(tokens: &[&str]) -> std::collections::HashSet<u32> {
    let folded = fold_all(tokens);
    let mut f = Features::default();
    sentence_features(&forms_of(tokens, &folded), &Lexicon::default(), None, None, &mut f);
    f.rows.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> Vec<(Vec<String>, Vec<usize>)> {
        let data = [
            ("قال الرئيس فلاديمير بوتين في موسكو", "O O B-PERS I-PERS O B-LOC"),
            ("زار سيرغي شويغو طهران امس", "O B-PERS I-PERS B-LOC O"),
            ("اعلنت وزارة الدفاع الروسية ان موسكو", "O B-ORG I-ORG I-ORG O B-LOC"),
            ("التقى بوتين في طهران", "O B-PERS O B-LOC"),
        ];
        data.iter()
            .map(|(t, g)| {
                (
                    t.split(' ').map(String::from).collect(),
                    g.split(' ').map(|x| tag_index(x).unwrap()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn bio_constraint() {
        assert!(allowed(N_TAGS, 1));
        assert!(!allowed(N_TAGS, 2));
        assert!(allowed(1, 2));
        assert!(allowed(2, 2));
        assert!(!allowed(3, 2));
        assert!(!allowed(0, 4));
    }

    #[test]
    fn learns_a_toy_set_and_round_trips() {
        let data = toy();
        let model = Model::train(&data, 10, ClassTables::default(), |_, _| {});
        for (t, g) in &data {
            let toks: Vec<&str> = t.iter().map(String::as_str).collect();
            assert_eq!(&model.tag(&toks), g, "{t:?}");
        }
        let bytes = model.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        for (t, _) in &data {
            let toks: Vec<&str> = t.iter().map(String::as_str).collect();
            assert_eq!(back.tag(&toks), model.tag(&toks));
        }
        assert!(Model::from_bytes(&bytes[..100]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }

    #[test]
    fn hashing_is_stable() {
        assert_eq!(hash(2, &["موسكو"]), hash(2, &["موسكو"]));
        assert_ne!(hash(2, &["موسكو"]), hash(3, &["موسكو"]));
        assert!(feature_rows(&["موسكو"]).len() > 10);
    }

    /// Each token's first 30 rows as the features were hashed before the per-word cache: its own templates, then
    /// its neighbours' words, the word pairs and the neighbours' ends.
    fn rows_hashed_afresh(p: &[TokenForms]) -> Vec<Vec<u32>> {
        let n = p.len() as isize;
        let at = |i: isize| -> (&str, &str) {
            if i < 0 {
                ("<S>", "<S>")
            } else if i >= n {
                ("</S>", "</S>")
            } else {
                (p[i as usize].folded, p[i as usize].base())
            }
        };
        (0..n)
            .map(|i| {
                let t = &p[i as usize];
                let (w, b, shape) = (t.folded, t.base(), shape(t.raw));
                let mut f = vec![
                    hash(0, &[]),
                    hash(1, &[t.raw]),
                    hash(2, &[w]),
                    hash(3, &[b]),
                    hash(4, &[t.clitic()]),
                ];
                for k in 1..=3 {
                    f.push(hash(5 + k as u8, &[first_chars(w, k)]));
                    f.push(hash(9 + k as u8, &[last_chars(w, k)]));
                    f.push(hash(13 + k as u8, &[last_chars(b, k)]));
                }
                f.push(hash(17, &[first_chars(b, 2)]));
                f.push(hash(18, &[shape]));
                let ((wm1, bm1), (wm2, _), (wp1, bp1), (wp2, _)) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
                f.extend([hash(20, &[wm1]), hash(21, &[wm2]), hash(22, &[wp1]), hash(23, &[wp2])]);
                f.extend([hash(24, &[bm1]), hash(25, &[bp1])]);
                f.extend([
                    hash(26, &[wm1, w]),
                    hash(27, &[w, wp1]),
                    hash(28, &[wm2, wm1]),
                    hash(29, &[wp1, wp2]),
                ]);
                f.push(hash(30, &[shape, last_chars(wm1, 2)]));
                f.extend([hash(31, &[last_chars(wp1, 2)]), hash(32, &[last_chars(wm1, 2)])]);
                f.push(hash(33, &[first_chars(wp1, 2)]));
                f
            })
            .collect()
    }

    /// The per-thread cache of word hashes gives the rows hashing each word afresh gives, in the same order, on a
    /// cold cache and a warm one (the model's weights are looked up by these rows).
    #[test]
    fn cached_word_hashes_are_the_features_hashed_afresh() {
        release_word_caches();
        for sentence in [
            "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو لن تقبل",
            "وبالإضافة إلى ذلك 2020 Reuters للدفاع",
            "لافروف",
        ] {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            let folded = fold_all(&tokens);
            let forms = forms_of(&tokens, &folded);
            let expected = rows_hashed_afresh(&forms);
            for _ in 0..2 {
                let mut f = Features::default();
                sentence_features(&forms, &Lexicon::default(), None, None, &mut f);
                for (i, rows) in expected.iter().enumerate() {
                    assert_eq!(&f.token(i)[..rows.len()], &rows[..], "{sentence}: token {i}");
                }
            }
        }
        assert!(WORD_HASHES.with_borrow(|c| c.1.len()) > 10);
        release_word_caches();
        assert_eq!(WORD_HASHES.with_borrow(|c| c.1.len()), 0);
    }

    #[test]
    fn character_slices_of_words() {
        assert_eq!(last_chars("موسكو", 2), "كو");
        assert_eq!(last_chars("موسكو", 9), "موسكو");
        assert_eq!(last_chars("موسكو", 0), "");
        assert_eq!(first_chars("موسكو", 2), "مو");
    }

    #[test]
    fn tokens_mixing_digits_and_letters_are_tagged() {
        // A CoNLL token such as و148حصانا once made the gazetteer slice inside a letter.
        let model = Model::train(&toy(), 2, ClassTables::default(), |_, _| {});
        assert_eq!(model.tag(&["و148حصانا", "في", "موسكو"]).len(), 3);
    }

    /// Labelled "sentences" are three clubs and three common nouns, each alone, so only what a word is tells them
    /// apart. Unlabelled text uses a fourth club, «موناكو», where the clubs go (and the nouns
    /// where nouns go). Trained with word classes learnt from it, the tagger takes the unseen club for an
    /// organisation; without them it cannot. The model with classes reads back from its bytes unchanged.
    #[test]
    fn a_name_only_unlabelled_text_saw_is_tagged_through_its_class() {
        use super::super::classes::{ClassParams, ClassTables};
        let clubs = ["ليون", "ليل", "نانت"];
        let nouns = ["مسؤول", "وزير", "مدير"];
        let mut labelled = Vec::new();
        for (words, tag) in [(clubs, "B-ORG"), (nouns, "O")] {
            for w in words {
                labelled.push((vec![w.to_string()], vec![tag_index(tag).unwrap()]));
            }
        }
        let mut unlabelled: Vec<Vec<String>> = Vec::new();
        for round in 0..3 {
            for club in clubs.iter().chain(&["موناكو"]) {
                let (before, after) = (["فاز", "تعادل", "خسر"][round], ["على", "مع", "أمام"][round]);
                unlabelled.push([before, club, after, "ضيفه"].map(fold).to_vec());
            }
            for noun in nouns {
                let (before, after) = (["عين", "استقال", "زار"][round], ["الجديد", "السابق", "العام"][round]);
                unlabelled.push([before, noun, after, "للشركة"].map(fold).to_vec());
            }
        }
        let params: Vec<ClassParams> = [false, true]
            .map(|backward| ClassParams {
                classes: 4,
                min_count: 2,
                passes: 10,
                backward,
            })
            .to_vec();
        let tables = ClassTables::learn(&unlabelled, &params, |_, _, _| {});
        let of = |w: &str| tables.classes_of(w).unwrap().to_vec();
        assert_eq!(of("موناكو"), of("ليون"));
        assert_ne!(of("موناكو"), of("مدير"));
        let sentence = ["موناكو"];
        let with = Model::train(&labelled, 10, tables, |_, _| {});
        assert_eq!(with.tag(&sentence), vec![tag_index("B-ORG").unwrap()]);
        let without = Model::train(&labelled, 10, ClassTables::default(), |_, _| {});
        assert_eq!(without.tag(&sentence), vec![0]);
        let bytes = with.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.lexicon.classes, with.lexicon.classes);
        assert_eq!(back.tag(&sentence), with.tag(&sentence));
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
    }

    /// A model file of the previous version (no class tables, no class rows) still reads, and tags as it did.
    #[test]
    fn a_model_of_the_version_before_classes_still_reads() {
        let model = Model::train(&toy(), 5, ClassTables::default(), |_, _| {});
        let mut bytes = model.to_bytes();
        // Version 3 without classes ends with an empty table list (u16 0, u32 0) and no class rows.
        assert_eq!(bytes[bytes.len() - 6..], [0, 0, 0, 0, 0, 0]);
        bytes.truncate(bytes.len() - 6);
        bytes[..8].copy_from_slice(b"QARINER2");
        let old = Model::from_bytes(&bytes).unwrap();
        for (t, _) in toy() {
            let toks: Vec<&str> = t.iter().map(String::as_str).collect();
            assert_eq!(old.tag(&toks), model.tag(&toks));
        }
    }

    /// Tagging sums each word's own rows once per word; the tags and the emission scores are those of summing every
    /// row, as training lists them, with the bundled model (word classes included), cold cache and warm.
    #[test]
    fn summed_word_rows_tag_as_every_row_does() {
        let model = crate::analysis::ner::bundled_model().expect("the bundled model");
        assert!(model.lexicon.classes.tables() > 0, "the bundled model has word classes");
        release_word_caches();
        for sentence in [
            "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو لن تقبل",
            "والتقى الفريق فالري غراسيموف نظيره الإيراني في طهران",
            "وفاز ليون الفرنسي على ضيفه موناكو بهدفين Reuters 2020",
        ] {
            let tokens: Vec<&str> = sentence.split(' ').collect();
            let folded = fold_all(&tokens);
            let forms = forms_of(&tokens, &folded);
            let mut all = Features::default();
            sentence_features(&forms, &model.lexicon, None, None, &mut all);
            assert!(all.sums.is_empty());
            let every_row = |_: usize, rows: &[u32], em: &mut [f32; N_TAGS]| {
                let mut sum = [0i32; N_TAGS];
                for &h in rows {
                    let r = h as usize * N_TAGS;
                    for (e, &x) in sum.iter_mut().zip(&model.weights[r..r + N_TAGS]) {
                        *e += i32::from(x);
                    }
                }
                for (e, s) in em.iter_mut().zip(sum) {
                    *e = s as f32 * model.scale;
                }
            };
            let expected = viterbi(every_row, &model.trans_f, &all);
            for _ in 0..2 {
                let mut scratch = Features::default();
                assert_eq!(model.tag_forms(&forms, None, &mut scratch), expected, "{sentence}");
                assert_eq!(scratch.sums.len(), tokens.len());
                assert!(scratch.rows.len() < all.rows.len());
                let total = |start: [i32; N_TAGS], rows: &[u32]| {
                    let mut sum = start;
                    for &h in rows {
                        let r = h as usize * N_TAGS;
                        for (e, &x) in sum.iter_mut().zip(&model.weights[r..r + N_TAGS]) {
                            *e += i32::from(x);
                        }
                    }
                    sum
                };
                for i in 0..tokens.len() {
                    assert_eq!(
                        total(scratch.sums[i], scratch.token(i)),
                        total([0; N_TAGS], all.token(i)),
                        "{sentence}: token {i}"
                    );
                }
            }
        }
        release_word_caches();
    }
}
