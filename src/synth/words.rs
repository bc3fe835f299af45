//! Invented name material: roots, name forms and the fixed bodies of the gazetteer.
//!
//! Every name the generator writes is built from these obviously fake pieces, so no generated
//! name can collide with a real person or group.

use crate::corpus::model::ActorKind;

/// Obviously fake roots for organisation and family names; one root per organisation.
pub(super) const ROOTS: [&str; 48] = [
    "Synth", "Fict", "Mock", "Fake", "Dumm", "Stub", "Test", "Lorem", "Ipsum", "Placeb", "Figment",
    "Pretend", "Nonce", "Sampl", "Prox", "Bench", "Demo", "Seed", "Faux", "Ersatz", "Sham",
    "Bogus", "Phony", "Imitat", "Replic", "Simul", "Fabric", "Invent", "Notreal", "Makebel",
    "Mirag", "Phantasm", "Dolor", "Amet", "Foob", "Quux", "Plugh", "Xyzz", "Widget", "Gizm",
    "Doohick", "Thingam", "Whatsit", "Hypoth", "Specim", "Maquet", "Drafte", "Pastich",
];

/// Surname endings: (plain spelling, French-style spelling).
pub(super) const SURNAME_ENDINGS: [(&str, &str); 4] = [
    ("awi", "aoui"),
    ("ani", "ane"),
    ("ari", "ary"),
    ("uli", "ouli"),
];
/// First syllables of invented given names.
pub(super) const GIVEN_HEADS: [&str; 12] = [
    "Zar", "Qum", "Fil", "Tas", "Dub", "Nim", "Yub", "Kov", "Lum", "Zed", "Bix", "Wuf",
];
/// Second syllables of invented given names.
pub(super) const GIVEN_TAILS: [&str; 8] = ["qan", "bil", "run", "das", "mok", "tez", "qiv", "zur"];

/// Militia name prefixes: (canonical, spelling variants, English gloss).
pub(super) const MILITIA_PREFIXES: [(&str, [&str; 2], &str); 6] = [
    ("Kataib", ["Kata'ib", "Kataeb"], "Brigades"),
    ("Saraya", ["Sarayat", "Saraya'"], "Companies"),
    ("Harakat", ["Harakah", "Harakat-e"], "Movement"),
    ("Liwa", ["Liwaa", "Liwa'"], "Brigade"),
    ("Asaib", ["Asa'ib", "Asa\u{2019}ib"], "Bands"),
    ("Jaish", ["Jaysh", "Jeish"], "Army"),
];

/// Front-group name forms: (Arabic-style prefix, English gloss).
pub(super) const FRONT_FORMS: [(&str, &str); 5] = [
    ("Ashab", "Companions of the"),
    ("Usbat", "League of the"),
    ("Faseel", "Faction of the"),
    ("Tashkil", "Formation of the"),
    ("Rabaat", "Bond of the"),
];

/// The fixed bodies: (name, kind, subkind, aliases, role).
type HubSpec = (
    &'static str,
    ActorKind,
    Option<&'static str>,
    [&'static str; 3],
    &'static str,
);

/// The four fixed bodies: umbrella brand, committee, commission, sponsor.
pub(super) const HUBS: [HubSpec; 4] = [
    (
        "Islamic Resistance of Synthetistan",
        ActorKind::FrontGroup,
        Some("umbrella-brand"),
        [
            "IRoS",
            "Synthetistan Resistance",
            "al-Muqawama al-Synthetistaniya",
        ],
        "Fictional umbrella brand under which invented factions claim attacks; test data.",
    ),
    (
        "Tansiqiya al-Fictiya",
        ActorKind::Other,
        Some("coordination-committee"),
        [
            "Fictional Resistance Coordination Committee",
            "FRCoC",
            "Tansiqiyat al-Fictiya",
        ],
        "Fictional coordination committee of invented factions; test data.",
    ),
    (
        "Synthetic Mobilization Commission",
        ActorKind::StateBody,
        None,
        [
            "SynMC",
            "Synthetic Mobilisation Commission",
            "Hayat al-Hashd al-Synthi",
        ],
        "Fictional state body that pays the invented brigades; test data.",
    ),
    (
        "Fictional Expeditionary Corps",
        ActorKind::StateBody,
        None,
        [
            "FicEC",
            "Faylaq al-Fictional",
            "Expeditionary Corps of Fictionland",
        ],
        "Fictional foreign sponsor of the invented factions; test data.",
    ),
];

/// Given names of speakers absent from the gazetteer.
pub(super) const UNKNOWN_GIVEN: [&str; 6] =
    ["Qamar", "Fulan", "Zibrit", "Hallun", "Wazzab", "Tirbas"];
/// Surnames of speakers absent from the gazetteer; one speaker each per piece.
pub(super) const UNKNOWN_SURNAMES: [&str; 8] = [
    "Nonesuch",
    "Nowhereawi",
    "Unlistedi",
    "Elsewhari",
    "Anonymi",
    "Absentawi",
    "Offbooki",
    "Strayani",
];

/// A person's canonical name and spelling variants.
pub(super) fn person_names(
    kunya: bool,
    given: &str,
    surname: &(String, String),
    legal: &str,
) -> (String, Vec<String>) {
    let (plain, french) = surname;
    let head = if kunya {
        format!("Abu {given}")
    } else {
        given.to_string()
    };
    let name = format!("{head} al-{plain}");
    let mut aliases = vec![
        format!("{head} {plain}"),
        format!("{head} al {plain}"),
        format!("{} al-{french}", head.replace("Abu ", "Abou ")),
        plain.clone(),
        format!("al-{plain}"),
    ];
    if head.contains('q') {
        aliases.push(format!("{} al-{plain}", head.replace('q', "k")));
    }
    if kunya {
        aliases.push(head.clone());
        aliases.push(format!("{legal} al-{plain}"));
    } else {
        aliases.push(format!("Sheikh {name}"));
    }
    (name, aliases)
}

/// The Arabic letter for one Latin letter of an invented name.
fn arabic_letter(c: char) -> &'static str {
    match c {
        'a' => "ا",
        'b' | 'p' => "ب",
        't' => "ت",
        'j' | 'g' => "ج",
        'h' => "ح",
        'd' => "د",
        'r' => "ر",
        'z' => "ز",
        's' => "س",
        'f' | 'v' => "ف",
        'q' => "ق",
        'k' | 'c' => "ك",
        'l' => "ل",
        'm' => "م",
        'n' => "ن",
        'w' | 'u' | 'o' => "و",
        'y' | 'i' => "ي",
        'x' => "كس",
        _ => "",
    }
}

/// A fictional Arabic-script rendering of an invented Latin name, letter by letter.
pub(super) fn arabize(latin: &str) -> String {
    let mut out = String::new();
    for word in latin.split_whitespace() {
        let lower = word.to_ascii_lowercase();
        if !out.is_empty() {
            out.push(' ');
        }
        if lower == "abu" {
            out.push_str("أبو");
            continue;
        }
        let rest = lower.strip_prefix("al-").map_or(lower.as_str(), |r| {
            out.push_str("ال");
            r
        });
        let chars: Vec<char> = rest.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let digraph = match (chars[i], chars.get(i + 1)) {
                ('s', Some('h')) => Some("ش"),
                ('k', Some('h')) => Some("خ"),
                ('t', Some('h')) => Some("ث"),
                ('d', Some('h')) => Some("ذ"),
                ('g', Some('h')) => Some("غ"),
                _ => None,
            };
            out.push_str(digraph.unwrap_or_else(|| arabic_letter(chars[i])));
            i += if digraph.is_some() { 2 } else { 1 };
        }
    }
    out
}
