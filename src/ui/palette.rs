//! Colours: a stable colour per entity (from its id) and per claim cluster, readable in both themes.

use egui::Color32;

/// Well separated hues; entity highlights are these as light backgrounds, claims as strong underlines.
const HUES: [f32; 12] = [0.0, 0.58, 0.12, 0.33, 0.78, 0.05, 0.47, 0.9, 0.2, 0.66, 0.4, 0.83];

fn stable_hash(s: &str) -> u64 {
    // FNV-1a: stable across runs and platforms (std's hasher is randomised).
    s.bytes()
        .fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn hsv(h: f32, s: f32, v: f32) -> Color32 {
    let c = egui::ecolor::Hsva::new(h, s, v, 1.0);
    Color32::from(c)
}

/// Background for an entity's mentions.
pub fn entity_colour(entity_id: &str, dark: bool) -> Color32 {
    let h = stable_hash(entity_id);
    let hue = HUES[(h % HUES.len() as u64) as usize] + ((h >> 8) % 5) as f32 * 0.012;
    if dark {
        hsv(hue, 0.55, 0.42)
    } else {
        hsv(hue, 0.28, 1.0)
    }
}

/// Underline / side bar colour of a claim cluster (by its rank in the claims list).
pub fn claim_colour(rank: usize, dark: bool) -> Color32 {
    let hue = HUES[(rank * 5 + 1) % HUES.len()];
    if dark { hsv(hue, 0.6, 0.95) } else { hsv(hue, 0.85, 0.7) }
}

pub fn search_hit_colour(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(140, 110, 0)
    } else {
        Color32::from_rgb(255, 230, 0)
    }
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
        let distinct: std::collections::HashSet<_> = (0..20).map(|i| entity_colour(&format!("e{i}"), false)).collect();
        assert!(distinct.len() >= 8);
    }
}
