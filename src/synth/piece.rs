//! Page layout: front matter, body and trailer of one piece in the saved-page format.
//!
//! Assembles a head, a cast and a writer into a [`SynthPiece`]; the layout mirrors the pages
//! in `data/pieces` so the crate reader loads them unchanged.

use std::fmt::Write as _;

use super::cast::Cast;
use super::dice::{BODY_SALT, Dice};
use super::formatting::{escape_link_text, short_date, slug};
use super::head::{AUTHORS, Head, groups_of, head, related_heads};
use super::writer::{CURLY, STRAIGHT, Writer};
use super::{SynthOptions, SynthPiece};
use crate::corpus::model::Actor;

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

/// One piece, number `n`; see [`super::synth_piece`].
pub(super) fn assemble(opts: &SynthOptions, actors: &[Actor], n: usize) -> SynthPiece {
    let groups = groups_of(actors);
    let head = head(opts, &groups, n);
    let mut dice = Dice::stream(opts.seed, n, BODY_SALT);
    let cast = Cast::new(actors, &groups, &head.focus, &mut dice);
    let marks = if dice.chance(40) { CURLY } else { STRAIGHT };
    let crlf = dice.chance(10);
    let lead = lead_text(&cast, &mut dice);
    let mut out = String::with_capacity(12_000);
    front_matter(&mut out, &head, &lead);
    let mut w = Writer::new(dice, cast, marks, head.date, n, out);
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
