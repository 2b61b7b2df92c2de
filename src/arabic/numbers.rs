//! Numbers written as words: `ألف` = 1000, `ثلاثة آلاف` = 3000, `300 ألف` = 300000, `1.5 مليون`, `مئة/مائة`, so that
//! a figure in words and the same figure in digits are one value. Input is the fold's form ([`super::normalize`]):
//! alef variants are `ا`, ta marbuta is `ه`.

/// The value of a folded word that is a multiplier (hundred, thousand, million, billion, in singular, dual or
/// plural), and whether it names a count by itself (`ألف` is 1000; `آلاف` alone is "thousands", no figure).
pub fn multiplier(norm: &str) -> Option<(u64, bool)> {
    let word = strip_conjunction(norm);
    Some(match word {
        "مئه" | "مائه" | "ميه" => (100, true),
        "مئتين" | "مئتان" | "مائتين" | "مائتان" => (200, true),
        "مئات" => (100, false),
        "الف" => (1_000, true),
        "الفين" | "الفان" => (2_000, true),
        "الاف" | "الوف" => (1_000, false),
        "مليون" => (1_000_000, true),
        "مليونين" | "مليونان" => (2_000_000, true),
        "ملايين" => (1_000_000, false),
        "مليار" | "بليون" => (1_000_000_000, true),
        "مليارين" | "ملياران" => (2_000_000_000, true),
        "مليارات" | "بلايين" => (1_000_000_000, false),
        _ => return None,
    })
}

/// The value of a folded word naming a small count (one to ten, the tens), masculine or feminine.
pub fn count_word(norm: &str) -> Option<u64> {
    let word = strip_conjunction(norm);
    let word = word.strip_suffix('ه').unwrap_or(word);
    Some(match word {
        "واحد" => 1,
        "اثنان" | "اثنين" | "اثنت" | "اثنتان" | "اثنتين" => 2,
        "ثلاث" => 3,
        "اربع" => 4,
        "خمس" => 5,
        "ست" => 6,
        "سبع" => 7,
        "ثماني" | "ثمان" => 8,
        "تسع" => 9,
        "عشر" => 10,
        "عشرين" | "عشرون" => 20,
        "ثلاثين" | "ثلاثون" => 30,
        "اربعين" | "اربعون" => 40,
        "خمسين" | "خمسون" => 50,
        "ستين" | "ستون" => 60,
        "سبعين" | "سبعون" => 70,
        "ثمانين" | "ثمانون" => 80,
        "تسعين" | "تسعون" => 90,
        _ => return None,
    })
}

/// A leading و (and) is not part of the number word: وألف, وثلاثة.
fn strip_conjunction(norm: &str) -> &str {
    match norm.strip_prefix('و') {
        Some(rest) if rest.chars().count() >= 3 => rest,
        _ => norm,
    }
}

/// A figure written with digits (`300`, `1.5`, `1,200`, `٣٠٠` already folded to ASCII digits), as a value.
pub fn digits_value(norm: &str) -> Option<f64> {
    let cleaned: String = norm.chars().filter(|&c| c != ',' && c != '٬').collect();
    let cleaned = cleaned.replace('٫', ".");
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// A value as the matcher writes it: an integer without leading zeros, or a short decimal.
pub fn format_value(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e18 {
        format!("{}", value as i64)
    } else {
        let s = format!("{value:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// The figure that starts at `words[0]`, and how many words it takes: digits or a count word, optionally followed by
/// a multiplier (`3 آلاف`, `ثلاثة آلاف`, `1.5 مليون`), or a multiplier that names a count alone (`ألف`, `مليون`).
/// `words` are folded tokens; `is_digits` says which are digit tokens.
pub fn read_figure(words: &[(&str, bool)]) -> Option<(f64, usize)> {
    let &(first, digits) = words.first()?;
    let base = if digits {
        digits_value(first)
    } else {
        count_word(first).map(|v| v as f64)
    };
    match base {
        Some(base) => match words.get(1).and_then(|&(w, d)| if d { None } else { multiplier(w) }) {
            Some((m, _)) => Some((base * m as f64, 2)),
            None if digits => Some((base, 1)),
            // A count word alone (خمسة) is too common in prose to be a figure worth comparing … except with a unit.
            None => None,
        },
        None => match multiplier(first) {
            Some((m, true)) => Some((m as f64, 1)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figure(words: &[&str]) -> Option<(String, usize)> {
        let tagged: Vec<(&str, bool)> = words
            .iter()
            .map(|w| (*w, w.chars().next().is_some_and(|c| c.is_ascii_digit())))
            .collect();
        read_figure(&tagged).map(|(v, n)| (format_value(v), n))
    }

    #[test]
    fn number_words_and_digits_are_one_value() {
        type Case<'a> = (&'a [&'a str], Option<(&'a str, usize)>);
        let cases: &[Case] = &[
            (&["الف", "جندي"], Some(("1000", 1))),
            (&["3", "الاف"], Some(("3000", 2))),
            (&["ثلاثه", "الاف"], Some(("3000", 2))),
            (&["300", "الف"], Some(("300000", 2))),
            (&["1.5", "مليون"], Some(("1500000", 2))),
            (&["مائه"], Some(("100", 1))),
            (&["مئه"], Some(("100", 1))),
            (&["ملايين"], None),
            (&["الاف", "الاشخاص"], None),
            (&["خمسه", "اشخاص"], None),
            (&["1,200"], Some(("1200", 1))),
            (&["وعشرين", "الف"], Some(("20000", 2))),
        ];
        for (words, expected) in cases {
            let got = figure(words);
            let expected = expected.map(|(v, n)| (v.to_string(), n));
            assert_eq!(got, expected, "{words:?}");
        }
    }
}
