//! Piece heads: title, date and authors, computable for any piece on its own.
//!
//! Trailers link to other pieces by title and slug, so a head must not depend on generating
//! the body of its piece.

use jiff::civil::{Date, date};

use super::SynthOptions;
use super::dice::{Dice, HEAD_SALT};
use super::formatting::{add_days, slug};
use crate::corpus::model::{Actor, ActorKind};

const FIRST_DAY: Date = date(2021, 1, 1);
const DAYS: usize = 1826;

/// Fictional analysts: (name, expert slug).
pub(super) const AUTHORS: [(&str, &str); 8] = [
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
pub(super) struct Head {
    pub(super) title: String,
    pub(super) slug: String,
    pub(super) date: Date,
    pub(super) authors: Vec<usize>,
    pub(super) focus: Vec<usize>,
}

pub(super) fn head(opts: &SynthOptions, groups: &[&Actor], n: usize) -> Head {
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

pub(super) fn groups_of(actors: &[Actor]) -> Vec<&Actor> {
    actors
        .iter()
        .filter(|a| matches!(a.kind, ActorKind::Militia | ActorKind::FrontGroup))
        .collect()
}

/// Heads of the pieces this one links to: the next few in the corpus, wrapping around.
pub(super) fn related_heads(opts: &SynthOptions, groups: &[&Actor], n: usize) -> Vec<Head> {
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
