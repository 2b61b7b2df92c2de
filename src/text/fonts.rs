//! The bundled fonts (OFL, `fonts/`), compiled into the binary, and the font system built from them only.

use std::sync::Arc;

use cosmic_text::{Fallback, FontSystem, fontdb};
use unicode_script::Script;

/// One font file shipped in `fonts/`.
#[derive(Debug, Clone, Copy)]
pub struct BundledFont {
    /// Path relative to the repository root, as printed by `qarin shape`.
    pub path: &'static str,
    /// The file's bytes.
    pub data: &'static [u8],
}

/// A face in `fonts/`, by file name: its path and its bytes are named once.
macro_rules! bundled {
    ($file:literal) => {
        BundledFont {
            path: concat!("fonts/", $file),
            data: include_bytes!(concat!("../../fonts/", $file)),
        }
    };
}

/// Every bundled face. The first is the default face for article text.
pub const BUNDLED_FONTS: [BundledFont; 6] = [
    bundled!("NotoNaskhArabic-Regular.ttf"),
    bundled!("NotoNaskhArabic-Bold.ttf"),
    bundled!("NotoSansArabic-Regular.ttf"),
    bundled!("NotoSansArabic-Bold.ttf"),
    bundled!("NotoSans-Regular.ttf"),
    bundled!("NotoSans-Bold.ttf"),
];

/// Family of the default article face.
pub const NASKH_FAMILY: &str = "Noto Naskh Arabic";
/// Family of the sans Arabic face (UI-like text).
pub const SANS_ARABIC_FAMILY: &str = "Noto Sans Arabic";
/// Family of the Latin face used for Latin runs inside Arabic text.
pub const LATIN_FAMILY: &str = "Noto Sans";

/// Which bundled face a text block is set in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Face {
    /// Noto Naskh Arabic: the reading face for articles.
    #[default]
    Naskh,
    /// Noto Sans Arabic: a sans face for labels and UI-like text.
    SansArabic,
    /// Noto Sans: Latin text.
    Latin,
}

impl Face {
    /// The fontdb family name of this face.
    pub fn family_name(self) -> &'static str {
        match self {
            Face::Naskh => NASKH_FAMILY,
            Face::SansArabic => SANS_ARABIC_FAMILY,
            Face::Latin => LATIN_FAMILY,
        }
    }
}

/// Fallback that only ever names bundled families, so that shaping is the same on every machine.
struct BundledFallback;

impl Fallback for BundledFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[LATIN_FAMILY, NASKH_FAMILY, SANS_ARABIC_FAMILY]
    }

    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }

    fn script_fallback(&self, script: Script, _locale: &str) -> &[&'static str] {
        match script {
            Script::Arabic => &[NASKH_FAMILY, SANS_ARABIC_FAMILY],
            _ => &[],
        }
    }
}

/// A font system holding the bundled faces and nothing else. Returns it with the repository path of each face id.
pub fn bundled_font_system() -> (FontSystem, Vec<(fontdb::ID, &'static str)>) {
    let mut db = fontdb::Database::new();
    let mut paths = Vec::new();
    for font in BUNDLED_FONTS {
        let source = fontdb::Source::Binary(Arc::new(font.data));
        for id in db.load_font_source(source) {
            paths.push((id, font.path));
        }
    }
    db.set_sans_serif_family(LATIN_FAMILY);
    db.set_serif_family(NASKH_FAMILY);
    let system = FontSystem::new_with_locale_and_db_and_fallback("ar".to_string(), db, BundledFallback);
    (system, paths)
}

/// A font system holding exactly one font file's faces (for `qarin shape --font FILE`).
/// Returns it with the family name of the file's first face.
pub fn single_font_system(data: Vec<u8>) -> Option<(FontSystem, String)> {
    let mut db = fontdb::Database::new();
    let ids = db.load_font_source(fontdb::Source::Binary(Arc::new(data)));
    let first = *ids.first()?;
    let family = db.face(first)?.families.first()?.0.clone();
    let system = FontSystem::new_with_locale_and_db_and_fallback("ar".to_string(), db, NoFallback);
    Some((system, family))
}

struct NoFallback;

impl Fallback for NoFallback {
    fn common_fallback(&self) -> &[&'static str] {
        &[]
    }
    fn forbidden_fallback(&self) -> &[&'static str] {
        &[]
    }
    fn script_fallback(&self, _script: Script, _locale: &str) -> &[&'static str] {
        &[]
    }
}
