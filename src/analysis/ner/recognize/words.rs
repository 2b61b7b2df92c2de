//! Word lists of recognition, read from `assets/words/ner/` (each file says where its list comes from).

use crate::word_list::WordList;

/// Titles and roles that introduce a person.
pub(super) static ROLES: WordList = WordList::new(include_str!("../../../../assets/words/ner/roles.txt"));
/// Words that may stand between a role and the name.
pub(super) static ROLE_MODIFIERS: WordList =
    WordList::new(include_str!("../../../../assets/words/ner/role_modifiers.txt"));
/// Words that head the name of a body.
pub(super) static BODY_HEADS: WordList = WordList::new(include_str!("../../../../assets/words/ner/body_heads.txt"));
/// Words that cannot be part of a person's name.
pub(super) static FUNCTION_WORDS: WordList =
    WordList::new(include_str!("../../../../assets/words/ner/function_words.txt"));
/// Role and speech words that are never a name alone.
static NEVER_NAMES: WordList = WordList::new(include_str!("../../../../assets/words/ner/never_names.txt"));

/// Words that are never a name by themselves whatever the tagger says: calendar and time words, and the commonest
/// role and speech words.
pub(super) fn never_a_name(key: &str) -> bool {
    calendar_word(key) || NEVER_NAMES.contains(&key)
}

/// Weekdays, months (Gregorian and Levantine) and time words, normalised.
fn calendar_word(key: &str) -> bool {
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
    )
}
