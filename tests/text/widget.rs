//! The widget inside egui (kittest, headless): AccessKit label, hover/click tags, drag selection, visible-only paint.

use egui::{Color32, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarin::text::{Span, SpanStyle, TextBlock, TextEngine, Underline, text_block_ui};

const MIXED: &str = "قال الرئيس في أكتوبر 2020 عبر telegram إن الاجتماع سيعقد في 10/19/2021.";

struct State {
    engine: TextEngine,
    block: TextBlock,
    hovered: Vec<u64>,
    clicked: Vec<u64>,
    selection: Option<std::ops::Range<usize>>,
    word_rects: Vec<Rect>,
}

fn block() -> TextBlock {
    let word = MIXED.find("أكتوبر").expect("word");
    let number = MIXED.find("2020").expect("number");
    TextBlock::new("mixed", MIXED).with_font_size(20.0).with_spans(vec![
        Span {
            range: word..number + 4,
            style: SpanStyle {
                underline: Some(Underline {
                    color: Color32::RED,
                    thickness: 2.0,
                }),
                ..Default::default()
            },
            tag: 1,
        },
        Span {
            range: word..word + "أكتوبر".len(),
            style: SpanStyle {
                background: Some(Color32::LIGHT_BLUE),
                ..Default::default()
            },
            tag: 2,
        },
    ])
}

fn harness() -> Harness<'static, State> {
    let state = State {
        engine: TextEngine::new(),
        block: block(),
        hovered: Vec::new(),
        clicked: Vec::new(),
        selection: None,
        word_rects: Vec::new(),
    };
    Harness::builder().with_size(egui::vec2(600.0, 300.0)).build_ui_state(
        |ui, state: &mut State| {
            let response = text_block_ui(ui, &mut state.engine, &state.block, 560.0);
            state.hovered = response.hovered_tags.clone();
            if !response.clicked_tags.is_empty() {
                state.clicked = response.clicked_tags.clone();
            }
            state.selection = response.selection.clone();
            let word = MIXED.find("أكتوبر").expect("word");
            state.word_rects = response.range_rects(word..word + "أكتوبر".len());
        },
        state,
    )
}

#[test]
fn block_is_found_by_its_text() {
    let mut harness = harness();
    harness.run();
    let _node = harness.get_by_label(MIXED);
}

#[test]
fn hover_and_click_report_span_tags() {
    let mut harness = harness();
    harness.run();
    let rects = harness.state().word_rects.clone();
    assert_eq!(rects.len(), 1);
    let centre = rects[0].center();
    harness.hover_at(centre);
    harness.run();
    assert_eq!(harness.state().hovered, vec![1, 2]);
    harness.drag_at(centre);
    harness.run();
    harness.drop_at(centre);
    harness.run();
    assert_eq!(harness.state().clicked, vec![1, 2]);
}

#[test]
fn drag_selects_logical_range() {
    let mut harness = harness();
    harness.run();
    let rect = harness.state().word_rects[0];
    // In an RTL line the word starts at its right edge.
    harness.drag_at(egui::pos2(rect.max.x - 1.0, rect.center().y));
    harness.run();
    harness.hover_at(egui::pos2(rect.min.x + 1.0, rect.center().y));
    harness.run();
    harness.drop_at(egui::pos2(rect.min.x + 1.0, rect.center().y));
    harness.run();
    let word = MIXED.find("أكتوبر").expect("word");
    assert_eq!(harness.state().selection, Some(word..word + "أكتوبر".len()));
}

#[test]
fn shift_arrows_follow_visual_order_and_copy_is_logical() {
    let mut harness = harness();
    harness.run();
    let rect = harness.state().word_rects[0];
    let word = MIXED.find("أكتوبر").expect("word");
    let word_end = word + "أكتوبر".len();
    // Click just right of the word's right edge inside it: caret at the word's logical start (RTL).
    let at = egui::pos2(rect.max.x - 1.0, rect.center().y);
    harness.drag_at(at);
    harness.run();
    harness.drop_at(at);
    harness.run();
    // In a right-to-left line, shift+Left moves forward in logical order: six presses select the whole word.
    for _ in 0.."أكتوبر".chars().count() {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
        harness.run();
    }
    assert_eq!(harness.state().selection, Some(word..word_end));
    // Then visually leftwards: over the space, into the left-to-right number "2020" at its right end (logically
    // its end), and through its digits leftwards (logically backwards) to its start.
    let number = MIXED.find("2020").expect("number");
    let mut carets = Vec::new();
    for _ in 0..5 {
        harness.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::ArrowLeft);
        harness.run();
        let selection = harness.state().selection.clone().expect("selection");
        assert_eq!(selection.start, word);
        carets.push(selection.end);
    }
    assert_eq!(carets, vec![number, number + 3, number + 2, number + 1, number]);
    let selection = word..number;
    harness.event(egui::Event::Copy);
    harness.step();
    let copied: Vec<String> = harness
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, vec![MIXED[selection].to_string()]);
}
