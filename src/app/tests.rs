//! `update(state, action)` for every action, on the bundled corpus.

use std::sync::Arc;

use super::*;
use crate::corpus::Corpus;

fn index() -> Arc<Index> {
    Index::build(Corpus::bundled())
}

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(index(), width, height);
    app.search_inline();
    app
}

fn act(app: &mut App, actions: impl IntoIterator<Item = Action>) {
    for action in actions {
        app.update(action);
    }
    app.search_inline();
}

fn typed(text: &str) -> Vec<Action> {
    text.chars().map(Action::Insert).collect()
}

fn speaker(app: &App) -> String {
    let quote = app.selected_quote().expect("a selected quote");
    app.index
        .speaker_of(quote)
        .map(|a| a.id.clone())
        .unwrap_or_default()
}

#[test]
fn starts_with_every_statement_and_the_query_focused() {
    let app = app(80, 24);
    assert_eq!(app.results.hits.len(), 6);
    assert_eq!(app.focus, Focus::Query);
    assert!(app.complete && !app.searching);
    assert!(!app.sidebar.shown, "the sidebar folds away at 80 columns");
    assert!(App::new(index(), 120, 40).sidebar.shown);
}

#[test]
fn typing_searches_and_editing_keys_edit_the_query() {
    let mut app = app(80, 24);
    act(&mut app, typed("amezqj"));
    assert_eq!(app.results.total, 0);
    act(
        &mut app,
        [Action::Backspace, Action::Backspace, Action::Backspace],
    );
    assert_eq!(app.query.text(), "ame");
    act(&mut app, typed("ri"));
    assert_eq!(app.results.total, 5);
    assert_eq!(speaker(&app), "hadi-al-ameri");
    act(
        &mut app,
        [Action::LineStart, Action::Insert('x'), Action::Delete],
    );
    assert_eq!(app.query.text(), "xmeri");
    act(&mut app, [Action::Left, Action::Right, Action::LineEnd]);
    assert_eq!(app.query.cursor(), 5);
    act(&mut app, [Action::DeleteWord]);
    assert_eq!(app.query.text(), "");
    act(&mut app, [Action::Paste("timetable\n".into())]);
    assert_eq!(app.query.text(), "timetable ");
    assert_eq!(app.results.total, 1);
}

#[test]
fn moving_keeps_the_selection_in_range_and_on_screen() {
    let mut app = app(80, 12);
    act(&mut app, [Action::Up]);
    assert_eq!(app.selected, 0);
    act(&mut app, [Action::Down, Action::Down]);
    assert_eq!(app.selected, 2);
    act(&mut app, [Action::Last]);
    assert_eq!(app.selected, 5);
    let rows = app
        .layout()
        .panes()
        .map(|p| p.list.inner().height)
        .unwrap_or(0);
    assert!(
        app.offset + usize::from(rows) > app.selected,
        "{} {rows}",
        app.offset
    );
    act(&mut app, [Action::First]);
    assert_eq!((app.selected, app.offset), (0, 0));
    act(&mut app, [Action::PageDown]);
    assert!(app.selected > 0);
    act(&mut app, [Action::PageUp]);
    assert_eq!(app.selected, 0);
}

#[test]
fn focus_cycles_through_the_panes_on_screen() {
    let mut narrow = app(80, 24);
    act(&mut narrow, [Action::FocusNext]);
    assert_eq!(narrow.focus, Focus::Results);
    act(&mut narrow, [Action::FocusNext, Action::FocusNext]);
    assert_eq!(narrow.focus, Focus::Query);
    act(&mut narrow, [Action::FocusPrev]);
    assert_eq!(narrow.focus, Focus::Viewer);
    act(&mut narrow, [Action::FocusQuery]);
    assert_eq!(narrow.focus, Focus::Query);
    let mut wide = app(120, 40);
    act(&mut wide, [Action::FocusPrev]);
    assert_eq!(wide.focus, Focus::Sidebar);
}

#[test]
fn keys_move_the_focused_pane() {
    let mut app = app(120, 40);
    act(
        &mut app,
        [Action::FocusNext, Action::FocusNext, Action::Down],
    );
    assert_eq!((app.focus, app.viewer_scroll), (Focus::Viewer, 1));
    assert_eq!(app.selected, 0);
    act(&mut app, [Action::FocusNext, Action::Down]);
    assert_eq!((app.focus, app.sidebar.selected), (Focus::Sidebar, 1));
}

#[test]
fn typing_in_the_sidebar_filters_actors_by_any_spelling() {
    let mut app = app(120, 40);
    act(&mut app, [Action::FocusPrev]);
    act(&mut app, typed("العامري"));
    let first = app
        .sidebar
        .selected_actor()
        .map(|a| app.index.corpus.actors[a].id.as_str());
    assert_eq!(first, Some("hadi-al-ameri"));
    assert_eq!(app.query.text(), "", "the query is untouched");
    act(&mut app, [Action::Back]);
    assert_eq!(app.sidebar.filter.text(), "");
    assert_eq!(app.sidebar.visible.len(), app.index.corpus.actors.len());
}

#[test]
fn picking_an_actor_puts_it_in_the_query_line() {
    let mut app = app(120, 40);
    act(&mut app, typed("attack"));
    act(&mut app, [Action::FocusPrev]);
    act(&mut app, typed("ameri"));
    act(&mut app, [Action::Open]);
    assert_eq!(app.query.text(), "@hadi-al-ameri attack ");
    assert_eq!(app.focus, Focus::Query);
    assert_eq!(app.filters, "@hadi-al-ameri");
    assert!(app.results.hits.iter().all(|h| {
        app.index
            .speaker_of(h.quote)
            .is_some_and(|a| a.id == "hadi-al-ameri")
    }));
    // Picking another actor replaces the first rather than adding to it.
    act(
        &mut app,
        [Action::ClearQuery, Action::FocusPrev, Action::Back],
    );
    act(&mut app, typed("khamenei"));
    act(&mut app, [Action::Open]);
    assert!(
        app.query.text().starts_with("@ali-khamenei"),
        "{}",
        app.query.text()
    );
}

#[test]
fn enter_opens_the_piece_at_the_quote_and_esc_comes_back_exactly() {
    let mut app = app(80, 24);
    act(&mut app, typed("ameri"));
    act(&mut app, [Action::Down, Action::Down]);
    let before = (app.selected, app.offset, app.query.text().to_string());
    let quote = app.selected_quote();
    act(&mut app, [Action::Open]);
    let reader = app.reader.as_ref().expect("reader open");
    let cursor = reader
        .cursor
        .and_then(|c| reader.marks.get(c))
        .map(|m| m.kind.clone());
    assert_eq!(cursor, quote.map(MarkKind::Quote));
    let line = reader
        .cursor
        .and_then(|c| reader.line_of(c))
        .expect("a line");
    assert!(
        line >= reader.scroll && line < reader.scroll + 21,
        "the quote is on screen"
    );
    act(&mut app, [Action::Back]);
    assert!(app.reader.is_none());
    assert_eq!(
        (app.selected, app.offset, app.query.text().to_string()),
        before
    );
}

#[test]
fn the_reader_steps_through_quotes_and_mentions_and_scrolls() {
    let mut app = app(80, 24);
    act(&mut app, [Action::Open]);
    let quotes_in = |app: &App| {
        let r = app.reader.as_ref().expect("reader");
        r.cursor
            .map(|c| matches!(r.marks[c].kind, MarkKind::Quote(_)))
    };
    let start = app.reader.as_ref().and_then(|r| r.cursor);
    act(&mut app, [Action::NextQuote]);
    assert_eq!(quotes_in(&app), Some(true));
    assert_ne!(app.reader.as_ref().and_then(|r| r.cursor), start);
    act(&mut app, [Action::PrevQuote]);
    assert_eq!(app.reader.as_ref().and_then(|r| r.cursor), start);
    act(&mut app, [Action::First]);
    assert_eq!(app.reader.as_ref().map(|r| r.scroll), Some(0));
    act(&mut app, [Action::Down, Action::PageDown]);
    assert!(app.reader.as_ref().is_some_and(|r| r.scroll > 1));
    act(&mut app, [Action::Last]);
    let r = app.reader.as_ref().expect("reader");
    assert_eq!(
        r.scroll + 21,
        r.lines.len(),
        "the last page ends with the text"
    );
    // Tab walks every mark, mentions included; Enter on a mention filters by that actor.
    let mention = r
        .marks
        .iter()
        .position(|m| matches!(m.kind, MarkKind::Mention(_)));
    let mention = mention.expect("the seed piece mentions actors");
    let MarkKind::Mention(actor) = r.marks[mention].kind else {
        unreachable!()
    };
    let marks = r.marks.len();
    act(&mut app, [Action::First]);
    for _ in 0..marks {
        if app.reader.as_ref().and_then(|r| r.cursor) == Some(mention) {
            break;
        }
        act(&mut app, [Action::FocusNext]);
    }
    act(&mut app, [Action::Open]);
    assert!(app.reader.is_none());
    let id = &app.index.corpus.actors[actor].id;
    assert_eq!(app.query.text(), format!("@{id} "));
}

#[test]
fn copy_emits_a_citation_effect() {
    let mut app = app(80, 24);
    act(&mut app, typed("after a period"));
    act(&mut app, [Action::FocusNext, Action::Copy]);
    let effects = app.take_effects();
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("expected one copy, got {effects:?}");
    };
    assert!(
        text.contains("Hadi al-Ameri") && text.contains("October 30, 2023"),
        "{text}"
    );
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("copied"))
    );
    // In the reader, the quote under the cursor is copied.
    act(&mut app, [Action::Open, Action::Copy]);
    assert!(
        matches!(app.take_effects().as_slice(), [Effect::Copy(t)] if t.contains("After a period"))
    );
}

#[test]
fn copy_without_a_selection_says_so() {
    let mut app = app(80, 24);
    act(&mut app, typed("zzzzqqq"));
    act(&mut app, [Action::Copy]);
    assert!(app.take_effects().is_empty());
    assert!(app.notice.as_ref().is_some_and(|n| n.error));
}

#[test]
fn open_link_shows_the_source_or_says_there_is_none() {
    let mut app = app(80, 24);
    act(&mut app, [Action::OpenLink]);
    assert_eq!(
        app.link, None,
        "the seed piece was saved without its address"
    );
    assert!(
        app.notice
            .as_ref()
            .is_some_and(|n| n.text.contains("no source link"))
    );
    let mut corpus = Corpus::bundled();
    corpus.pieces[0].url = Some("https://example.org/piece".into());
    let mut app = App::new(Index::build(corpus), 80, 24);
    app.search_inline();
    act(&mut app, [Action::OpenLink]);
    assert_eq!(app.link.as_deref(), Some("https://example.org/piece"));
    assert_eq!(
        app.take_effects(),
        [Effect::OpenLink("https://example.org/piece".into())]
    );
    act(&mut app, [Action::Down]);
    assert_eq!(app.link, None, "the link shows until the next key");
}

#[test]
fn back_closes_help_then_leaves_panes_then_clears_the_query() {
    let mut app = app(80, 24);
    app.keys_help = crate::front::keymap::Keymap::default().help();
    act(&mut app, typed("ameri"));
    act(&mut app, [Action::FocusNext, Action::Help]);
    assert_eq!(app.help, Some(0));
    act(&mut app, [Action::Down]);
    assert_eq!(app.help, Some(1), "keys scroll the overlay, not the list");
    act(&mut app, [Action::Back]);
    assert_eq!((app.help, app.focus), (None, Focus::Results));
    act(&mut app, [Action::Back]);
    assert_eq!(app.focus, Focus::Query);
    act(&mut app, [Action::Back]);
    assert_eq!(app.query.text(), "");
    act(&mut app, [Action::Help, Action::Help]);
    assert_eq!(app.help, None);
}

#[test]
fn clear_query_shows_everything_again() {
    let mut app = app(80, 24);
    act(&mut app, typed("timetable"));
    assert_eq!(app.results.total, 1);
    act(&mut app, [Action::ClearQuery]);
    assert_eq!((app.query.text(), app.results.total), ("", 6));
}

#[test]
fn toggle_sidebar_shows_and_focuses_it_then_hides_it() {
    let mut app = app(80, 24);
    act(&mut app, [Action::ToggleSidebar]);
    assert!(app.sidebar.shown);
    assert_eq!(app.focus, Focus::Sidebar);
    act(&mut app, [Action::ToggleSidebar]);
    assert!(!app.sidebar.shown);
    assert_eq!(app.focus, Focus::Query);
}

#[test]
fn quit_sets_the_flag_from_anywhere() {
    let mut app = app(80, 24);
    act(&mut app, [Action::Help, Action::Quit]);
    assert!(app.quit);
}

#[test]
fn resize_follows_the_screen_and_the_sidebar_follows_wide_screens() {
    let mut app = app(120, 40);
    act(&mut app, [Action::FocusPrev]);
    act(
        &mut app,
        [Action::Resize {
            width: 80,
            height: 24,
        }],
    );
    assert!(!app.sidebar.shown);
    assert_eq!(app.focus, Focus::Query, "focus leaves the hidden sidebar");
    act(
        &mut app,
        [Action::Resize {
            width: 10,
            height: 3,
        }],
    );
    assert_eq!(app.layout(), Layout::TooSmall);
    act(
        &mut app,
        [Action::Down, Action::PageDown, Action::Open, Action::Back],
    );
    act(
        &mut app,
        [Action::Resize {
            width: 130,
            height: 40,
        }],
    );
    assert!(app.sidebar.shown);
}

#[test]
fn a_click_selects_a_row_and_the_wheel_scrolls() {
    let mut app = app(80, 24);
    let list = app.layout().panes().map(|p| p.list.inner()).expect("panes");
    act(
        &mut app,
        [Action::Click {
            column: list.x + 3,
            row: list.y + 2,
        }],
    );
    assert_eq!((app.selected, app.focus), (2, Focus::Results));
    act(
        &mut app,
        [Action::Scroll {
            up: true,
            column: list.x,
            row: list.y,
        }],
    );
    assert_eq!(app.selected, 0);
    act(
        &mut app,
        [Action::Scroll {
            up: false,
            column: list.x,
            row: list.y,
        }],
    );
    assert_eq!(app.selected, 3);
    let query = app.layout().panes().map(|p| p.query).expect("panes");
    act(
        &mut app,
        [Action::Click {
            column: query.x + 4,
            row: query.y + 1,
        }],
    );
    assert_eq!(app.focus, Focus::Query);
    act(
        &mut app,
        [Action::Click {
            column: 79,
            row: 23,
        }],
    );
}

#[test]
fn a_malformed_query_reports_and_still_runs() {
    let mut app = app(80, 24);
    act(&mut app, typed("date:2023-13 ameri"));
    assert!(!app.results.messages.is_empty());
    assert_eq!(app.results.total, 5);
}

#[test]
fn corpus_problems_become_a_status_notice() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let corpus = Corpus::load_dir(&dir).expect("loads with problems");
    let app = App::new(Index::build(corpus), 80, 24);
    let notice = app.notice.as_ref().expect("a notice");
    assert!(notice.text.starts_with("corpus: "), "{}", notice.text);
}

#[test]
fn searching_is_an_effect_and_stale_answers_are_ignored() {
    let mut app = App::new(index(), 80, 24);
    let effects = app.take_effects();
    let [Effect::Search(first)] = effects.as_slice() else {
        panic!("the opening search: {effects:?}");
    };
    assert!(app.searching);
    act(&mut app, typed("calm"));
    // The answer to the opening query comes after "calm" was typed: it is not shown.
    let stale = crate::search::worker::answer(first, RESULT_LIMIT);
    let before = app.results.clone();
    app.update(Action::Found(Box::new(stale)));
    assert_eq!(app.results, before);
    // Typing parses the query once, into the request the front end carries out.
    app.update(Action::Insert('x'));
    let effects = app.take_effects();
    let [Effect::Search(request)] = effects.as_slice() else {
        panic!("one search per key: {effects:?}");
    };
    assert_eq!(request.text, "calmx");
    assert_eq!(request.query, crate::search::query::parse("calmx"));
    assert!(request.generation > first.generation);
}

#[test]
fn the_help_overlay_pages_and_stops_at_its_end() {
    let mut app = app(80, 24);
    app.keys_help = crate::front::keymap::Keymap::default().help();
    act(&mut app, [Action::Help]);
    act(&mut app, [Action::PageDown]);
    let page = app.help.expect("open");
    assert!(page > 1, "PgDn moves a page, not a line: {page}");
    act(&mut app, [Action::Last]);
    let end = app.help.expect("open");
    act(&mut app, std::iter::repeat_n(Action::Down, 100));
    assert_eq!(app.help, Some(end), "Down stops at the end");
    act(&mut app, [Action::Up]);
    assert_eq!(app.help, Some(end - 1), "Up moves at once after the end");
    act(&mut app, [Action::PageUp, Action::PageUp, Action::PageUp]);
    assert_eq!(app.help, Some(0));
    act(&mut app, [Action::Last, Action::First]);
    assert_eq!(app.help, Some(0));
}

#[test]
fn open_link_with_nothing_selected_says_so() {
    let mut app = app(80, 24);
    act(&mut app, typed("zzzzqqqxxx"));
    assert_eq!(app.results.total, 0);
    act(&mut app, [Action::FocusNext, Action::OpenLink]);
    let notice = app.notice.as_ref().map(|n| n.text.as_str()).unwrap_or("");
    assert!(notice.contains("no quote selected"), "{notice}");
}

#[test]
fn resizing_the_reader_keeps_its_place_in_the_text() {
    let mut app = app(80, 24);
    act(&mut app, [Action::Open, Action::First]);
    act(&mut app, [Action::PageDown]);
    while app
        .reader
        .as_ref()
        .is_some_and(|r| r.lines[r.scroll].block.is_none())
    {
        act(&mut app, [Action::Down]);
    }
    let top = |app: &App| {
        let r = app.reader.as_ref().expect("reader");
        let line = &r.lines[r.scroll];
        let block = line.block.expect("a text line at the top");
        r.blocks[block].text[line.range.clone()].to_string()
    };
    let before = top(&app);
    let block_before = app.reader.as_ref().and_then(|r| r.lines[r.scroll].block);
    act(
        &mut app,
        [Action::Resize {
            width: 100,
            height: 24,
        }],
    );
    let r = app.reader.as_ref().expect("reader");
    assert_eq!(
        r.lines[r.scroll].block,
        block_before,
        "{before:?} → {:?}",
        top(&app)
    );
    let after = top(&app);
    // The new top line holds the start of the old one.
    assert!(
        after.contains(before.split(' ').next().unwrap_or_default()),
        "{before:?} → {after:?}"
    );
    act(
        &mut app,
        [Action::Resize {
            width: 80,
            height: 20,
        }],
    );
    let r = app.reader.as_ref().expect("reader");
    assert_eq!(r.lines[r.scroll].block, block_before);
}

/// An index read from an image of `full`'s corpus (written for a directory of synthetic
/// pieces), as a front end shows it before the records are read.
fn from_image(dir: &std::path::Path) -> (Arc<Index>, Arc<Index>) {
    use crate::store::cache::Manifest;
    use crate::store::image;
    let options = crate::synth::SynthOptions {
        pieces: 12,
        quotes_per_piece: 4,
        seed: 3,
    };
    crate::synth::write_corpus(&options, dir).expect("synthetic corpus");
    let full = Index::build(Corpus::load_dir(dir).expect("loads"));
    let manifest = Manifest::of(dir).expect("manifest");
    let path = dir.join("image.index");
    image::write(&path, &manifest, &full).expect("written");
    let first = image::open(&path).expect("opened").index;
    (first, full)
}

#[test]
fn a_first_screen_from_the_image_moves_to_the_full_index_and_keys_wait_for_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (first, full) = from_image(dir.path());
    assert!(!first.has_records() && full.has_records());
    let mut shown = App::new(first, 100, 30);
    shown.search_inline();
    let mut settled = App::new(Arc::clone(&full), 100, 30);
    settled.search_inline();
    let ids = |app: &App| app.results.hits.iter().map(|h| h.quote).collect::<Vec<_>>();
    // The same quotes in the same order, from the image's columns alone.
    assert_eq!(ids(&shown), ids(&settled));
    assert_eq!(shown.index.len(), full.len());
    act(&mut shown, [Action::Down, Action::Down]);
    let selected = shown.selected_quote();
    // Opening the piece needs its paragraphs: the key waits, and says so.
    act(&mut shown, [Action::Open]);
    assert!(shown.reader.is_none());
    assert_eq!(
        shown.notice.as_ref().map(|n| n.text.as_str()),
        Some(WAITING)
    );
    act(&mut shown, [Action::Loaded(Loaded(Arc::clone(&full)))]);
    assert!(shown.index.has_records());
    assert_eq!(shown.selected_quote(), selected, "the selection stays");
    assert!(shown.reader.is_some(), "the waiting key was carried out");
    assert_eq!(shown.notice, None);
    assert_eq!(ids(&shown), ids(&settled));
}

#[test]
fn a_reload_keeps_the_selected_quote_and_the_open_piece_by_their_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let options = crate::synth::SynthOptions {
        pieces: 6,
        quotes_per_piece: 3,
        seed: 9,
    };
    crate::synth::write_corpus(&options, dir.path()).expect("synthetic corpus");
    let before = Index::build(Corpus::load_dir(dir.path()).expect("loads"));
    let mut app = App::new(Arc::clone(&before), 100, 30);
    app.search_inline();
    act(&mut app, [Action::Down, Action::Down, Action::Down]);
    let quote = app.selected_quote().expect("a quote");
    let id = before.quote(quote).expect("its record").id.clone();
    let piece = before.piece_of(quote).expect("its piece").id.clone();
    act(&mut app, [Action::Open]);
    assert!(app.reader.is_some());
    // Another piece goes from the directory: positions move, ids stay.
    let gone = before
        .corpus
        .pieces
        .iter()
        .find(|p| p.id != piece)
        .expect("another piece");
    std::fs::remove_file(dir.path().join(&gone.source)).expect("removed");
    let after = Index::build(Corpus::load_dir(dir.path()).expect("loads"));
    let summary = crate::store::follow::summary(&before, &after);
    assert!(
        summary.starts_with("corpus reloaded: \u{2212}1 piece"),
        "{summary}"
    );
    let reloaded = Reloaded {
        index: Loaded(Arc::clone(&after)),
        summary: summary.clone(),
    };
    act(&mut app, [Action::Reloaded(reloaded)]);
    let now = app.selected_quote().expect("still a quote");
    assert_eq!(
        app.index.quote(now).map(|q| q.id.as_str()),
        Some(id.as_str())
    );
    let reader = app.reader.as_ref().expect("the piece stays open");
    assert_eq!(after.corpus.pieces[reader.piece].id, piece);
    assert_eq!(
        app.notice.as_ref().map(|n| n.text.as_str()),
        Some(summary.as_str())
    );
    let mut fresh = App::new(after, 100, 30);
    fresh.search_inline();
    assert_eq!(app.results.hits, fresh.results.hits);
}

#[test]
fn a_piece_with_an_address_gives_it_to_citations_and_the_link_key() {
    let url = "https://www.example.org/policy-analysis/a-fictional-address";
    let mut corpus = Corpus::bundled();
    corpus.pieces[0].url = Some(url.to_string());
    let mut app = App::new(Index::build(corpus), 80, 24);
    app.search_inline();
    let quote = app.selected_quote().expect("a quote");
    let cited = citation(&app.index, quote).expect("a citation");
    assert!(cited.ends_with(&format!(". {url}")), "{cited}");
    act(&mut app, [Action::OpenLink]);
    assert_eq!(app.take_effects(), vec![Effect::OpenLink(url.to_string())]);
}
