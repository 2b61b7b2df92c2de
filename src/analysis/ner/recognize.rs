//! Mentions in an article: the tagger run over the body sentence by sentence, news-prose patterns (roles before names,
//! agencies, bodies), gazetteer matches, dates, and later short forms of names given in full — then overlaps resolved.

use super::tagger::{Lexicon, Model, TAGS, TokenForms, cover_from_matches};
use super::text::strip_proclitics;
use super::{bundled_model, tag_document_forms};
use crate::analysis::gazetteer::{GazKind, GazMatch, Gazetteer};
use crate::analysis::mention::{MentionOrigin, RawMention};
use crate::analysis::model::EntityKind;
use crate::arabic::dates::find_dates;
use crate::arabic::{Token, TokenKind, normalize, tokenize};
use crate::corpus::Article;
use std::collections::HashSet;

/// Every mention in the article's `body` segments, sorted by start, not overlapping.
pub fn recognize(article: &Article) -> Vec<RawMention> {
    let text = article.text.as_str();
    let sentences: Vec<Sentence> = body_sentences(article)
        .into_iter()
        .filter_map(|(s, e)| {
            let body = text.get(s..e)?;
            let tokens: Vec<Token> = tokenize(body)
                .into_iter()
                .map(|t| Token {
                    start: t.start + s,
                    end: t.end + s,
                    text: &text[t.start + s..t.end + s],
                    norm: t.norm,
                    kind: t.kind,
                })
                .collect();
            let gaz = Gazetteer::global().find_in_tokens(&tokens);
            let toks: Vec<Tok> = tokens.into_iter().map(|t| Tok::new(text, t)).collect();
            (!toks.is_empty()).then_some(Sentence {
                start: s,
                end: e,
                toks,
                gaz,
            })
        })
        .collect();
    let model = bundled_model();
    let empty = Lexicon::default();
    let lexicon = model.map(Model::lexicon).unwrap_or(&empty);
    let mut candidates = Vec::new();
    if let Some(model) = model {
        tagger_mentions(text, &sentences, model, &mut candidates);
    }
    for s in &sentences {
        pattern_mentions(text, s, lexicon, &mut candidates);
        gazetteer_mentions(s, &mut candidates);
        date_mentions(text, s, &mut candidates);
    }
    let mut mentions = resolve(candidates);
    // A name found by the tagger or a pattern that is exactly a gazetteer entry (تاس in وكالة "تاس") gets its identity.
    for m in mentions
        .iter_mut()
        .filter(|m| m.canonical.is_none() && m.kind != EntityKind::Date)
    {
        let name = &text[m.start..m.end];
        if let [g] = Gazetteer::global().find_all(name).as_slice()
            && g.start == 0
            && g.end == name.len()
            && g.kind.entity_kind() == m.kind
            && !g.canonical.is_empty()
        {
            m.canonical = Some(g.canonical.clone());
        }
    }
    drop_unsupported_single_names(text, lexicon, &mut mentions);
    short_forms(text, &sentences, &mut mentions);
    mentions
}

/// One token of a body sentence: its byte range in the article text, its normalised form, and that form without
/// proclitics.
struct Tok {
    start: usize,
    end: usize,
    folded: String,
    /// Byte length in `folded` of its proclitics: `base()` is the rest.
    clitic_len: usize,
    /// Byte length in the ORIGINAL text of those proclitics.
    clitic_bytes: usize,
    punct: bool,
    /// Written with a final ي (علي the name) rather than ى (على the preposition); both normalise to ي.
    ya_final: bool,
}

impl Tok {
    fn new(text: &str, t: Token) -> Tok {
        let (clitic, _) = strip_proclitics(&t.norm);
        let clitic_len = clitic.len();
        let clitic_bytes = original_prefix_bytes(&text[t.start..t.end], clitic.chars().count());
        Tok {
            start: t.start,
            end: t.end,
            clitic_len,
            folded: t.norm,
            clitic_bytes,
            punct: t.kind == TokenKind::Punct,
            ya_final: t.text.ends_with('ي'),
        }
    }

    fn is_punct(&self) -> bool {
        self.punct
    }

    /// The folded form without proclitics.
    fn base(&self) -> &str {
        &self.folded[self.clitic_len..]
    }

    /// The folded proclitics.
    fn clitic(&self) -> &str {
        &self.folded[..self.clitic_len]
    }
}

/// Bytes of `raw` that hold its first `letters` normalised letters and the marks that follow them.
fn original_prefix_bytes(raw: &str, letters: usize) -> usize {
    if letters == 0 {
        return 0;
    }
    let mut seen = 0;
    let mut buf = String::new();
    for (i, c) in raw.char_indices() {
        buf.clear();
        crate::arabic::push_normalized(c, &mut buf);
        if !buf.is_empty() {
            if seen >= letters {
                return i;
            }
            seen += buf.chars().count();
        }
    }
    raw.len()
}

struct Sentence {
    start: usize,
    end: usize,
    toks: Vec<Tok>,
    /// Gazetteer matches over the sentence's tokens (shared by the tagger's features and the gazetteer mentions).
    gaz: Vec<GazMatch>,
}

/// Byte ranges of the sentences to analyse: the article's body sentences, or its body segments split at line breaks
/// and sentence-final punctuation when the article has none.
fn body_sentences(article: &Article) -> Vec<(usize, usize)> {
    if !article.sentences.is_empty() {
        return article.sentences.iter().map(|s| (s.start, s.end)).collect();
    }
    let mut out = Vec::new();
    for seg in article.body_segments() {
        let Some(body) = article.text.get(seg.start..seg.end) else {
            continue;
        };
        let mut start = 0;
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next_is_space = chars.peek().is_none_or(|(_, n)| n.is_whitespace());
            if c == '\n' || (matches!(c, '.' | '!' | '?' | '؟') && next_is_space) {
                let end = i + c.len_utf8();
                if body[start..end].trim().chars().count() > 0 {
                    out.push((seg.start + start, seg.start + end));
                }
                start = end;
            }
        }
        if !body[start..].trim().is_empty() {
            out.push((seg.start + start, seg.end));
        }
    }
    out
}

fn kind_of(ty: &str) -> EntityKind {
    match ty {
        "PERS" => EntityKind::Person,
        "LOC" => EntityKind::Place,
        "ORG" => EntityKind::Org,
        _ => EntityKind::Other,
    }
}

/// Words that are never a name by themselves whatever the tagger says (weekdays, months, time words).
fn never_a_name(key: &str) -> bool {
    matches!(
        key,
        "السبت"
            | "الاحد"
            | "الاثنين"
            | "الثلاثاء"
            | "الاربعاء"
            | "الخميس"
            | "الجمعه"
            | "سبت"
            | "احد"
            | "اثنين"
            | "ثلاثاء"
            | "اربعاء"
            | "خميس"
            | "جمعه"
            | "اليوم"
            | "امس"
            | "غدا"
            | "يناير"
            | "فبراير"
            | "مارس"
            | "ابريل"
            | "مايو"
            | "يونيو"
            | "يوليو"
            | "اغسطس"
            | "سبتمبر"
            | "اكتوبر"
            | "نوفمبر"
            | "ديسمبر"
            | "كانون"
            | "شباط"
            | "اذار"
            | "نيسان"
            | "ايار"
            | "حزيران"
            | "تموز"
            | "اب"
            | "ايلول"
            | "تشرين"
            | "الرئيس"
            | "وزير"
            | "الوزير"
            | "رئيس"
            | "قال"
            | "اكد"
            | "اشار"
    )
}

/// Proclitic letter sequences (folded) that may be glued to a name: conjunction, then preposition.
const NAME_CLITICS: [&str; 13] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل"];

/// Where a mention starting with `tok` starts: after the proclitics glued to it when the rest is a known name and the
/// word as written is not (`لشويجو` → `شويجو` when شويجو is named in the article, `وروسيا` → `روسيا`, `والصين` →
/// `الصين`), else at the word's start (`فومين`, `باقري`, `واشنطن`, `بريطانيا` stay whole).
fn trimmed_start(text: &str, tok: &Tok, lexicon: &Lexicon, known: &HashSet<String>) -> usize {
    let folded = tok.folded.as_str();
    let whole_count = lexicon.entity_count(folded);
    if known.contains(folded) {
        return tok.start;
    }
    for clitic in NAME_CLITICS {
        let Some(rest) = folded.strip_prefix(clitic) else {
            continue;
        };
        if rest.chars().count() < 3 {
            continue;
        }
        // والصين، بالعراق: a conjunction or preposition before the article is a clitic, not part of a name.
        let before_article = rest.starts_with("ال") && rest.chars().count() >= 4 && !clitic.contains('ف');
        let with_article = format!("ال{rest}");
        let rest_known = lexicon.entity_count(rest) > whole_count
            || known.contains(rest)
            || gazetteer_knows(rest)
            || (clitic.ends_with("لل") && (known.contains(&with_article) || gazetteer_knows(&with_article)));
        if before_article || rest_known {
            // After لل (ل + the article) the name's own letters start past both.
            let cut = clitic.chars().count();
            return tok.start + original_prefix_bytes(&text[tok.start..tok.end], cut);
        }
    }
    tok.start
}

/// Whether the gazetteer has this folded word as a name.
fn gazetteer_knows(folded: &str) -> bool {
    Gazetteer::global().lookup(folded).is_some()
}

struct Candidate {
    mention: RawMention,
    /// Higher wins an overlap before length does.
    rank: u8,
}

fn push(out: &mut Vec<Candidate>, start: usize, end: usize, kind: EntityKind, origin: MentionOrigin, rank: u8) {
    if start < end {
        out.push(Candidate {
            mention: RawMention {
                start,
                end,
                kind,
                value: None,
                canonical: None,
                origin,
                confidence: match origin {
                    MentionOrigin::Date => 0.95,
                    MentionOrigin::Gazetteer => 0.9,
                    MentionOrigin::Pattern => 0.85,
                    MentionOrigin::Tagger => 0.7,
                    MentionOrigin::Coreference => 0.75,
                },
            },
            rank,
        });
    }
}

fn tagger_mentions(text: &str, sentences: &[Sentence], model: &Model, out: &mut Vec<Candidate>) {
    // The tokens' folded forms are the toolkit's normalisation of their text, as the tagger's own folding would be.
    let forms: Vec<Vec<TokenForms>> = sentences
        .iter()
        .map(|s| {
            s.toks
                .iter()
                .map(|t| TokenForms::new(&text[t.start..t.end], &t.folded))
                .collect()
        })
        .collect();
    let covers: Vec<_> = sentences
        .iter()
        .map(|s| cover_from_matches(s.toks.len(), &s.gaz))
        .collect();
    let tags = tag_document_forms(model, &forms, &covers, usize::MAX);
    let lexicon = model.lexicon();
    let raw: Vec<(usize, usize, usize, String)> = tags
        .iter()
        .enumerate()
        .flat_map(|(si, t)| {
            let tag_strs: Vec<&str> = t.iter().map(|&x| TAGS[x]).collect();
            super::conll::spans(&tag_strs)
                .into_iter()
                .map(move |(s, e, ty)| (si, s, e, ty))
        })
        .collect();
    // Words the tagger put in names as written (not a span's clitic-bearing first word): the article's own names.
    let mut known = HashSet::new();
    for (si, s0, e0, _) in &raw {
        for (k, tok) in sentences[*si].toks[*s0..*e0].iter().enumerate() {
            if k > 0 || tok.clitic_bytes == 0 {
                known.insert(tok.folded.clone());
            }
        }
    }
    let mut spans = Vec::new();
    for (si, s0, e0, ty) in raw {
        {
            let Some((ds, de)) = clean_span(&ty, &sentences[si].toks[s0..e0], lexicon, &known) else {
                continue;
            };
            let (s, e) = (s0 + ds, s0 + de);
            let toks = &sentences[si].toks[s..e];
            if toks.iter().any(Tok::is_punct) {
                continue;
            }
            if toks.len() == 1 && (never_a_name(toks[0].base()) || never_a_name(&toks[0].folded)) {
                continue;
            }
            let lone = &toks[0];
            if toks.len() == 1
                && ((lexicon.is_common(&lone.folded) && lexicon.entity_type(&lone.folded).is_none())
                    || (ty == "PERS" && matches!(lexicon.entity_type(&lone.folded), Some("LOC" | "ORG")))
                    || (ty == "PERS" && is_role(lone.base())))
            {
                continue;
            }
            spans.push((si, s, e, ty));
        }
    }
    for (si, s, e, ty) in spans {
        let toks = &sentences[si].toks;
        let start = trimmed_start(text, &toks[s], lexicon, &known);
        let rank = if ty == "MISC" { 0 } else { 1 };
        push(out, start, toks[e - 1].end, kind_of(&ty), MentionOrigin::Tagger, rank);
    }
}

/// Titles and roles after which the next name is a person's.
/// A title or role that introduces a person in news prose (normalised form): وزير، السفير، اللواء، نظيره …
pub fn is_role(key: &str) -> bool {
    matches!(
        key,
        "الرئيس"
            | "رئيس"
            | "وزير"
            | "الوزير"
            | "مساعد"
            | "نائب"
            | "اللواء"
            | "العميد"
            | "الفريق"
            | "الجنرال"
            | "السفير"
            | "سفير"
            | "نظيره"
            | "نظيرته"
            | "نظيرها"
            | "قائد"
            | "المتحدث"
            | "الناطق"
            | "المستشار"
            | "مستشار"
            | "العقيد"
            | "المشير"
            | "الاميرال"
            | "الادميرال"
            | "الشيخ"
            | "الدكتور"
            | "السيد"
            | "السيده"
            | "المبعوث"
            | "مبعوث"
            | "الملك"
            | "الامير"
            | "سكرتير"
            | "امين"
            | "الامين"
            | "الجنرالات"
            | "الرائد"
            | "النقيب"
            | "رئيسه"
    )
}

/// Words that may stand between a role and the name (its department, country, office).
fn is_role_modifier(t: &Tok, lexicon: &Lexicon) -> bool {
    let f = t.folded.as_str();
    if matches!(
        f,
        "في" | "لدي" | "لدى" | "العام" | "العامه" | "عام" | "شوون" | "لشوون" | "\"" | "«" | "“"
    ) {
        return true;
    }
    if is_role(t.base()) || is_role(f) {
        return true;
    }
    // Where the office is: السفير الروسي لدى طهران، …
    if f == "،" || f == "," || gazetteer_knows(f) || gazetteer_knows(t.base()) {
        return true;
    }
    // Definite words (الدفاع، الروسي، الأركان، للقوات) describe the office; names rarely carry ال, never لل.
    if f.starts_with("لل") {
        return true;
    }
    f.starts_with("ال")
        && (lexicon.is_common(f)
            || f.ends_with('ي')
            || f.ends_with("يه")
            || lexicon.entity_type(f).is_some_and(|ty| ty != "PERS"))
}

/// Whether a token can be part of a person's name.
const FUNCTION_WORDS: &[&str] = &[
    "في", "من", "الى", "علي", "على", "عن", "مع", "ان", "او", "ما", "لا", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي",
    "بين", "قد", "كان", "كانت", "قال", "قالت", "اكد", "اكدت", "خلال", "حول", "بعد", "قبل", "عند", "منذ", "ضد", "الي",
    "اي", "كل",
];

fn pattern_mentions(text: &str, s: &Sentence, lexicon: &Lexicon, out: &mut Vec<Candidate>) {
    let toks = &s.toks;
    let n = toks.len();
    for i in 0..n {
        let key = toks[i].base();
        let full = toks[i].folded.as_str();
        let head_is = |f: fn(&str) -> bool| f(key) || f(full);
        // A role, then its office and country, then the name: the person.
        // A name put before its office (ستيفن ويتكوف مبعوث الرئيس): two name words right before an undetermined role.
        if i >= 2
            && is_role(full)
            && !full.starts_with("ال")
            && match name_after(toks, i - 2, lexicon) {
                Some(e) if e == i => true,
                // The second word may begin with و as its own letter (ويتكوف) when nothing knows it otherwise.
                Some(e) if e == i - 1 => {
                    let t = &toks[i - 1];
                    !t.is_punct()
                        && !lexicon.is_common(&t.folded)
                        && lexicon.entity_type(&t.folded).is_none()
                        && lexicon.entity_type(t.base()).is_none()
                        && !lexicon.is_common(t.base())
                        && !gazetteer_knows(t.base())
                        && !is_role(t.base())
                }
                _ => false,
            }
            && (i == 2 || name_after(toks, i - 3, lexicon).is_none_or(|e| e < i))
            && toks[i - 2..i]
                .iter()
                .all(|t| lexicon.entity_type(&t.folded).is_none_or(|ty| ty == "PERS"))
            && !lexicon.is_common(&toks[i - 2].folded)
        {
            push(
                out,
                toks[i - 2].start,
                toks[i - 1].end,
                EntityKind::Person,
                MentionOrigin::Pattern,
                2,
            );
        }
        if head_is(is_role) {
            let mut j = i + 1;
            while j < n && j <= i + 8 && is_role_modifier(&toks[j], lexicon) {
                j += 1;
            }
            if let Some(end) = name_after(toks, j, lexicon) {
                push(
                    out,
                    toks[j].start,
                    toks[end - 1].end,
                    EntityKind::Person,
                    MentionOrigin::Pattern,
                    2,
                );
            }
        }
        // وكالة "تاس" / وكالة نوفوستي / وكالة أنباء فارس: the agency's name.
        if head_is(|k| k == "وكاله") {
            let mut j = i + 1;
            if j < n && toks[j].folded == "انباء" {
                j += 1;
            }
            let quoted = j < n && toks[j].is_punct() && toks[j].folded != "،" && toks[j].folded != ",";
            if quoted {
                j += 1;
            }
            let first = j;
            while j < n && j < first + 3 && !toks[j].is_punct() && (quoted || j == first) && !is_function(&toks[j]) {
                j += 1;
            }
            if j > first && (quoted || !lexicon.is_common(&toks[first].folded)) {
                push(
                    out,
                    toks[first].start,
                    toks[j - 1].end,
                    EntityKind::Org,
                    MentionOrigin::Pattern,
                    2,
                );
            }
        }
        // وزارة / منظمة / مجلس / هيئة … and its defining words: the body.
        if head_is(is_body_head) {
            let mut j = i + 1;
            let mut proper = 0;
            while j < n && j <= i + 6 {
                let t = &toks[j];
                let f = t.folded.as_str();
                if t.is_punct() || FUNCTION_WORDS.contains(&f) || (starts_with_wa(t) && !f.starts_with("وال")) {
                    break;
                }
                let definite = f.starts_with("ال") || f.starts_with("لل");
                if !definite {
                    // One undetermined proper word (منظمة شنغهاي) may head the rest.
                    if proper > 0 || lexicon.is_common(f) {
                        break;
                    }
                    proper += 1;
                }
                j += 1;
                let next_is_nisba = toks.get(j).is_some_and(|n| {
                    n.folded.starts_with("ال") && (n.folded.ends_with('ي') || n.folded.ends_with("يه"))
                });
                // الأعلى is an elative, not a nisba; القومي الإيراني: a nisba followed by another goes on.
                if definite && f != "الاعلي" && (f.ends_with('ي') || f.ends_with("يه")) && j > i + 1 && !next_is_nisba
                {
                    // A nisba adjective (الروسية، الدولي) closes the name.
                    break;
                }
            }
            if j > i + 1 {
                let t = &toks[i];
                // The head as written (وزارة) or glued to clitics (ووزارة، للحرس): the mention starts at the head's
                // own letters, keeping an article that is its own (والحرس → الحرس, وللحرس → للحرس).
                let start = if is_body_head(&t.folded) || t.clitic().is_empty() {
                    t.start
                } else {
                    let letters = t.clitic().chars().count();
                    // ال, or ل + ال written لل (للحرس), stays with the word.
                    let keep = if t.clitic().ends_with("ال") || t.clitic().ends_with("لل") {
                        2
                    } else {
                        0
                    };
                    t.start + original_prefix_bytes(&text[t.start..t.end], letters - keep)
                };
                push(out, start, toks[j - 1].end, EntityKind::Org, MentionOrigin::Pattern, 2);
            }
        }
    }
    let _ = text;
}

/// The end (exclusive) of a person's name starting at token `first`: up to four name-like words, none glued to a
/// conjunction or preposition, not ending in common words, with at least one word that is not common vocabulary.
fn name_after(toks: &[Tok], first: usize, lexicon: &Lexicon) -> Option<usize> {
    let mut j = first;
    while j < toks.len() && j < first + 4 {
        let t = &toks[j];
        let f = t.folded.as_str();
        let pers = lexicon.entity_type(f) == Some("PERS");
        // علي written with ي and followed by another name word is the name Ali, not the preposition على.
        let ali = f == "علي"
            && t.ya_final
            && toks
                .get(j + 1)
                .is_some_and(|n| !n.is_punct() && !FUNCTION_WORDS.contains(&n.folded.as_str()));
        let ok = !t.is_punct()
            && f.chars().count() >= 2
            && !f.chars().any(|c| c.is_ascii_digit())
            && (ali || !FUNCTION_WORDS.contains(&f))
            && !never_a_name(f)
            && !is_role(f)
            && !is_role(t.base())
            && (pers
                || !matches!(lexicon.entity_type(f), Some("LOC" | "ORG"))
                || (j > first && lexicon.entity_type(f) == Some("ORG")))
            && !(j > first && gazetteer_knows(f))
            && (pers || name_clitics_ok(t, lexicon, j == first));
        if !ok {
            break;
        }
        j += 1;
    }
    while j > first
        && lexicon.is_common(&toks[j - 1].folded)
        && lexicon.entity_type(&toks[j - 1].folded) != Some("PERS")
    {
        j -= 1;
    }
    let named = toks[first..j]
        .iter()
        .any(|t| !lexicon.is_common(&t.folded) || lexicon.entity_type(&t.folded) == Some("PERS"));
    (j > first && named).then_some(j)
}

/// Whether the clitics a word seems to carry allow it inside a name: never a conjunction (… فومين ونظيره), never a
/// preposition before common vocabulary (باقري بإرادة); a lone ب/ل/ك/ف before an unknown word is taken as the
/// word's own letter (باقري، فومين).
fn name_clitics_ok(t: &Tok, lexicon: &Lexicon, first: bool) -> bool {
    let c = t.clitic();
    if c.is_empty() {
        return true;
    }
    if c == "ال" {
        return first;
    }
    if c.starts_with('و') || c.chars().count() > 1 {
        return false;
    }
    !lexicon.is_common(t.base()) && !t.base().ends_with("ات")
}

/// A tagger span made tidy: leading office words off a person (الروسي سيرجي شويجو → سيرجي شويجو), and cut before the
/// first word that cannot continue the name (باقري بإرادة, الولايات المتحدة عقدتا).
fn clean_span(ty: &str, toks: &[Tok], lexicon: &Lexicon, known: &HashSet<String>) -> Option<(usize, usize)> {
    let mut s = 0;
    let mut e = toks.len();
    let pers_word = |t: &Tok| lexicon.entity_type(&t.folded) == Some("PERS");
    if ty == "PERS" {
        while s < e {
            let t = &toks[s];
            let f = t.folded.as_str();
            let office = is_role(f)
                || is_role(t.base())
                || (f.starts_with("ال")
                    && !pers_word(t)
                    && (lexicon.is_common(f)
                        || f.ends_with('ي')
                        || f.ends_with("يه")
                        || lexicon.entity_type(f).is_some()));
            if !office {
                break;
            }
            s += 1;
        }
    }
    for (k, t) in toks.iter().enumerate().take(e).skip(s + 1) {
        let f = t.folded.as_str();
        let glued = !(t.clitic().is_empty() || t.clitic() == "ال");
        let stop = t.is_punct()
            || FUNCTION_WORDS.contains(&f)
            || never_a_name(f)
            || match ty {
                // A word glued to a conjunction or preposition starts a new phrase (أشتياني لشويجو، باقري بتضحيات)
                // unless it is the name's own letter (ويتكوف after ستيفن).
                "PERS" => {
                    !pers_word(t)
                        && (lexicon.is_common(f)
                            || is_role(t.base())
                            || (glued
                                && (known.contains(t.base())
                                    || lexicon.entity_type(t.base()).is_some()
                                    || lexicon.is_common(t.base())
                                    || t.base().ends_with("ات"))))
                }
                // A place goes on only with place-like words (المحيط الهندي، سانت بطرسبرغ), not a verb (… عقدتا).
                "LOC" => {
                    lexicon.is_common(f)
                        || glued
                        || (lexicon.entity_type(f).is_none() && !f.starts_with("ال") && !gazetteer_knows(f))
                }
                _ => false,
            };
        if stop {
            e = k;
            break;
        }
    }
    (s < e).then_some((s, e))
}

fn starts_with_wa(t: &Tok) -> bool {
    t.folded.starts_with('و') && t.clitic_bytes > 0
}

fn is_function(t: &Tok) -> bool {
    FUNCTION_WORDS.contains(&t.folded.as_str())
}

fn is_body_head(key: &str) -> bool {
    matches!(
        key,
        "وزاره"
            | "منظمه"
            | "مجلس"
            | "هيئه"
            | "اتحاد"
            | "حزب"
            | "جامعه"
            | "لجنه"
            | "مؤسسه"
            | "موسسه"
            | "الحرس"
            | "حرس"
    )
}

/// Gazetteer matches (countries, cities, organisations, agencies, bodies) with their canonical identities.
fn gazetteer_mentions(s: &Sentence, out: &mut Vec<Candidate>) {
    for m in &s.gaz {
        // A lone generic body word (حكومة، سفارة) names no particular body.
        if m.kind == GazKind::Body && m.tokens.len() == 1 {
            continue;
        }
        let before = out.len();
        push(out, m.start, m.end, m.kind.entity_kind(), MentionOrigin::Gazetteer, 1);
        if let Some(c) = out.get_mut(before) {
            c.mention.canonical = (!m.canonical.is_empty()).then(|| m.canonical.clone());
        }
    }
}

/// Dates with their normalised values.
fn date_mentions(text: &str, s: &Sentence, out: &mut Vec<Candidate>) {
    let Some(body) = text.get(s.start..s.end) else { return };
    for d in find_dates(body) {
        let before = out.len();
        push(
            out,
            s.start + d.start,
            s.start + d.end,
            EntityKind::Date,
            MentionOrigin::Date,
            3,
        );
        if let Some(c) = out.get_mut(before) {
            c.mention.value = Some(d.value.clone());
        }
    }
}

/// Keeps the best of overlapping candidates: higher rank, then longer, then earlier; returns them sorted by start.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<RawMention> {
    let origin_order = |o: MentionOrigin| match o {
        MentionOrigin::Date => 4,
        MentionOrigin::Gazetteer => 3,
        MentionOrigin::Pattern => 2,
        MentionOrigin::Coreference => 1,
        MentionOrigin::Tagger => 0,
    };
    candidates.sort_by(|a, b| {
        b.rank
            .cmp(&a.rank)
            .then((b.mention.end - b.mention.start).cmp(&(a.mention.end - a.mention.start)))
            .then(origin_order(b.mention.origin).cmp(&origin_order(a.mention.origin)))
            .then(a.mention.start.cmp(&b.mention.start))
    });
    let mut taken: Vec<RawMention> = Vec::new();
    let mut canonicals: Vec<(usize, usize, EntityKind, String)> = Vec::new();
    for c in candidates {
        let mut m = c.mention;
        if let Some(canon) = &m.canonical {
            canonicals.push((m.start, m.end, m.kind, canon.clone()));
        }
        if taken.iter().all(|t| m.end <= t.start || m.start >= t.end) {
            // A span the gazetteer also matched exactly carries its identity whoever found it.
            if m.canonical.is_none()
                && let Some((.., canon)) = canonicals
                    .iter()
                    .find(|(s, e, k, _)| *s == m.start && *e == m.end && *k == m.kind)
            {
                m.canonical = Some(canon.clone());
            }
            taken.push(m);
        }
    }
    taken.sort_by_key(|m| m.start);
    taken
}

/// A one-word person from the tagger alone is kept only with support: training knew the word as a name, or it is a
/// word of a longer name in the same article. (Adjectives and verbs the tagger took for a name — عادل، جارية — go.)
fn drop_unsupported_single_names(text: &str, lexicon: &Lexicon, mentions: &mut Vec<RawMention>) {
    let mut name_words: HashSet<String> = HashSet::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let words: Vec<Token> = tokenize(&text[m.start..m.end])
            .into_iter()
            .filter(Token::is_word)
            .collect();
        if words.len() >= 2 {
            name_words.extend(words.into_iter().map(|w| w.norm));
        }
    }
    mentions.retain(|m| {
        if m.kind != EntityKind::Person || m.origin != MentionOrigin::Tagger {
            return true;
        }
        if tokenize(&text[m.start..m.end]).len() != 1 {
            return true;
        }
        let f = normalize(&text[m.start..m.end]);
        // Glued to a word before it (وعادل): a conjunction + adjective far more often than a name.
        let glued = text[..m.start].chars().next_back().is_some_and(char::is_alphabetic);
        name_words.contains(&f)
            || (!glued
                && lexicon.entity_type(&f) == Some("PERS")
                && lexicon.entity_count(&f) >= 2
                && !lexicon.is_common(&f))
    });
}

/// A later (or earlier) surname alone, or a full name again, of a person named in full in the article — found where
/// nothing else was (شويغو after سيرغي شويغو; لشويجو after سيرجي شويجو gives شويجو).
fn short_forms(text: &str, sentences: &[Sentence], mentions: &mut Vec<RawMention>) {
    let mut surnames: HashSet<String> = HashSet::new();
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Person) {
        let words: Vec<Token> = tokenize(&text[m.start..m.end])
            .into_iter()
            .filter(Token::is_word)
            .collect();
        if words.len() >= 2
            && let Some(last) = words.last()
            && last.norm.chars().count() >= 3
        {
            surnames.insert(last.norm.clone());
        }
    }
    if surnames.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for s in sentences {
        for t in &s.toks {
            let (start, hit) = if surnames.contains(&t.folded) {
                (t.start, true)
            } else if t.clitic_bytes > 0 && surnames.contains(t.base()) {
                (t.start + t.clitic_bytes, true)
            } else {
                (0, false)
            };
            if hit && mentions.iter().all(|m| t.end <= m.start || start >= m.end) {
                added.push(RawMention {
                    start,
                    end: t.end,
                    kind: EntityKind::Person,
                    value: None,
                    canonical: None,
                    origin: MentionOrigin::Coreference,
                    confidence: 0.75,
                });
            }
        }
    }
    mentions.extend(added);
    mentions.sort_by_key(|m| m.start);
}
