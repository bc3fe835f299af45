//! The desk in the real browser, in a real terminal (tmux): search, mark five quotes, put them
//! in a new collection, write a note, see the actor's timeline and narrow to a month from it,
//! export the collection as a Markdown brief and as CSL-JSON.

#![allow(clippy::expect_used)]

#[path = "common/tmux.rs"]
mod tmux;

use std::time::Duration;

use tmux::Tmux;

const WAIT: Duration = Duration::from_secs(10);

#[test]
fn an_analyst_builds_and_exports_a_brief_from_the_tui_alone() {
    let Some(t) = Tmux::start("desk", 120, 40, &[]) else {
        return;
    };
    t.wait_for("/10", WAIT);
    t.type_text("ameri");
    t.wait_for("5/10", WAIT);
    // To the list, mark every quote shown (five), put them in a new collection.
    t.send_keys(&["Tab", "M"]);
    t.wait_for("5 marked", WAIT);
    t.send_keys(&["c"]);
    t.wait_for("put in collection:", WAIT);
    t.type_text("KH threats");
    t.send_keys(&["Enter"]);
    t.wait_for("put 5 quotes in `KH threats`", WAIT);
    // A note on the selected quote shows under it.
    t.send_keys(&["e"]);
    t.wait_for("note:", WAIT);
    t.type_text("the deadline he set");
    t.send_keys(&["Enter"]);
    t.wait_for("Note   the deadline he set", WAIT);
    // The sidebar's actor (Hadi al-Ameri, the most quoted) by month; Enter narrows to it.
    t.send_keys(&["BTab", "BTab", "F6"]);
    t.wait_for("Statements by Hadi al-Ameri", WAIT);
    t.send_keys(&["Enter"]);
    let screen = t.wait_for("> @hadi-al-ameri date:2023-10", WAIT);
    assert!(screen.contains("4/10"), "{screen}");
    // Open the collection and export it: a brief, then CSL-JSON.
    t.send_keys(&["C"]);
    t.wait_for("Enter opens", WAIT);
    t.send_keys(&["Enter"]);
    t.wait_for("Collection: KH threats (5)", WAIT);
    t.send_keys(&["x"]);
    t.wait_for("export as", WAIT);
    t.send_keys(&["Enter"]);
    t.wait_for("exported 5 quotes to", WAIT);
    t.send_keys(&["x"]);
    t.wait_for("export as", WAIT);
    t.send_keys(&["C-u"]);
    t.type_text("csl-json");
    t.send_keys(&["Enter"]);
    t.wait_for("kh-threats.json", WAIT);
    let work = t.dir().join("work");
    let brief = std::fs::read_to_string(work.join("kh-threats.md")).expect("the brief");
    assert!(brief.starts_with("# KH threats\n\n5 statements"), "{brief}");
    assert!(brief.contains("**Note:** the deadline he set"), "{brief}");
    assert!(
        brief.contains("[^1]: Hadi al-Ameri, statement, October"),
        "{brief}"
    );
    let csl = std::fs::read(work.join("kh-threats.json")).expect("the CSL-JSON");
    let items = citeworks_csl::from_slice(&csl).expect("CSL-JSON a CSL library reads");
    assert_eq!(items.len(), 6, "the piece and five statements");
    t.send_keys(&["q"]);
    let exit = t.wait_exit(WAIT);
    assert_eq!(exit.code, 0);
    assert!(exit.sane(), "{}", exit.stty);
}
