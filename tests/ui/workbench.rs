//! The workbench driven headlessly with egui_kittest on the sample corpus: widgets found by their labels,
//! entity and claim selection, keyboard, search, loading a folder with a broken file.

use egui::accesskit::Toggled;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use qarin::analysis::{self, ClaimCluster, ClaimKind, ClaimMember, Entity, EntityKind, Mention, Report};
use qarin::progress::Progress;
use qarin::ui::Workbench;
use qarin::ui::search::{FoldedText, fold};
use std::time::{Duration, Instant};

/// The analysed sample corpus, plus (only when the analysis found none) one entity and one claim built from the
/// real text, so the interaction is tested whatever the state of the analysis.
fn sample_report() -> Report {
    let mut report = analysis::analyze(qarin::corpus::load_builtin(), &Progress::new());
    if !report.entities.iter().any(|e| e.articles.len() >= 3) {
        let mut mentions = Vec::new();
        for a in &report.articles {
            let in_body = |r: &std::ops::Range<usize>| a.body_segments().any(|s| s.start <= r.start && r.end <= s.end);
            for r in FoldedText::new(&a.text).find_all("طهران").into_iter().filter(in_body) {
                mentions.push(Mention {
                    article: a.id.clone(),
                    start: r.start,
                    end: r.end,
                    text: a.text[r].to_string(),
                });
            }
        }
        let mut articles: Vec<String> = mentions.iter().map(|m| m.article.clone()).collect();
        articles.dedup();
        report.entities.push(Entity {
            id: "e-test".into(),
            kind: EntityKind::Place,
            label: "طهران".into(),
            variants: vec!["طهران".into()],
            value: None,
            articles,
            mentions,
        });
    }
    if !report.claims.iter().any(|c| c.members.len() >= 3) {
        let needle = fold("الدفاع");
        let members: Vec<ClaimMember> = report
            .articles
            .iter()
            .filter_map(|a| {
                let (i, s) = a
                    .sentences
                    .iter()
                    .enumerate()
                    .find(|(_, s)| fold(a.slice(s.start, s.end)).contains(&needle))?;
                Some(ClaimMember {
                    article: a.id.clone(),
                    sentence: i,
                    start: s.start,
                    end: s.end,
                    text: a.slice(s.start, s.end).to_string(),
                })
            })
            .collect();
        report.claims.insert(
            0,
            ClaimCluster {
                id: "c-test".into(),
                kind: ClaimKind::Paraphrase,
                score: 0.5,
                members,
                shared: Vec::new(),
                differences: Vec::new(),
                repeated_by_outlet: Vec::new(),
                stories: Vec::new(),
            },
        );
    }
    report
}

fn harness(wb: Workbench) -> Harness<'static, Workbench> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, wb: &mut Workbench| wb.workbench_ui(ui), wb);
    h.run_steps(3);
    h
}

fn widest_entity(report: &Report) -> usize {
    (0..report.entities.len())
        .max_by_key(|&e| (report.entities[e].articles.len(), std::cmp::Reverse(e)))
        .expect("an entity")
}

#[test]
fn starts_on_the_sample_corpus_with_a_column_per_article() {
    let h = harness(Workbench::with_report(sample_report(), Vec::new()));
    let report = h.state().state.report.as_ref().expect("report");
    assert_eq!(report.articles.len(), 5);
    for a in &report.articles {
        h.get_by_label(&format!("Column {}: {}", a.id, a.title));
        h.get_by_label(&format!("Show {} as a column", a.id));
    }
    h.get_by_label("Find in articles");
    h.get_by_label("Filter entities");
    assert_eq!(h.state().last_frame.columns.len(), 5);
    // Article text is exposed to AccessKit through the text widget.
    let first_body = report.articles[0].body_segments().next().expect("body");
    let text = report.articles[0].slice(first_body.start, first_body.end).trim_end();
    h.get_by_label(text);
}

#[test]
fn clicking_an_entity_emphasises_its_mentions_in_every_column_and_escape_clears() {
    let report = sample_report();
    let e = widest_entity(&report);
    let label = report.entities[e].label.clone();
    let mut h = harness(Workbench::with_report(report, Vec::new()));
    // Filter the panel down to it, as a user would, so that its row is in view.
    h.get_by_label("Filter entities").click();
    h.run();
    h.get_by_label("Filter entities").type_text(&label);
    h.run_steps(3);
    h.get_by_label(&format!("Entity {label}")).click();
    h.run_steps(3);
    let wb = h.state();
    assert_eq!(wb.state.selection.entity, Some(e));
    let row_label = format!("Entity {label}");
    let row = h.get_by_label(&row_label);
    assert_eq!(
        row.accesskit_node().toggled(),
        Some(Toggled::True),
        "the row shows it is selected"
    );
    let report = wb.state.report.as_ref().expect("report");
    let mut columns_with_it = 0;
    for &a in &wb.state.columns {
        // What each column tells assistive technology about its highlights.
        let expected = wb.state.index.mention_counts[e][a];
        let others: usize = wb.state.index.marks[a].mentions.len() - expected;
        h.get_by_label(&highlights_label(&report.articles[a].id, expected, others, 0));
        columns_with_it += usize::from(expected > 0);
    }
    assert!(columns_with_it >= 3, "mentioned in {columns_with_it} columns");

    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    if h.state().state.selection.entity.is_some() {
        // The first Esc left the filter field; the second clears the selection.
        h.key_press(egui::Key::Escape);
        h.run_steps(2);
    }
    assert_eq!(h.state().state.selection.entity, None);
    let row_label = format!("Entity {label}");
    let row = h.get_by_label(&row_label);
    assert_eq!(row.accesskit_node().toggled(), Some(Toggled::False));
    let wb = h.state();
    let report = wb.state.report.as_ref().expect("report");
    for &a in &wb.state.columns {
        h.get_by_label(&highlights_label(&report.articles[a].id, 0, 0, 0));
    }
}

/// The accessible description of a column's highlights: mentions of the selected entity drawn emphasised, other
/// mentions drawn dimmed, search hits drawn.
fn highlights_label(article_id: &str, emphasised: usize, dimmed: usize, search_hits: usize) -> String {
    format!(
        "Highlights in {article_id}: {emphasised} mentions of the selected entity, {dimmed} other mentions dimmed, \
         {search_hits} search hits"
    )
}

/// The number of search hits a column says it draws.
fn search_hits_drawn(h: &Harness<'static, Workbench>, article_id: &str) -> usize {
    let prefix = format!("Highlights in {article_id}: ");
    let label = h
        .get_by_label_contains(&prefix)
        .accesskit_node()
        .label()
        .expect("a label");
    let count = label
        .rsplit(", ")
        .next()
        .and_then(|tail| tail.strip_suffix(" search hits"))
        .expect("search hits in the label");
    count.parse().expect("a number")
}

fn assert_aligned(wb: &Workbench, c: usize) {
    let rects = wb.last_frame.selected_member_rects(c);
    assert!(rects.len() >= 2, "member visible in {} columns", rects.len());
    let tops: Vec<f32> = rects.iter().map(|(_, r)| r.top()).collect();
    let spread = tops.iter().cloned().fold(f32::MIN, f32::max) - tops.iter().cloned().fold(f32::MAX, f32::min);
    // Within a sixth of a line: since the columns lay out their text in pieces, one sample column stays 2.8 px off
    // (cause not found yet; see the issue 16 note).
    assert!(spread <= 4.0, "member tops differ by {spread}: {tops:?}");
}

#[test]
fn clicking_a_claim_scrolls_every_column_to_its_member_at_the_same_height() {
    let report = sample_report();
    let mut wb = Workbench::with_report(report, Vec::new());
    // Start scrolled somewhere else so that alignment has work to do.
    for a in 0..5 {
        wb.pending_scroll.insert(a, 40.0 * a as f32);
    }
    let mut h = harness(wb);
    let order = h.state().state.index.claim_order.clone();
    let widest = order[0];
    let cluster = h.state().state.cluster(widest).expect("cluster").clone();
    let n_articles = h.state().state.index.claim_article_counts[widest];
    h.get_by_label(&format!("Claim {} shared by {n_articles} articles", cluster.id))
        .click();
    h.run_steps(4);
    assert_eq!(h.state().state.selection.claim, Some(widest));
    assert!(!h.state().state.align_pending);
    assert_aligned(h.state(), widest);

    // Next / previous claim with the arrow keys; the columns follow.
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(4);
    let expected = order[1 % order.len()];
    assert_eq!(h.state().state.selection.claim, Some(expected));
    if h.state().state.index.claim_article_counts[expected] >= 2 {
        assert_aligned(h.state(), expected);
    }
    h.key_press(egui::Key::ArrowUp);
    h.run_steps(4);
    assert_eq!(h.state().state.selection.claim, Some(widest));
}

#[test]
fn search_normalises_arabic_and_highlights_hits_in_columns() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    h.state_mut().state.selection.query = "ايران".into();
    h.state_mut().state.refresh_search();
    h.run_steps(2);
    let wb = h.state();
    let report = wb.state.report.as_ref().expect("report");
    let hits: Vec<&str> = wb
        .state
        .search_hits
        .iter()
        .enumerate()
        .flat_map(|(a, hs)| hs.iter().map(move |r| report.articles[a].slice(r.start, r.end)))
        .collect();
    assert!(hits.contains(&"إيران"), "{hits:?}");
    assert!(hits.contains(&"ايران"), "{hits:?}");
    let columns_with_hits = wb
        .state
        .columns
        .iter()
        .filter(|&&a| search_hits_drawn(&h, &report.articles[a].id) > 0)
        .count();
    assert!(columns_with_hits >= 3, "hits drawn in {columns_with_hits} columns");
}

#[test]
fn loading_a_folder_with_a_broken_file_lists_its_diagnostic() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in qarin::corpus::builtin::SAMPLE_FILES.iter().take(2) {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    std::fs::write(
        dir.path().join("broken.txt"),
        [0xffu8, 0xfe, 0x00, 0x00, 0x00, 0xd8, 0x00, 0x01, 0x02],
    )
    .expect("write");
    let mut wb = Workbench::new(Default::default());
    wb.open_on_start = Some(vec![dir.path().to_path_buf()]);
    let mut h = harness(wb);
    let t0 = Instant::now();
    while h.state().state.is_loading() && t0.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
    let wb = h.state();
    let report = wb
        .state
        .report
        .as_ref()
        .unwrap_or_else(|| panic!("not loaded: {:?}", wb.state.messages));
    assert_eq!(report.articles.len(), 2);
    let diag = report
        .diagnostics
        .iter()
        .find(|d| d.path.ends_with("broken.txt"))
        .expect("a diagnostic for broken.txt");
    h.get_by_label_contains(&format!("broken.txt: {}", diag.message));
    assert!(wb.state.title().contains(&dir.path().display().to_string()));
}

#[test]
fn hovering_a_claim_member_in_a_column_shows_its_tooltip() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    let (cluster, rect, column) = {
        let wb = h.state();
        let col = wb
            .last_frame
            .columns
            .iter()
            .find(|c| !c.claim_rects.is_empty())
            .expect("a claim in view");
        let (c, _, r) = col.claim_rects[0];
        (c, r, col.rect)
    };
    let id = h.state().state.cluster(cluster).expect("cluster").id.clone();
    // Away from the rectangle's empty corners: the last line of the member, near its end; when the member runs
    // below the column's view, its first line where it reaches the left margin (right to left, a member that goes
    // on to the next line fills its first line up to the left edge).
    let pos = if rect.bottom() < column.bottom() - 8.0 {
        egui::pos2(rect.center().x, rect.bottom() - 6.0)
    } else {
        egui::pos2(rect.left() + 8.0, rect.top() + 6.0)
    };
    h.hover_at(pos);
    // Tooltips wait for the pointer to rest.
    h.run_steps(60);
    let entity_tip = h.query_by_label_contains(" · in ").is_some();
    let claim_tip = h.query_by_label_contains(&format!("Claim {id} · ")).is_some();
    assert!(entity_tip || claim_tip, "no tooltip over the member of {id}");
}

#[test]
fn aligned_view_lists_shared_claims_with_their_ids() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    h.get_by_label("Aligned").click();
    h.run_steps(3);
    assert_eq!(h.state().state.view, qarin::ui::state::ViewMode::Aligned);
    h.get_by_label("Only claims of the base article");
    let first = h.state().state.index.claim_order[0];
    let id = h.state().state.cluster(first).expect("cluster").id.clone();
    assert!(!h.get_all_by_label(&id).collect::<Vec<_>>().is_empty());
    h.key_press(egui::Key::ArrowDown);
    h.run_steps(2);
    assert_eq!(h.state().state.selection.claim, Some(first));
}

#[test]
fn a_start_view_selects_by_variant_and_claim_number_and_hides_panels() {
    let report = sample_report();
    let e = widest_entity(&report);
    let variant = report.entities[e]
        .variants
        .iter()
        .max_by_key(|v| v.len())
        .cloned()
        .unwrap_or_else(|| report.entities[e].label.clone());
    let mut wb = Workbench::with_report(report, Vec::new());
    wb.start_view = Some(qarin::ui::StartView {
        view: Some(qarin::ui::ViewMode::Aligned),
        dark: Some(true),
        search: Some("ايران".into()),
        // A spelling variant, not the label, with stray spaces around it.
        select_entity: Some(format!(" {variant} ")),
        select_claim: Some(2),
        select_sentence: None,
        panels: Some((false, false)),
    });
    let mut h = harness(wb);
    h.run_steps(2);
    let wb = h.state();
    assert!(wb.start_view.is_none() && wb.start_view_error.is_none());
    assert_eq!(wb.state.view, qarin::ui::ViewMode::Aligned);
    assert!(wb.state.settings.dark);
    assert!(wb.state.search_hit_count() > 0);
    assert_eq!(
        wb.state
            .report
            .as_ref()
            .map(|r| r.entities[wb.state.selection.entity.expect("entity")].id.clone()),
        wb.state.report.as_ref().map(|r| r.entities[e].id.clone())
    );
    assert_eq!(wb.state.selection.claim, Some(wb.state.index.claim_order[1]));
    assert!(h.query_by_label("Filter entities").is_none(), "entities panel hidden");
    assert!(h.query_by_label_contains("Show ").is_none(), "corpus panel hidden");
}

#[test]
fn a_start_view_naming_what_does_not_exist_is_an_error() {
    for start in [
        qarin::ui::StartView {
            select_claim: Some(999),
            ..Default::default()
        },
        qarin::ui::StartView {
            select_entity: Some("xyzzy-nobody".into()),
            ..Default::default()
        },
        qarin::ui::StartView {
            select_sentence: Some("جملة لا توجد في أي مقال".into()),
            ..Default::default()
        },
    ] {
        let mut wb = Workbench::with_report(sample_report(), Vec::new());
        wb.start_view = Some(start);
        let h = harness(wb);
        let err = h.state().start_view_error.clone().expect("an error");
        assert!(
            err.contains("999") || err.contains("xyzzy") || err.contains("جملة لا توجد"),
            "{err}"
        );
    }
}

#[test]
fn panels_collapse_with_their_buttons_and_shortcuts_and_columns_widen() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    let width_before = h.state().last_frame.columns[0].viewport.width();
    h.get_by_label("Corpus panel").click();
    h.run_steps(3);
    assert!(!h.state().state.settings.show_corpus_panel);
    assert!(h.query_by_label_contains("as a column").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::E);
    h.run_steps(3);
    assert!(!h.state().state.settings.show_entities_panel);
    assert!(h.query_by_label("Filter entities").is_none());
    let width_after = h.state().last_frame.columns[0].viewport.width();
    assert!(
        width_after > width_before + 30.0,
        "columns share the freed width: {width_before} → {width_after}"
    );
    // And back.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::L);
    h.get_by_label("Entities panel").click();
    h.run_steps(3);
    assert!(h.state().state.settings.show_corpus_panel && h.state().state.settings.show_entities_panel);
    h.get_by_label("Filter entities");
}

#[test]
fn a_mistyped_path_leaves_the_corpus_in_place_with_a_clear_message() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    h.get_by_label("Path to open").click();
    h.run();
    h.get_by_label("Path to open").type_text("/no/such/folder/anywhere");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run_steps(3);
    let wb = h.state();
    assert_eq!(wb.state.report.as_ref().map(|r| r.articles.len()), Some(5));
    assert!(!wb.state.is_loading());
    let said = wb.state.messages.last().expect("a message");
    assert!(
        said.contains("/no/such/folder/anywhere") && said.contains("no such file") && said.contains("stays"),
        "{said}"
    );
}

#[test]
fn the_problem_count_in_the_status_bar_opens_the_problems_and_f1_the_help() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    let problems = h.state().state.diagnostics().len();
    let label = if problems == 1 {
        "1 problem".to_string()
    } else {
        format!("{problems} problems")
    };
    h.get_by_label(&label).click();
    h.run_steps(3);
    assert!(h.state().flags.show_problems);
    if problems == 0 {
        h.get_by_label("No problems: every file was read.");
    } else {
        let first = h.state().state.diagnostics()[0].path.clone();
        h.get_by_label(&first);
    }
    h.key_press(egui::Key::F1);
    h.run_steps(3);
    h.get_by_label("Keyboard shortcuts");
    h.get_by_label("Reading the views");
}

#[test]
fn a_long_status_message_never_runs_into_the_counts() {
    let mut h = harness(Workbench::with_report(sample_report(), Vec::new()));
    let long = "Saved /a/very/long/path/".to_string() + &"deeper/".repeat(80) + "report.html";
    h.state_mut().state.message(long.clone());
    h.run_steps(3);
    let counts = h.get_by_label_contains(" articles · ").rect();
    let message = h.get_by_label(&long).rect();
    assert!(
        message.right() <= counts.left() + 0.5,
        "message {message:?} overlaps counts {counts:?}"
    );
}

#[test]
fn a_folder_with_nothing_loadable_says_so_and_lists_why() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("broken.txt"), [0xffu8, 0xfe, 0x00, 0x00, 0x00, 0xd8]).expect("write");
    let mut wb = Workbench::new(Default::default());
    wb.open_on_start = Some(vec![dir.path().to_path_buf()]);
    let mut h = harness(wb);
    let t0 = Instant::now();
    while h.state().state.is_loading() && t0.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
        h.step();
    }
    h.run_steps(3);
    h.get_by_label("Nothing could be loaded");
    assert!(h.query_by_label_contains("tick articles").is_none());
    assert!(
        h.state()
            .state
            .messages
            .iter()
            .any(|m| m.starts_with("Nothing could be loaded"))
    );
}

#[test]
fn a_wide_aligned_table_opens_at_its_right_edge_for_arabic() {
    // Narrow window, no panels: the table is wider than the view; the claim column and the base article (right)
    // must be in view, the far left is what is cut.
    let mut wb = Workbench::with_report(sample_report(), Vec::new());
    wb.state.settings.show_corpus_panel = false;
    wb.state.settings.show_entities_panel = false;
    wb.state.view = qarin::ui::state::ViewMode::Aligned;
    // A selected claim's row is brought into view without moving the table sideways.
    let last = *wb.state.index.claim_order.last().expect("a claim");
    wb.state.select_claim(Some(last));
    let mut h = Harness::builder()
        .with_size(egui::vec2(700.0, 700.0))
        .build_ui_state(|ui, wb: &mut Workbench| wb.workbench_ui(ui), wb);
    h.run_steps(6);
    let claim = h.get_by_label("claim").rect();
    assert!(
        claim.right() <= 700.0 && claim.left() >= 0.0,
        "the claim column header is at {claim:?}, outside a 700 px window"
    );
}

#[test]
fn clicking_a_sentence_marks_the_nearest_sentence_of_each_other_column_and_escape_clears() {
    let report = sample_report();
    let wb = Workbench::with_report(report, Vec::new());
    let (article, sentence) = wb.state.find_sentence("في مكافحة الارهاب").expect("the sample sentence");
    let mut h = harness(wb);
    // The click a column emits for a sentence of plain text.
    h.state_mut().state.toggle_sentence(article, sentence);
    h.run_steps(3);
    let wb = h.state();
    let report = wb.state.report.as_ref().expect("report");
    assert_eq!(wb.state.selection.sentence, Some((article, sentence)));
    let marked: Vec<usize> = wb.state.similar.iter().map(|s| s.article).collect();
    assert!(!marked.contains(&article), "never in the chosen sentence's own column");
    assert!(marked.len() >= 3, "{marked:?}");
    let in_004 = wb
        .state
        .similar
        .iter()
        .find(|s| report.articles[s.article].id.starts_with("004"))
        .expect("a similar unit in 004");
    assert!(
        report.articles[in_004.article]
            .slice(in_004.start, in_004.end)
            .contains("ضد الإرهاب والتطرف")
    );
    // Each column with a similar unit says so, and scrolled it into view.
    assert!(!wb.state.similar_scroll_pending);
    let id = &report.articles[in_004.article].id;
    let label = h
        .get_by_label_contains(&format!("Highlights in {id}: "))
        .accesskit_node()
        .label()
        .expect("a label");
    assert!(label.ends_with("; 1 similar to the chosen sentence"), "{label}");
    // Escape lets go of the sentence and its marks.
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert_eq!(h.state().state.selection.sentence, None);
    assert!(h.state().state.similar.is_empty());
}
