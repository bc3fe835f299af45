//! Actor mentions in a piece: gazetteer names, bold-linked names and new actors.
//!
//! Every bold link that names an actor becomes a mention; a name the gazetteer does not know —
//! bold-linked, or introduced as [`discover`] reads it — becomes an actor of kind `unknown`
//! whose `subkind` says what the text makes of it (`person`, `group`, `channel`), with its
//! honorific kept apart, its role, Arabic name and other names. Later mentions by surname,
//! kunya (`Abu Hawraa`), honorific form (`Sheikh Ghanim`) or other name resolve to it.

mod around;
pub mod discover;
mod kinds;

use self::discover::{Guess, Introduced, describe, introduced};
use super::dates::MONTH_NAMES;
use super::gazetteer::{Gazetteer, NameHit, NameMatcher};
use super::marks::passages;
use super::model::{Actor, ActorKind, Paragraph, Piece, Span, SpanKind};
use super::name_scan::{HONORIFICS, honorific_at, name_len};
use super::places::is_place;
use super::slug::slugify;

/// Capitalized words that start sentences or name places, never speakers.
pub(crate) const NOT_NAMES: &[&str] = &[
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
    let quoted = quoted_ranges(&piece.paragraphs);
    let mut unknown = Vec::new();
    for paragraph in &mut piece.paragraphs {
        resolve_links(paragraph, gazetteer, &mut unknown);
    }
    let known: Vec<Vec<NameHit>> = piece
        .paragraphs
        .iter()
        .map(|p| gazetteer.find_names(&p.text))
        .collect();
    let authors: Vec<&str> = piece.authors.iter().map(|a| a.name.as_str()).collect();
    for ((paragraph, known), quoted) in piece.paragraphs.iter().zip(&known).zip(&quoted) {
        discover_names(paragraph, known, quoted, &authors, &mut unknown);
    }
    let local = local_matcher(&unknown);
    for (paragraph, known) in piece.paragraphs.iter_mut().zip(known) {
        mark_names(paragraph, gazetteer, known, &local, &unknown);
    }
    unknown
}

/// Byte ranges of the quotations of each paragraph, marks included.
fn quoted_ranges(paragraphs: &[Paragraph]) -> Vec<Vec<(usize, usize)>> {
    let mut ranges = vec![Vec::new(); paragraphs.len()];
    for p in passages(paragraphs) {
        for para in p.para..=p.end_para {
            let len = paragraphs.get(para).map_or(0, |x| x.text.len());
            let from = if para == p.para { p.open } else { 0 };
            let to = if para == p.end_para { p.close } else { len };
            if let Some(list) = ranges.get_mut(para) {
                list.push((from, to));
            }
        }
    }
    ranges
}

/// Turns bold links that name actors into mentions.
fn resolve_links(paragraph: &mut Paragraph, gazetteer: &Gazetteer, unknown: &mut Vec<Actor>) {
    for at in 0..paragraph.spans.len() {
        let span = &paragraph.spans[at];
        let SpanKind::Link { target } = &span.kind else {
            continue;
        };
        let text = &paragraph.text[span.start..span.end];
        let node = target
            .strip_prefix("/node/")
            .and_then(|n| n.parse::<u64>().ok());
        let skip = honorific_at(text).map_or(0, |(_, n)| n);
        let bare = &text[skip..];
        // A gazetteer name inside a longer new name (`Hezbollah` in `Harakat Hezbollah X`) does
        // not make the link that actor's.
        let longest = gazetteer
            .find_names(bare)
            .into_iter()
            .max_by_key(|h| h.end - h.start)
            .filter(|h| (h.end - h.start) * 5 >= bare.len() * 3);
        let actor = if let Some(hit) = longest {
            gazetteer.actors().get(hit.actor).map(|a| a.id.clone())
        } else if let Some(actor) = node.and_then(|n| gazetteer.by_node(n)) {
            Some(actor.id.clone())
        } else if looks_like_name(bare) {
            let about = describe(&paragraph.text, span.start, span.end);
            Some(register(unknown, bare, node, &about))
        } else {
            None
        };
        if let Some(actor) = actor {
            paragraph.spans[at].kind = SpanKind::Mention { actor };
        }
    }
}

/// A bold-linked phrase names an actor when every word is capitalized and none is a digit.
fn looks_like_name(text: &str) -> bool {
    name_len(text) == text.len()
        && !NOT_NAMES.contains(&text)
        && !MONTH_NAMES.contains(&text)
        && !is_place(text)
}

/// Registers the names a paragraph introduces (see [`discover`]), outside its quotations, its
/// links and the gazetteer's names; the piece's authors are never actors.
fn discover_names(
    paragraph: &Paragraph,
    known: &[NameHit],
    quoted: &[(usize, usize)],
    authors: &[&str],
    unknown: &mut Vec<Actor>,
) {
    let taken: Vec<(usize, usize)> = known
        .iter()
        .map(|h| (h.start, h.end))
        .chain(
            paragraph
                .spans
                .iter()
                .filter(|s| !matches!(s.kind, SpanKind::Emphasis))
                .map(|s| (s.start, s.end)),
        )
        .collect();
    for found in introduced(&paragraph.text, quoted, &taken) {
        let name = &paragraph.text[found.start..found.end];
        let single = !name.contains([' ', '-']);
        // `Sheikh Ghanim` after `Ghanim al-Hilfi`, `al-Hilfi` alone: a later form of a name
        // already known.
        let later_form = unknown.iter().any(|a| {
            (single && a.name.split(' ').next() == Some(name))
                || later_names(a).iter().any(|n| n == name)
        });
        if authors.contains(&name) || later_form {
            continue;
        }
        register(unknown, name, None, &found);
    }
}

/// Adds `name` as an unknown actor (or completes the one with its id) and returns its id.
fn register(unknown: &mut Vec<Actor>, name: &str, node: Option<u64>, about: &Introduced) -> String {
    let id = slugify(name);
    let mut aliases: Vec<String> = Vec::new();
    if let Some(honorific) = about.honorific {
        aliases.push(format!("{honorific} {name}"));
        if let Some(first) = name.split(' ').next().filter(|f| f.len() < name.len()) {
            aliases.push(format!("{honorific} {first}"));
        }
    }
    aliases.extend(about.alias.clone());
    if let Some(actor) = unknown.iter_mut().find(|a| a.id == id) {
        actor.node = actor.node.or(node);
        if actor.role.is_empty() {
            actor.role = about.role.clone().unwrap_or_default();
        }
        for alias in aliases {
            if !actor.aliases.contains(&alias) {
                actor.aliases.push(alias);
            }
        }
        if actor.arabic.is_empty() {
            actor.arabic.extend(about.arabic.clone());
        }
        return id;
    }
    unknown.push(Actor {
        id: id.clone(),
        name: name.to_string(),
        kind: ActorKind::Unknown,
        subkind: Some(about.kind.label().to_string()),
        aliases,
        arabic: about.arabic.clone().into_iter().collect(),
        affiliations: Vec::new(),
        relations: Vec::new(),
        role: about.role.clone().unwrap_or_default(),
        node,
        platform: None,
        unconfirmed: vec!["*".to_string()],
        sources: Vec::new(),
    });
    id
}

/// What an unknown actor was taken for (`person` when the piece did not say).
#[must_use]
pub fn guess_of(actor: &Actor) -> Guess {
    match actor.subkind.as_deref() {
        Some("group") => Guess::Group,
        Some("channel") => Guess::Channel,
        _ => Guess::Person,
    }
}

/// The names an actor is referred to by after the first mention: a person's surname
/// (`al-Hilfi`, `Hilfi`) and kunya (`Abu Hawraa`); a group's name without its generic first
/// word (`Khuddam al-Tariq` for `Hayat Khuddam al-Tariq`).
fn later_names(actor: &Actor) -> Vec<String> {
    let mut names = Vec::new();
    let words: Vec<&str> = actor.name.split(' ').collect();
    if guess_of(actor) == Guess::Group {
        if let [first, rest @ ..] = words.as_slice()
            && rest.len() >= 2
            && kinds::GROUP_NAME_WORDS.contains(first)
        {
            let short = rest.join(" ");
            if !is_place(&short) {
                names.push(short);
            }
        }
        return names;
    }
    if guess_of(actor) != Guess::Person {
        return names;
    }
    if let [first, second, _, ..] = words.as_slice()
        && matches!(*first, "Abu" | "Umm")
    {
        names.push(format!("{first} {second}"));
    }
    if let Some(last) = words.last().filter(|_| words.len() > 1) {
        let bare = last.strip_prefix("al-").unwrap_or(last);
        if bare.chars().count() >= 4 && !is_place(bare) && !NOT_NAMES.contains(&bare) {
            names.push((*last).to_string());
            if bare != *last {
                names.push(bare.to_string());
                names.push(format!("Al-{bare}"));
            }
        }
    }
    names
}

/// A matcher for the piece's unknown actors: full names, other names, and for persons the
/// later forms of [`later_names`]; a later form two people share is left out.
fn local_matcher(unknown: &[Actor]) -> NameMatcher {
    let mut names: Vec<(String, usize)> = Vec::new();
    for (i, actor) in unknown.iter().enumerate() {
        names.push((actor.name.clone(), i));
        names.extend(actor.aliases.iter().map(|a| (a.clone(), i)));
    }
    let mut later: Vec<(String, usize)> = Vec::new();
    for (i, actor) in unknown.iter().enumerate() {
        later.extend(later_names(actor).into_iter().map(|n| (n, i)));
    }
    let shared = |name: &str| later.iter().filter(|(n, _)| n == name).count() > 1;
    let kept: Vec<(String, usize)> = later
        .iter()
        .filter(|(n, _)| !shared(n) && !names.iter().any(|(m, _)| m == n))
        .cloned()
        .collect();
    names.extend(kept);
    // An honorific alone is no name.
    names.retain(|(n, _)| !HONORIFICS.contains(&n.as_str()));
    NameMatcher::new(names)
}

/// Adds a mention span for every name in the paragraph outside links and existing mentions;
/// where names overlap, the longer one wins.
fn mark_names(
    paragraph: &mut Paragraph,
    gazetteer: &Gazetteer,
    known: Vec<NameHit>,
    local: &NameMatcher,
    unknown: &[Actor],
) {
    let found = known.into_iter().filter_map(|h| {
        let actor = gazetteer.actors().get(h.actor)?;
        Some((h.start, h.end, false, actor.id.clone()))
    });
    let local = local
        .find(&paragraph.text)
        .into_iter()
        .filter_map(|h| Some((h.start, h.end, true, unknown.get(h.actor)?.id.clone())));
    let mut all: Vec<(usize, usize, bool, String)> = local.chain(found).collect();
    // Longest first; at equal length the piece's own actor (`Hamidawi` after `Qais
    // al-Hamidawi`) before the gazetteer's.
    all.sort_by_key(|(start, end, own, _)| (std::cmp::Reverse(end - start), !own));
    let mut added: Vec<Span> = Vec::new();
    for (start, end, _, actor) in all {
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
    fn a_phrase_like_he_warned_is_not_a_name() {
        assert!(!looks_like_name("he warned"));
        assert!(!looks_like_name("Part 2"));
        assert!(looks_like_name("Chatham House"));
        assert!(looks_like_name("Abu Qamar al-Nonesuch"));
        assert!(!looks_like_name("Basra"));
    }

    #[test]
    fn a_person_is_later_named_by_surname_and_kunya() {
        let about = describe("said Abu Hawraa al-Basri.", 5, 24);
        let mut unknown = Vec::new();
        register(&mut unknown, "Abu Hawraa al-Basri", None, &about);
        let names = later_names(&unknown[0]);
        assert!(names.contains(&"Abu Hawraa".to_string()), "{names:?}");
        assert!(names.contains(&"Basri".to_string()), "{names:?}");
    }
}
