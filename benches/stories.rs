//! Story grouping at scale: 10,000 generated articles (~250 words each) in 2,000 stories of one to nine articles,
//! each story with its own rare words, numbers and a person, over a shared Zipf-like vocabulary and a few "countries"
//! every article names, spread over 12 outlets at random. Times `assign_stories` alone (what grouping adds to `qarin analyze`) and prints the B-cubed
//! F1 against the generated stories. Run: `cargo bench --bench stories`.

use qarin::analysis::stories::eval::b_cubed;
use qarin::analysis::stories::{StoryParams, assign_stories};
use qarin::analysis::{Entity, EntityKind, Mention, Report};
use qarin::corpus::{Article, Segment, SegmentKind, Sentence};
use std::time::Instant;

/// Outlets the generated articles are spread over at random.
const OUTLETS: usize = 12;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const LETTERS: &[char] = &[
    'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ر', 'ز', 'س', 'ش', 'ص', 'ط', 'ع', 'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه',
    'و', 'ي',
];

fn word(rng: &mut Rng) -> String {
    let len = 3 + rng.below(5);
    (0..len).map(|_| LETTERS[rng.below(LETTERS.len())]).collect()
}

fn article(id: String, date: String, source: String, body: String) -> Article {
    let text = format!("عنوان\n{body}\n");
    Article {
        id,
        path: String::new(),
        title: "عنوان".into(),
        date: Some(date),
        source: Some(source),
        url: None,
        segments: vec![
            Segment {
                kind: SegmentKind::Title,
                start: 0,
                end: "عنوان\n".len(),
            },
            Segment {
                kind: SegmentKind::Body,
                start: "عنوان\n".len(),
                end: text.len(),
            },
        ],
        sentences: vec![Sentence {
            start: "عنوان\n".len(),
            end: text.len(),
        }],
        text,
    }
}

fn entity(id: String, kind: EntityKind, label: String, articles: Vec<String>) -> Entity {
    let mentions = articles
        .iter()
        .map(|a| Mention {
            article: a.clone(),
            start: 0,
            end: 0,
            text: label.clone(),
        })
        .collect();
    Entity {
        id,
        kind,
        label: label.clone(),
        variants: vec![label],
        value: None,
        articles,
        mentions,
    }
}

fn main() {
    let mut rng = Rng(0x5eed_cafe);
    let common: Vec<String> = (0..3000).map(|_| word(&mut rng)).collect();
    let mut articles = Vec::new();
    let mut entities = Vec::new();
    let mut truth = Vec::new();
    let mut everyone = Vec::new();
    let mut story = 0;
    while articles.len() < 10_000 {
        let size = 1 + rng.below(9);
        let own: Vec<String> = (0..12).map(|_| word(&mut rng)).collect();
        let number = 100 + rng.below(9000);
        let day = 1 + rng.below(28);
        let month = 1 + rng.below(12);
        let mut members = Vec::new();
        for _ in 0..size.min(10_000 - articles.len()) {
            let mut words = Vec::new();
            for _ in 0..250 {
                let w = match rng.below(10) {
                    0 | 1 => own[rng.below(own.len())].clone(),
                    // Zipf-like: low ranks far more often.
                    _ => {
                        let reach = 1 + rng.below(common.len());
                        common[rng.below(reach)].clone()
                    }
                };
                words.push(w);
            }
            words.push(number.to_string());
            let id = format!("a{:05}", articles.len());
            let date = format!("2020-{month:02}-{:02}", (day + rng.below(3)).min(28));
            members.push(id.clone());
            everyone.push(id.clone());
            let source = format!("outlet{}", rng.below(OUTLETS));
            articles.push(article(id, date, source, words.join(" ")));
            truth.push(story);
        }
        entities.push(entity(
            format!("e{}", entities.len()),
            EntityKind::Person,
            own[0].clone(),
            members,
        ));
        story += 1;
    }
    for country in 0..5 {
        entities.push(entity(
            format!("e{}", entities.len()),
            EntityKind::Place,
            format!("بلد{country}"),
            everyone.clone(),
        ));
    }
    let mut report = Report::new(articles, entities, Vec::new(), Vec::new());
    // The outlet rules cost a pass over every article's features: timed apart.
    let without = StoryParams {
        max_outlet_share: 1.0,
        same_outlet_factor: 1.0,
        ..StoryParams::default()
    };
    let started = Instant::now();
    assign_stories(&mut report, &without);
    let without_outlets = started.elapsed();
    let started = Instant::now();
    assign_stories(&mut report, &StoryParams::default());
    let elapsed = started.elapsed();
    let found = qarin::analysis::stories::eval::report_groups(&report);
    let scores = b_cubed(&found, &truth);
    println!(
        "stories: {} articles from {OUTLETS} outlets, {story} generated stories → {} stories in {:.3} s \
         ({:.3} s without the outlet rules); B-cubed P {:.3} R {:.3} F1 {:.3}",
        report.articles.len(),
        report.stories.len(),
        elapsed.as_secs_f64(),
        without_outlets.as_secs_f64(),
        scores.precision,
        scores.recall,
        scores.f1
    );
}
