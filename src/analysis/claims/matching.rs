//! How two claim units compare: weighted features under squared IDF, shared-stem and near-pair evidence, and a
//! local alignment for wire copy.

use super::*;

/// How two units relate.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PairScore {
    /// 0..=1.
    pub similarity: f32,
    /// Passes the thresholds of [`ClaimParams`].
    pub matches: bool,
    /// Wire copy: the local alignment covers most of the shorter unit.
    pub verbatim: bool,
}

pub(super) struct Matcher<'a> {
    pub(super) units: &'a [UnitData],
    /// The IDF of each unit's features, in the order of its `features` (no map lookup in the hot loops).
    pub(super) feature_idf: Vec<Vec<f32>>,
    /// Total feature weight of each unit.
    pub(super) mass: Vec<f32>,
    /// Content features of each unit (the sets chance could have matched).
    pub(super) content: Vec<u16>,
    /// Each unit's content features with their IDF, in feature order: what [`Self::may_match`] reads.
    content_features: Vec<Vec<(u64, FeatureKind, f32)>>,
    /// Surprise shared evidence must reach before the number of subsets compared is counted: the logarithm of the
    /// number of unit pairs compared beyond a corpus of [`ClaimParams::scale_free_units`], plus the margin.
    pub(super) chance_floor: f32,
    /// The similarity from which two units state the same thing, for a corpus of this many units.
    pub(super) threshold: f32,
    /// How alike whole articles are, and the affinity a paraphrase needs for this corpus (see
    /// [`ClaimParams::min_paraphrase_affinity`]); none: no such test.
    pub(super) affinity: Option<(&'a ArticleVectors, f32)>,
    pub(super) params: &'a ClaimParams,
}

/// Weight of a feature kind in the similarity; near pairs and shingles only add evidence, they are not in a unit's
/// mass (a long unit would otherwise be diluted by the square of its length).
pub(super) fn kind_factor(kind: FeatureKind, params: &ClaimParams) -> f32 {
    match kind {
        FeatureKind::Stem | FeatureKind::Date => 1.0,
        FeatureKind::Entity | FeatureKind::Number => params.entity_factor,
        FeatureKind::Pair | FeatureKind::Shingle => 0.0,
    }
}

impl<'a> Matcher<'a> {
    pub(super) fn new(units: &'a [UnitData], priors: &FxHashMap<u64, f32>, params: &'a ClaimParams) -> Self {
        let df: FxHashMap<u64, u32> = units
            .par_iter()
            .fold(FxHashMap::default, |mut df: FxHashMap<u64, u32>, u| {
                for &(f, kind) in &u.features {
                    if kind != FeatureKind::Shingle {
                        *df.entry(f).or_default() += 1;
                    }
                }
                df
            })
            .reduce(FxHashMap::default, |a, b| {
                let (mut big, small) = if a.len() >= b.len() { (a, b) } else { (b, a) };
                for (k, v) in small {
                    *big.entry(k).or_default() += v;
                }
                big
            });
        let n = units.len().max(1) as f32;
        let is_content = |k: FeatureKind| {
            matches!(
                k,
                FeatureKind::Stem | FeatureKind::Entity | FeatureKind::Number | FeatureKind::Date
            )
        };
        let content: Vec<u16> = units
            .iter()
            .map(|u| {
                u.features
                    .iter()
                    .filter(|&&(_, k)| is_content(k))
                    .count()
                    .min(u16::MAX as usize) as u16
            })
            .collect();
        let decades = (n / params.scale_free_units).max(1.0).log10();
        let chance_floor = n.ln() + (n / params.scale_free_units).max(1.0).ln() + params.chance_margin * decades;
        // Squared IDF: what makes two statements the same is their rare words, not the topic's common ones.
        let idf: FxHashMap<u64, f32> = df
            .into_iter()
            .map(|(f, d)| {
                (
                    f,
                    (1.0 + n / d as f32).ln().powi(2) * priors.get(&f).copied().unwrap_or(1.0),
                )
            })
            .collect();
        // A near pair is rare by combinatorics alone once the corpus is large (two common words rarely stand together
        // by chance), so its own IDF would outweigh the words it joins: it weighs at most what a telling word does.
        let pair_cap = {
            let mut stem_idf: Vec<f32> = units
                .par_iter()
                .flat_map_iter(|u| {
                    u.features
                        .iter()
                        .filter(|(_, k)| *k == FeatureKind::Stem)
                        .map(|(f, _)| idf.get(f).copied().unwrap_or(0.0))
                })
                .collect();
            let k = stem_idf.len() * params.pair_idf_cap_percentile / 100;
            if k < stem_idf.len() {
                *stem_idf.select_nth_unstable_by(k, f32::total_cmp).1
            } else {
                f32::INFINITY
            }
        };
        let feature_idf: Vec<Vec<f32>> = units
            .par_iter()
            .map(|u| {
                u.features
                    .iter()
                    .map(|(f, kind)| {
                        let w = idf.get(f).copied().unwrap_or(0.0);
                        if *kind == FeatureKind::Pair { w.min(pair_cap) } else { w }
                    })
                    .collect()
            })
            .collect();
        let mass = units
            .par_iter()
            .zip(&feature_idf)
            .map(|(u, idf)| {
                u.features
                    .iter()
                    .zip(idf)
                    .map(|(&(_, k), w)| w * kind_factor(k, params))
                    .sum::<f32>()
            })
            .collect();
        let content_features = units
            .par_iter()
            .zip(&feature_idf)
            .map(|(u, idf)| {
                u.features
                    .iter()
                    .zip(idf)
                    .filter(|&(&(_, k), _)| is_content(k))
                    .map(|(&(f, k), &w)| (f, k, w))
                    .collect()
            })
            .collect();
        Self {
            units,
            feature_idf,
            mass,
            content,
            content_features,
            chance_floor,
            threshold: scaled_threshold(units.len(), params),
            affinity: None,
            params,
        }
    }

    /// The similarity of units `a` and `b` (indices into `units`).
    pub(super) fn score(&self, a: usize, b: usize) -> PairScore {
        self.score_with(a, b, true)
    }

    /// As [`Self::score`], but skips the local alignment when the paraphrase score alone already matches (the
    /// verbatim flag may then be false): what clustering needs, at a fraction of the cost.
    pub(super) fn quick_score(&self, a: usize, b: usize) -> PairScore {
        self.score_with(a, b, false)
    }

    /// Whether units `a` and `b` could match at all, judged from their content features and tokens alone: the
    /// paraphrase test's word-count and chance conditions at their most lenient (as if every shared word stood near
    /// another), or the verbatim bound. False only where [`Self::score`] would not match; most candidate pairs of a
    /// large corpus are settled here, at a fraction of scoring's cost.
    pub(super) fn may_match(&self, a: usize, b: usize) -> bool {
        let (ca, cb) = (&self.content_features[a], &self.content_features[b]);
        let (mut i, mut j) = (0, 0);
        let (mut stems, mut anchors, mut shared_content) = (0usize, 0usize, 0usize);
        let mut surprise = 0.0f32;
        while i < ca.len() && j < cb.len() {
            let (x, y) = (ca[i].0, cb[j].0);
            if x != y {
                i += usize::from(x < y);
                j += usize::from(y < x);
                continue;
            }
            // The same sums, in the same order, as `score_with`.
            surprise += ca[i].2.sqrt();
            shared_content += 1;
            match ca[i].1 {
                FeatureKind::Stem => stems += 1,
                FeatureKind::Date => {
                    stems += 1;
                    anchors += 1;
                }
                _ => anchors += 1,
            }
            i += 1;
            j += 1;
        }
        let p = self.params;
        let enough = if anchors > 0 {
            stems + 1 >= p.min_shared_stems
        } else {
            stems >= p.min_shared_stems_unanchored
        };
        let shorter = self.content[a].min(self.content[b]) as usize;
        let order = p.pair_surprise.max(0.0) * shared_content.saturating_sub(1) as f32;
        let significant = surprise + order >= self.chance_floor + ln_choose(shorter, shared_content);
        let (ua, ub) = (&self.units[a], &self.units[b]);
        (enough && significant) || could_be_verbatim(ua, ub, ua.token_hashes.len().min(ub.token_hashes.len()).max(1), p)
    }

    pub(super) fn score_with(&self, a: usize, b: usize, need_verbatim: bool) -> PairScore {
        let (ua, ub) = (&self.units[a], &self.units[b]);
        // A unit that says (almost) nothing beyond who and where is no claim that joins two stories, not even as a
        // copy: between unrelated articles it is the same people named, not the same thing said. (Between articles of
        // one story a short copied statement, «واضاف: ان لنا تعاونا مع روسيا», is a claim.)
        if ua.said_words.min(ub.said_words) < self.params.min_said_words && !self.related(ua.article, ub.article) {
            return PairScore {
                similarity: 0.0,
                matches: false,
                verbatim: false,
            };
        }
        let (fa, fb) = (&ua.features, &ub.features);
        let idf_a = &self.feature_idf[a];
        let (mut i, mut j) = (0, 0);
        let mut shared = 0.0f32;
        let mut stems = 0usize;
        let mut pairs = 0usize;
        let mut shingles = 0usize;
        let mut anchors = 0usize;
        let mut surprise = 0.0f32;
        let mut shared_content = 0usize;
        while i < fa.len() && j < fb.len() {
            let (x, y) = (fa[i].0, fb[j].0);
            // Branch-free steps: which list moves on is a coin toss the processor cannot predict, and equal
            // features (the rare case) are the only branch.
            if x != y {
                i += usize::from(x < y);
                j += usize::from(y < x);
                continue;
            }
            let kind = fa[i].1;
            shared += if kind == FeatureKind::Pair {
                self.params.pair_share * idf_a[i]
            } else {
                idf_a[i] * kind_factor(kind, self.params)
            };
            if kind != FeatureKind::Pair && kind != FeatureKind::Shingle {
                // How unlikely the feature is in a unit taken at random: the root of its squared IDF,
                // ln(1 + N/df), a stem's scaled by how telling it is in news generally.
                surprise += idf_a[i].sqrt();
                shared_content += 1;
            }
            match kind {
                FeatureKind::Stem => stems += 1,
                FeatureKind::Date => {
                    stems += 1;
                    anchors += 1;
                }
                FeatureKind::Pair => pairs += 1,
                FeatureKind::Shingle => shingles += 1,
                FeatureKind::Entity | FeatureKind::Number => anchors += 1,
            }
            i += 1;
            j += 1;
        }
        // Statements by wholly different named people are different statements, however alike their wording.
        if !ua.people.is_empty() && !ub.people.is_empty() && !ua.people.iter().any(|p| ub.people.contains(p)) {
            shared *= self.params.person_conflict;
        }
        let floor = self.params.min_mass;
        let denom = (self.mass[a].max(floor) * self.mass[b].max(floor)).sqrt();
        let cosine = if denom > 0.0 { (shared / denom).min(1.0) } else { 0.0 };
        let p = self.params;
        // Without a shared name, number or date, wording alone must carry the match: one more content word.
        let needed = if anchors > 0 {
            p.min_shared_stems
        } else {
            p.min_shared_stems_unanchored
        };
        // … and some of it in the same close order (two of the words near each other in both): a bag of the topic's
        // words shared by chance is not a restatement.
        let enough = if anchors > 0 {
            stems >= needed || (stems + 1 >= needed && pairs >= 1)
        } else {
            stems >= needed && pairs >= p.min_near_pairs_unanchored
        };
        let mut similarity = cosine;
        let mut verbatim = false;
        // Chance: this much shared evidence, given how common each shared feature is, the subsets of the shorter unit
        // that could have been shared and the number of pairs compared, is not a coincidence. Near pairs (shared words
        // close together in both) add the unlikeliness of their order.
        let shorter = self.content[a].min(self.content[b]) as usize;
        let order = p.pair_surprise * pairs.min(shared_content.saturating_sub(1)) as f32;
        let significant = surprise + order >= self.chance_floor + ln_choose(shorter, shared_content);
        // A near copy (most of the shorter unit's content shared, words dropped or moved, and more than a name and a
        // date) is reuse whatever the articles are about; a looser restatement is taken only between articles about the same thing: at corpus
        // scale the same names and words recur across stories, and wording alone cannot tell a restated claim from
        // another statement on the same topic.
        let near_copy =
            shared_content as f32 >= p.near_copy_share * shorter as f32 && stems >= p.min_shared_stems_unanchored;
        let paraphrase =
            enough && significant && cosine >= self.threshold && (near_copy || self.related(ua.article, ub.article));
        let shorter = ua.token_hashes.len().min(ub.token_hashes.len()).max(1);
        if shingles >= p.min_shingles_for_alignment
            && (need_verbatim || !paraphrase)
            && could_be_verbatim(ua, ub, shorter, p)
        {
            let al = p.verbatim_alignment.align(&ua.token_hashes, &ub.token_hashes);
            let coverage = al.matched as f32 / shorter as f32;
            // What the copy shares must be a statement, not only a title and a name or a date: «وزير الخارجية عادل
            // الجبير» copied into a sentence about something else is not a claim.
            let said: usize = al
                .runs
                .iter()
                .map(|r| {
                    (r.a_start..r.a_start + r.len)
                        .filter(|&k| ua.said.get(k) == Some(&true))
                        .count()
                })
                .sum();
            // Words of what is said, outside any name (a body's or a place's name copied with a title is who and
            // where, not what); a lone letter (a quotation spelt out letter by letter) is no word.
            let said_word = |k: usize| {
                ua.said.get(k) == Some(&true)
                    && ua.token_entities.get(k).is_some_and(Option::is_none)
                    && ua.token_spans.get(k).is_some_and(|&(s, e)| e - s > 2)
            };
            let long_run = al.runs.iter().any(|r| {
                r.len >= p.verbatim_run_tokens
                    && (r.a_start..r.a_start + r.len).filter(|&k| said_word(k)).count() >= p.verbatim_run_said
            });
            if al.matched >= p.verbatim_min_tokens
                && said >= p.verbatim_min_said
                && (coverage >= p.verbatim_coverage || long_run)
            {
                verbatim = true;
                similarity = similarity.max(coverage);
            }
        }
        PairScore {
            similarity,
            matches: verbatim || paraphrase,
            verbatim,
        }
    }
}

impl Matcher<'_> {
    /// Whether articles `a` and `b` are alike enough as wholes for a paraphrase between them.
    fn related(&self, a: usize, b: usize) -> bool {
        self.affinity
            .is_none_or(|(vectors, needed)| vectors.similarity(a, b) >= needed)
    }
}

/// Whether the local alignment of two units could pass the verbatim test at all: it aligns at most the tokens the
/// two have in common (counted with repeats), and at most those of `a`'s said tokens that occur in `b`. Most candidate
/// pairs fail this, and counting is linear where the alignment is quadratic in the units' lengths.
fn could_be_verbatim(a: &UnitData, b: &UnitData, shorter: usize, p: &ClaimParams) -> bool {
    let common = common_count(&a.sorted_tokens, &b.sorted_tokens);
    if common < p.verbatim_min_tokens.max(p.verbatim_min_said)
        || ((common as f32 / shorter as f32) < p.verbatim_coverage && common < p.verbatim_run_tokens)
    {
        return false;
    }
    let said_in_b = a
        .token_hashes
        .iter()
        .zip(&a.said)
        .filter(|&(&h, &said)| said && b.sorted_tokens.binary_search(&(h as u32)).is_ok())
        .count();
    said_in_b >= p.verbatim_min_said
}

/// The size of the multiset intersection of two sorted lists.
fn common_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// `ln C(n, k)`: how many sets of `k` features a unit of `n` could share by chance.
pub(super) fn ln_choose(n: usize, k: usize) -> f32 {
    if k > n {
        return 0.0;
    }
    let k = k.min(n - k);
    (0..k).map(|i| ((n - i) as f32 / (i + 1) as f32).ln()).sum()
}
