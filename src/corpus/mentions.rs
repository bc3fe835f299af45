//! Actor mentions in a piece: gazetteer names, bold-linked names and unknown speakers.
//!
//! Every bold link that names an actor becomes a mention; a capitalized name the gazetteer does
//! not know — bold-linked, or beside a speech verb — becomes an actor of kind `unknown`, so no
//! statement is left without a speaker. Later mentions of such a name by surname resolve to it.

use super::dates::MONTH_NAMES;
use super::gazetteer::{Gazetteer, NameHit, NameMatcher};
use super::model::{Actor, ActorKind, Paragraph, Piece, Span, SpanKind};
use super::names::{name_ending_at, name_len};
use super::slug::slugify;
use super::speech::is_speech_verb;

/// Capitalized words that start sentences or name places, never speakers.
const NOT_NAMES: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "A",
    "An",
    "And",
    "But",
    "Although",
    "However",
    "Indeed",
    "Such",
    "Iran",
    "Iraq",
    "Iraqi",
    "Iranian",
    "American",
    "Americans",
    "Washington",
    "Baghdad",
    "Tehran",
    "Israel",
    "Israeli",
    "Gaza",
    "Syria",
    "Lebanon",
    "Lebanese",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "When",
    "After",
    "Before",
    "As",
    "If",
    "Meanwhile",
    "Then",
    "There",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Figure",
    "Part",
    "Some",
    "One",
    "Both",
    "All",
    "Another",
    "According",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Finds mentions in every paragraph of `piece`, marks them as spans, and returns the
/// unknown actors the piece introduced.
pub fn annotate(piece: &mut Piece, gazetteer: &Gazetteer) -> Vec<Actor> {
    let mut unknown = Vec::new();
    for paragraph in &mut piece.paragraphs {
        resolve_links(paragraph, gazetteer, &mut unknown);
    }
    let known: Vec<Vec<NameHit>> = piece
        .paragraphs
        .iter()
        .map(|p| gazetteer.find_names(&p.text))
        .collect();
    for (paragraph, known) in piece.paragraphs.iter().zip(&known) {
        discover_speakers(paragraph, known, &mut unknown);
    }
    let local = local_matcher(&unknown);
    for (paragraph, known) in piece.paragraphs.iter_mut().zip(known) {
        mark_names(paragraph, gazetteer, known, &local, &unknown);
    }
    unknown
}

/// Turns bold links that name actors into mentions.
fn resolve_links(paragraph: &mut Paragraph, gazetteer: &Gazetteer, unknown: &mut Vec<Actor>) {
    for span in &mut paragraph.spans {
        let SpanKind::Link { target } = &span.kind else {
            continue;
        };
        let text = &paragraph.text[span.start..span.end];
        let node = target
            .strip_prefix("/node/")
            .and_then(|n| n.parse::<u64>().ok());
        let longest = gazetteer
            .find_names(text)
            .into_iter()
            .max_by_key(|h| h.end - h.start);
        let actor = if let Some(hit) = longest {
            gazetteer.actors().get(hit.actor).map(|a| a.id.clone())
        } else if let Some(actor) = node.and_then(|n| gazetteer.by_node(n)) {
            Some(actor.id.clone())
        } else if looks_like_name(text) {
            Some(register(unknown, text, node, None))
        } else {
            None
        };
        if let Some(actor) = actor {
            span.kind = SpanKind::Mention { actor };
        }
    }
}

/// A bold-linked phrase names an actor when every word is capitalized and none is a digit.
fn looks_like_name(text: &str) -> bool {
    name_len(text) == text.len() && !NOT_NAMES.contains(&text) && !MONTH_NAMES.contains(&text)
}

/// Registers names written beside a speech verb (`said Abu X al-Y`, `Abu X al-Y said`).
///
/// Only short windows around speech verbs are searched, so the cost stays proportional to
/// the number of verbs rather than the length of the text.
fn discover_speakers(paragraph: &Paragraph, known: &[NameHit], unknown: &mut Vec<Actor>) {
    let text = &paragraph.text;
    for (verb_start, verb_end) in speech_verbs(text) {
        for (start, end) in [name_after(text, verb_end), name_before(text, verb_start)]
            .into_iter()
            .flatten()
        {
            let covered = known.iter().any(|h| h.start < end && start < h.end)
                || paragraph
                    .spans
                    .iter()
                    .any(|s| s.start < end && start < s.end);
            let name = &text[start..end];
            if !covered && !NOT_NAMES.contains(&name) && !MONTH_NAMES.contains(&name) {
                register(unknown, name, None, appositive(&text[end..]));
            }
        }
    }
}

/// Byte ranges of the speech verbs in `text`.
fn speech_verbs(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    text.split_ascii_whitespace()
        .filter(|w| is_speech_verb(w))
        .map(move |word| {
            let start = word.as_ptr() as usize - text.as_ptr() as usize;
            (start, start + word.len())
        })
}

/// How far from a speech verb a speaker's name may start or end.
const NAME_WINDOW: usize = 80;

/// A capitalized name starting right after `at` (skipping spaces and a comma).
fn name_after(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = &text[at..];
    let from = at + rest.len() - rest.trim_start_matches([' ', ',']).len();
    let len = name_len(&text[from..]);
    (len > 0).then_some((from, from + len))
}

/// A capitalized name ending right before `at` (skipping spaces and a comma).
fn name_before(text: &str, at: usize) -> Option<(usize, usize)> {
    let to = text[..at].trim_end_matches([' ', ',']).len();
    name_ending_at(&text[..to], NAME_WINDOW).map(|from| (from, to))
}

/// The description after a name: `, the group's spokesman,` gives `the group's spokesman`.
#[must_use]
pub fn appositive(after: &str) -> Option<String> {
    let rest = after.strip_prefix(", ")?;
    if !rest.starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let end = rest.find([',', '.', ';', ':']).unwrap_or(rest.len());
    let phrase = rest[..end].trim();
    (!phrase.is_empty() && phrase.split_whitespace().count() <= 8).then(|| phrase.to_string())
}

fn register(
    unknown: &mut Vec<Actor>,
    name: &str,
    node: Option<u64>,
    role: Option<String>,
) -> String {
    let id = slugify(name);
    if let Some(actor) = unknown.iter_mut().find(|a| a.id == id) {
        actor.node = actor.node.or(node);
        if actor.role.is_empty() {
            actor.role = role.unwrap_or_default();
        }
        return id;
    }
    unknown.push(Actor {
        id: id.clone(),
        name: name.to_string(),
        kind: ActorKind::Unknown,
        subkind: None,
        aliases: Vec::new(),
        arabic: Vec::new(),
        affiliations: Vec::new(),
        relations: Vec::new(),
        role: role.unwrap_or_default(),
        node,
        platform: None,
        unconfirmed: vec!["*".to_string()],
        sources: Vec::new(),
    });
    id
}

/// A matcher for the piece's unknown actors: full names and surnames (`al-Nonesuch`, `Nonesuch`).
fn local_matcher(unknown: &[Actor]) -> NameMatcher {
    let mut names = Vec::new();
    for (i, actor) in unknown.iter().enumerate() {
        names.push((actor.name.clone(), i));
        let last = actor.name.rsplit([' ']).next().unwrap_or(&actor.name);
        if last != actor.name {
            names.push((last.to_string(), i));
            if let Some(bare) = last.strip_prefix("al-").filter(|b| b.chars().count() >= 4) {
                names.push((bare.to_string(), i));
                names.push((format!("Al-{bare}"), i));
            }
        }
    }
    NameMatcher::new(names)
}

/// Adds a mention span for every name in the paragraph outside links and existing mentions.
fn mark_names(
    paragraph: &mut Paragraph,
    gazetteer: &Gazetteer,
    known: Vec<NameHit>,
    local: &NameMatcher,
    unknown: &[Actor],
) {
    let found = known.into_iter().filter_map(|h| {
        let actor = gazetteer.actors().get(h.actor)?;
        Some((h.start, h.end, actor.id.clone()))
    });
    let local = local
        .find(&paragraph.text)
        .into_iter()
        .filter_map(|h| Some((h.start, h.end, unknown.get(h.actor)?.id.clone())));
    let mut added: Vec<Span> = Vec::new();
    for (start, end, actor) in found.chain(local) {
        let overlaps = |s: &Span| s.start < end && start < s.end;
        if paragraph
            .spans
            .iter()
            .any(|s| overlaps(s) && !matches!(s.kind, SpanKind::Emphasis))
            || added.iter().any(overlaps)
        {
            continue;
        }
        added.push(Span {
            start,
            end,
            kind: SpanKind::Mention { actor },
        });
    }
    paragraph.spans.extend(added);
    paragraph.spans.sort_by_key(|s| (s.start, s.end));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_appositive_role() {
        assert_eq!(
            appositive(", the group's spokesman, said").as_deref(),
            Some("the group's spokesman")
        );
        assert_eq!(appositive(" said"), None);
        assert_eq!(appositive(", Hadi"), None);
    }

    #[test]
    fn a_phrase_like_he_warned_is_not_a_name() {
        assert!(!looks_like_name("he warned"));
        assert!(!looks_like_name("Part 2"));
        assert!(looks_like_name("Chatham House"));
        assert!(looks_like_name("Abu Qamar al-Nonesuch"));
    }
}
