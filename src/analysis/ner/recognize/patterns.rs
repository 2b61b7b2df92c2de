//! Mentions from news-prose patterns: a role before a name (the person), a name before its role, وكالة + a name
//! (the agency), a body word and its defining words (the organisation).

use super::*;

pub(super) fn pattern_mentions(
    text: &str,
    s: &Sentence,
    lexicon: &Lexicon,
    params: &RecognitionParams,
    out: &mut Vec<Candidate>,
) {
    let toks = &s.toks;
    let n = toks.len();
    for i in 0..n {
        let key = toks[i].base();
        let full = toks[i].norm.as_str();
        let head_is = |f: fn(&str) -> bool| f(key) || f(full);
        // A role, then its office and country, then the name: the person.
        // A name put before its office (ستيفن ويتكوف مبعوث الرئيس): two name words right before an undetermined role.
        if i >= 2
            && is_role(full)
            && !full.starts_with("ال")
            && match name_after(toks, i - 2, lexicon, params, false) {
                Some(e) if e == i => true,
                // The second word may begin with و as its own letter (ويتكوف) when nothing knows it otherwise.
                Some(e) if e == i - 1 => {
                    let t = &toks[i - 1];
                    !t.is_punct()
                        && !lexicon.is_common(&t.norm)
                        && lexicon.entity_type(&t.norm).is_none()
                        && lexicon.entity_type(t.base()).is_none()
                        && !lexicon.is_common(t.base())
                        && !gazetteer_knows(t.base())
                        && !is_role(t.base())
                }
                _ => false,
            }
            && (i == 2 || name_after(toks, i - 3, lexicon, params, false).is_none_or(|e| e < i))
            && toks[i - 2..i]
                .iter()
                .all(|t| lexicon.entity_type(&t.norm).is_none_or(|ty| ty == "PERS"))
            && !lexicon.is_common(&toks[i - 2].norm)
        {
            push_pattern(out, params, toks[i - 2].start, toks[i - 1].end, EntityKind::Person);
        }
        if head_is(is_role) {
            let mut j = i + 1;
            // Whether the office already says whose it is (رئيس الوزراء العراقي …): a nisba after the name is then
            // the name's own (محمد شياع السوداني).
            let mut nationality = false;
            // Inside the name of the body the role leads (رئيس هيئة الأركان العامة …), definite words are that name.
            let mut in_body = false;
            while j < n && j <= i + params.role_modifier_window {
                let t = &toks[j];
                let body_word = in_body && !t.is_punct() && (t.norm.starts_with("ال") || t.norm.starts_with("لل"));
                if body_word || is_role_modifier(t, lexicon) {
                    nationality |= is_nisba(&t.norm);
                    j += 1;
                } else if [t.base(), t.norm.as_str()]
                    .into_iter()
                    .any(|k| is_body_head(k) || is_org_head(k))
                {
                    // The body the role leads (زعيم حركة حماس، قائد فيلق القدس): its head and an undetermined name.
                    j += 1;
                    in_body = true;
                    if toks.get(j).is_some_and(|n| {
                        !n.is_punct() && !n.norm.starts_with("ال") && !is_function(n) && !is_role(n.base())
                    }) {
                        j += 1;
                    }
                } else {
                    break;
                }
            }
            if let Some(end) = name_after(toks, j, lexicon, params, nationality) {
                push_pattern(out, params, toks[j].start, toks[end - 1].end, EntityKind::Person);
            }
        }
        // A speech verb and two or more name words, then إن/أن or a comma (وقال يائير لابيد إن …).
        if SPEECH_VERBS.contains(key)
            && let Some(end) = name_after(toks, i + 1, lexicon, params, false)
            && end >= i + 3
            && toks[i + 1..end].iter().all(|t| {
                !lexicon.is_common(&t.norm)
                    && !gazetteer_knows(&t.norm)
                    && lexicon.entity_type(&t.norm).is_none_or(|ty| ty == "PERS")
            })
            // Known as a name, or shaped like one (يائير لابيد), not merely unknown.
            && toks[i + 1..end]
                .iter()
                .any(|t| lexicon.entity_type(&t.norm) == Some("PERS") || looks_like_a_name(&t.norm))
            && toks
                .get(end)
                .is_some_and(|t| matches!(t.norm.as_str(), "ان" | "،" | ","))
        {
            push_pattern(out, params, toks[i + 1].start, toks[end - 1].end, EntityKind::Person);
        }
        // A Latin acronym inside Arabic text (NATO، IAEA): an organisation.
        if toks[i].token.kind == TokenKind::Latin
            && (2..=6).contains(&toks[i].text.len())
            && toks[i].text.chars().all(|c| c.is_ascii_uppercase())
        {
            push(
                out,
                params,
                toks[i].start,
                toks[i].end,
                EntityKind::Org,
                MentionOrigin::Pattern,
                params.tagger_rank,
            );
        }
        // وكالة "تاس" / وكالة نوفوستي / وكالة أنباء فارس: the agency's name.
        if head_is(|k| k == "وكاله") {
            let mut j = i + 1;
            if j < n && toks[j].norm == "انباء" {
                j += 1;
            }
            let quoted = j < n && toks[j].is_punct() && toks[j].norm != "،" && toks[j].norm != ",";
            if quoted {
                j += 1;
            }
            let first = j;
            while j < n
                && j < first + params.agency_name_max_words
                && !toks[j].is_punct()
                && (quoted || j == first)
                && !is_function(&toks[j])
            {
                j += 1;
            }
            if j > first && (quoted || !lexicon.is_common(&toks[first].norm)) {
                push_pattern(out, params, toks[first].start, toks[j - 1].end, EntityKind::Org);
            }
        }
        // وزارة / منظمة / مجلس / هيئة … and its defining words: the body.
        let weak_head = !head_is(is_body_head) && head_is(is_org_head);
        if head_is(is_body_head) || weak_head {
            let mut j = i + 1;
            let mut proper = 0;
            // A head with its article (التحالف، المنظمة) heads no construct: an undetermined word after it starts
            // something else («غارات التحالف تسببت …»), where after «منظمة» it is the body's own name.
            let head_definite = toks[i].proclitics().ends_with("ال") || toks[i].proclitics().ends_with("لل");
            while j < n && j <= i + params.body_name_max_words {
                let t = &toks[j];
                let f = t.norm.as_str();
                if t.is_punct() || FUNCTION_WORDS.contains(f) || (starts_with_wa(t) && !f.starts_with("وال")) {
                    break;
                }
                let definite = f.starts_with("ال") || f.starts_with("لل");
                // A title after the body's defining words opens the person who speaks for it («مجلس الوزراء الدكتور
                // هشام قنديل», «حزب الله السيد …»); right after the head it is the body's own name (جامعة الملك سعود),
                // and الشيخ names places too (جبل الشيخ).
                if definite && j > i + 1 && f != "الشيخ" && is_role(f) {
                    break;
                }
                if !definite {
                    // One undetermined proper word right after the head (منظمة شنغهاي) may head the rest; one later
                    // starts something else (فيلق القدس | إسماعيل …).
                    if head_definite || proper > 0 || j > i + 1 || lexicon.is_common(f) {
                        break;
                    }
                    proper += 1;
                }
                j += 1;
                let next_is_nisba = toks
                    .get(j)
                    .is_some_and(|n| n.norm.starts_with("ال") && (n.norm.ends_with('ي') || n.norm.ends_with("يه")));
                // الأعلى is an elative, not a nisba; القومي الإيراني: a nisba followed by another goes on.
                if definite && f != "الاعلي" && (f.ends_with('ي') || f.ends_with("يه")) && j > i + 1 && !next_is_nisba
                {
                    // A nisba adjective (الروسية، الدولي) closes the name.
                    break;
                }
            }
            // A weak head's name needs support: a word that is not common vocabulary, or two defining words.
            let supported = !weak_head
                || j > i + 2
                || toks[i + 1..j]
                    .iter()
                    .any(|t| !lexicon.is_common(&t.norm) || gazetteer_knows(&t.norm));
            if j > i + 1 && supported {
                let t = &toks[i];
                // The head as written (وزارة) or glued to clitics (ووزارة، للحرس): the mention starts at the head's
                // own letters, keeping an article that is its own (والحرس → الحرس, وللحرس → للحرس).
                let start = if is_body_head(&t.norm) || is_org_head(&t.norm) || t.proclitics().is_empty() {
                    t.start
                } else {
                    // ال, or ل + ال written لل (للحرس), stays with the word.
                    let keep = if t.proclitics().ends_with("ال") || t.proclitics().ends_with("لل") {
                        "ال".len()
                    } else {
                        0
                    };
                    t.start + t.original_prefix_len(t.proclitics().len() - keep)
                };
                push_pattern(out, params, start, toks[j - 1].end, EntityKind::Org);
            }
        }
    }
    let _ = text;
}

/// Whether a normalised word is a title or role that introduces a person in news prose (وزير، السفير، اللواء، نظيره …):
/// the next name is a person's.
pub fn is_role(key: &str) -> bool {
    ROLES.contains(key)
}

/// Words that may stand between a role and the name (its department, country, office).
pub(super) fn is_role_modifier(t: &Tok, lexicon: &Lexicon) -> bool {
    let f = t.norm.as_str();
    if ROLE_MODIFIERS.contains(f) {
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

/// The end (exclusive) of a person's name starting at token `first`: up to four name-like words, none glued to a
/// conjunction or preposition, not ending in common words, with at least one word that is not common vocabulary.
///
/// A definite word goes on a name when it is not common vocabulary (يحيى السنوار، مصطفى الكاظمي); when `nationality`
/// (the role before already named the country), a nisba after two name words is the name's last word too (محمد شياع
/// السوداني after رئيس الوزراء العراقي).
pub(super) fn name_after(
    toks: &[Tok],
    first: usize,
    lexicon: &Lexicon,
    params: &RecognitionParams,
    nationality: bool,
) -> Option<usize> {
    let mut j = first;
    let mut nisba_last = false;
    while j < toks.len() && j < first + params.name_max_words {
        let t = &toks[j];
        let f = t.norm.as_str();
        let pers = lexicon.entity_type(f) == Some("PERS");
        if nationality && j >= first + 2 && is_nisba(f) && !never_a_name(f) {
            j += 1;
            nisba_last = true;
            break;
        }
        // علي written with ي and followed by another name word is the name Ali, not the preposition على.
        let ali = f == "علي"
            && ya_final(t)
            && toks
                .get(j + 1)
                .is_some_and(|n| !n.is_punct() && !FUNCTION_WORDS.contains(n.norm.as_str()));
        // A family name with the article after a known first name (يحيى السنوار): a definite word that is not
        // vocabulary, not a plural, not a nisba (those are the nationality branch's).
        let definite_surname = j == first + 1
            && lexicon.entity_type(&toks[first].norm) == Some("PERS")
            && t.proclitics() == "ال"
            && !lexicon.is_common(f)
            && !lexicon.is_common(t.base())
            && !is_nisba(f)
            && !["ات", "ون", "ين"].iter().any(|e| f.ends_with(e));
        // A fourth word goes on a name only when known or shaped as a name (شي جين بينغ | ضيوفه).
        let object = j >= first + 3 && !pers && !looks_like_a_name(f) && lexicon.entity_type(t.base()) != Some("PERS");
        // A name rarely opens with the article: a definite first word must be known or shaped as a name (رئيس
        // الأركان is an office, not a person).
        let definite_opening = j == first && f.starts_with("ال");
        // After a family name the lexicon knows (بشار الأسد، دونالد ترامب), an unknown word that is not shaped as a name
        // is the sentence going on (الأسد | يحترم، ترامب | سدة).
        let after_known_surname = j >= first + 2
            && lexicon.entity_type(&toks[j - 1].norm) == Some("PERS")
            && !pers
            && !looks_like_a_name(f)
            && lexicon.entity_type(t.base()) != Some("PERS");
        let shaped = !object && !after_known_surname && (!definite_opening || pers || looks_like_a_name(f));
        let ok = !t.is_punct()
            && shaped
            && f.chars().count() >= params.name_min_letters
            && !f.chars().any(|c| c.is_ascii_digit())
            && (ali || !FUNCTION_WORDS.contains(f))
            && !never_a_name(f)
            && !is_role(f)
            && !is_role(t.base())
            && (pers
                || !matches!(lexicon.entity_type(f), Some("LOC" | "ORG"))
                || (j > first && lexicon.entity_type(f) == Some("ORG")))
            && !(j > first && gazetteer_knows(f))
            && (pers || definite_surname || name_clitics_ok(t, lexicon, j == first));
        if !ok {
            break;
        }
        j += 1;
    }
    while j > first
        && !nisba_last
        && lexicon.is_common(&toks[j - 1].norm)
        && lexicon.entity_type(&toks[j - 1].norm) != Some("PERS")
    {
        j -= 1;
    }
    let named = toks[first..j]
        .iter()
        .any(|t| !lexicon.is_common(&t.norm) || lexicon.entity_type(&t.norm) == Some("PERS"));
    (j > first && named).then_some(j)
}

/// Whether the clitics a word seems to carry allow it inside a name: never a conjunction (… فومين ونظيره), never a
/// preposition before common vocabulary (باقري بإرادة); a lone ب/ل/ك/ف before an unknown word is taken as the
/// word's own letter (باقري، فومين).
pub(super) fn name_clitics_ok(t: &Tok, lexicon: &Lexicon, first: bool) -> bool {
    let c = t.proclitics();
    if c.is_empty() {
        return true;
    }
    if c == "ال" {
        // A definite word inside a name is a family name shaped like one (السنوار، الكاظمي), not vocabulary (an
        // unknown plural: المناورات).
        let plural = ["ات", "ون", "ين"].iter().any(|e| t.norm.ends_with(e));
        return first || (!lexicon.is_common(&t.norm) && !plural && looks_like_a_name(&t.norm));
    }
    if c.starts_with('و') || c.chars().count() > 1 {
        return false;
    }
    // The first word of a name whose whole is shaped like a foreign name: a lone ف/ب/ل/ك is its own letter even
    // before a common word (الفريق فالري غراسيموف: not ف + الري; but الشيخ بصحة جيدة, … بإصابة بالغة stay out).
    if first
        && !lexicon.is_common(&t.norm)
        && lexicon.entity_type(&t.norm).is_none_or(|ty| ty == "PERS")
        && looks_like_a_name(&t.norm)
    {
        return true;
    }
    !lexicon.is_common(t.base()) && !t.base().ends_with("ات")
}

pub(super) fn starts_with_wa(t: &Tok) -> bool {
    t.norm.starts_with('و') && t.proclitic_bytes() > 0
}

pub(super) fn is_function(t: &Tok) -> bool {
    FUNCTION_WORDS.contains(t.norm.as_str())
}

pub(super) fn is_body_head(key: &str) -> bool {
    BODY_HEADS.contains(key)
}

/// A head that makes an organisation's name only with support ([`ORG_HEADS`]).
pub(super) fn is_org_head(key: &str) -> bool {
    ORG_HEADS.contains(key)
}

/// A definite nisba adjective (الروسي، العراقي), masculine: ال + a word ending in ي.
pub(super) fn is_nisba(folded: &str) -> bool {
    folded.starts_with("ال") && folded.ends_with('ي') && folded.chars().count() >= 5
}

/// A candidate found by a pattern.
fn push_pattern(out: &mut Vec<Candidate>, params: &RecognitionParams, start: usize, end: usize, kind: EntityKind) {
    push(
        out,
        params,
        start,
        end,
        kind,
        MentionOrigin::Pattern,
        params.pattern_rank,
    );
}
