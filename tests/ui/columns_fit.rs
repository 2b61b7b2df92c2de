//! The columns view driven headlessly on the sample corpus: columns share the window (first column at the right for
//! Arabic), a selected claim brings its off-screen member into view, and F3 / Shift+F3 walk the search hits with
//! "n of N".

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use qarin::progress::Progress;
use qarin::ui::Workbench;

fn workbench() -> Workbench {
    let report = qarin::analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    Workbench::with_report(report, Vec::new())
}

fn harness(wb: Workbench, width: f32) -> Harness<'static, Workbench> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(width, 1000.0))
        .build_ui_state(|ui, wb: &mut Workbench| wb.workbench_ui(ui), wb);
    h.run_steps(4);
    h
}

#[test]
fn five_columns_fit_side_by_side_first_at_the_right() {
    for width in [1600.0, 1920.0] {
        let h = harness(workbench(), width);
        let frame = &h.state().last_frame;
        assert_eq!(frame.columns.len(), 5);
        assert!(frame.right_to_left, "an Arabic corpus reads right to left");
        for c in &frame.columns {
            assert!(
                c.rect.left() >= 0.0 && c.rect.right() <= width,
                "at {width}: column {} at {:?} is not whole on screen",
                c.article,
                c.rect
            );
            assert!(c.rect.width() >= 150.0, "at {width}: {:?}", c.rect);
        }
        let lefts: Vec<f32> = frame.columns.iter().map(|c| c.rect.left()).collect();
        assert!(
            lefts.windows(2).all(|w| w[0] > w[1]),
            "first column at the right: {lefts:?}"
        );
    }
}

#[test]
fn a_selected_claim_brings_its_off_screen_member_into_view() {
    let mut wb = workbench();
    // One column at a time fits: the others are off screen to the left.
    wb.state.settings.column_width = 900.0;
    let counts = wb.state.index.claim_article_counts.clone();
    let claim = (0..counts.len())
        .filter(|&c| counts[c] >= 1 && counts[c] < 5)
        .min_by_key(|&c| counts[c])
        .expect("a claim not in every article");
    let members: Vec<usize> = (0..5)
        .filter(|&a| wb.state.index.marks[a].claims.iter().any(|(_, c, _)| *c == claim))
        .collect();
    // Columns without the claim first (the first one stands at the right, in view), members last.
    let mut order: Vec<usize> = (0..5).filter(|a| !members.contains(a)).collect();
    order.extend(&members);
    wb.state.columns = order;
    let mut h = harness(wb, 1600.0);
    let visible = |h: &Harness<'static, Workbench>, a: usize| {
        h.state()
            .last_frame
            .columns
            .iter()
            .any(|c| c.article == a && c.rect.left() >= -1.0 && c.rect.right() <= 1601.0)
    };
    assert!(!members.iter().any(|&a| visible(&h, a)), "a member is in view already");
    h.state_mut().state.select_claim(Some(claim));
    h.run_steps(6);
    assert!(
        members.iter().any(|&a| visible(&h, a)),
        "no member column scrolled into view"
    );
}

#[test]
fn f3_walks_the_search_hits_with_n_of_n() {
    let mut h = harness(workbench(), 1600.0);
    h.state_mut().state.selection.query = "ايران".into();
    h.state_mut().state.refresh_search();
    h.run_steps(4);
    let total = h.state().state.search_hit_count();
    assert!(total >= 3, "{total} hits");
    assert_eq!(h.state().last_frame.hit_position, (None, total));
    let _ = h.get_all_by_label_contains(&format!("{total} hits")).next();
    h.key_press(egui::Key::F3);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(0), total));
    let _ = h.get_all_by_label_contains(&format!("1 of {total} hits")).next();
    h.key_press(egui::Key::F3);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(1), total));
    // The hit navigated to is scrolled into its column's view.
    let wb = h.state();
    let (a, start) = wb
        .state
        .columns
        .iter()
        .flat_map(|&a| wb.state.search_hits[a].iter().map(move |r| (a, r.start)))
        .nth(1)
        .expect("a second hit");
    let column = wb
        .last_frame
        .columns
        .iter()
        .find(|c| c.article == a)
        .expect("its column");
    let y = column.positions.y_of(start);
    assert!(
        y >= column.scroll_offset && y <= column.scroll_offset + column.viewport.height(),
        "hit at {y}, view from {} ({} high)",
        column.scroll_offset,
        column.viewport.height()
    );
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F3);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(0), total));
}

#[test]
fn enter_in_the_search_field_steps_the_hits_and_keeps_the_focus() {
    let mut h = harness(workbench(), 1600.0);
    h.get_by_label("Find in articles").click();
    h.run_steps(2);
    h.get_by_label("Find in articles").type_text("ايران");
    h.run_steps(4);
    let total = h.state().state.search_hit_count();
    assert!(total >= 3, "{total} hits");
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(0), total));
    // Focus stayed in the field: Enter again goes on, Shift+Enter back.
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(1), total));
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    h.run_steps(4);
    assert_eq!(h.state().last_frame.hit_position, (Some(0), total));
    assert_eq!(h.state().state.selection.query, "ايران");
}
