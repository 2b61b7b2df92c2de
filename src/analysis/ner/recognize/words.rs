//! Word lists of recognition, read from `assets/words/ner/` (each file says where its list comes from).

use crate::arabic::dates;
use crate::word_list::WordList;

/// Titles and roles that introduce a person.
pub(super) static ROLES: WordList = WordList::new(include_str!("../../../../assets/words/ner/roles.txt"));
/// Words that may stand between a role and the name.
pub(super) static ROLE_MODIFIERS: WordList =
    WordList::new(include_str!("../../../../assets/words/ner/role_modifiers.txt"));
/// Words that head the name of a body.
pub(super) static BODY_HEADS: WordList = WordList::new(include_str!("../../../../assets/words/ner/body_heads.txt"));
/// Words that head an organisation's name only with support (حركة، قوات، شركة …).
pub(super) static ORG_HEADS: WordList = WordList::new(include_str!("../../../../assets/words/ner/org_heads.txt"));
/// Speech verbs that come right before a speaker's name.
pub(super) static SPEECH_VERBS: WordList = WordList::new(include_str!("../../../../assets/words/ner/speech_verbs.txt"));
/// Words that cannot be part of a person's name.
pub(super) static FUNCTION_WORDS: WordList =
    WordList::new(include_str!("../../../../assets/words/ner/function_words.txt"));
/// Role and speech words that are never a name alone.
static NEVER_NAMES: WordList = WordList::new(include_str!("../../../../assets/words/ner/never_names.txt"));

/// Words that are never a name by themselves whatever the tagger says: calendar and time words, and the commonest
/// role and speech words.
pub(super) fn never_a_name(key: &str) -> bool {
    calendar_word(key) || NEVER_NAMES.contains(key)
}

/// Weekdays and months of the common series ([`crate::arabic::dates`] knows them) and time words, folded.
fn calendar_word(key: &str) -> bool {
    dates::is_folded_weekday(key) || dates::is_common_month_word(key) || matches!(key, "اليوم" | "امس" | "غدا")
}
