use super::*;

fn quote(n: u32) -> Snapshot {
    Snapshot {
        quote: format!("piece-{n}/abcd{n}"),
        text: format!("fictional words number {n}"),
        speaker: Some("Fictional Speaker".into()),
        piece: Some("A Fictional Piece".into()),
        date: "2023-10-30".parse().ok(),
    }
}

fn ids(desk: &Desk, name: &str) -> Vec<String> {
    desk.entries(name)
        .expect("entries")
        .into_iter()
        .map(|e| e.snapshot.quote)
        .collect()
}

#[test]
fn a_collection_keeps_the_order_quotes_were_put_in_and_skips_repeats() {
    let mut desk = Desk::in_memory().expect("desk");
    assert_eq!(
        desk.collect("KH threats", &[quote(2), quote(1)])
            .expect("ok"),
        2
    );
    assert_eq!(
        desk.collect("KH threats", &[quote(1), quote(3)])
            .expect("ok"),
        1
    );
    assert_eq!(
        ids(&desk, "KH threats"),
        ["piece-2/abcd2", "piece-1/abcd1", "piece-3/abcd3"]
    );
    let listed = desk.collections().expect("listed");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].name.as_str(), listed[0].count),
        ("KH threats", 3)
    );
    let entry = &desk.entries("KH threats").expect("entries")[0];
    assert_eq!(entry.snapshot, quote(2));
}

#[test]
fn entries_move_remove_rename_and_delete() {
    let mut desk = Desk::in_memory().expect("desk");
    desk.collect("brief", &[quote(1), quote(2), quote(3)])
        .expect("ok");
    assert_eq!(desk.shift("brief", "piece-3/abcd3", -5).expect("moved"), 0);
    assert_eq!(
        ids(&desk, "brief"),
        ["piece-3/abcd3", "piece-1/abcd1", "piece-2/abcd2"]
    );
    assert_eq!(desk.shift("brief", "piece-3/abcd3", 1).expect("moved"), 1);
    assert_eq!(
        desk.remove("brief", &["piece-1/abcd1".into()])
            .expect("removed"),
        1
    );
    assert_eq!(ids(&desk, "brief"), ["piece-3/abcd3", "piece-2/abcd2"]);
    desk.collect("other", &[quote(9)]).expect("ok");
    assert!(matches!(
        desk.rename("brief", "other"),
        Err(DeskError::Taken(_))
    ));
    desk.rename("brief", "final brief").expect("renamed");
    assert!(matches!(
        desk.entries("brief"),
        Err(DeskError::NoCollection(_))
    ));
    assert_eq!(desk.delete("final brief").expect("deleted"), 2);
    assert_eq!(desk.collections().expect("listed").len(), 1);
    assert!(matches!(
        desk.collect("  ", &[]),
        Err(DeskError::BadName(_))
    ));
}

#[test]
fn a_note_is_written_replaced_and_taken_away_by_an_empty_one() {
    let mut desk = Desk::in_memory().expect("desk");
    desk.set_note(&quote(1), "first thought").expect("ok");
    desk.set_note(&quote(1), "  second\tthought \n")
        .expect("ok");
    let note = desk.note("piece-1/abcd1").expect("read").expect("a note");
    assert_eq!(note.body, "second thought");
    assert_eq!(desk.notes().expect("notes").len(), 1);
    desk.set_note(&quote(1), " ").expect("ok");
    assert_eq!(desk.note("piece-1/abcd1").expect("read"), None);
}

#[test]
fn saved_searches_and_visits_remember_when_they_were_seen() {
    let mut desk = Desk::in_memory().expect("desk");
    desk.save_search("kh", "@kh since:2023-10").expect("saved");
    assert_eq!(desk.see_search("kh").expect("seen"), None);
    assert!(desk.see_search("kh").expect("seen").is_some());
    assert_eq!(desk.visit("corpus").expect("visit"), None);
    assert!(desk.visit("corpus").expect("visit").is_some());
    assert!(desk.forget_search("kh").expect("forgotten"));
    assert!(desk.saved_searches().expect("listed").is_empty());
}

#[test]
fn a_backup_restores_into_an_empty_desk_as_it_was() {
    let mut desk = Desk::in_memory().expect("desk");
    desk.collect("brief", &[quote(1), quote(2)]).expect("ok");
    desk.set_note(&quote(2), "matters").expect("ok");
    desk.save_search("kh", "@kh").expect("saved");
    let backup = desk.backup().expect("backup");
    let json = serde_json::to_string(&backup).expect("json");
    let back: Backup = serde_json::from_str(&json).expect("parsed");
    let mut other = Desk::in_memory().expect("desk");
    assert_eq!(other.restore(&back).expect("restored"), 4);
    assert_eq!(other.backup().expect("backup"), backup);
    // Restoring twice adds nothing.
    assert_eq!(other.restore(&back).expect("restored"), 1);
    assert_eq!(ids(&other, "brief").len(), 2);
}

#[test]
fn a_desk_on_disk_survives_reopening_and_refuses_a_newer_schema() {
    let dir = tempfile::tempdir().expect("dir");
    let path = dir.path().join("sub").join(FILE);
    {
        let mut desk = Desk::open(&path).expect("open");
        desk.collect("brief", &[quote(1)]).expect("ok");
    }
    let desk = Desk::open(&path).expect("reopen");
    assert_eq!(ids(&desk, "brief"), ["piece-1/abcd1"]);
    desk.conn
        .pragma_update(None, "user_version", 99)
        .expect("bumped");
    drop(desk);
    let error = Desk::open(&path).expect_err("refused").to_string();
    assert!(error.contains("schema version 99 is newer"), "{error}");
    assert!(error.contains(FILE), "{error}");
}
