//! Mentions from the bundled sequence tagger, tidied: office words off a person, cut at words that cannot continue
//! a name, proclitics glued to a known name left out.

use super::*;

pub(super) fn tagger_mentions(
    text: &str,
    sentences: &[Sentence],
    model: &Model,
    params: &RecognitionParams,
    go_on: &(dyn Fn(usize) -> bool + Sync),
    out: &mut Vec<Candidate>,
) {
    // The tokens' folded forms are the toolkit's normalisation of their text, as the tagger's own folding would be.
    let forms: Vec<Vec<TokenForms>> = sentences
        .par_iter()
        .map(|s| {
            s.toks
                .iter()
                .map(|t| TokenForms::new(&text[t.start..t.end], &t.norm))
                .collect()
        })
        .collect();
    let covers: Vec<_> = sentences
        .par_iter()
        .map(|s| cover_from_matches(s.toks.len(), &s.gaz))
        .collect();
    let tags = tag_document_forms(model, &forms, &covers, usize::MAX, go_on);
    let lexicon = model.lexicon();
    let raw: Vec<(usize, usize, usize, String)> = tags
        .iter()
        .enumerate()
        .flat_map(|(si, t)| {
            let tag_strs: Vec<&str> = t.iter().map(|&x| TAGS[x]).collect();
            crate::analysis::ner::conll::spans(&tag_strs)
                .into_iter()
                .map(move |(s, e, ty)| (si, s, e, ty))
        })
        .collect();
    // Words the tagger put in names as written (not a span's clitic-bearing first word): the article's own names.
    let mut known = HashSet::new();
    for (si, s0, e0, _) in &raw {
        for (k, tok) in sentences[*si].toks[*s0..*e0].iter().enumerate() {
            if k > 0 || tok.proclitic_bytes() == 0 {
                known.insert(tok.norm.clone());
            }
        }
    }
    let mut spans = Vec::new();
    for (si, s0, e0, ty) in raw {
        {
            let Some((ds, de)) = clean_span(&ty, &sentences[si].toks[s0..e0], lexicon, &known) else {
                continue;
            };
            let (mut s, mut e) = (s0 + ds, s0 + de);
            if sentences[si].toks[s..e]
                .iter()
                .all(|t| t.token.kind == TokenKind::Latin)
            {
                let Some((ls, le)) = latin_name(&sentences[si].toks[s..e]) else {
                    continue;
                };
                (s, e) = (s + ls, s + le);
            }
            let toks = &sentences[si].toks[s..e];
            if toks.iter().any(|t| t.is_punct()) {
                continue;
            }
            if toks.len() == 1 && (never_a_name(toks[0].base()) || never_a_name(&toks[0].norm)) {
                continue;
            }
            let lone = &toks[0];
            if toks.len() == 1
                && ((lexicon.is_common(&lone.norm) && lexicon.entity_type(&lone.norm).is_none())
                    || (ty == "PERS" && matches!(lexicon.entity_type(&lone.norm), Some("LOC" | "ORG")))
                    || (ty == "PERS" && is_role(lone.base())))
            {
                continue;
            }
            spans.push((si, s, e, ty));
        }
    }
    for (si, s, e, ty) in spans {
        let toks = &sentences[si].toks;
        let start = trimmed_start(&toks[s], lexicon, &known, params);
        let rank = if ty == "MISC" {
            params.tagger_misc_rank
        } else {
            params.tagger_rank
        };
        push(
            out,
            params,
            start,
            toks[e - 1].end,
            kind_of(&ty),
            MentionOrigin::Tagger,
            rank,
        );
    }
}

/// Lower-case words a Latin-script name may hold inside it (Ministry of Foreign Affairs, Banco de España, Abu Bakr
/// al Baghdadi).
const LATIN_NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "la", "le", "du", "des", "von", "van", "al", "el", "bin", "ibn", "da", "di",
];

/// The part of a tagger span in Latin script that can be a name: without lower-case words at its ends, capitalised
/// words (or acronyms, digits) joined by at most two connectors, at most six words. Scraped pages glue English
/// sentences (captions, share lines, other languages' teasers) into the text; ANERcorp's Latin words are nearly all
/// inside names, so the tagger takes a run of English for one.
pub(super) fn latin_name(toks: &[Tok]) -> Option<(usize, usize)> {
    let capital = |t: &Tok| {
        t.text
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let s = toks.iter().position(capital)?;
    let e = toks.iter().rposition(capital)? + 1;
    let inner = &toks[s..e];
    let connectors = inner.iter().filter(|t| !capital(t)).count();
    let all_known = inner
        .iter()
        .all(|t| capital(t) || LATIN_NAME_CONNECTORS.contains(&t.text.to_lowercase().as_str()));
    (inner.len() <= 6 && connectors <= 2 && all_known).then_some((s, e))
}

/// A tagger span made tidy: leading office words off a person (الروسي سيرجي شويجو → سيرجي شويجو), and cut before the
/// first word that cannot continue the name (باقري بإرادة, الولايات المتحدة عقدتا).
pub(super) fn clean_span(ty: &str, toks: &[Tok], lexicon: &Lexicon, known: &HashSet<String>) -> Option<(usize, usize)> {
    let mut s = 0;
    let mut e = toks.len();
    let pers_word = |t: &Tok| lexicon.entity_type(&t.norm) == Some("PERS");
    if ty == "PERS" {
        while s < e {
            let t = &toks[s];
            let f = t.norm.as_str();
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
        let f = t.norm.as_str();
        let glued = !(t.proclitics().is_empty() || t.proclitics() == "ال");
        let stop = t.is_punct()
            || FUNCTION_WORDS.contains(f)
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

/// Proclitic letter sequences (folded) that may be glued to a name: conjunction, then preposition.
pub(super) const NAME_CLITICS: [&str; 13] = ["و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك", "لل", "ولل"];

/// Where a mention starting with `tok` starts: after the proclitics glued to it when the rest is a known name and the
/// word as written is not (`لشويجو` → `شويجو` when شويجو is named in the article, `وروسيا` → `روسيا`, `والصين` →
/// `الصين`), else at the word's start (`فومين`, `باقري`, `واشنطن`, `بريطانيا` stay whole).
pub(super) fn trimmed_start(
    tok: &Tok,
    lexicon: &Lexicon,
    known: &HashSet<String>,
    params: &RecognitionParams,
) -> usize {
    let folded = tok.norm.as_str();
    let whole_count = lexicon.entity_count(folded);
    if known.contains(folded) {
        return tok.start;
    }
    for clitic in NAME_CLITICS {
        let Some(rest) = folded.strip_prefix(clitic) else {
            continue;
        };
        if rest.chars().count() < params.clitic_rest_min_letters {
            continue;
        }
        // والصين، بالعراق: a conjunction or preposition before the article is a clitic, not part of a name.
        let before_article =
            rest.starts_with("ال") && rest.chars().count() >= params.article_rest_min_letters && !clitic.contains('ف');
        let with_article = format!("ال{rest}");
        let rest_known = lexicon.entity_count(rest) > whole_count
            || known.contains(rest)
            || gazetteer_knows(rest)
            || (clitic.ends_with("لل") && (known.contains(&with_article) || gazetteer_knows(&with_article)));
        if before_article || rest_known {
            // After لل (ل + the article) the name's own letters start past both.
            return tok.start + tok.original_prefix_len(clitic.len());
        }
    }
    tok.start
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin(text: &str) -> Option<String> {
        let toks: Vec<Tok> = tokenize(text).into_iter().map(with_proclitics).collect();
        latin_name(&toks).map(|(s, e)| text[toks[s].start..toks[e - 1].end].to_string())
    }

    #[test]
    fn a_run_of_english_is_no_name_and_a_name_keeps_its_connectors() {
        assert_eq!(
            latin("Ministry of Foreign Affairs").as_deref(),
            Some("Ministry of Foreign Affairs")
        );
        assert_eq!(
            latin("the Open Society Foundations").as_deref(),
            Some("Open Society Foundations")
        );
        assert_eq!(latin("NATO").as_deref(), Some("NATO"));
        assert_eq!(latin("Anadolu Agency via Getty Images"), None);
        assert_eq!(latin("IMF says Sudan must float currency to boost growth"), None);
        assert_eq!(latin("Powered By Pin It on Pinterest Share This"), None);
        assert_eq!(latin("flow financing"), None);
        assert_eq!(latin("Armenian soldiers 134 times violated ceasefire"), None);
        assert_eq!(latin("Boeing 737").as_deref(), Some("Boeing 737"));
    }
}
