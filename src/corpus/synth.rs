//! Synthetic corpus: a deterministic generator of fictional pieces and a fictional gazetteer.
//!
//! Benchmarks and demos need thousands of pieces in the saved-page format, and tests of the
//! quote extractor need pieces whose statements are known in advance. Everything made here is
//! invented: actor names are built from obviously fake roots (`Abu Zarqan al-Fictawi`,
//! `Kataib al-Synthiya`), every title starts with `[SYNTHETIC]`, every lead says the piece is
//! generated test data, and no statement is attributed to a real person or group.
//!
//! # Quote patterns
//!
//! Pieces mix: (1) speaker before, `On March 3, X, the leader of the **Z (/node/N)**, said
//! that "..."`; (2) speaker after, `"...," said X, the group's spokesman.`, sometimes with a
//! speaker absent from the gazetteer, often followed by `"...," the spokesman said.` or
//! `Later, al-Nonesuch added, "..."`; (3) split quotes, `"...," he said, "..."` or
//! `"...," said X, "..."`; (4) coreference, a sentence naming a person, group or channel and
//! then `He warned, "..."`, `The group stated, "..."` or `The channel posted, "..."`, in the
//! same or the next paragraph; (5) a quote running over two paragraphs; (6) a Telegram post
//! quoted in a figure caption; (7) `... stated, "..." (Figure N).` with the dated caption after
//! the paragraph. About 40% of pieces use curly quotes, 10% CRLF line endings; each piece has
//! zero to two quoted terms.
//!
//! # Ground truth
//!
//! Each [`SynthPiece`] carries the statements it contains as [`TruthQuote`]s, in the order
//! they start in the file. Quoted terms (one to three words) are not statements and are not
//! listed. The conventions:
//!
//! - **Text**: the characters between the opening and the closing quotation mark, minus one
//!   trailing comma (`"We will respond," said X` gives `We will respond`). Other final
//!   punctuation inside the marks (`.`, `?`) is kept.
//! - **Split quote** (`"First part," he said, "second part."`): the first part without its
//!   trailing comma, then ` … ` (space, U+2026, space), then the second part.
//! - **Quote over two paragraphs** (no closing mark at the end of the first paragraph, an
//!   opening mark at the start of the next): both parts joined with a single space.
//! - **Speaker**: the actor id; a speaker absent from the gazetteer gets the slug of the name
//!   as written (`Abu Qamar al-Nonesuch` → `abu-qamar-al-nonesuch`).
//! - **Date**: for a quote inside a caption or followed by `(Figure N)`, the date at the end of
//!   that figure's caption (and `figure` is its number; a caption that merely follows a quote
//!   does not count); otherwise the explicit date that opens the paragraph where the quote
//!   starts (`On March 3, ...`; the year, when left out, is the piece's year or the
//!   one before, whichever is not after publication); otherwise the piece's date. A paragraph
//!   carries at most one date and dates never carry over to the next paragraph. Quote dates
//!   are 1 to 90 days before the piece's date.

use std::collections::HashSet;
use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

use jiff::Span;
use jiff::civil::{Date, date};
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::model::{Actor, ActorKind, Relation};

/// What to generate: how many pieces, how many statements in each, and from which seed.
///
/// One value drives the gazetteer and every piece, so a corpus is reproducible from it alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SynthOptions {
    /// Number of pieces [`write_corpus`] writes.
    pub pieces: usize,
    /// Target number of statements per piece; a two-statement pattern may add one more.
    pub quotes_per_piece: usize,
    /// Seed of every random choice.
    pub seed: u64,
}

impl Default for SynthOptions {
    /// A small corpus: 100 pieces of six statements each, seed 1.
    fn default() -> Self {
        Self {
            pieces: 100,
            quotes_per_piece: 6,
            seed: 1,
        }
    }
}

/// One statement a synthetic piece contains, as the extractor should find it.
///
/// Tests compare extracted quotes with these to measure accuracy; see the module docs for
/// exactly how `text`, `speaker` and `date` are formed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TruthQuote {
    /// The speaker's actor id, or the slug of an unknown speaker's name.
    pub speaker: String,
    /// The statement's words, joined as the module docs describe.
    pub text: String,
    /// When it was said, per the piece.
    pub date: Date,
    /// The figure showing or backing the quote.
    pub figure: Option<u32>,
}

/// A generated piece: its file name, its saved-page Markdown and its statements.
///
/// Keeping the truth next to the text lets tests check the extractor piece by piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPiece {
    /// `<slug of the title>.md`.
    pub file_name: String,
    /// The page, in the saved-page format of `data/pieces`.
    pub markdown: String,
    /// The statements in the page, in order of appearance.
    pub truth: Vec<TruthQuote>,
}

/// What [`write_corpus`] wrote.
///
/// Benchmarks print it so a run can be compared with another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SynthSummary {
    /// Piece files written.
    pub pieces: usize,
    /// Statements in all pieces together.
    pub statements: usize,
    /// Actors in the gazetteer.
    pub actors: usize,
}

// ---------------------------------------------------------------------------------------------
// Randomness

const GAZETTEER_SALT: u64 = 0x4741_5A45_5454_4545;
const HEAD_SALT: u64 = 0x4845_4144;
const BODY_SALT: u64 = 0x424F_4459;

/// SplitMix64: spreads nearby inputs (seeds, piece numbers) over the whole `u64` range.
fn splitmix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A small wrapper over ChaCha8 with the few draws the generator needs.
///
/// Draws use `next_u64` directly, so output does not depend on `rand`'s sampling algorithms.
struct Dice(ChaCha8Rng);

impl Dice {
    fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    /// The stream of piece `n` for one purpose: independent of every other piece.
    fn stream(seed: u64, n: usize, salt: u64) -> Self {
        let n = u64::try_from(n).unwrap_or(u64::MAX);
        Self::new(seed ^ splitmix(n ^ salt))
    }

    fn below(&mut self, n: usize) -> usize {
        let Ok(n64) = u64::try_from(n) else { return 0 };
        if n64 == 0 {
            return 0;
        }
        usize::try_from(self.0.next_u64() % n64).unwrap_or(0)
    }

    fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.0.next_u64() % 100 < percent
    }

    /// One item of a non-empty constant list.
    fn pick<'b, T>(&mut self, items: &'b [T]) -> &'b T {
        &items[self.below(items.len())]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct indices below `n` (fewer when `n < k`).
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        self.shuffle(&mut all);
        all.truncate(k);
        all
    }
}

// ---------------------------------------------------------------------------------------------
// Small text helpers

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(d: Date) -> &'static str {
    let index = usize::try_from(d.month() - 1).unwrap_or(0);
    MONTHS.get(index).copied().unwrap_or("January")
}

/// `October 30, 2023`, as captions end.
fn long_date(d: Date) -> String {
    format!("{} {}, {}", month_name(d), d.day(), d.year())
}

/// `Nov 1, 2023`, as the date line under the title.
fn short_date(d: Date) -> String {
    let month = month_name(d);
    format!("{} {}, {}", &month[..3], d.day(), d.year())
}

fn add_days(base: Date, days: i64) -> Date {
    base.checked_add(Span::new().days(days)).unwrap_or(base)
}

/// The id of a name or title: lower case, words joined with hyphens, apostrophes dropped.
///
/// Matches the crate's slug rule for the ASCII text generated here.
fn slug(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            gap = false;
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '\u{2019}' | '\u{2018}') {
            gap = true;
        }
    }
    out
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| *w != "\u{2026}").count()
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// Escapes brackets and parentheses for link text, as saved pages do.
fn escape_link_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '[' | ']' | '(' | ')') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

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
fn arabize(latin: &str) -> String {
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

// ---------------------------------------------------------------------------------------------
// The fictional gazetteer

const MILITIAS: usize = 16;
const FRONTS: usize = 10;
const CHANNELS: usize = 12;
const PARTIES: usize = 6;
const PERSONS: usize = 60;
const FIRST_NODE: u64 = 900_001;

/// Obviously fake roots for organisation and family names; one root per organisation.
const ROOTS: [&str; 48] = [
    "Synth", "Fict", "Mock", "Fake", "Dumm", "Stub", "Test", "Lorem", "Ipsum", "Placeb", "Figment",
    "Pretend", "Nonce", "Sampl", "Prox", "Bench", "Demo", "Seed", "Faux", "Ersatz", "Sham",
    "Bogus", "Phony", "Imitat", "Replic", "Simul", "Fabric", "Invent", "Notreal", "Makebel",
    "Mirag", "Phantasm", "Dolor", "Amet", "Foob", "Quux", "Plugh", "Xyzz", "Widget", "Gizm",
    "Doohick", "Thingam", "Whatsit", "Hypoth", "Specim", "Maquet", "Drafte", "Pastich",
];

const SURNAME_ENDINGS: [(&str, &str); 4] = [
    ("awi", "aoui"),
    ("ani", "ane"),
    ("ari", "ary"),
    ("uli", "ouli"),
];
const GIVEN_HEADS: [&str; 12] = [
    "Zar", "Qum", "Fil", "Tas", "Dub", "Nim", "Yub", "Kov", "Lum", "Zed", "Bix", "Wuf",
];
const GIVEN_TAILS: [&str; 8] = ["qan", "bil", "run", "das", "mok", "tez", "qiv", "zur"];

/// Militia name prefixes: (canonical, spelling variants, English gloss).
const MILITIA_PREFIXES: [(&str, [&str; 2], &str); 6] = [
    ("Kataib", ["Kata'ib", "Kataeb"], "Brigades"),
    ("Saraya", ["Sarayat", "Saraya'"], "Companies"),
    ("Harakat", ["Harakah", "Harakat-e"], "Movement"),
    ("Liwa", ["Liwaa", "Liwa'"], "Brigade"),
    ("Asaib", ["Asa'ib", "Asa\u{2019}ib"], "Bands"),
    ("Jaish", ["Jaysh", "Jeish"], "Army"),
];

/// Front-group name forms: (Arabic-style prefix, English gloss).
const FRONT_FORMS: [(&str, &str); 5] = [
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

const HUBS: [HubSpec; 4] = [
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

#[derive(Default)]
struct Gazetteer {
    actors: Vec<Actor>,
    names: HashSet<String>,
    ids: HashSet<String>,
}

/// The four fixed bodies every militia hangs from.
#[derive(Clone, Copy)]
struct Hubs {
    umbrella: usize,
    committee: usize,
    commission: usize,
    sponsor: usize,
}

fn fold(name: &str) -> String {
    name.to_lowercase().replace('\u{2019}', "'")
}

impl Gazetteer {
    /// Adds an actor with its unique aliases; returns its index.
    fn add(&mut self, name: &str, kind: ActorKind, aliases: Vec<String>, role: String) -> usize {
        let mut id = slug(name);
        while !self.ids.insert(id.clone()) {
            id.push_str("-x");
        }
        self.names.insert(fold(name));
        let aliases = aliases
            .into_iter()
            .filter(|a| a != name && self.names.insert(fold(a)))
            .collect();
        let index = self.actors.len();
        self.actors.push(Actor {
            id,
            name: name.to_string(),
            kind,
            subkind: None,
            aliases,
            arabic: Vec::new(),
            affiliations: Vec::new(),
            relations: Vec::new(),
            role,
            node: Some(FIRST_NODE + u64::try_from(index).unwrap_or(0) * 3),
            platform: None,
            unconfirmed: Vec::new(),
            sources: Vec::new(),
        });
        index
    }

    fn relate(&mut self, from: usize, to: usize, relation: &str, assessed: bool) {
        let Some(to_id) = self.actors.get(to).map(|a| a.id.clone()) else {
            return;
        };
        if let Some(actor) = self.actors.get_mut(from) {
            if !actor.affiliations.contains(&to_id) {
                actor.affiliations.push(to_id.clone());
            }
            actor.relations.push(Relation {
                to: to_id,
                relation: relation.to_string(),
                assessed,
            });
        }
    }

    fn set_arabic(&mut self, index: usize, dice: &mut Dice, percent: u64) {
        if dice.chance(percent) {
            if let Some(actor) = self.actors.get_mut(index) {
                actor.arabic.push(arabize(&actor.name));
            }
        }
    }

    /// Adds the umbrella brand, the committee, the commission and the sponsor.
    fn hubs(&mut self) -> Hubs {
        let mut index = [0; 4];
        for (slot, (name, kind, subkind, aliases, role)) in index.iter_mut().zip(HUBS) {
            let aliases = aliases.iter().map(|s| (*s).to_string()).collect();
            *slot = self.add(name, kind, aliases, role.to_string());
            if let Some(a) = self.actors.get_mut(*slot) {
                a.subkind = subkind.map(str::to_string);
                a.arabic.push(arabize(name));
            }
        }
        let [umbrella, committee, commission, sponsor] = index;
        Hubs {
            umbrella,
            committee,
            commission,
            sponsor,
        }
    }

    fn militia(&mut self, dice: &mut Dice, root: &str, hubs: Hubs, earlier: &[usize]) -> usize {
        let (prefix, variants, english) = *dice.pick(&MILITIA_PREFIXES);
        let (core, gloss) = match dice.below(4) {
            0 => (format!("al-{root}iya"), format!("{root}iya {english}")),
            1 => (
                format!("Ahl al-{root}"),
                format!("{english} of the People of {root}"),
            ),
            2 => (
                format!("Sayf al-{root}"),
                format!("{english} of the Sword of {root}"),
            ),
            _ => (
                format!("Jund al-{root}"),
                format!("{english} of the Soldiers of {root}"),
            ),
        };
        let name = format!("{prefix} {core}");
        let initial = prefix.chars().next().unwrap_or('X');
        let acronym = format!("{initial}{}", root.get(..3).unwrap_or(root).to_uppercase());
        let mut aliases: Vec<String> = variants.iter().map(|v| format!("{v} {core}")).collect();
        aliases.push(name.replace("al-", "al "));
        aliases.extend([gloss, acronym, format!("Islamic Resistance {name}")]);
        if core.starts_with("al-") {
            aliases.push(core.clone());
        }
        let role = format!(
            "Fictional armed group invented for test data ({english} of {root}); not a real organization."
        );
        let me = self.add(&name, ActorKind::Militia, aliases, role);
        self.set_arabic(me, dice, 80);
        self.relate(me, hubs.sponsor, "sponsored-by", true);
        self.relate(me, hubs.commission, "member-brigade", false);
        if dice.chance(70) {
            self.relate(me, hubs.umbrella, "participant", true);
            self.relate(hubs.umbrella, me, "brand used by", true);
        }
        if dice.chance(50) {
            self.relate(me, hubs.committee, "member", dice.chance(50));
        }
        if !earlier.is_empty() && dice.chance(25) {
            let parent = *dice.pick(earlier);
            self.relate(me, parent, "splinter-of", false);
        }
        me
    }

    fn front(&mut self, dice: &mut Dice, root: &str, hubs: Hubs, militias: &[usize]) -> usize {
        let (prefix, english) = *dice.pick(&FRONT_FORMS);
        let name = format!("{prefix} al-{root}in");
        let initial = prefix.chars().next().unwrap_or('X');
        let aliases = vec![
            format!("{prefix} al {root}in"),
            format!("{prefix} {root}in"),
            format!("{english} {root}in"),
            format!("{initial}A{}", root.get(..3).unwrap_or(root).to_uppercase()),
            format!("{root}in"),
        ];
        let role = "Fictional facade group invented for test data; claims attacks for an invented militia.";
        let me = self.add(&name, ActorKind::FrontGroup, aliases, role.into());
        if let Some(a) = self.actors.get_mut(me) {
            a.subkind = Some("facade".into());
        }
        self.set_arabic(me, dice, 60);
        let parent = *dice.pick(militias);
        self.relate(me, parent, "front-of", true);
        self.relate(me, hubs.umbrella, "participant", dice.chance(50));
        me
    }

    fn channel(&mut self, dice: &mut Dice, root: &str, owners: &[usize], tv: bool) -> usize {
        let lower = root.to_lowercase();
        let (name, aliases, platform) = if tv {
            let aliases = vec![
                format!("{root} Television"),
                format!("al-{root} TV"),
                format!("{root} Channel"),
            ];
            (format!("{root} TV"), aliases, "TV")
        } else {
            let aliases = vec![
                format!("{root}areen"),
                format!("{root}arin News"),
                format!("{root}areen Channel"),
                format!("@{lower}areen_tg"),
            ];
            (format!("{root}areen News"), aliases, "Telegram")
        };
        let role =
            "Fictional media channel invented for test data; posts claims for invented factions.";
        let me = self.add(&name, ActorKind::MediaChannel, aliases, role.into());
        if let Some(a) = self.actors.get_mut(me) {
            a.platform = Some(platform.into());
        }
        self.set_arabic(me, dice, 50);
        let owner = *dice.pick(owners);
        self.relate(me, owner, "outlet-of", dice.chance(40));
        me
    }

    fn party(&mut self, dice: &mut Dice, root: &str, militia: usize) -> usize {
        let name = format!("{root}un Bloc");
        let aliases = vec![
            format!("Kutlat {root}un"),
            format!("{root}un"),
            format!("al-{root}un"),
        ];
        let role = "Fictional parliamentary bloc invented for test data.";
        let me = self.add(&name, ActorKind::Party, aliases, role.into());
        self.set_arabic(me, dice, 50);
        self.relate(me, militia, "political-wing-of", false);
        self.relate(militia, me, "political-wing", false);
        me
    }
}

/// Everything the person generator attaches people to.
struct Orgs {
    militias: Vec<usize>,
    fronts: Vec<usize>,
    channels: Vec<usize>,
    parties: Vec<usize>,
}

impl Gazetteer {
    /// The role relation of person `i`: who they speak or fight for.
    fn person_role(dice: &mut Dice, i: usize, orgs: &Orgs) -> (&'static str, usize) {
        let of = |list: &[usize], k: usize| list.get(k % list.len().max(1)).copied().unwrap_or(0);
        match i {
            0..16 => ("secretary-general", of(&orgs.militias, i)),
            16..32 => ("spokesman", of(&orgs.militias, i)),
            32..42 => (
                "military commander",
                of(&orgs.militias, dice.below(MILITIAS)),
            ),
            42..48 => ("media official", of(&orgs.channels, i)),
            48..54 => ("leader", of(&orgs.parties, i)),
            _ => ("security official", of(&orgs.fronts, i)),
        }
    }

    fn persons(&mut self, dice: &mut Dice, orgs: &Orgs) {
        let mut surnames: Vec<(usize, usize)> = (0..ROOTS.len())
            .flat_map(|r| (0..SURNAME_ENDINGS.len()).map(move |e| (r, e)))
            .collect();
        dice.shuffle(&mut surnames);
        let mut givens: Vec<String> = GIVEN_HEADS
            .iter()
            .flat_map(|h| GIVEN_TAILS.iter().map(move |t| format!("{h}{t}")))
            .collect();
        dice.shuffle(&mut givens);
        for i in 0..PERSONS {
            let (root, ending) = surnames[i % surnames.len()];
            let (plain, french) = SURNAME_ENDINGS[ending];
            let surname = (
                format!("{}{plain}", ROOTS[root]),
                format!("{}{french}", ROOTS[root]),
            );
            let given = &givens[i % givens.len()];
            let legal = format!("{} {}", dice.pick(&givens), dice.pick(&givens));
            let (name, aliases) = person_names(dice.chance(70), given, &surname, &legal);
            let (relation, org) = Self::person_role(dice, i, orgs);
            let org_name = self.actors.get(org).map_or("", |a| a.name.as_str());
            let role = format!(
                "Fictional {relation} of {org_name}; generated test actor, not a real person."
            );
            let me = self.add(&name, ActorKind::Person, aliases, role);
            self.set_arabic(me, dice, 60);
            self.relate(me, org, relation, false);
            if dice.chance(20) {
                let other = *dice.pick(&orgs.militias);
                if other != org {
                    self.relate(me, other, "former member", dice.chance(50));
                }
            }
        }
    }
}

/// A person's canonical name and spelling variants.
fn person_names(
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

/// The fictional gazetteer: invented persons, militias, front groups, channels and bodies.
///
/// Pieces mention and quote these actors; the list is deterministic for `opts.seed`, every
/// relation points at an id in the list, and aliases are unique across the list so a search
/// for one spelling finds one actor.
#[must_use]
pub fn synth_actors(opts: &SynthOptions) -> Vec<Actor> {
    let mut dice = Dice::new(splitmix(opts.seed ^ GAZETTEER_SALT));
    let mut roots = ROOTS.to_vec();
    dice.shuffle(&mut roots);
    let mut roots = roots.into_iter();
    let mut g = Gazetteer::default();
    let hubs = g.hubs();
    let mut militias = Vec::with_capacity(MILITIAS);
    for root in roots.by_ref().take(MILITIAS) {
        let m = g.militia(&mut dice, root, hubs, &militias);
        militias.push(m);
    }
    let fronts: Vec<usize> = roots
        .by_ref()
        .take(FRONTS)
        .map(|r| g.front(&mut dice, r, hubs, &militias))
        .collect();
    let owners: Vec<usize> = militias.iter().chain(&fronts).copied().collect();
    let channels: Vec<usize> = (0..CHANNELS)
        .zip(roots.by_ref())
        .map(|(i, r)| g.channel(&mut dice, r, &owners, i + 2 >= CHANNELS))
        .collect();
    let parties: Vec<usize> = (0..PARTIES)
        .zip(roots.by_ref())
        .map(|(i, r)| g.party(&mut dice, r, militias[i % militias.len()]))
        .collect();
    g.persons(
        &mut dice,
        &Orgs {
            militias,
            fronts,
            channels,
            parties,
        },
    );
    for actor in &mut g.actors {
        actor.affiliations.sort();
    }
    g.actors
}

// ---------------------------------------------------------------------------------------------
// Statement prose

const SUBJECTS: [&str; 8] = [
    "We",
    "The resistance",
    "Our brigades",
    "The factions of the invented front",
    "Our fighters",
    "The mujahedin of the synthetic provinces",
    "This movement",
    "The brothers in the field",
];
const VERBS: [&str; 10] = [
    "will not accept",
    "will continue to reject",
    "will respond firmly to",
    "will never forget",
    "will keep watching",
    "cannot tolerate",
    "must confront",
    "will hold accountable",
    "will not stay silent about",
    "will reject outright",
];
const OBJECTS: [&str; 10] = [
    "the presence of the foreign forces",
    "any attack on our positions",
    "the bases in the western desert of the fictional province",
    "the violations of our airspace",
    "the decisions of the puppet committee",
    "the pressure of the invented coalition",
    "the silence of the government",
    "any delay in the withdrawal timetable",
    "the convoys that cross the synthetic border",
    "those who spread lies about the mujahedin",
];
const TAILS: [&str; 10] = [
    "",
    "",
    " in the coming days",
    " by every legitimate means",
    " without hesitation",
    " for as long as the aggression continues",
    " whatever the cost",
    " on all fronts",
    " until our demands are met",
    " before the end of the season",
];
const PLACES: [&str; 4] = [
    "the synthetic provinces",
    "the land of the test corpus",
    "our fictional country",
    "the western desert",
];
const AUDIENCES: [&str; 4] = [
    "the occupiers",
    "the government in the fictional capital",
    "the invented coalition",
    "everyone who doubts us",
];
const ADJECTIVES: [&str; 5] = [
    "painful",
    "swift",
    "proportionate",
    "unexpected",
    "decisive",
];
const FIXED_LINES: [&str; 5] = [
    "The blood of the martyrs will not be wasted.",
    "The decision belongs to the resistance alone.",
    "Our weapons will remain in the hands of the mujahedin.",
    "Victory is coming, and the invented coalition knows it.",
    "Our patience has limits, and the occupiers should understand that.",
];
const CONTINUATIONS: [&str; 6] = [
    "until the occupiers go.",
    "because the people have spoken.",
    "and the response will be decisive.",
    "whatever the invented coalition says.",
    "and we will not wait much longer.",
    "as long as the aggression continues.",
];
const TERMS: [&str; 8] = [
    "synthetic vanguard",
    "pretend axis",
    "placebo front",
    "mock unity",
    "stub doctrine",
    "paper martyrs",
    "fixture resistance",
    "lorem jihad",
];

/// `Subject verb object`, without a tail or final punctuation.
fn clause(dice: &mut Dice) -> String {
    format!(
        "{} {} {}",
        dice.pick(&SUBJECTS),
        dice.pick(&VERBS),
        dice.pick(&OBJECTS)
    )
}

/// One declarative sentence with its final period.
fn declarative(dice: &mut Dice) -> String {
    match dice.below(8) {
        0..4 => format!("{}{}.", clause(dice), dice.pick(&TAILS)),
        4 => format!(
            "The occupiers must leave {}{}.",
            dice.pick(&PLACES),
            dice.pick(&TAILS)
        ),
        5 => format!(
            "This is a message to {}: the time for patience is over.",
            dice.pick(&AUDIENCES)
        ),
        6 => format!(
            "Our patience has limits, and the response will be {}.",
            dice.pick(&ADJECTIVES)
        ),
        _ => (*dice.pick(&FIXED_LINES)).to_string(),
    }
}

/// A declarative sentence or, now and then, a rhetorical question.
fn sentence(dice: &mut Dice) -> String {
    if dice.chance(12) {
        format!(
            "Who gave {} the right to threaten {}?",
            dice.pick(&AUDIENCES),
            dice.pick(&PLACES)
        )
    } else {
        declarative(dice)
    }
}

/// One to `max_sentences` sentences of at most `max_words` words (never fewer than six).
fn statement(dice: &mut Dice, max_words: usize, max_sentences: usize) -> String {
    let mut out = String::new();
    let wanted = dice.between(1, max_sentences.max(1));
    for _ in 0..wanted * 3 {
        let next = if out.is_empty() {
            sentence(dice)
        } else {
            declarative(dice)
        };
        let words = word_count(&out) + word_count(&next);
        if words <= max_words {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&next);
        }
        if out.split_terminator(['.', '?']).count() >= wanted {
            break;
        }
    }
    if out.is_empty() {
        out.push_str(FIXED_LINES[1]);
    }
    out
}

/// The text as it sits before `," said X`: a final period becomes a comma.
fn with_comma(text: &str) -> String {
    text.strip_suffix('.')
        .map_or_else(|| text.to_string(), |t| format!("{t},"))
}

/// The truth of a quote written with [`with_comma`]: the text without the trailing comma.
fn without_comma(text: &str) -> String {
    let inside = with_comma(text);
    inside
        .strip_suffix(',')
        .map_or(inside.clone(), str::to_string)
}

// ---------------------------------------------------------------------------------------------
// Piece heads: title, date and authors, computable for any piece on its own

const FIRST_DAY: Date = date(2021, 1, 1);
const DAYS: usize = 1826;

/// Fictional analysts: (name, expert slug).
const AUTHORS: [(&str, &str); 8] = [
    ("Mira Placeholder", "mira-placeholder"),
    ("Tomas Testwell", "tomas-testwell"),
    ("Nadia Loremson", "nadia-loremson"),
    ("Idris Mockridge", "idris-mockridge"),
    ("Lena Stubfield", "lena-stubfield"),
    ("Yusuf Fixturo", "yusuf-fixturo"),
    ("Clara Dummington", "clara-dummington"),
    ("Sami Sampleton", "sami-sampleton"),
];
const TITLE_TOPICS: [&str; 6] = [
    "Potential Escalation in the Fictional Provinces",
    "Rhetoric Watch",
    "Drone Claims in the Invented Desert",
    "Facade Groups Revisited",
    "Telegram Messaging Trends",
    "Threats Against the Pretend Coalition",
];
const TITLE_VERBS: [&str; 5] = [
    "Raises Its Voice",
    "Claims Another Fictional Strike",
    "Rebrands Again",
    "Threatens the Invented Coalition",
    "Splits over Test Data",
];

/// What other pieces need to know about a piece: it is linked from their trailers.
struct Head {
    title: String,
    slug: String,
    date: Date,
    authors: Vec<usize>,
    focus: Vec<usize>,
}

fn head(opts: &SynthOptions, groups: &[&Actor], n: usize) -> Head {
    let mut dice = Dice::stream(opts.seed, n, HEAD_SALT);
    let date = add_days(FIRST_DAY, i64::try_from(dice.below(DAYS)).unwrap_or(0));
    let count = dice.between(1, 3);
    let authors = dice.distinct(AUTHORS.len(), count);
    let focus = dice.distinct(groups.len(), 2);
    let names: Vec<&str> = focus
        .iter()
        .filter_map(|&i| groups.get(i))
        .map(|g| {
            if dice.chance(80) {
                g.name.as_str()
            } else {
                g.aliases.first().unwrap_or(&g.name).as_str()
            }
        })
        .collect();
    let first = names.first().copied().unwrap_or("the Invented Factions");
    let title = match (dice.below(3), names.get(1)) {
        (0, _) => format!(
            "[SYNTHETIC] {first} {} (No. {})",
            dice.pick(&TITLE_VERBS),
            n + 1
        ),
        (_, Some(second)) => {
            format!(
                "[SYNTHETIC] {}: {first} and {second} (No. {})",
                dice.pick(&TITLE_TOPICS),
                n + 1
            )
        }
        (_, None) => format!(
            "[SYNTHETIC] {}: {first} (No. {})",
            dice.pick(&TITLE_TOPICS),
            n + 1
        ),
    };
    let slug = slug(&title);
    Head {
        title,
        slug,
        date,
        authors,
        focus,
    }
}

// ---------------------------------------------------------------------------------------------
// The cast of a piece

/// The actors one piece draws on: its focus groups, their people and channels.
struct Cast<'a> {
    all: &'a [Actor],
    groups: Vec<&'a Actor>,
    persons: Vec<&'a Actor>,
    channels: Vec<&'a Actor>,
}

impl<'a> Cast<'a> {
    fn new(all: &'a [Actor], groups: &[&'a Actor], focus: &[usize], dice: &mut Dice) -> Self {
        let mut chosen: Vec<&'a Actor> = focus
            .iter()
            .filter_map(|&i| groups.get(i).copied())
            .collect();
        if let Some(extra) = groups.get(dice.below(groups.len())) {
            if !chosen.iter().any(|g| g.id == extra.id) {
                chosen.push(extra);
            }
        }
        let tied = |a: &Actor| {
            a.relations
                .iter()
                .any(|r| chosen.iter().any(|g| g.id == r.to))
        };
        let of_kind = |k: ActorKind| all.iter().filter(move |a| a.kind == k).collect::<Vec<_>>();
        let mut persons: Vec<&'a Actor> = of_kind(ActorKind::Person)
            .into_iter()
            .filter(|a| tied(a))
            .collect();
        let mut channels: Vec<&'a Actor> = of_kind(ActorKind::MediaChannel)
            .into_iter()
            .filter(|a| tied(a))
            .collect();
        Self::top_up(&mut persons, &of_kind(ActorKind::Person), 3, dice);
        Self::top_up(&mut channels, &of_kind(ActorKind::MediaChannel), 1, dice);
        Self {
            all,
            groups: chosen,
            persons,
            channels,
        }
    }

    /// Adds up to `k` random actors from `pool` that are not in `list` yet.
    fn top_up(list: &mut Vec<&'a Actor>, pool: &[&'a Actor], k: usize, dice: &mut Dice) {
        for i in dice.distinct(pool.len(), k) {
            if let Some(a) = pool.get(i) {
                if !list.iter().any(|b| b.id == a.id) {
                    list.push(a);
                }
            }
        }
    }

    fn find(&self, id: &str) -> Option<&'a Actor> {
        self.all.iter().find(|a| a.id == id)
    }
}

fn pick_actor<'a>(dice: &mut Dice, list: &[&'a Actor]) -> Option<&'a Actor> {
    list.get(dice.below(list.len())).copied()
}

/// A speaker as a pattern writes them.
struct Speaker {
    /// Actor id, or the slug of an unknown name.
    id: String,
    /// The name as written in this quote.
    name: String,
    /// The surname form for later references (`al-Fictawi`, `Fictawi`).
    short: String,
    /// The appositive after the name (`the spokesman for **X (/node/N)**`).
    role: String,
}

const UNKNOWN_GIVEN: [&str; 6] = ["Qamar", "Fulan", "Zibrit", "Hallun", "Wazzab", "Tirbas"];
const UNKNOWN_SURNAMES: [&str; 8] = [
    "Nonesuch",
    "Nowhereawi",
    "Unlistedi",
    "Elsewhari",
    "Anonymi",
    "Absentawi",
    "Offbooki",
    "Strayani",
];

/// How a role relation reads before the organisation's name.
fn role_words(relation: &str) -> String {
    match relation {
        "secretary-general" => "the leader of the".into(),
        "spokesman" => "the spokesman for".into(),
        "military commander" => "a military commander in".into(),
        "media official" => "a media official at".into(),
        "leader" => "the leader of the".into(),
        "security official" => "a security official in".into(),
        other => format!("the {other} of"),
    }
}

// ---------------------------------------------------------------------------------------------
// The piece writer

/// Quotation marks and apostrophe of one piece.
#[derive(Clone, Copy)]
struct Marks {
    open: &'static str,
    close: &'static str,
    apos: &'static str,
}

const STRAIGHT: Marks = Marks {
    open: "\"",
    close: "\"",
    apos: "'",
};
const CURLY: Marks = Marks {
    open: "\u{201c}",
    close: "\u{201d}",
    apos: "\u{2019}",
};

struct Writer<'a> {
    dice: Dice,
    cast: Cast<'a>,
    marks: Marks,
    piece_date: Date,
    n: usize,
    out: String,
    para: String,
    para_date: Option<Date>,
    truth: Vec<TruthQuote>,
    figures: u32,
    /// Headings and subheads written so far; they cycle so none repeats soon.
    headings: usize,
    /// Surnames of unknown speakers so far: one surname names one speaker per piece.
    unknowns: Vec<&'static str>,
    /// Statements used so far, see [`Self::fresh`].
    said: HashSet<String>,
}

impl<'a> Writer<'a> {
    fn q(&self, inner: &str) -> String {
        format!("{}{inner}{}", self.marks.open, self.marks.close)
    }

    /// Appends a sentence to the open paragraph.
    fn say(&mut self, sentence: &str) {
        if !self.para.is_empty() {
            self.para.push(' ');
        }
        self.para.push_str(sentence);
    }

    fn end_para(&mut self) {
        if !self.para.is_empty() {
            self.out.push_str(&self.para);
            self.out.push_str(if self.dice.chance(10) {
                "\n\n\n\n"
            } else {
                "\n\n"
            });
            self.para.clear();
        }
        self.para_date = None;
    }

    fn block(&mut self, text: &str) {
        self.end_para();
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    fn quote_date(&mut self) -> Date {
        let back = i64::try_from(self.dice.between(1, 90)).unwrap_or(1);
        add_days(self.piece_date, -back)
    }

    /// `On March 3, ` (sometimes with the year); the date then holds for the paragraph.
    fn on_date(&mut self, d: Date) -> String {
        self.para_date = Some(d);
        if self.dice.chance(20) {
            format!("On {}, ", long_date(d))
        } else {
            format!("On {} {}, ", month_name(d), d.day())
        }
    }

    /// The date of a quote in running text: the paragraph's date, or the piece's.
    fn text_date(&self) -> Date {
        self.para_date.unwrap_or(self.piece_date)
    }

    /// A statement not yet used in this piece (by its words, ignoring case and end marks),
    /// so every statement of a piece can be told apart by its text.
    fn fresh(&mut self, make: impl Fn(&mut Dice) -> String) -> String {
        let mut text = make(&mut self.dice);
        for _ in 0..32 {
            let key = text.trim_end_matches(['.', ',', '?']).to_lowercase();
            if self.said.insert(key) {
                break;
            }
            text = make(&mut self.dice);
        }
        text
    }

    fn record(&mut self, speaker: &str, text: String, date: Date, figure: Option<u32>) {
        self.truth.push(TruthQuote {
            speaker: speaker.to_string(),
            text,
            date,
            figure,
        });
    }

    fn spelling(&mut self, a: &'a Actor) -> &'a str {
        if self.dice.chance(70) {
            return &a.name;
        }
        let person = a.kind == ActorKind::Person;
        let usable: Vec<&'a String> = a
            .aliases
            .iter()
            .filter(|s| !s.starts_with('@'))
            .filter(|s| !person || (s.contains(' ') && !s.starts_with("al")))
            .collect();
        pick_actor_name(&mut self.dice, &usable).unwrap_or(&a.name)
    }

    /// An organisation as written: often a bold `/node/` mention, otherwise a plain spelling.
    fn mention(&mut self, a: &'a Actor) -> String {
        let name = self.spelling(a);
        match a.node {
            Some(node) if a.kind.is_group() && self.dice.chance(65) => {
                format!("**{name} (/node/{node})**")
            }
            _ => name.to_string(),
        }
    }

    fn short_name(&mut self, a: &Actor) -> String {
        let shorts: Vec<&String> = a
            .aliases
            .iter()
            .filter(|s| !s.contains(' ') && !s.starts_with('@') && s.len() > 3)
            .collect();
        match shorts.get(self.dice.below(shorts.len())) {
            Some(s) => (*s).clone(),
            None => a.name.rsplit(' ').next().unwrap_or(&a.name).to_string(),
        }
    }

    fn role_of(&mut self, person: &Actor) -> String {
        let Some(rel) = person.relations.first() else {
            return "a fictional commander".into();
        };
        let Some(org) = self.cast.find(&rel.to) else {
            return format!("a fictional {}", rel.relation);
        };
        let words = role_words(&rel.relation);
        let mention = self.mention(org);
        if words.ends_with(" the") && self.dice.chance(30) {
            format!("{words} invented {mention}")
        } else {
            format!("{words} {mention}")
        }
    }

    fn known(&mut self, person: &'a Actor) -> Speaker {
        let name = self.spelling(person).to_string();
        let short = self.short_name(person);
        let role = self.role_of(person);
        Speaker {
            id: person.id.clone(),
            name,
            short,
            role,
        }
    }

    fn unknown(&mut self, role: String) -> Speaker {
        let given = *self.dice.pick(&UNKNOWN_GIVEN);
        let fresh: Vec<&'static str> = UNKNOWN_SURNAMES
            .iter()
            .copied()
            .filter(|s| !self.unknowns.contains(s))
            .collect();
        let surname = fresh
            .get(self.dice.below(fresh.len()))
            .copied()
            .unwrap_or(UNKNOWN_SURNAMES[0]);
        self.unknowns.push(surname);
        let name = format!("Abu {given} al-{surname}");
        let short = if self.dice.chance(50) {
            format!("al-{surname}")
        } else {
            surname.to_string()
        };
        Speaker {
            id: slug(&name),
            name,
            short,
            role,
        }
    }

    fn person(&mut self) -> Speaker {
        match pick_actor(&mut self.dice, &self.cast.persons) {
            Some(p) => self.known(p),
            None => self.unknown("a fictional commander".into()),
        }
    }
}

fn pick_actor_name<'a>(dice: &mut Dice, list: &[&'a String]) -> Option<&'a str> {
    list.get(dice.below(list.len())).map(|s| s.as_str())
}

// ---------------------------------------------------------------------------------------------
// Quote patterns

impl<'a> Writer<'a> {
    /// Pattern 1: `On March 3, X, the leader of the **Z**, said that "...".`
    fn speaker_before(&mut self) {
        self.end_para();
        let sp = self.person();
        let d = self.quote_date();
        let lead = self.on_date(d);
        let (verb, inner, after) = match self.dice.below(3) {
            0 => (
                "said that",
                lower_first(self.fresh(declarative).trim_end_matches('.')),
                ".",
            ),
            1 => (
                "issued a statement warning that",
                lower_first(&self.fresh(declarative)),
                "",
            ),
            _ => ("said:", self.fresh(|d| statement(d, 40, 2)), ""),
        };
        let quoted = self.q(&inner);
        self.say(&format!(
            "{lead}{}, {}, {verb} {quoted}{after}",
            sp.name, sp.role
        ));
        self.record(&sp.id, inner, d, None);
    }

    /// Pattern 2: `"...," said X, the group's spokesman.`, then a later reference.
    fn speaker_after(&mut self) {
        self.end_para();
        let group = pick_actor(&mut self.dice, &self.cast.groups);
        let mut has_lead = false;
        if let Some(g) = group.filter(|_| self.dice.chance(70)) {
            let lead = if self.dice.chance(40) {
                self.quote_date()
            } else {
                self.piece_date
            };
            let on = if lead == self.piece_date {
                String::new()
            } else {
                self.on_date(lead)
            };
            let mention = self.mention(g);
            let tail = if self.dice.chance(50) {
                "responded to the reports within hours"
            } else {
                "denied any role in the fictional incident"
            };
            let sentence = format!("{on}{mention} {tail}.");
            self.say(&upper_first(&sentence));
            has_lead = true;
        }
        let unknown = self.dice.chance(40) || self.cast.persons.is_empty();
        let sp = if unknown {
            let role = self.spokesman_role(has_lead, group);
            self.unknown(role)
        } else {
            self.person()
        };
        let text = self.fresh(|d| statement(d, 40, 2));
        let quoted = self.q(&with_comma(&text));
        self.say(&format!("{quoted} said {}, {}.", sp.name, sp.role));
        let date = self.text_date();
        self.record(&sp.id, without_comma(&text), date, None);
        if self.dice.chance(60) {
            self.follow_up(&sp, unknown);
        }
    }

    fn spokesman_role(&mut self, has_lead: bool, group: Option<&'a Actor>) -> String {
        let apos = self.marks.apos;
        match group {
            Some(_) if has_lead => format!("the group{apos}s spokesman"),
            Some(g) => format!("a spokesman for {}", self.mention(g)),
            None => "a spokesman for the synthetic factions".into(),
        }
    }

    /// A later statement by the same speaker: `the spokesman said` or the surname alone.
    fn follow_up(&mut self, sp: &Speaker, unknown: bool) {
        if self.dice.chance(50) {
            self.end_para();
        }
        let text = self.fresh(|d| statement(d, 40, 1));
        let (sentence, truth) = if unknown && self.dice.chance(50) {
            (
                format!("{} the spokesman said.", self.q(&with_comma(&text))),
                without_comma(&text),
            )
        } else if self.dice.chance(50) {
            (
                format!("Later, {} added, {}", sp.short, self.q(&text)),
                text,
            )
        } else {
            (
                format!("{} {} said.", self.q(&with_comma(&text)), sp.short),
                without_comma(&text),
            )
        };
        self.say(&sentence);
        let date = self.text_date();
        self.record(&sp.id, truth, date, None);
    }

    /// Pattern 3: `"First part," he said, "second part."`
    fn split_quote(&mut self) {
        self.end_para();
        let sp = self.person();
        let lead = if self.dice.chance(40) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let first = self.fresh(clause);
        let second = *self.dice.pick(&CONTINUATIONS);
        let (open, close) = (self.marks.open, self.marks.close);
        if self.dice.chance(50) {
            self.say(&format!(
                "{lead}{}, {}, addressed supporters in the invented capital.",
                sp.name, sp.role
            ));
            self.say(&format!(
                "{open}{first},{close} he said, {open}{second}{close}"
            ));
        } else {
            let said = format!(
                "{open}{first},{close} said {}, {open}{second}{close}",
                sp.name
            );
            self.say(&format!("{}{}", upper_first(&lead), said));
        }
        let date = self.text_date();
        self.record(&sp.id, format!("{first} \u{2026} {second}"), date, None);
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

impl<'a> Writer<'a> {
    /// Pattern 4: a sentence naming the speaker, then `He warned`, `The group stated` or
    /// `The channel posted` (the last person, organisation or channel named).
    fn coreference(&mut self) {
        self.end_para();
        let same_para = self.dice.chance(50);
        let lead = if same_para && self.dice.chance(60) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let (id, naming, pronoun) = self.coref_subject();
        self.say(&upper_first(&format!("{lead}{naming}")));
        if !same_para {
            self.end_para();
        }
        let text = self.fresh(|d| statement(d, 40, 2));
        let quoted = self.q(&text);
        self.say(&format!("{pronoun}, {quoted}"));
        let date = self.text_date();
        self.record(&id, text, date, None);
    }

    /// The naming sentence and the pronoun phrase for [`Self::coreference`].
    fn coref_subject(&mut self) -> (String, String, &'static str) {
        let roll = self.dice.below(10);
        if roll < 3 {
            if let Some(g) = pick_actor(&mut self.dice, &self.cast.groups) {
                let mention = self.mention(g);
                let did = if self.dice.chance(50) {
                    "claimed responsibility for a drone strike on an invented base"
                } else {
                    "issued a communique after the funeral of a fictional commander"
                };
                let pronoun = if self.dice.chance(50) {
                    "The group stated"
                } else {
                    "The group said in its statement"
                };
                return (g.id.clone(), format!("{mention} {did}."), pronoun);
            }
        }
        if roll < 5 {
            if let Some(c) = pick_actor(&mut self.dice, &self.cast.channels) {
                let name = self.spelling(c);
                let pronoun = if self.dice.chance(50) {
                    "The channel posted"
                } else {
                    "The channel wrote"
                };
                return (
                    c.id.clone(),
                    format!("a Telegram channel called {name} shared footage of the rally."),
                    pronoun,
                );
            }
        }
        let sp = self.person();
        let did = *self.dice.pick(&[
            "appeared at a rally in the invented capital",
            "gave an interview to a fictional television station",
            "toured positions near the synthetic border",
        ]);
        let pronoun = *self.dice.pick(&["He warned", "He added", "He said"]);
        (sp.id, format!("{}, {}, {did}.", sp.name, sp.role), pronoun)
    }

    /// Pattern 5: a quote running over two paragraphs.
    fn two_paragraphs(&mut self) {
        self.end_para();
        let sp = self.person();
        let lead = if self.dice.chance(70) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let first = self.fresh(|d| statement(d, 26, 2));
        let room = 40 - word_count(&first);
        let second = self.fresh(|d| statement(d, room, 1));
        let open = self.marks.open;
        self.say(&format!(
            "{lead}{}, {}, said in a televised address: {open}{first}",
            sp.name, sp.role
        ));
        let date = self.text_date();
        self.end_para();
        self.say(&self.q(&second));
        self.end_para();
        self.record(&sp.id, format!("{first} {second}"), date, None);
    }

    /// The next figure's caption line and image line.
    fn caption(&mut self, number: u32, caption: &str, d: Date) {
        self.end_para();
        if self.dice.chance(30) {
            self.out.push_str(" \n\n\n");
        }
        self.block(&format!("Figure {number}: {caption}, {}.", long_date(d)));
        if self.dice.chance(80) {
            let image = format!(
                "(/sites/default/files/{}-{:02}/synth-{}-{number}.png)",
                d.year(),
                d.month(),
                self.n
            );
            self.block(&image);
        }
    }

    /// Pattern 6: a Telegram post quoted in a figure caption.
    fn caption_post(&mut self) {
        let Some(channel) = pick_actor(&mut self.dice, &self.cast.channels) else {
            self.figure_reference();
            return;
        };
        self.end_para();
        self.figures += 1;
        let number = self.figures;
        let name = self.spelling(channel);
        if self.dice.chance(50) {
            self.say(&upper_first(&format!(
                "{name} also weighed in on the fictional dispute (Figure {number})."
            )));
        }
        let d = self.quote_date();
        let text = self.fresh(|d| statement(d, 40, 2));
        let inner = text.strip_suffix('.').unwrap_or(&text).to_string();
        let caption = format!("A post on the Telegram channel {name}: {}", self.q(&inner));
        self.caption(number, &caption, d);
        self.record(&channel.id, inner, d, Some(number));
    }

    /// Pattern 7: `... stated, "..." (Figure N).`, with the dated caption after the paragraph.
    fn figure_reference(&mut self) {
        self.end_para();
        self.figures += 1;
        let number = self.figures;
        let text = self.fresh(|d| statement(d, 40, 2));
        let inner = text.strip_suffix('.').unwrap_or(&text).to_string();
        let quoted = self.q(&inner);
        let apos = self.marks.apos;
        let (id, subject, owner) =
            match pick_actor(&mut self.dice, &self.cast.groups).filter(|_| self.dice.chance(35)) {
                Some(g) => {
                    let mention = self.mention(g);
                    (g.id.clone(), mention, g.name.clone())
                }
                None => {
                    let sp = self.person();
                    (
                        sp.id,
                        format!("In a statement, {}, {},", sp.name, sp.role),
                        sp.name,
                    )
                }
            };
        self.say(&upper_first(&format!(
            "{subject} stated, {quoted} (Figure {number})."
        )));
        let d = self.quote_date();
        if self.dice.chance(30) {
            self.filler(None);
        }
        self.caption(
            number,
            &format!("{owner}{apos}s statement on the invented coalition"),
            d,
        );
        self.record(&id, inner, d, Some(number));
    }
}

// ---------------------------------------------------------------------------------------------
// Narrative: intro, fillers, headings, terms

const INTROS: [&str; 4] = [
    "As the invented coalition expanded its patrols in recent weeks, the synthetic factions sharpened their rhetoric against it.",
    "Over the past month, the fictional militias of this test corpus have escalated their messaging on Telegram.",
    "Since the invented ceasefire collapsed, each of the synthetic factions has tried to outbid the others in rhetoric.",
    "Following a pretend drone strike on an invented base, the factions moved quickly to claim credit.",
];
const FILLERS: [&str; 6] = [
    "In Militia Spotlight{A}s assessment, {G} remains the most active of the synthetic factions, while {P} has become its most visible voice.",
    "Such warnings indicate that {G} intends to continue its pretend campaign against the invented coalition.",
    "Channels close to {G} amplified the message within hours, led by {C}.",
    "It is rare for {P} to speak this openly, but the fictional tempo of attacks has changed the calculus.",
    "None of these events happened: the paragraph exists so that search and layout can be tested at scale.",
    "{G} is assessed to have drones that it has rarely used, and these could now come into play in the invented desert.",
];
const TERM_SENTENCES: [&str; 3] = [
    "Militia Spotlight assesses this as part of a broader {T} narrative.",
    "Supporters online framed the episode as proof of the {T}.",
    "The messaging leans on the familiar idea of a {T}.",
];
const HEADINGS: [&str; 5] = [
    "{G} Sets the Parameters?",
    "From Paper Tiger to Test Fixture",
    "The Telegram Echo Chamber",
    "Fictional Red Lines",
    "What Comes Next in the Invented Desert",
];
const SUBHEADS: [&str; 3] = [
    "{G}: From Rhetoric to Pretend Action",
    "The Channels Weigh In",
    "A Familiar Synthetic Script",
];

impl<'a> Writer<'a> {
    /// Fills `{G}`, `{P}`, `{C}` and `{A}` in a template; `bold` allows `/node/` mentions.
    fn fill(&mut self, template: &str, bold: bool) -> String {
        let mut out = template.replace("{A}", self.marks.apos);
        if out.contains("{G}") {
            let g = pick_actor(&mut self.dice, &self.cast.groups);
            let text = match g {
                Some(g) if bold => self.mention(g),
                Some(g) => self.spelling(g).to_string(),
                None => "the invented faction".into(),
            };
            out = out.replace("{G}", &text);
        }
        if out.contains("{P}") {
            let p = pick_actor(&mut self.dice, &self.cast.persons);
            let text = p.map_or("its leader", |p| self.spelling(p)).to_string();
            out = out.replace("{P}", &text);
        }
        if out.contains("{C}") {
            let c = pick_actor(&mut self.dice, &self.cast.channels);
            let text = c
                .map_or("a fictional channel", |c| self.spelling(c))
                .to_string();
            out = out.replace("{C}", &text);
        }
        out
    }

    /// A paragraph of analysis with no statement, carrying a quoted term when given one.
    fn filler(&mut self, term: Option<&str>) {
        self.end_para();
        let template = *self.dice.pick(&FILLERS);
        let text = self.fill(template, true);
        self.say(&upper_first(&text));
        if let Some(term) = term {
            let quoted = self.q(term);
            let sentence = self.dice.pick(&TERM_SENTENCES).replace("{T}", &quoted);
            self.say(&sentence);
        }
        self.end_para();
    }

    fn intro(&mut self) {
        self.headings = self.dice.below(HEADINGS.len() * SUBHEADS.len());
        let intro = *self.dice.pick(&INTROS);
        let (first, rest) = intro.split_at(1);
        let follow = self.fill("{G} has been at the center of this shift.", true);
        self.say(&format!("**{first}**{rest} {}", upper_first(&follow)));
        self.end_para();
    }

    fn heading(&mut self) {
        self.headings += 1;
        let template = HEADINGS[self.headings % HEADINGS.len()];
        let text = upper_first(&self.fill(template, false));
        self.block(&format!("## {text}"));
    }

    fn subhead(&mut self) {
        self.headings += 1;
        let template = SUBHEADS[self.headings % SUBHEADS.len()];
        let text = upper_first(&self.fill(template, false));
        self.block(&format!("**{text}**"));
    }

    /// A figure with no quote: a dated map.
    fn plain_figure(&mut self) {
        self.figures += 1;
        let d = self.quote_date();
        let number = self.figures;
        self.caption(
            number,
            "Map of fictional positions near the invented border",
            d,
        );
    }

    fn pattern(&mut self) {
        match self.dice.below(100) {
            0..20 => self.speaker_before(),
            20..40 => self.speaker_after(),
            40..52 => self.split_quote(),
            52..70 => self.coreference(),
            70..78 => self.two_paragraphs(),
            78..88 => self.caption_post(),
            _ => self.figure_reference(),
        }
    }

    fn body(&mut self, target: usize) {
        self.intro();
        self.heading();
        let mut terms: Vec<&str> = (0..self.dice.below(3))
            .map(|_| *self.dice.pick(&TERMS))
            .collect();
        let mut since_heading = 0;
        while self.truth.len() < target {
            if since_heading >= 2 && self.dice.chance(50) {
                if self.dice.chance(50) {
                    self.subhead()
                } else {
                    self.heading()
                }
                since_heading = 0;
            }
            self.pattern();
            since_heading += 1;
            if self.dice.chance(40) {
                let term = if self.dice.chance(50) {
                    terms.pop()
                } else {
                    None
                };
                self.filler(term);
            }
            if self.dice.chance(8) {
                self.plain_figure();
            }
        }
        while let Some(term) = terms.pop() {
            self.filler(Some(term));
        }
        self.end_para();
    }
}

// ---------------------------------------------------------------------------------------------
// Page assembly

const BIO: &str = "is a fictional analyst invented for the Spotlight synthetic test corpus; this biography is filler text and describes no real person.";
const TOPICS: [&str; 3] = [
    "Military & Security",
    "Terrorism",
    "Arab & Islamic Politics",
];
const REGIONS: [&str; 4] = ["Iraq", "Iran", "Syria", "Lebanon"];
const SERIES_URL: &str =
    "https://www.washingtoninstitute.org/policy-analysis/series/militia-spotlight";

fn front_matter(out: &mut String, head: &Head, lead: &str) {
    let _ = write!(out, "\n\n# {}\n\nby ", head.title);
    let authors: Vec<(&str, &str)> = head
        .authors
        .iter()
        .filter_map(|&i| AUTHORS.get(i).copied())
        .collect();
    for (i, (name, slug)) in authors.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        let _ = write!(out, "{sep}[{name} \\(/experts/{slug}\\)](#)");
    }
    let _ = write!(
        out,
        "\n\n{}\n\nAlso available in\n\n",
        short_date(head.date)
    );
    let _ = write!(
        out,
        "[العربية \\(/ar/policy-analysis/{}\\)](#)\n\n## ABOUT THE AUTHORS\n\n",
        head.slug
    );
    for (name, slug) in &authors {
        let _ = write!(
            out,
            "\n\n[{name} \\(/experts/{slug}\\)](#)\n\n{name} {BIO}\n\n"
        );
    }
    let _ = write!(
        out,
        "\n\n## Brief Analysis\n\nPart of a series: [Militia Spotlight \\({SERIES_URL}\\)]({SERIES_URL})\n\n"
    );
    out.push_str("or see Part 1: [How to Use Militia Spotlight \\(/policy-analysis/how-use-militia-spotlight\\)](#)\n\n");
    let _ = write!(out, "**{lead}**\n\n");
}

fn lead_text(cast: &Cast<'_>, dice: &mut Dice) -> String {
    let names: Vec<&str> = cast
        .groups
        .iter()
        .take(2)
        .map(|g| g.name.as_str())
        .collect();
    let who = match names.as_slice() {
        [a, b, ..] => format!("{a} and {b}, two invented factions,"),
        [a] => format!("{a}, an invented faction,"),
        [] => "Invented factions".into(),
    };
    let did = dice.pick(&[
        "escalated their rhetoric",
        "traded threats with an invented coalition",
        "rebranded their claims",
    ]);
    format!(
        "Generated test data, not real analysis: {who} {did} in the synthetic provinces. Every name, date and statement in this piece is fictional."
    )
}

/// PART OF A SERIES, RECOMMENDED, TOPICS and REGIONS & COUNTRIES.
fn trailer(out: &mut String, related: &[Head], dice: &mut Dice) {
    out.push_str("## PART OF A SERIES\n\n---\n\n");
    out.push_str("### [Militia Spotlight \\(/policy-analysis/series/militia-spotlight\\)](/policy-analysis/series/militia-spotlight)\n\n");
    out.push_str("#### [How to Use Militia Spotlight](/policy-analysis/how-use-militia-spotlight)\n\n(/policy-analysis/how-use-militia-spotlight)\n\n");
    for h in related.iter().take(2) {
        let (title, slug) = (escape_link_text(&h.title), &h.slug);
        let _ = write!(
            out,
            "\n\n#### [{title}](/policy-analysis/{slug})\n\n(/policy-analysis/{slug})\n\n"
        );
    }
    out.push_str("## RECOMMENDED\n\n");
    for h in related.iter().skip(2) {
        let (title, date) = (escape_link_text(&h.title), short_date(h.date));
        let _ = write!(
            out,
            "\n\n### BRIEF ANALYSIS\n\n### [{title}](#)\n\n{date}\n\n\n\n"
        );
        let names: Vec<&str> = h
            .authors
            .iter()
            .filter_map(|&i| AUTHORS.get(i))
            .map(|a| a.0)
            .collect();
        let _ = write!(
            out,
            "{}\n\n(/policy-analysis/{})\n\n",
            names.join(",  \n"),
            h.slug
        );
    }
    labels(out, "TOPICS", &TOPICS, 2, dice);
    labels(out, "REGIONS & COUNTRIES", &REGIONS, 3, dice);
}

/// A trailing label section: one to `most` labels linking to their topic pages.
fn labels(out: &mut String, section: &str, all: &[&str], most: usize, dice: &mut Dice) {
    let _ = write!(out, "## {section}\n\n");
    let count = dice.between(1, most);
    for i in dice.distinct(all.len(), count) {
        let label = all[i];
        let s = slug(label);
        let _ = write!(
            out,
            "[{label} \\(/policy-analysis/{s}\\)](/policy-analysis/{s})\n\n"
        );
    }
}

fn groups_of(actors: &[Actor]) -> Vec<&Actor> {
    actors
        .iter()
        .filter(|a| matches!(a.kind, ActorKind::Militia | ActorKind::FrontGroup))
        .collect()
}

/// Heads of the pieces this one links to: the next few in the corpus, wrapping around.
fn related_heads(opts: &SynthOptions, groups: &[&Actor], n: usize) -> Vec<Head> {
    let total = opts.pieces.max(n + 1);
    let mut seen = vec![n];
    for k in 1..=4 {
        let m = (n + k) % total;
        if !seen.contains(&m) {
            seen.push(m);
        }
    }
    seen.into_iter()
        .skip(1)
        .map(|m| head(opts, groups, m))
        .collect()
}

/// One fictional piece, number `n`, with the statements it contains.
///
/// The piece depends only on `(opts.seed, n)` and the gazetteer, never on other pieces, so
/// pieces can be generated in any order or in parallel.
#[must_use]
pub fn synth_piece(opts: &SynthOptions, actors: &[Actor], n: usize) -> SynthPiece {
    let groups = groups_of(actors);
    let head = head(opts, &groups, n);
    let mut dice = Dice::stream(opts.seed, n, BODY_SALT);
    let cast = Cast::new(actors, &groups, &head.focus, &mut dice);
    let marks = if dice.chance(40) { CURLY } else { STRAIGHT };
    let crlf = dice.chance(10);
    let lead = lead_text(&cast, &mut dice);
    let mut out = String::with_capacity(12_000);
    front_matter(&mut out, &head, &lead);
    let mut w = Writer {
        dice,
        cast,
        marks,
        piece_date: head.date,
        n,
        out,
        para: String::new(),
        para_date: None,
        truth: Vec::new(),
        figures: 0,
        headings: 0,
        unknowns: Vec::new(),
        said: HashSet::new(),
    };
    w.body(opts.quotes_per_piece);
    let related = related_heads(opts, &groups, n);
    if let Some(next) = related.first().filter(|_| w.dice.chance(40)) {
        let g = w.fill("{G}", false);
        w.block(&format!(
            "**A related synthetic piece (/policy-analysis/{})** covers {g} in more detail.",
            next.slug
        ));
    }
    let mut markdown = w.out;
    trailer(&mut markdown, &related, &mut w.dice);
    if crlf {
        markdown = markdown.replace('\n', "\r\n");
    }
    SynthPiece {
        file_name: format!("{}.md", head.slug),
        markdown,
        truth: w.truth,
    }
}

/// Writes a whole fictional corpus: `out/actors.json` and `out/pieces/*.md`.
///
/// Same layout as `data/`, so the corpus loads like the real one; directories are created,
/// existing files with the same names are overwritten. Pieces are generated in parallel.
///
/// # Errors
///
/// Any error creating a directory or writing a file.
pub fn write_corpus(opts: &SynthOptions, out: &Path) -> io::Result<SynthSummary> {
    let pieces_dir = out.join("pieces");
    fs::create_dir_all(&pieces_dir)?;
    let actors = synth_actors(opts);
    let json = serde_json::to_string_pretty(&actors).map_err(io::Error::other)?;
    fs::write(out.join("actors.json"), json + "\n")?;
    let counts = (0..opts.pieces)
        .into_par_iter()
        .map(|n| {
            let piece = synth_piece(opts, &actors, n);
            fs::write(pieces_dir.join(&piece.file_name), piece.markdown.as_bytes())?;
            Ok(piece.truth.len())
        })
        .collect::<io::Result<Vec<usize>>>()?;
    Ok(SynthSummary {
        pieces: counts.len(),
        statements: counts.iter().sum(),
        actors: actors.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> SynthOptions {
        SynthOptions {
            pieces: 40,
            quotes_per_piece: 6,
            seed: 7,
        }
    }

    fn pieces(opts: &SynthOptions) -> Vec<SynthPiece> {
        let actors = synth_actors(opts);
        (0..opts.pieces)
            .map(|n| synth_piece(opts, &actors, n))
            .collect()
    }

    #[test]
    fn same_seed_gives_the_same_bytes() {
        let opts = small();
        assert_eq!(synth_actors(&opts), synth_actors(&opts));
        assert_eq!(pieces(&opts), pieces(&opts));
        let actors = synth_actors(&opts);
        let backwards: Vec<SynthPiece> = (0..opts.pieces)
            .rev()
            .map(|n| synth_piece(&opts, &actors, n))
            .collect();
        assert!(backwards.into_iter().rev().eq(pieces(&opts)));
    }

    #[test]
    fn different_seeds_differ() {
        let a = small();
        let b = SynthOptions { seed: 8, ..a };
        assert_ne!(synth_actors(&a), synth_actors(&b));
        let (pa, pb) = (pieces(&a), pieces(&b));
        assert!(pa.iter().zip(&pb).all(|(x, y)| x.markdown != y.markdown));
    }

    #[test]
    fn titles_are_marked_synthetic_and_leads_say_test_data() {
        for p in pieces(&small()) {
            let text = p.markdown.replace("\r\n", "\n");
            let title = text
                .lines()
                .find(|l| l.starts_with("# "))
                .unwrap_or_default();
            assert!(title.starts_with("# [SYNTHETIC] "), "{title}");
            assert!(p.file_name.starts_with("synthetic-") && p.file_name.ends_with(".md"));
            assert_eq!(p.file_name, format!("{}.md", slug(&title[2..])));
            assert!(text.contains("\n**Generated test data, not real analysis: "));
        }
    }

    #[test]
    fn no_name_or_alias_is_in_the_real_gazetteer() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/actors.json");
        let real: Vec<Actor> = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        let names = |a: &Actor| {
            let mut all = vec![a.name.clone(), a.id.clone()];
            all.extend(a.aliases.iter().cloned());
            all.extend(a.arabic.iter().cloned());
            all.into_iter().map(|n| fold(&n))
        };
        let real: HashSet<String> = real.iter().flat_map(names).collect();
        for seed in [1, 2, 3] {
            let opts = SynthOptions { seed, ..small() };
            for a in synth_actors(&opts) {
                for n in names(&a) {
                    assert!(!real.contains(&n), "{n} is a real name");
                }
            }
        }
    }

    #[test]
    fn gazetteer_is_consistent() {
        let actors = synth_actors(&small());
        assert!((30..=200).contains(&actors.len()));
        let ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids.len(), actors.len());
        let mut names = HashSet::new();
        for a in &actors {
            for r in &a.relations {
                assert!(ids.contains(r.to.as_str()), "{} -> {}", a.id, r.to);
            }
            assert!(a.affiliations.iter().all(|f| ids.contains(f.as_str())));
            for n in std::iter::once(&a.name).chain(&a.aliases) {
                assert!(names.insert(fold(n)), "{n} names two actors");
            }
        }
        let channels = actors.iter().filter(|a| a.kind == ActorKind::MediaChannel);
        assert!(
            channels
                .clone()
                .filter(|a| a.platform.as_deref() == Some("Telegram"))
                .count()
                >= 8
        );
        assert!(actors.iter().filter(|a| !a.arabic.is_empty()).count() > actors.len() / 3);
        let json = serde_json::to_string_pretty(&actors).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Actor>>(&json).unwrap(), actors);
    }

    /// The markdown with paragraph-spanning quotes glued back, for substring checks.
    fn glued(p: &SynthPiece) -> String {
        let text = p.markdown.replace("\r\n", "\n");
        let mut out = text.clone();
        for open in ["\n\n\n\n\"", "\n\n\n\n\u{201c}", "\n\n\"", "\n\n\u{201c}"] {
            out = out.replace(open, " ");
        }
        out
    }

    #[test]
    fn truth_matches_the_text() {
        let opts = SynthOptions {
            pieces: 60,
            ..small()
        };
        let actors = synth_actors(&opts);
        let ids: HashSet<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        let (mut unknown, mut split, mut figures) = (0, 0, 0);
        for n in 0..opts.pieces {
            let p = synth_piece(&opts, &actors, n);
            let head = head(&opts, &groups_of(&actors), n);
            let text = glued(&p);
            assert!((opts.quotes_per_piece..=opts.quotes_per_piece + 1).contains(&p.truth.len()));
            let texts: HashSet<&str> = p.truth.iter().map(|t| t.text.as_str()).collect();
            assert_eq!(
                texts.len(),
                p.truth.len(),
                "statements repeat in {}",
                p.file_name
            );
            for t in &p.truth {
                assert!((6..=40).contains(&word_count(&t.text)), "{}", t.text);
                // Undated quotes take the piece's date; dated ones come before it.
                assert!(
                    t.date == head.date
                        || (t.date < head.date && t.date >= add_days(head.date, -90))
                );
                for part in t.text.split(" \u{2026} ") {
                    assert!(text.contains(part), "{part:?} not in {}", p.file_name);
                }
                split += usize::from(t.text.contains('\u{2026}'));
                figures += usize::from(t.figure.is_some());
                if let Some(f) = t.figure {
                    assert!(text.contains(&format!("Figure {f}: ")));
                    assert!(
                        p.markdown.contains(&format!("{}.\n", long_date(t.date)))
                            || p.markdown.contains(&format!("{}.\r\n", long_date(t.date)))
                    );
                }
                if !ids.contains(t.speaker.as_str()) {
                    unknown += 1;
                    assert!(t.speaker.starts_with("abu-") && t.speaker == slug(&t.speaker));
                }
            }
        }
        assert!(unknown > 0 && split > 0 && figures > 0);
    }

    #[test]
    fn pages_read_back_with_the_crate_reader() {
        let opts = small();
        let actors = synth_actors(&opts);
        for n in 0..opts.pieces {
            let p = synth_piece(&opts, &actors, n);
            let (piece, issues) = super::super::page::read_page(&p.markdown, &p.file_name).unwrap();
            assert!(issues.is_empty(), "{}: {issues:?}", p.file_name);
            assert_eq!(format!("{}.md", piece.id), p.file_name);
            assert_eq!(piece.date, Some(head(&opts, &groups_of(&actors), n).date));
            assert!(
                piece
                    .lead
                    .as_deref()
                    .is_some_and(|l| l.starts_with("Generated test data"))
            );
            assert!(piece.arabic_url.is_some() && !piece.authors.is_empty());
            assert!(piece.authors.iter().all(|a| a.bio.is_some()));
            let numbers: Vec<u32> = piece.figures.iter().map(|f| f.number).collect();
            assert_eq!(numbers, (1..=numbers.len() as u32).collect::<Vec<_>>());
            assert!(piece.figures.iter().all(|f| f.date.is_some()));
            for t in p.truth.iter().filter(|t| t.figure.is_some()) {
                let figure = piece.figures.iter().find(|f| Some(f.number) == t.figure);
                assert_eq!(figure.and_then(|f| f.date), Some(t.date));
            }
            assert!(!piece.topics.is_empty() && !piece.regions.is_empty());
        }
    }

    #[test]
    fn styles_vary_across_pieces() {
        let all = pieces(&SynthOptions {
            pieces: 60,
            ..small()
        });
        assert!(all.iter().any(|p| p.markdown.contains('\u{201c}')));
        assert!(all.iter().any(|p| !p.markdown.contains('\u{201c}')));
        assert!(all.iter().any(|p| p.markdown.contains("\r\n")));
        assert!(all.iter().any(|p| !p.markdown.contains('\r')));
        assert!(
            all.iter()
                .any(|p| p.markdown.contains("the spokesman said"))
        );
        assert!(all.iter().any(|p| p.markdown.contains("The group ")));
        assert!(all.iter().any(|p| p.markdown.contains("The channel ")));
        assert!(
            all.iter()
                .any(|p| p.markdown.contains("A post on the Telegram channel "))
        );
    }

    #[test]
    fn zero_quotes_still_gives_a_page() {
        let opts = SynthOptions {
            pieces: 1,
            quotes_per_piece: 0,
            seed: 3,
        };
        let p = synth_piece(&opts, &synth_actors(&opts), 0);
        assert!(p.truth.is_empty());
        assert!(p.markdown.contains("## Brief Analysis") && p.markdown.contains("## TOPICS"));
    }

    #[test]
    fn an_empty_gazetteer_falls_back_to_unknown_speakers() {
        let opts = small();
        let p = synth_piece(&opts, &[], 0);
        assert_eq!(p.truth.len().min(6), 6);
        assert!(p.truth.iter().all(|t| t.speaker.starts_with("abu-")));
    }

    #[test]
    fn write_corpus_writes_every_file() {
        let dir = tempfile::tempdir().unwrap();
        let opts = SynthOptions {
            pieces: 25,
            quotes_per_piece: 4,
            seed: 11,
        };
        let summary = write_corpus(&opts, dir.path()).unwrap();
        assert_eq!(summary.pieces, 25);
        assert!(summary.statements >= 100);
        let files = fs::read_dir(dir.path().join("pieces")).unwrap().count();
        assert_eq!(files, 25);
        let actors: Vec<Actor> =
            serde_json::from_str(&fs::read_to_string(dir.path().join("actors.json")).unwrap())
                .unwrap();
        assert_eq!(actors.len(), summary.actors);
    }
}
