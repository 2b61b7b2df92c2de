//! The tunable numbers of recognition, with their defaults.

use crate::analysis::mention::MentionOrigin;

/// Recognition parameters. [`Default`] gives the values the sample corpus and the test suites are calibrated on.
#[derive(Debug, Clone, PartialEq)]
pub struct RecognitionParams {
    /// Confidence of a date: 0.95.
    pub date_confidence: f32,
    /// Confidence of a gazetteer match: 0.9.
    pub gazetteer_confidence: f32,
    /// Confidence of a news-prose pattern: 0.85.
    pub pattern_confidence: f32,
    /// Confidence of a coreferent short form: 0.75.
    pub coreference_confidence: f32,
    /// Confidence of a tagger span: 0.7.
    pub tagger_confidence: f32,

    /// Rank of a date among overlapping candidates (higher wins before length does): 3.
    pub date_rank: u8,
    /// Rank of a pattern: 2.
    pub pattern_rank: u8,
    /// Rank of a gazetteer match: 1.
    pub gazetteer_rank: u8,
    /// Rank of a tagger person, place or organisation: 1.
    pub tagger_rank: u8,
    /// Rank of a tagger MISC span: 0.
    pub tagger_misc_rank: u8,

    /// Words after a role searched for the name, its office and country between (السفير الروسي لدى طهران …): 8.
    pub role_modifier_window: usize,
    /// A person's name after a role has at most this many words: 4.
    pub name_max_words: usize,
    /// A word of such a name has at least this many letters: 2.
    pub name_min_letters: usize,
    /// An agency's name after وكالة has at most this many words: 3.
    pub agency_name_max_words: usize,
    /// Words after a body word (وزارة، منظمة …) that may belong to its name: 6.
    pub body_name_max_words: usize,
    /// A name left after shedding proclitics has at least this many letters: 3 …
    pub clitic_rest_min_letters: usize,
    /// … and at least this many when it starts with the article (والصين → الصين): 4.
    pub article_rest_min_letters: usize,
    /// A one-word tagger person without other support is kept when training saw it as a name this many times: 2.
    pub single_name_min_count: u16,
    /// A surname found alone later (coreference) has at least this many letters: 3.
    pub surname_min_letters: usize,
}

impl Default for RecognitionParams {
    fn default() -> Self {
        Self {
            date_confidence: 0.95,
            gazetteer_confidence: 0.9,
            pattern_confidence: 0.85,
            coreference_confidence: 0.75,
            tagger_confidence: 0.7,
            date_rank: 3,
            pattern_rank: 2,
            gazetteer_rank: 1,
            tagger_rank: 1,
            tagger_misc_rank: 0,
            role_modifier_window: 8,
            name_max_words: 4,
            name_min_letters: 2,
            agency_name_max_words: 3,
            body_name_max_words: 6,
            clitic_rest_min_letters: 3,
            article_rest_min_letters: 4,
            single_name_min_count: 2,
            surname_min_letters: 3,
        }
    }
}

impl RecognitionParams {
    /// The confidence of a mention found by `origin`.
    pub fn confidence(&self, origin: MentionOrigin) -> f32 {
        match origin {
            MentionOrigin::Date => self.date_confidence,
            MentionOrigin::Gazetteer => self.gazetteer_confidence,
            MentionOrigin::Pattern => self.pattern_confidence,
            MentionOrigin::Tagger => self.tagger_confidence,
            MentionOrigin::Coreference => self.coreference_confidence,
        }
    }
}
