//! Generated person names for the entity benches: thousands of distinct names from a few syllables.

const SYLLABLES: [&str; 24] = [
    "با", "تو", "سي", "ري", "كا", "مو", "لي", "نا", "دو", "فا", "غو", "شي", "زا", "قو", "طا", "جي", "حو", "خا", "ني",
    "رو", "سا", "ما", "لو", "في",
];

/// A generated name of `parts` syllables (`n` picks them) ending in ف.
pub fn name(mut n: usize, parts: usize) -> String {
    let mut s = String::new();
    for _ in 0..parts {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
    }
    s.push('ف');
    s
}
