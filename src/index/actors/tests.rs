//! Lookup tests over the bundled gazetteer, plus small made-up gazetteers for the guardrails.

use std::sync::LazyLock;

use proptest::prelude::*;

use super::*;
use crate::corpus::{Actor, ActorKind};

/// The bundled gazetteer.
fn gazetteer() -> Vec<Actor> {
    serde_json::from_str::<Vec<Actor>>(include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/actors.json"
    )))
    .unwrap()
}

/// The gazetteer and its index, built once for all tests.
static FIXTURE: LazyLock<(Vec<Actor>, ActorIndex)> = LazyLock::new(|| {
    let actors = gazetteer();
    let index = ActorIndex::new(&actors);
    (actors, index)
});

/// The gazetteer and its index.
fn fixture() -> (&'static [Actor], &'static ActorIndex) {
    (&FIXTURE.0, &FIXTURE.1)
}

/// The ids of the ranked matches of `query`.
fn ids(actors: &[Actor], index: &ActorIndex, query: &str) -> Vec<String> {
    let found = index.lookup(query);
    found.iter().map(|m| actors[m.actor].id.clone()).collect()
}

/// The ids `resolve` returns for `query`, sorted.
fn resolved(actors: &[Actor], index: &ActorIndex, query: &str) -> Vec<String> {
    let mut found: Vec<String> = index
        .resolve(query)
        .iter()
        .map(|&a| actors[a].id.clone())
        .collect();
    found.sort();
    found
}

/// The index of the actor with `id`.
fn position(actors: &[Actor], id: &str) -> usize {
    actors.iter().position(|a| a.id == id).unwrap()
}

/// A made-up actor with a name and aliases.
fn actor(id: &str, kind: ActorKind, name: &str, aliases: &[&str]) -> Actor {
    Actor {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        subkind: None,
        aliases: aliases.iter().map(ToString::to_string).collect(),
        arabic: Vec::new(),
        affiliations: Vec::new(),
        relations: Vec::new(),
        role: String::new(),
        node: None,
        platform: None,
        unconfirmed: Vec::new(),
        sources: Vec::new(),
    }
}

/// Query → the id that must come first.
const FIRST: &[(&str, &str)] = &[
    ("kata'ib hizballah", "kataib-hezbollah"),
    ("KH", "kataib-hezbollah"),
    ("Hizbollah Brigades", "kataib-hezbollah"),
    ("Kataeb Hezbollah", "kataib-hezbollah"),
    ("Kataib Hezbolah", "kataib-hezbollah"),
    ("Khata'ib Hizbullah", "kataib-hezbollah"),
    ("Kata2ib 7ezbollah", "kataib-hezbollah"),
    ("كتائب حزب اللّه", "kataib-hezbollah"),
    ("kataib-hezbollah", "kataib-hezbollah"),
    ("AAH", "asaib-ahl-al-haq"),
    ("League of the Righteous", "asaib-ahl-al-haq"),
    ("3asa2ib ahl al-haq", "asaib-ahl-al-haq"),
    ("khazali", "qais-al-khazali"),
    ("Qays Khazali", "qais-al-khazali"),
    ("Layth Khazali", "laith-al-khazali"),
    ("al-Amiri", "hadi-al-ameri"),
    ("Amiri", "hadi-al-ameri"),
    ("العامري", "hadi-al-ameri"),
    ("هادي العامري", "hadi-al-ameri"),
    ("nujaba", "harakat-hezbollah-al-nujaba"),
    ("HaN", "harakat-hezbollah-al-nujaba"),
    ("HHN", "harakat-hezbollah-al-nujaba"),
    ("النجباء", "harakat-hezbollah-al-nujaba"),
    ("IRGC-QF", "irgc-qods-force"),
    ("qods force", "irgc-qods-force"),
    ("Quds Force", "irgc-qods-force"),
    ("IRGC", "irgc"),
    ("PMF", "popular-mobilization-forces"),
    ("hashd al-shaabi", "popular-mobilization-forces"),
    ("Hashed al-Chaabi", "popular-mobilization-forces"),
    ("الحشد الشعبي", "popular-mobilization-forces"),
    ("Muhandis", "abu-mahdi-al-muhandis"),
    ("Abu Mahdi al-Mohandes", "abu-mahdi-al-muhandis"),
    ("Abou Mehdi al-Mouhandis", "abu-mahdi-al-muhandis"),
    ("soleimani", "qassem-soleimani"),
    ("Suleimani", "qassem-soleimani"),
    ("Ghasem Solaimani", "qassem-soleimani"),
    ("Qaani", "esmail-qaani"),
    ("Ghaani", "esmail-qaani"),
    ("Fayyadh", "falih-al-fayyadh"),
    ("Fayadh", "falih-al-fayyadh"),
    ("الفياض", "falih-al-fayyadh"),
    ("Sudani", "mohammed-shia-al-sudani"),
    ("Kadhemi", "mustafa-al-kadhimi"),
    ("Kazemi", "mustafa-al-kadhimi"),
    ("khamenei", "ali-khamenei"),
    ("Khamenei", "ali-khamenei"),
    ("Khamenai", "ali-khamenei"),
    ("sistani", "ali-al-sistani"),
    ("Nasrallah", "hassan-nasrallah"),
    ("Nasr Allah", "hassan-nasrallah"),
    ("Naim Kassem", "naim-qassem"),
    ("Electronic Hashd", "electronic-hashd"),
    ("Sabereen", "sabereen-news"),
    ("Sabreen", "sabereen-news"),
    ("Kataib al-Sabireen", "kataib-al-sabereen"),
    ("Ashab al-Kahf", "ashab-al-kahf"),
    ("Companions of the Cave", "ashab-al-kahf"),
    ("AaK", "ashab-al-kahf"),
    ("اصحاب الكهف", "ashab-al-kahf"),
    ("Badr", "badr-organization"),
    ("Abu Fadak", "abu-fadak-al-mohammedawi"),
    ("Abdul Aziz al-Mohammedawi", "abu-fadak-al-mohammedawi"),
    ("Walai", "abu-ala-al-walai"),
    ("Abu Ala al-Walai", "abu-ala-al-walai"),
    ("Muqtada al-Sader", "muqtada-al-sadr"),
    ("Moqtada", "muqtada-al-sadr"),
    ("Hezbollah", "lebanese-hezbollah"),
    ("KSS", "kataib-sayyid-al-shuhada"),
    ("SAD", "saraya-awliya-al-dam"),
    ("Hoqooq", "hoquq"),
    ("Rab Allah", "rabaallah"),
    ("Sheibani", "abu-mustafa-al-sheibani"),
    ("Shaybani", "abu-mustafa-al-sheibani"),
    ("Himeydavi", "ahmad-al-hamidawi"),
    ("Abu Baqir al-Saeedi", "abu-baqir-al-saadi"),
    ("Shebl al-Zaydi", "shibl-al-zaydi"),
    ("Faeq Zidan", "faiq-zaidan"),
    ("Usbat al-Thaireen", "usbat-al-thairin"),
    ("Kataib Sayf Allah", "kataib-saifollah"),
    ("Islamic Resistance", "islamic-resistance-in-iraq"),
    ("Maliki", "nouri-al-maliki"),
    ("kh", "kataib-hezbollah"),
    ("Muhandiz", "abu-mahdi-al-muhandis"),
    ("Kawth", "mohammad-kawtharani"),
];

#[test]
fn table_queries_find_the_expected_actor_first() {
    let (actors, index) = fixture();
    let distinct: BTreeSet<&str> = FIRST.iter().map(|(_, id)| *id).collect();
    assert!(FIRST.len() >= 40 && distinct.len() >= 20);
    let failures: Vec<String> = FIRST
        .iter()
        .filter_map(|(query, id)| {
            let found = ids(actors, index, query);
            (found.first().map(String::as_str) != Some(id)).then(|| {
                format!(
                    "{query:?}: want {id}, got {:?}",
                    &found[..found.len().min(3)]
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn table_queries_resolve_to_the_expected_actor() {
    let (actors, index) = fixture();
    let shared = ["khazali", "Kawth"];
    let failures: Vec<String> = FIRST
        .iter()
        .filter(|(query, _)| !shared.contains(query))
        .filter_map(|(query, id)| {
            let found = resolved(actors, index, query);
            (found != [*id]).then(|| format!("{query:?}: want {id}, got {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_shared_surname_returns_every_bearer() {
    let (actors, index) = fixture();
    let both = ["akram-al-kaabi", "ameer-al-kaabi"];
    let found = ids(actors, index, "Kaabi");
    let top: BTreeSet<&str> = found[..2].iter().map(String::as_str).collect();
    assert_eq!(top, both.into_iter().collect());
    assert_eq!(resolved(actors, index, "Kaabi"), both);
    assert_eq!(resolved(actors, index, "al-Ka'bi"), both);
    assert_eq!(resolved(actors, index, "الكعبي"), both);
    assert_eq!(
        resolved(actors, index, "Akram al-Kaabi"),
        ["akram-al-kaabi"]
    );
}

#[test]
fn a_name_typed_letter_by_letter_never_sounds_like_an_unrelated_one() {
    // Bug: `khaz` (on the way to Khazali) listed Lebanese Hezbollah first, its alias "Party
    // of God" sounding one vowel away; `khaza` gave the Supreme Judicial Council, "Majlis
    // al-Qada al-Aala" sounding the same. `kha` listed nothing at all.
    let (actors, index) = fixture();
    for (typed, first) in [
        ("khaz", "qais-al-khazali"),
        ("khaza", "qais-al-khazali"),
        ("khazal", "qais-al-khazali"),
        ("khame", "ali-khamenei"),
    ] {
        let found = ids(actors, index, typed);
        assert_eq!(
            found.first().map(String::as_str),
            Some(first),
            "{typed}: {found:?}"
        );
        for wrong in [
            "lebanese-hezbollah",
            "kataib-hezbollah",
            "supreme-judicial-council",
        ] {
            assert!(!found.iter().any(|f| f == wrong), "{typed}: {found:?}");
        }
    }
    let kha = ids(actors, index, "kha");
    for id in ["ali-khamenei", "qais-al-khazali"] {
        assert!(kha.iter().any(|f| f == id), "kha: {kha:?}");
    }
    assert!(resolved(actors, index, "khaz").is_empty());
}

#[test]
fn khazali_returns_qais_first_and_laith_too() {
    let (actors, index) = fixture();
    let found = ids(actors, index, "khazali");
    assert_eq!(found[0], "qais-al-khazali");
    assert!(found.contains(&"laith-al-khazali".to_string()), "{found:?}");
    assert_eq!(
        resolved(actors, index, "khazali"),
        ["laith-al-khazali", "qais-al-khazali"]
    );
    assert_eq!(
        resolved(actors, index, "الخزعلي"),
        ["laith-al-khazali", "qais-al-khazali"]
    );
    assert_eq!(
        resolved(actors, index, "Saadi"),
        ["abu-baqir-al-saadi", "saud-al-saedi"]
    );
}

#[test]
fn muhammad_does_not_return_mahmud_through_the_loose_key() {
    let made_up = [
        actor(
            "mahmud",
            ActorKind::Person,
            "Mahmud",
            &["Mahmud al-Mashhadani"],
        ),
        actor("mahmud-hassan", ActorKind::Person, "Mahmud Hassan", &[]),
        actor("muhammad-ali", ActorKind::Person, "Muhammad Ali", &[]),
    ];
    let index = ActorIndex::new(&made_up);
    for query in [
        "Muhammad",
        "Mohammed",
        "Muhammad Hassan",
        "Muhammad al-Mashhadani",
    ] {
        let found = ids(&made_up, &index, query);
        assert!(
            !found.iter().any(|id| id.starts_with("mahmud")),
            "{query}: {found:?}"
        );
    }
    assert_eq!(ids(&made_up, &index, "Mohammed"), ["muhammad-ali"]);
    assert_eq!(ids(&made_up, &index, "Mahmoud")[0], "mahmud");
}

#[test]
fn abd_and_abu_never_merge() {
    let (actors, index) = fixture();
    let abu = ids(actors, index, "Abu Hamid");
    assert_eq!(abu[0], "abu-fadak-al-mohammedawi");
    assert!(
        !abu.contains(&"abu-mustafa-al-sheibani".to_string()),
        "{abu:?}"
    );
    let abd = ids(actors, index, "Abdul Hamid");
    assert_eq!(abd[0], "abu-mustafa-al-sheibani");
    assert!(
        !abd.contains(&"abu-fadak-al-mohammedawi".to_string()),
        "{abd:?}"
    );
    let made_up = [
        actor("abd-al-aziz", ActorKind::Person, "Abd al-Aziz Hakim", &[]),
        actor("abu-aziz", ActorKind::Person, "Abu Aziz Hakim", &[]),
    ];
    let index = ActorIndex::new(&made_up);
    for (query, id) in [
        ("Abdul-Aziz Hakim", "abd-al-aziz"),
        ("Abou Aziz Hakim", "abu-aziz"),
        ("Abdel Aziz Hakim", "abd-al-aziz"),
        ("Abu Aziz Hakeem", "abu-aziz"),
        ("Abd Aziz Hakeem", "abd-al-aziz"),
    ] {
        assert_eq!(ids(&made_up, &index, query), [id], "{query}");
    }
}

#[test]
fn acronyms_are_case_sensitive() {
    let (actors, index) = fixture();
    let han = index.lookup("Han");
    assert!(han.iter().all(|m| m.how != MatchHow::Acronym), "{han:?}");
    assert!(!ids(actors, index, "Han").contains(&"harakat-hezbollah-al-nujaba".to_string()));
    assert!(index.resolve("Han").is_empty());
    let sad = ids(actors, index, "SAD");
    assert_eq!(sad, ["saraya-awliya-al-dam"]);
    let cf = ids(actors, index, "CF");
    assert_eq!(cf, ["coordination-framework"]);
    let kh = ids(actors, index, "KH");
    assert_eq!(kh, ["kataib-hezbollah", "kaf-channel"], "`KH Kaf` is a run");
}

#[test]
fn a_lower_case_acronym_is_only_a_fallback() {
    let (actors, index) = fixture();
    let kh = index.lookup("kh");
    assert_eq!(kh[0].how, MatchHow::Acronym);
    assert!(kh[0].score < index.lookup("Khazali")[1].score);
    assert_eq!(ids(actors, index, "pmf")[0], "popular-mobilization-forces");
    let made_up = [
        actor(
            "sad-group",
            ActorKind::Militia,
            "Saraya Awliya al-Dam",
            &["SAD"],
        ),
        actor("sad-person", ActorKind::Person, "Sad", &[]),
    ];
    let index = ActorIndex::new(&made_up);
    assert_eq!(ids(&made_up, &index, "sad"), ["sad-person"]);
    assert_eq!(ids(&made_up, &index, "SAD"), ["sad-group"]);
}

#[test]
fn lookup_names_the_alias_that_matched() {
    let (_, index) = fixture();
    for (query, alias, how) in [
        ("Kataeb Hezbollah", "Kataeb Hezbollah", MatchHow::Exact),
        ("KH", "KH", MatchHow::Acronym),
        ("kataib hizballah", "Kataib Hizballah", MatchHow::Exact),
        ("Kataib Hezbolah", "Kataib Hezbollah", MatchHow::Strict),
        ("Kadhemi", "Kadhimi", MatchHow::Loose),
        ("soleimani", "Qassem Soleimani", MatchHow::Surname),
        ("العامري", "هادي العامري", MatchHow::Arabic),
        ("كتائب حزب اللّه", "كتائب حزب الله", MatchHow::Arabic),
        ("Muhandiz", "Muhandis", MatchHow::Fuzzy),
        ("hadi-al-ameri", "hadi-al-ameri", MatchHow::Exact),
    ] {
        let best = &index.lookup(query)[0];
        assert_eq!((best.alias.as_str(), best.how), (alias, how), "{query}");
    }
}

#[test]
fn names_inside_longer_names_rank_below_the_exact_one() {
    let (actors, index) = fixture();
    let found = ids(actors, index, "Hezbollah");
    assert_eq!(found[0], "lebanese-hezbollah");
    assert!(found.contains(&"kataib-hezbollah".to_string()));
    assert_eq!(resolved(actors, index, "Hezbollah"), ["lebanese-hezbollah"]);
    let fatah = ids(actors, index, "Fatah");
    assert_eq!(fatah[0], "fatah-alliance");
}

#[test]
fn unfinished_words_are_listed_but_never_resolved() {
    let (actors, index) = fixture();
    assert_eq!(ids(actors, index, "Kataib Hez")[0], "kataib-hezbollah");
    assert!(index.resolve("Kataib Hez").is_empty());
    assert!(index.resolve("Kawth").is_empty());
}

#[test]
fn empty_and_unknown_queries_match_nothing() {
    let (_, index) = fixture();
    for query in ["", "   ", "-'", "Zzyzx Qwvb"] {
        assert!(index.lookup(query).is_empty(), "{query:?}");
        assert!(index.resolve(query).is_empty(), "{query:?}");
    }
}

#[test]
fn kataib_hezbollah_affiliates_include_its_party_channel_and_members() {
    let (actors, index) = fixture();
    let kh = position(actors, "kataib-hezbollah");
    let found = index.with_affiliates(kh);
    assert_eq!(found[0], kh);
    let found: BTreeSet<&str> = found.iter().map(|&a| actors[a].id.as_str()).collect();
    for id in [
        "hoquq",
        "kaf-channel",
        "unit-10000",
        "rabaallah",
        "qasim-al-jabbarin",
        "abu-ali-al-askari",
        "abu-fadak-al-mohammedawi",
        "popular-mobilization-forces",
        "irgc-qods-force",
        "tansiqiya",
    ] {
        assert!(found.contains(id), "{id}: {found:?}");
    }
    for id in ["badr-organization", "lebanese-hezbollah", "hadi-al-ameri"] {
        assert!(!found.contains(id), "{id}");
    }
    assert!(index.with_affiliates(actors.len()).is_empty());
}

#[test]
fn ties_go_to_militias_and_persons_then_names() {
    let made_up = [
        actor("b-party", ActorKind::Party, "Zayn Front", &["Zayn"]),
        actor("b-militia", ActorKind::Militia, "Zayn Brigades", &["Zayn"]),
        actor("a-person", ActorKind::Person, "Zayn", &[]),
    ];
    let index = ActorIndex::new(&made_up);
    assert_eq!(
        ids(&made_up, &index, "zayn"),
        ["a-person", "b-militia", "b-party"]
    );
}

/// Prints the lookup time; run by hand with `cargo test --release --lib index::actors --
/// --ignored --nocapture`.
#[test]
#[ignore = "timing, run by hand"]
fn lookup_timing() {
    let (_, index) = fixture();
    let queries: Vec<&str> = FIRST.iter().map(|(q, _)| *q).collect();
    let rounds = 200;
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for q in &queries {
            std::hint::black_box(index.lookup(q));
        }
    }
    let each = start.elapsed() / u32::try_from(rounds * queries.len()).unwrap();
    let slow = ["Zzyzx Qwvb", "Muhandiz", "Kataib Hez"];
    let start = std::time::Instant::now();
    for _ in 0..rounds {
        for q in slow {
            std::hint::black_box(index.lookup(q));
        }
    }
    let fallback = start.elapsed() / u32::try_from(rounds * slow.len()).unwrap();
    let actors = gazetteer();
    let start = std::time::Instant::now();
    let built = std::hint::black_box(ActorIndex::new(&actors));
    println!(
        "lookup: {each:?} per table query, {fallback:?} per fallback query; build {:?} ({} names)",
        start.elapsed(),
        built.names.len()
    );
}

proptest! {
    #[test]
    fn lookup_never_panics(query in any::<String>()) {
        let (_, index) = fixture();
        let found = index.lookup(&query);
        prop_assert!(found.windows(2).all(|w| w[0].score >= w[1].score));
        let _ = index.resolve(&query);
    }
}

#[test]
fn a_given_name_is_a_part_not_a_surname() {
    let (actors, index) = fixture();
    let top = |query: &str| {
        let found = index.lookup(query);
        let first = found.first().expect("a match");
        (actors[first.actor].id.clone(), first.how)
    };
    assert_eq!(top("Hadi"), ("hadi-al-ameri".to_string(), MatchHow::Part));
    assert_eq!(top("Kaabi").1, MatchHow::Surname);
}

#[test]
fn the_sidebar_filter_lists_word_prefixes_from_two_letters_own_names_first() {
    let (actors, index) = fixture();
    let listed = |query: &str| -> Vec<String> {
        index
            .filter(query)
            .iter()
            .map(|m| actors[m.actor].id.clone())
            .collect()
    };
    let kh = listed("kh");
    assert_eq!(
        kh.first().map(String::as_str),
        Some("kataib-hezbollah"),
        "{kh:?}"
    );
    assert!(kh.iter().any(|id| id == "ali-khamenei"), "{kh:?}");
    assert!(kh.iter().any(|id| id == "qais-al-khazali"), "{kh:?}");
    let kha = listed("kha");
    let at = |id: &str| kha.iter().position(|x| x == id).unwrap_or(usize::MAX);
    assert!(
        at("ali-khamenei") < at("abu-fadak-al-mohammedawi"),
        "{kha:?}"
    );
    assert!(
        at("qais-al-khazali") < at("abu-fadak-al-mohammedawi"),
        "{kha:?}"
    );
    // What `@` resolves to is unchanged: a two-letter prefix resolves to nothing new.
    assert_eq!(index.lookup("kh").len(), 1);
}
