//! Rendered-frame snapshots of the whole screen (ratatui `TestBackend` + insta) at the sizes
//! analysts' terminals come in, from a wide desktop down to a single row.

#[path = "common/screens.rs"]
mod screens;

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use screens::{render, typed};
use spotlight::app::{Action, App};
use spotlight::corpus::Corpus;
use spotlight::front::keymap::Keymap;
use spotlight::index::Index;
use spotlight::ui::Theme;

fn app(width: u16, height: u16, actions: &[Action]) -> App {
    let mut app = App::new(Index::build(Corpus::bundled()), width, height);
    app.keys_help = Keymap::default().help();
    app.search_inline();
    for action in actions {
        app.update(action.clone());
        app.search_inline();
    }
    app
}

#[test]
fn wide_screen_with_sidebar_and_an_arabic_name() {
    screen!("wide_120x40", app(120, 40, &typed("ameri")));
}

#[test]
fn classic_terminal_puts_the_viewer_under_the_list() {
    screen!("classic_80x24", app(80, 24, &typed("ameri")));
}

#[test]
fn narrow_terminal_gets_a_single_list() {
    screen!("narrow_40x12", app(40, 12, &typed("ameri")));
}

#[test]
fn tiny_terminals_get_a_short_note() {
    screen!("tiny_10x3", app(10, 3, &typed("ameri")));
    screen!("one_row_80x1", app(80, 1, &[]));
}

#[test]
fn help_overlay_lists_the_keymap() {
    screen!(
        "help_80x24",
        app(80, 24, &[Action::FocusNext, Action::Help])
    );
}

#[test]
fn reader_opens_the_piece_at_the_quote() {
    let mut actions = typed("timetable");
    actions.push(Action::Open);
    screen!("reader_80x24", app(80, 24, &actions));
}

#[test]
fn query_error_shows_in_the_status_line() {
    screen!(
        "query_error_80x24",
        app(80, 24, &typed("date:2023-13 ameri"))
    );
}

#[test]
fn sidebar_filtered_by_arabic_script() {
    let mut actions = vec![Action::FocusPrev];
    actions.extend(typed("الخزعلي"));
    screen!("sidebar_arabic_120x40", app(120, 40, &actions));
}

#[test]
fn matched_characters_are_highlighted() {
    let app = app(80, 24, &typed("timetable"));
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let theme = Theme::dark();
    let list = app.layout().panes().map(|p| p.list.inner()).expect("panes");
    let row = list.y;
    let cells: Vec<_> = (list.x..list.x + list.width)
        .map(|x| &buffer[(x, row)])
        .collect();
    let text: String = cells.iter().map(|c| c.symbol()).collect();
    let at = text.find("timetable").expect("the match on screen");
    let column = text[..at].chars().count();
    assert_eq!(cells[column].fg, theme.matched.fg.expect("a colour"));
    assert_ne!(cells[column - 2].fg, theme.matched.fg.expect("a colour"));
}

#[test]
fn no_size_panics_or_draws_outside_the_screen() {
    let index = Index::build(Corpus::bundled());
    for (width, height) in [
        (0, 0),
        (1, 1),
        (19, 4),
        (20, 5),
        (39, 9),
        (40, 10),
        (99, 30),
        (100, 10),
        (500, 200),
    ] {
        let mut app = App::new(Arc::clone(&index), width, height);
        app.search_inline();
        for action in [
            Action::ToggleSidebar,
            Action::Help,
            Action::Back,
            Action::Open,
        ] {
            app.update(action);
            render(&app);
        }
    }
}

#[test]
fn a_list_that_holds_only_the_best_matches_says_so_at_its_end() {
    let mut app = app(80, 11, &[Action::FocusNext]);
    // As if 50 quotes matched and the list kept the best 6, more than the rows on screen.
    assert_eq!(app.results.hits.len(), 6);
    app.results.total = 50;
    let note = "the best 6 of 50 matches: narrow the query";
    let first = render(&app).backend().to_string();
    assert!(!first.contains(note), "{first}");
    app.update(Action::Last);
    let screen = render(&app).backend().to_string();
    assert!(screen.contains(note), "{screen}");
    assert_eq!(app.selected, 5);
    assert!(
        screen.contains("│▌"),
        "the selection stays in view: {screen}"
    );
}

#[test]
fn the_corpus_problems_are_one_key_away() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken");
    let corpus = Corpus::load_dir(&dir).expect("loads with problems");
    let count = corpus.problems.len();
    let mut app = App::new(Index::build(corpus), 80, 24);
    app.search_inline();
    let status = render(&app).backend().to_string();
    assert!(
        status.contains(&format!("corpus: {count} problems")) && status.contains("F3 lists them"),
        "{status}"
    );
    app.update(Action::Problems);
    let screen = render(&app).backend().to_string();
    assert!(
        screen.contains(&format!("{count} corpus problems")),
        "{screen}"
    );
    assert!(
        screen.contains("empty.md:1: error: the file is empty"),
        "{screen}"
    );
    app.update(Action::Back);
    assert_eq!(app.problems, None);
}

/// The rows of the query line and the result list at 80x24.
const LIST_ROWS: usize = 10;

/// The first screen of a corpus opened from its index image, before its records are read:
/// the list as it will stay, and the viewer with what the image holds.
#[test]
fn first_screen_from_the_index_image() {
    use spotlight::store::cache::Manifest;
    use spotlight::store::image;
    let dir = tempfile::tempdir().expect("tempdir");
    let options = spotlight::synth::SynthOptions {
        pieces: 12,
        quotes_per_piece: 4,
        seed: 3,
    };
    spotlight::synth::write_corpus(&options, dir.path()).expect("synthetic corpus");
    let full = Index::build(Corpus::load_dir(dir.path()).expect("loads"));
    let manifest = Manifest::of(dir.path()).expect("manifest");
    let path = dir.path().join("image.index");
    image::write(&path, &manifest, &full).expect("written");
    let first = image::open(&path).expect("opened").index;
    let open = |index: Arc<Index>| {
        let mut app = App::new(index, 80, 24);
        app.keys_help = Keymap::default().help();
        app.search_inline();
        app
    };
    let (early, settled) = (render(&open(first)), render(&open(full)));
    // The list (the rows above the viewer) is the same before and after the records come.
    let rows = |t: &Terminal<TestBackend>| {
        let buffer = t.backend().buffer();
        let width = usize::from(buffer.area.width);
        buffer.content[..width * LIST_ROWS].to_vec()
    };
    assert_eq!(rows(&early), rows(&settled), "{}", early.backend());
    insta::assert_snapshot!("first_screen_from_image_80x24", early.backend());
}
