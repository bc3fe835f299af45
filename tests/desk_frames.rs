//! Rendered-frame snapshots of the desk on screen (marks, the collection view, the note
//! editor, the timeline) at 120x40 and 80x24, with a real desk in memory behind the app.

#![allow(clippy::expect_used)]

#[path = "common/screens.rs"]
mod screens;

use screens::typed;
use spotlight::app::{Action, App, DeskUpdate, DeskView, Effect, Saved};
use spotlight::corpus::Corpus;
use spotlight::desk::Desk;
use spotlight::front::desk::{Delivery, DeskLink};
use spotlight::front::keymap::Keymap;
use spotlight::index::Index;

/// The app after `actions`, searches answered and desk changes written to an in-memory desk
/// and read back, as a front end does.
fn app(width: u16, height: u16, actions: &[Action]) -> App {
    let mut desk = DeskLink::new(Desk::in_memory().expect("a desk"), Delivery::Clipboard);
    let mut app = App::new(Index::build(Corpus::bundled()), width, height);
    app.keys_help = Keymap::default().help();
    app.update(Action::Desk(DeskUpdate(desk.view().expect("read"))));
    settle(&mut app, &mut desk);
    for action in actions {
        app.update(action.clone());
        settle(&mut app, &mut desk);
    }
    app
}

fn settle(app: &mut App, desk: &mut DeskLink) {
    app.search_inline();
    for effect in app.take_effects() {
        if let Effect::Desk(op) = effect {
            let view = desk.apply(op).expect("written");
            app.update(Action::Desk(DeskUpdate(view)));
        }
    }
    app.search_inline();
}

/// Search `ameri`, go to the list and mark the first two quotes.
fn marked() -> Vec<Action> {
    let mut actions = typed("ameri");
    actions.extend([Action::FocusNext, Action::Mark, Action::Mark]);
    actions
}

/// Then put them in `KH threats`, note the first, and open the collection.
fn collected() -> Vec<Action> {
    let mut actions = marked();
    actions.push(Action::Collect);
    actions.extend(typed("KH threats"));
    actions.extend([
        Action::Open,
        Action::Collections,
        Action::Open,
        Action::Note,
    ]);
    actions.extend(typed("the deadline he set"));
    actions.push(Action::Open);
    actions
}

#[test]
fn marks_show_in_the_list_and_are_counted() {
    let app = app(120, 40, &marked());
    assert_eq!(app.marks.len(), 2);
    screen!("marked_120x40", app);
}

#[test]
fn a_collection_opens_as_the_list_with_its_note() {
    let app = app(120, 40, &collected());
    assert_eq!(app.shelf.as_deref(), Some("KH threats"));
    assert_eq!(app.results.hits.len(), 2);
    screen!("collection_120x40", app);
    screen!("collection_80x24", self::app(80, 24, &collected()));
}

#[test]
fn the_note_editor_asks_in_place_of_the_query() {
    let mut actions = marked();
    actions.push(Action::Note);
    actions.extend(typed("why this matters"));
    screen!("note_editor_120x40", app(120, 40, &actions));
    screen!("note_editor_80x24", app(80, 24, &actions));
}

#[test]
fn the_timeline_draws_a_bar_per_month_and_narrows_to_one() {
    let mut actions = typed("ameri");
    actions.push(Action::Timeline);
    screen!("timeline_120x40", app(120, 40, &actions));
    screen!("timeline_80x24", app(80, 24, &actions));
    actions.push(Action::Open);
    let narrowed = app(80, 24, &actions);
    assert_eq!(narrowed.query.text(), "ameri date:2023-10 ");
    assert_eq!(narrowed.results.hits.len(), 5);
}

#[test]
fn a_quote_moves_within_its_collection_and_leaves_it() {
    let mut actions = collected();
    actions.push(Action::MoveDown);
    let app = app(80, 24, &actions);
    let first = app
        .results
        .hits
        .first()
        .and_then(|h| app.index.quote(h.quote));
    assert!(
        first.is_some_and(|q| q.text.starts_with("to set a serious")),
        "{first:?}"
    );
    actions.push(Action::Remove);
    let app = self::app(80, 24, &actions);
    assert_eq!(app.results.hits.len(), 1);
    actions.push(Action::Back);
    let app = self::app(80, 24, &actions);
    assert_eq!(app.shelf, None);
    assert_eq!(app.desk.collections[0].quotes.len(), 1);
}

#[test]
fn a_saved_search_is_listed_and_run_again() {
    let mut actions = typed("ameri");
    actions.push(Action::SaveSearch);
    actions.extend(typed(" threats"));
    actions.extend([Action::Open, Action::ClearQuery, Action::Searches]);
    let app = app(80, 24, &actions);
    assert_eq!(app.desk.searches.len(), 1);
    assert_eq!(app.desk.searches[0].name, "ameri threats");
    screen!("saved_searches_80x24", app);
    actions.push(Action::Open);
    let app = self::app(80, 24, &actions);
    assert_eq!(app.query.text(), "ameri ");
    assert!(
        app.desk.searches[0].seen.is_some(),
        "running it records when"
    );
}

#[test]
fn quotes_imported_since_the_last_visit_are_counted_and_marked_new() {
    let mut corpus = Corpus::bundled();
    let imported: jiff::Timestamp = "2026-12-01T10:00:00Z".parse().expect("a time");
    corpus.pieces[0].imported = Some(imported);
    let mut app = App::new(Index::build(corpus), 120, 40);
    app.search_inline();
    let visit = DeskView {
        last_visit: Some("2026-11-30T09:00:00Z".parse().expect("a time")),
        ..DeskView::default()
    };
    app.update(Action::Desk(DeskUpdate(std::sync::Arc::new(visit))));
    let notice = app.notice.clone().expect("a notice").text;
    assert_eq!(
        notice,
        "10 quotes new since your last visit (2026-11-30): + marks them"
    );
    let first = app.results.hits[0].quote;
    assert!(app.is_new(first));
    screen!("new_since_last_visit_120x40", app);
}

#[test]
fn each_saved_search_counts_the_quotes_that_came_in_since_it_was_last_run() {
    let mut corpus = Corpus::bundled();
    corpus.pieces[0].imported = Some("2026-12-01T10:00:00Z".parse().expect("a time"));
    let mut app = App::new(Index::build(corpus), 120, 40);
    app.search_inline();
    let saved = |name: &str, seen: &str| Saved {
        name: name.into(),
        query: "@ameri".into(),
        seen: Some(seen.parse().expect("a time")),
    };
    let desk = DeskView {
        searches: vec![
            saved("before", "2026-11-30T09:00:00Z"),
            saved("after", "2026-12-02T09:00:00Z"),
        ],
        ..DeskView::default()
    };
    app.update(Action::Desk(DeskUpdate(std::sync::Arc::new(desk))));
    app.update(Action::Searches);
    let list = app.searches.clone().expect("the list");
    assert_eq!(list.new, vec![4, 0]);
}

#[test]
fn two_actors_side_by_side_and_narrowed_to_a_month() {
    let actions = [
        Action::FocusPrev,
        Action::Mark,
        Action::Down,
        Action::Mark,
        Action::Timeline,
    ];
    let app = app(120, 40, &actions);
    let view = app.timeline.as_ref().expect("a timeline");
    assert_eq!(view.series.len(), 2);
    assert_eq!(view.title, "Statements by Hadi al-Ameri / Ali Khamenei");
    screen!("compare_120x40", app);
    let mut actions = actions.to_vec();
    actions.push(Action::Open);
    let app = self::app(120, 40, &actions);
    assert_eq!(
        app.query.text(),
        "@hadi-al-ameri | @ali-khamenei date:2023-11 "
    );
    assert_eq!(app.results.hits.len(), 1);
}

#[test]
fn the_notes_view_lists_noted_quotes_filtered_by_what_is_typed() {
    let mut actions = marked();
    actions.push(Action::Note);
    actions.extend(typed("the deadline he set"));
    actions.extend([Action::Open, Action::Down, Action::Note]);
    actions.extend(typed("a threat"));
    actions.extend([Action::Open, Action::Notes]);
    let app = app(80, 24, &actions);
    assert_eq!(app.results.hits.len(), 2);
    screen!("notes_80x24", app);
    actions.extend(typed("deadline"));
    let app = self::app(80, 24, &actions);
    assert_eq!(app.results.hits.len(), 1);
    actions.push(Action::Back);
    let app = self::app(80, 24, &actions);
    assert_eq!(app.query.text(), "ameri");
    assert_eq!(app.notes_view, None);
}

/// A corpus opened from its index image says what is new once its records are read.
#[test]
fn new_since_the_last_visit_waits_for_the_records_behind_an_image() {
    use spotlight::app::Loaded;
    use spotlight::store::cache::Manifest;
    use spotlight::store::image;
    let dir = tempfile::tempdir().expect("tempdir");
    let options = spotlight::synth::SynthOptions {
        pieces: 3,
        quotes_per_piece: 2,
        seed: 3,
    };
    spotlight::synth::write_corpus(&options, dir.path()).expect("synthetic corpus");
    let pieces = dir.path().join("pieces");
    let first = std::fs::read_dir(&pieces)
        .expect("pieces")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .min()
        .expect("a piece");
    let page = std::fs::read_to_string(&first).expect("read");
    std::fs::write(
        &first,
        format!("---\nimported: 2026-12-01T10:00:00Z\n---\n{page}"),
    )
    .expect("written");
    let full = Index::build(Corpus::load_dir(dir.path()).expect("loads"));
    let manifest = Manifest::of(dir.path()).expect("manifest");
    let path = dir.path().join("image.index");
    image::write(&path, &manifest, &full).expect("written");
    let preview = image::open(&path).expect("opened").index;
    let mut app = App::new(preview, 80, 24);
    app.search_inline();
    let visit = DeskView {
        last_visit: Some("2026-11-30T09:00:00Z".parse().expect("a time")),
        ..DeskView::default()
    };
    app.update(Action::Desk(DeskUpdate(std::sync::Arc::new(visit))));
    assert!(
        app.new_since.is_none(),
        "nothing is counted before the records"
    );
    app.update(Action::Loaded(Loaded(full)));
    app.search_inline();
    let notice = app.notice.clone().expect("a notice").text;
    assert!(
        notice.contains("new since your last visit (2026-11-30)"),
        "{notice}"
    );
}
