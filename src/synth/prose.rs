//! Statement prose: the invented vocabulary and the sentences quotes are made of.
//!
//! Statements are built word list by word list so their length and punctuation are known,
//! which the ground truth relies on.

use super::dice::Dice;
use super::formatting::word_count;

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
pub(super) const CONTINUATIONS: [&str; 6] = [
    "until the occupiers go.",
    "because the people have spoken.",
    "and the response will be decisive.",
    "whatever the invented coalition says.",
    "and we will not wait much longer.",
    "as long as the aggression continues.",
];
pub(super) const TERMS: [&str; 8] = [
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
pub(super) fn clause(dice: &mut Dice) -> String {
    format!(
        "{} {} {}",
        dice.pick(&SUBJECTS),
        dice.pick(&VERBS),
        dice.pick(&OBJECTS)
    )
}

/// One declarative sentence with its final period.
pub(super) fn declarative(dice: &mut Dice) -> String {
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
pub(super) fn statement(dice: &mut Dice, max_words: usize, max_sentences: usize) -> String {
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
pub(super) fn with_comma(text: &str) -> String {
    text.strip_suffix('.')
        .map_or_else(|| text.to_string(), |t| format!("{t},"))
}

/// The truth of a quote written with [`with_comma`]: the text without the trailing comma.
pub(super) fn without_comma(text: &str) -> String {
    let inside = with_comma(text);
    inside
        .strip_suffix(',')
        .map_or(inside.clone(), str::to_string)
}
