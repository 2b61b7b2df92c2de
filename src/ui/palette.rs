//! Colours: a stable colour per entity (from its id) and per claim cluster, readable in both themes.
//!
//! Every background that text is drawn on (entity mentions, search hits, aligned-view differences) is checked
//! against the theme's text colour and darkened (dark theme) or lightened (light theme) until the pair passes
//! WCAG AA for normal text (contrast 4.5:1), so a hue never decides whether a name can be read.

use egui::Color32;

/// Well separated hues; entity highlights are these as backgrounds, claims as strong underlines.
const HUES: [f32; 12] = [0.0, 0.58, 0.12, 0.33, 0.78, 0.05, 0.47, 0.9, 0.2, 0.66, 0.4, 0.83];

/// WCAG AA for normal-size text; the palette aims a little above so rounding never drops a pair below.
pub const MIN_CONTRAST: f32 = 4.5;
const TARGET_CONTRAST: f32 = 4.8;

fn stable_hash(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms (std's hasher is randomised).
    s.bytes()
        .fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn hsv(h: f32, s: f32, v: f32) -> Color32 {
    let c = egui::ecolor::Hsva::new(h, s, v, 1.0);
    Color32::from(c)
}

/// The colour of article and panel text in a theme (egui's dark grey-140 text is too faint on coloured boxes).
pub fn text_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(228)
    } else {
        Color32::from_gray(24)
    }
}

/// The panel background of a theme (egui's defaults), what translucent highlights are blended over.
pub fn panel_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_gray(27)
    } else {
        Color32::from_gray(248)
    }
}

/// WCAG relative luminance of an sRGB colour (alpha ignored).
pub fn luminance(c: Color32) -> f32 {
    let lin = |v: u8| {
        let v = v as f32 / 255.0;
        if v <= 0.03928 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two opaque colours (1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `c` (possibly translucent) painted over the opaque `under`.
pub fn over(c: Color32, under: Color32) -> Color32 {
    let a = c.a() as f32 / 255.0;
    // Color32 is premultiplied: the channels already carry alpha.
    let mix = |top: u8, bottom: u8| (top as f32 + bottom as f32 * (1.0 - a)).round().clamp(0.0, 255.0) as u8;
    Color32::from_rgb(mix(c.r(), under.r()), mix(c.g(), under.g()), mix(c.b(), under.b()))
}

/// A background of hue `hue` and saturation `s` that the theme's text reads on: in the dark theme the brightest
/// such shade not above `v`, in the light theme the darkest not below it.
fn readable_background(hue: f32, s: f32, v: f32, dark: bool) -> Color32 {
    let text = text_colour(dark);
    let mut v = v;
    for _ in 0..60 {
        let bg = hsv(hue, s, v);
        if contrast(text, bg) >= TARGET_CONTRAST {
            return bg;
        }
        v = if dark { v - 0.01 } else { v + 0.01 }.clamp(0.0, 1.0);
    }
    hsv(hue, s, v)
}

/// Background for an entity's mentions.
pub fn entity_colour(entity_id: &str, dark: bool) -> Color32 {
    let h = stable_hash(entity_id);
    let hue = HUES[(h % HUES.len() as u64) as usize] + ((h >> 8) % 5) as f32 * 0.012;
    if dark {
        readable_background(hue, 0.6, 0.45, dark)
    } else {
        readable_background(hue, 0.28, 1.0, dark)
    }
}

/// Text drawn on a selected entity's mentions (strongest contrast on its background).
pub fn emphasis_text_colour(dark: bool) -> Color32 {
    if dark { Color32::WHITE } else { Color32::BLACK }
}

/// Underline / side bar colour of a claim cluster (by its rank in the claims list).
pub fn claim_colour(rank: usize, dark: bool) -> Color32 {
    let hue = HUES[(rank * 5 + 1) % HUES.len()];
    if dark { hsv(hue, 0.6, 0.95) } else { hsv(hue, 0.85, 0.7) }
}

pub fn search_hit_colour(dark: bool) -> Color32 {
    if dark {
        readable_background(0.14, 1.0, 0.5, dark)
    } else {
        Color32::from_rgb(255, 230, 0)
    }
}

/// "Similar here": background of a unit near in meaning to the chosen sentence (a cool tint, apart from the
/// yellow of search hits and the warm entity colours).
pub fn similar_colour(dark: bool) -> Color32 {
    readable_background(0.5, 0.35, 0.95, dark)
}

/// "Similar here": the frame around the chosen sentence (the same hue as the similar units, dark enough to see).
pub fn chosen_sentence_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(90, 215, 225)
    } else {
        Color32::from_rgb(0, 128, 140)
    }
}

/// Aligned view: background of a difference in substance (a name, number, date or negation not shared).
pub fn difference_colour(dark: bool) -> Color32 {
    if dark {
        readable_background(0.03, 0.6, 0.45, dark)
    } else {
        readable_background(0.03, 0.3, 1.0, dark)
    }
}

/// Aligned view: background of a word only this member has (wording, weaker than a difference in substance).
pub fn own_word_colour(dark: bool) -> Color32 {
    if dark {
        readable_background(0.58, 0.35, 0.3, dark)
    } else {
        readable_background(0.58, 0.24, 1.0, dark)
    }
}

/// Every background text is drawn on, for the contrast check: a spread of entity ids, dimmed entity mentions,
/// search hits, aligned-view marks.
pub fn text_backgrounds(dark: bool) -> Vec<(String, Color32)> {
    let mut all: Vec<(String, Color32)> = (0..400)
        .map(|i| format!("e{i}"))
        .map(|id| {
            let c = entity_colour(&id, dark);
            (format!("entity {id}"), c)
        })
        .collect();
    let dimmed: Vec<(String, Color32)> = all
        .iter()
        .map(|(name, c)| {
            (
                format!("{name} dimmed"),
                over(c.gamma_multiply(0.22), panel_colour(dark)),
            )
        })
        .collect();
    all.extend(dimmed);
    all.push(("search hit".into(), search_hit_colour(dark)));
    all.push(("difference".into(), difference_colour(dark)));
    all.push(("own word".into(), own_word_colour(dark)));
    all.push(("panel".into(), panel_colour(dark)));
    all
}

pub fn css(c: Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_colours_are_stable_and_differ() {
        assert_eq!(entity_colour("e1", false), entity_colour("e1", false));
        for dark in [false, true] {
            let distinct: std::collections::HashSet<_> =
                (0..20).map(|i| entity_colour(&format!("e{i}"), dark)).collect();
            assert!(distinct.len() >= 8, "dark {dark}: {}", distinct.len());
        }
    }

    #[test]
    fn contrast_matches_the_wcag_examples() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
        // #767676 on white is the classic just-passing grey (4.54:1).
        let grey = Color32::from_gray(0x76);
        assert!((contrast(grey, Color32::WHITE) - 4.54).abs() < 0.02);
    }

    #[test]
    fn text_passes_wcag_aa_on_every_highlight_in_both_themes() {
        for dark in [false, true] {
            let text = text_colour(dark);
            for (name, bg) in text_backgrounds(dark) {
                let ratio = contrast(text, bg);
                assert!(
                    ratio >= MIN_CONTRAST,
                    "{} theme: text {} on {name} {}: {ratio:.2}",
                    if dark { "dark" } else { "light" },
                    css(text),
                    css(bg)
                );
            }
            // A selected entity's words are drawn in the emphasis colour on its own background.
            for i in 0..400 {
                let bg = entity_colour(&format!("e{i}"), dark);
                assert!(contrast(emphasis_text_colour(dark), bg) >= MIN_CONTRAST);
            }
        }
    }

    #[test]
    fn dark_highlights_stay_coloured_not_black() {
        // Darkening for contrast must leave a visible tint, else the marks vanish into the panel.
        let bg = panel_colour(true);
        for i in 0..50 {
            let c = entity_colour(&format!("e{i}"), true);
            assert!(contrast(c, bg) >= 1.3, "e{i} {} too close to the panel", css(c));
        }
    }
}
