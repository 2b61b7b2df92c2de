//! Stories: the articles of a corpus grouped by the event or development they report, across outlets and days.
//!
//! Each article becomes a TF-IDF vector over its rarer features ([`features`]): content-word stems, numbers and the
//! linked entities it names, people, organisations and places weighing more than words, and anything named by many
//! articles (the countries every article names) left out, and so is anything most of whose articles come from one
//! outlet (its template and teasers, which the corpus layer did not always tell from the body); what two articles of
//! one outlet share counts half. Candidate pairs come from an inverted index of those rare
//! features only (each list is at most [`StoryParams::max_feature_articles`] long), so the work grows with the number
//! of articles, not its square. A pair's similarity is the cosine of the two vectors plus a bonus for claims they
//! share; articles published further apart than a story lasts are never paired. Stories are then the groups of an
//! average-link clustering ([`linkage`]): an article about something else stays alone rather than gluing two
//! stories. Everything runs in the order of article ids, so the file order never changes the stories.
//!
//! Depends on the corpus and the entities and claims of the analysis; knows nothing of the UI.

pub mod eval;
mod features;
pub use features::ArticleVectors;
pub mod linkage;

use crate::analysis::{ClaimCluster, Entity, Report, Story};
use crate::corpus::Article;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// The tunable numbers of story grouping, with their defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryParams {
    /// Two groups join when the mean similarity over all their article pairs reaches this: 0.5 (on the dev set, lower
    /// thresholds join articles merely on the same topic; see the README).
    pub join_threshold: f32,
    /// A feature named by more articles than this is background, never used (it also bounds each candidate list,
    /// which keeps grouping near-linear): 60.
    pub max_feature_articles: usize,
    /// … and so is one named by more than this share of the articles, once that share exceeds
    /// [`Self::min_background_articles`]: 0.03.
    pub max_feature_share: f32,
    /// Below this many articles no feature counts as background by share (a small corpus is often one story): 12.
    pub min_background_articles: usize,
    /// A feature more than this share of whose articles come from one outlet, at least
    /// [`Self::min_outlet_articles`] of them, is that outlet's (template, teasers), not a story's, and is left out: 0.5.
    pub max_outlet_share: f32,
    /// … (fewer articles of one outlet sharing a word are as likely one story it followed up): 3.
    pub min_outlet_articles: usize,
    /// A pair of articles of one outlet counts this share of its similarity: what they share is partly the outlet's
    /// own (template, teasers, the same day's links) even after [`Self::max_outlet_share`]; they still join a story
    /// that other outlets tell: 0.5.
    pub same_outlet_factor: f32,
    /// Weight of a person relative to a word: 2.0.
    pub person_weight: f32,
    /// Weight of an organisation: 2.0.
    pub org_weight: f32,
    /// Weight of a place (the common ones drop out as background): 1.5.
    pub place_weight: f32,
    /// Weight of a date the text names: 1.0.
    pub date_weight: f32,
    /// Weight of other entities (currencies, events): 1.0.
    pub other_weight: f32,
    /// Weight of a number of at least [`Self::min_number_digits`] digits: 1.0.
    pub number_weight: f32,
    /// Numbers with fewer digits say little about the story: 2.
    pub min_number_digits: usize,
    /// Words with fewer letters are left out: 3.
    pub min_word_letters: usize,
    /// Added to a pair's similarity for each claim cluster both carry, up to [`Self::max_claims_counted`]: 0.1.
    pub claim_bonus: f32,
    /// Shared claims counted per pair: 2.
    pub max_claims_counted: usize,
    /// A claim cluster spread over more articles than this is background text, not a story's: 8.
    pub max_claim_articles: usize,
    /// Articles whose known publication dates lie further apart than this are never paired (a story spans days,
    /// not years): 45.
    pub max_span_days: i64,
    /// Pairs less similar than this are not kept as edges (they count as 0 in the averages): 0.05.
    pub min_edge: f32,
}

impl Default for StoryParams {
    fn default() -> Self {
        Self {
            join_threshold: 0.5,
            max_feature_articles: 60,
            max_feature_share: 0.03,
            min_background_articles: 12,
            max_outlet_share: 0.5,
            min_outlet_articles: 3,
            same_outlet_factor: 0.5,
            person_weight: 2.0,
            org_weight: 2.0,
            place_weight: 1.5,
            date_weight: 1.0,
            other_weight: 1.0,
            number_weight: 1.0,
            min_number_digits: 2,
            min_word_letters: 3,
            claim_bonus: 0.1,
            max_claims_counted: 2,
            max_claim_articles: 8,
            max_span_days: 45,
            min_edge: 0.05,
        }
    }
}

impl StoryParams {
    /// Articles above which a feature is background in a corpus of `n` articles.
    pub fn background_limit(&self, n: usize) -> usize {
        let by_share = (self.max_feature_share * n as f32).ceil() as usize;
        by_share
            .max(self.min_background_articles)
            .min(self.max_feature_articles)
    }
}

/// Groups the articles into stories: per article, the index of its group's first article (in `articles` order);
/// equal values mean one story.
pub fn story_groups(
    articles: &[Article],
    entities: &[Entity],
    claims: &[ClaimCluster],
    params: &StoryParams,
) -> Vec<usize> {
    let n = articles.len();
    if n < 2 {
        // One article is one story: nothing to compare, and its features would cost a pass over a long text.
        return vec![0; n];
    }
    let order = features::canonical_order(articles);
    let mut position = vec![0usize; n];
    for (pos, &i) in order.iter().enumerate() {
        position[i] = pos;
    }
    let vectors = features::story_vectors(articles, entities, &order, params);
    let days: Vec<Option<(i64, i64)>> = order.iter().map(|&i| article_day(&articles[i])).collect();
    let claim_partners = claim_partners(articles, claims, &position, params);
    let outlets = outlet_ids(articles, &order);

    let limit = params.background_limit(n);
    let mut postings: Vec<Vec<(u32, f32)>> = Vec::new();
    for (pos, vector) in vectors.iter().enumerate() {
        for &(feature, weight) in vector {
            let f = feature as usize;
            if postings.len() <= f {
                postings.resize_with(f + 1, Vec::new);
            }
            postings[f].push((pos as u32, weight));
        }
    }
    debug_assert!(postings.iter().all(|p| p.len() <= limit));

    let edges: Vec<linkage::Edge> = (0..n)
        .into_par_iter()
        .map_init(
            || (vec![0.0f32; n], Vec::<u32>::new()),
            |(acc, touched), pos| {
                for &(feature, weight) in &vectors[pos] {
                    let list = &postings[feature as usize];
                    let from = list.partition_point(|&(other, _)| other as usize <= pos);
                    for &(other, w) in &list[from..] {
                        if acc[other as usize] == 0.0 {
                            touched.push(other);
                        }
                        acc[other as usize] += weight * w;
                    }
                }
                for &(other, shared) in &claim_partners[pos] {
                    if acc[other as usize] == 0.0 {
                        touched.push(other);
                    }
                    acc[other as usize] += params.claim_bonus * shared.min(params.max_claims_counted) as f32;
                }
                touched.sort_unstable();
                let mut out = Vec::new();
                for &other in touched.iter() {
                    let mut similarity = acc[other as usize];
                    acc[other as usize] = 0.0;
                    if outlets[pos].is_some() && outlets[pos] == outlets[other as usize] {
                        similarity *= params.same_outlet_factor;
                    }
                    if similarity < params.min_edge || too_far_apart(days[pos], days[other as usize], params) {
                        continue;
                    }
                    out.push((pos as u32, other, similarity));
                }
                touched.clear();
                out
            },
        )
        .flatten()
        .collect();

    let label = linkage::average_link(n, &edges, params.join_threshold);
    // Back to `articles` order: each story named by its first article there.
    let mut first_of: FxHashMap<u32, usize> = FxHashMap::default();
    for (i, &pos) in position.iter().enumerate() {
        let entry = first_of.entry(label[pos]).or_insert(i);
        *entry = (*entry).min(i);
    }
    position.iter().map(|&pos| first_of[&label[pos]]).collect()
}

/// Per article (by canonical position), its outlet as a number (in order of first appearance), if known: the corpus
/// layer's outlet key (a site, so one publisher's sections are one outlet), as claims use it.
fn outlet_ids(articles: &[Article], order: &[usize]) -> Vec<Option<u32>> {
    let mut ids: FxHashMap<String, u32> = FxHashMap::default();
    order
        .iter()
        .map(|&i| {
            let a = &articles[i];
            let source = a.source.as_deref().map(str::trim).filter(|s| !s.is_empty());
            let key = crate::corpus::outlet::outlet_key(a.url.as_deref(), &a.path, source)?;
            let next = ids.len() as u32;
            Some(*ids.entry(key).or_insert(next))
        })
        .collect()
}

/// For each article (by canonical position), the later articles it shares small claim clusters with, and how many.
fn claim_partners(
    articles: &[Article],
    claims: &[ClaimCluster],
    position: &[usize],
    params: &StoryParams,
) -> Vec<Vec<(u32, usize)>> {
    let index: FxHashMap<&str, usize> = articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), position[i]))
        .collect();
    let mut pairs: FxHashMap<(u32, u32), usize> = FxHashMap::default();
    for cluster in claims {
        let mut members: Vec<u32> = cluster
            .members
            .iter()
            .filter_map(|m| index.get(m.article.as_str()).map(|&p| p as u32))
            .collect();
        members.sort_unstable();
        members.dedup();
        if members.len() < 2 || members.len() > params.max_claim_articles {
            continue;
        }
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                *pairs.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut partners = vec![Vec::new(); articles.len()];
    for ((a, b), count) in pairs {
        partners[a as usize].push((b, count));
    }
    for list in &mut partners {
        list.sort_unstable();
    }
    partners
}

fn too_far_apart(a: Option<(i64, i64)>, b: Option<(i64, i64)>, params: &StoryParams) -> bool {
    match (a, b) {
        (Some((da, slack_a)), Some((db, slack_b))) => (da - db).abs() > params.max_span_days + slack_a + slack_b,
        _ => false,
    }
}

/// The article's publication day (days since 1970-01-01) and how uncertain it is in days (a month-only date: 15).
fn article_day(article: &Article) -> Option<(i64, i64)> {
    day_number(article.date.as_deref()?)
}

/// The day (days since 1970-01-01) of a report date (`YYYY-MM-DD…` or `YYYY-MM`) and how uncertain it is in days
/// (a month-only date is taken as its 15th, give or take 15).
pub fn day_number(date: &str) -> Option<(i64, i64)> {
    let mut parts = date.get(..10).unwrap_or(date).split('-');
    let year: i64 = parts.next()?.parse().ok()?;
    let month: i64 = parts.next()?.parse().ok()?;
    let (day, slack) = match parts.next() {
        Some(d) => (d.get(..2).unwrap_or(d).parse().ok()?, 0),
        None => (15, 15),
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    Some((days_from_civil(year, month, day), slack))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Groups the report's articles into stories ([`story_groups`]) and writes them to `report.stories`; marks each
/// claim cluster with the stories its members belong to.
pub fn assign_stories(report: &mut Report, params: &StoryParams) {
    let groups = story_groups(&report.articles, &report.entities, &report.claims, params);
    report.stories = describe_stories(report, &groups);
    let story_of: FxHashMap<&str, usize> = report
        .stories
        .iter()
        .enumerate()
        .flat_map(|(s, story)| story.articles.iter().map(move |a| (a.as_str(), s)))
        .collect();
    let mut claim_stories: Vec<Vec<usize>> = Vec::with_capacity(report.claims.len());
    for cluster in &report.claims {
        let mut stories: Vec<usize> = cluster
            .members
            .iter()
            .filter_map(|m| story_of.get(m.article.as_str()).copied())
            .collect();
        stories.sort_unstable();
        stories.dedup();
        claim_stories.push(stories);
    }
    // Each story's claims in claim order, in one pass over the claims (not stories × claims).
    let mut story_claims: Vec<Vec<String>> = vec![Vec::new(); report.stories.len()];
    for (cluster, stories) in report.claims.iter().zip(&claim_stories) {
        for &s in stories {
            story_claims[s].push(cluster.id.clone());
        }
    }
    for (story, claims) in report.stories.iter_mut().zip(story_claims) {
        story.claims = claims;
    }
    let ids: Vec<String> = report.stories.iter().map(|s| s.id.clone()).collect();
    for (cluster, stories) in report.claims.iter_mut().zip(claim_stories) {
        cluster.stories = stories.into_iter().map(|s| ids[s].clone()).collect();
    }
}

/// The stories of `groups` (per article, its group), largest first, then by their first article id.
fn describe_stories(report: &Report, groups: &[usize]) -> Vec<Story> {
    let articles = &report.articles;
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (i, &g) in groups.iter().enumerate() {
        members.entry(g).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    let first_id = |g: &Vec<usize>| g.iter().map(|&i| articles[i].id.as_str()).min().unwrap_or("");
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| first_id(a).cmp(first_id(b))));

    let mut entities_of: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (e, entity) in report.entities.iter().enumerate() {
        for a in &entity.articles {
            entities_of.entry(a.as_str()).or_default().push(e);
        }
    }
    groups
        .iter()
        .enumerate()
        .map(|(s, group)| {
            let mut dates: Vec<&str> = group.iter().filter_map(|&i| articles[i].date.as_deref()).collect();
            dates.sort_unstable();
            let day = |d: &str| d.get(..10).unwrap_or(d).to_string();
            let mut outlets: FxHashMap<&str, usize> = FxHashMap::default();
            for &i in group {
                if let Some(source) = articles[i].source.as_deref() {
                    *outlets.entry(source).or_default() += 1;
                }
            }
            let mut outlets: Vec<(&str, usize)> = outlets.into_iter().collect();
            outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            let mut named: FxHashMap<usize, usize> = FxHashMap::default();
            for &i in group {
                for &e in entities_of
                    .get(articles[i].id.as_str())
                    .map(Vec::as_slice)
                    .unwrap_or(&[])
                {
                    *named.entry(e).or_default() += 1;
                }
            }
            let needed = if group.len() == 1 { 1 } else { 2 };
            let mut named: Vec<(usize, usize)> = named.into_iter().filter(|&(_, c)| c >= needed).collect();
            named.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            Story {
                id: format!("s{}", s + 1),
                label: story_label(articles, group),
                articles: group.iter().map(|&i| articles[i].id.clone()).collect(),
                first: dates.first().map(|d| day(d)),
                last: dates.last().map(|d| day(d)),
                outlets: outlets.into_iter().map(|(o, _)| o.to_string()).collect(),
                entities: named.into_iter().map(|(e, _)| report.entities[e].id.clone()).collect(),
                claims: Vec::new(),
            }
        })
        .collect()
}

/// The title of the story's earliest dated article (else its first), or the article id when it has no title.
fn story_label(articles: &[Article], group: &[usize]) -> String {
    let chosen = group
        .iter()
        .copied()
        .filter(|&i| !articles[i].title.trim().is_empty())
        .min_by(|&a, &b| {
            let key = |i: usize| {
                (
                    articles[i].date.is_none(),
                    articles[i].date.clone(),
                    articles[i].id.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
    match chosen {
        Some(i) => articles[i].title.trim().to_string(),
        None => group.first().map(|&i| articles[i].id.clone()).unwrap_or_default(),
    }
}

/// Written for an article without a known outlet in [`outlet_story_csv`].
pub const UNKNOWN_OUTLET: &str = "(unknown outlet)";

/// Who covered what: one row per outlet (most stories first), one column per story with two or more articles
/// (`s1 label`), each cell the number of that outlet's articles in that story. UTF-8 with a byte-order mark, so
/// spreadsheet programs read the Arabic right.
pub fn outlet_story_csv(report: &Report) -> Result<Vec<u8>, csv::Error> {
    let stories: Vec<&Story> = report.stories.iter().filter(|s| s.articles.len() > 1).collect();
    let outlet_of: FxHashMap<&str, &str> = report
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.source.as_deref().unwrap_or(UNKNOWN_OUTLET)))
        .collect();
    let mut cells: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (s, story) in stories.iter().enumerate() {
        for a in &story.articles {
            let outlet = outlet_of.get(a.as_str()).copied().unwrap_or(UNKNOWN_OUTLET);
            cells.entry(outlet).or_insert_with(|| vec![0; stories.len()])[s] += 1;
        }
    }
    let mut rows: Vec<(&str, Vec<usize>)> = cells.into_iter().collect();
    let covered = |row: &Vec<usize>| row.iter().filter(|&&c| c > 0).count();
    rows.sort_by(|a, b| covered(&b.1).cmp(&covered(&a.1)).then(a.0.cmp(b.0)));
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header = vec!["outlet".to_string(), "stories".to_string()];
    header.extend(stories.iter().map(|s| format!("{} {}", s.id, s.label)));
    writer.write_record(&header)?;
    for (outlet, counts) in rows {
        let mut record = vec![outlet.to_string(), covered(&counts).to_string()];
        record.extend(counts.iter().map(usize::to_string));
        writer.write_record(&record)?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2016, 12, 31) - days_from_civil(2016, 1, 1), 365);
    }
}
