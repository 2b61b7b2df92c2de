//! What the story views need, derived once per report: per story its shared claims, its outlets' articles, its days
//! on the corpus time line; and the open story's claims and entities (the panels show only those).
//! A leaf module: it imports no view.

use super::state::WorkbenchState;
use crate::analysis::Report;
use crate::analysis::stories::{UNKNOWN_OUTLET, day_number};
use std::collections::{HashMap, HashSet};

/// Articles shown as columns when a story opens; the rest are a click away.
pub const STORY_COLUMNS: usize = 6;

#[derive(Debug, Clone, Default)]
pub struct StoryIndex {
    /// Per story, its claim clusters (report indexes) carried by two or more of its articles.
    pub shared_claims: Vec<Vec<usize>>,
    /// Per story, its article indexes in column order: one per outlet first (outlets with most articles first).
    pub column_order: Vec<Vec<usize>>,
    /// Per story, the day of each dated article (days since 1970-01-01).
    pub days: Vec<Vec<i64>>,
    /// First and last day of the corpus's dated articles.
    pub span: Option<(i64, i64)>,
    /// The stories with two or more articles, then the others, each in report order.
    pub list_order: Vec<usize>,
}

impl StoryIndex {
    pub fn new(report: &Report) -> Self {
        let article: HashMap<&str, usize> = report
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let claim: HashMap<&str, usize> = report
            .claims
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str(), i))
            .collect();
        let mut index = StoryIndex::default();
        for story in &report.stories {
            let members: Vec<usize> = story
                .articles
                .iter()
                .filter_map(|a| article.get(a.as_str()).copied())
                .collect();
            let ids: HashSet<&str> = story.articles.iter().map(String::as_str).collect();
            index.shared_claims.push(
                story
                    .claims
                    .iter()
                    .filter_map(|c| claim.get(c.as_str()).copied())
                    .filter(|&c| {
                        let carried: HashSet<&str> = report.claims[c]
                            .members
                            .iter()
                            .map(|m| m.article.as_str())
                            .filter(|a| ids.contains(a))
                            .collect();
                        carried.len() >= 2
                    })
                    .collect(),
            );
            index.column_order.push(column_order(report, &members));
            index.days.push(
                members
                    .iter()
                    .filter_map(|&a| report.articles[a].date.as_deref().and_then(day_number).map(|d| d.0))
                    .collect(),
            );
        }
        let all: Vec<i64> = index.days.iter().flatten().copied().collect();
        index.span = all.iter().min().zip(all.iter().max()).map(|(a, b)| (*a, *b));
        let (multi, single): (Vec<usize>, Vec<usize>) =
            (0..report.stories.len()).partition(|&s| report.stories[s].articles.len() > 1);
        index.list_order = multi.into_iter().chain(single).collect();
        index
    }
}

/// The outlet an article is from, as the story views name it.
pub fn outlet_name(report: &Report, article: usize) -> &str {
    report
        .articles
        .get(article)
        .and_then(|a| a.source.as_deref())
        .unwrap_or(UNKNOWN_OUTLET)
}

/// One article of each outlet before a second of any, outlets with most articles in the story first; within an
/// outlet, by date then report order.
fn column_order(report: &Report, members: &[usize]) -> Vec<usize> {
    let mut by_outlet: Vec<(String, Vec<usize>)> = Vec::new();
    for &a in members {
        // Articles of no known outlet each count as an outlet of their own.
        let key = report.articles[a].source.clone().unwrap_or_else(|| format!("\u{0}{a}"));
        match by_outlet.iter_mut().find(|(k, _)| *k == key) {
            Some((_, list)) => list.push(a),
            None => by_outlet.push((key, vec![a])),
        }
    }
    for (_, list) in &mut by_outlet {
        list.sort_by_key(|&a| (report.articles[a].date.is_none(), report.articles[a].date.clone(), a));
    }
    by_outlet.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1[0].cmp(&b.1[0])));
    let mut order = Vec::with_capacity(members.len());
    let mut round = 0;
    while order.len() < members.len() {
        for (_, list) in &by_outlet {
            if let Some(&a) = list.get(round) {
                order.push(a);
            }
        }
        round += 1;
    }
    order
}

/// The open story's claims and entities, for filtering the panels.
#[derive(Debug, Clone, Default)]
pub struct StoryFilter {
    pub claims: HashSet<usize>,
    pub entities: HashSet<usize>,
}

impl WorkbenchState {
    /// Opens story `s`: its articles become the columns (see [`StoryIndex::column_order`]), the panels show its
    /// claims and entities.
    pub fn open_story(&mut self, s: usize) {
        let Some(report) = &self.report else { return };
        let Some(story) = report.stories.get(s) else { return };
        let ids: HashSet<&str> = story.articles.iter().map(String::as_str).collect();
        let claims = report
            .claims
            .iter()
            .enumerate()
            .filter(|(_, c)| c.members.iter().any(|m| ids.contains(m.article.as_str())))
            .map(|(i, _)| i)
            .collect();
        let entities = report
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.articles.iter().any(|a| ids.contains(a.as_str())))
            .map(|(i, _)| i)
            .collect();
        self.story_filter = Some(StoryFilter { claims, entities });
        self.columns = self
            .stories
            .column_order
            .get(s)
            .map(|order| order.iter().copied().take(STORY_COLUMNS).collect())
            .unwrap_or_default();
        self.story = Some(s);
        self.story_list = false;
        self.selection.claim = None;
        self.selection.entity = None;
        self.remember_columns();
    }

    /// Back to the list of stories; the panels show the whole corpus again.
    pub fn show_story_list(&mut self) {
        self.story = None;
        self.story_filter = None;
        self.story_list = true;
    }

    /// Whether claim cluster `c` is shown in the claims panel: always, unless a story is open and it has no
    /// member there.
    pub fn claim_in_view(&self, c: usize) -> bool {
        self.story_filter.as_ref().is_none_or(|f| f.claims.contains(&c))
    }

    /// Whether entity `e` is listed: always, unless a story is open and none of its articles names it.
    pub fn entity_in_view(&self, e: usize) -> bool {
        self.story_filter.as_ref().is_none_or(|f| f.entities.contains(&e))
    }
}
