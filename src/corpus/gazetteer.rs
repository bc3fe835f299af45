//! The actor gazetteer: loading `actors.json`, checking it, and spotting names in text.
//!
//! Spotting is case-sensitive on word boundaries and prefers the longest name, following the
//! guardrails of the transliteration notes: `KH` is an acronym only in capitals, and
//! `Kataib Hezbollah` wins over the `Hezbollah` inside it.

use foldhash::{HashMap, HashMapExt};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use super::model::{Actor, ActorKind};
use super::page::PageIssue;

/// The gazetteer: actors by id and a matcher for their names in running text.
#[derive(Debug, Clone)]
pub struct Gazetteer {
    actors: Vec<Actor>,
    by_id: HashMap<String, usize>,
    by_node: HashMap<u64, usize>,
    matcher: NameMatcher,
}

/// One name found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameHit {
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the name.
    pub end: usize,
    /// Index of the actor in [`Gazetteer::actors`].
    pub actor: usize,
}

/// An Aho-Corasick matcher over actor names that reports whole-word, longest matches.
///
/// A handful of names (a piece's unknown speakers) are searched one by one instead: building
/// an automaton per piece would cost more than it saves.
#[derive(Debug, Clone)]
pub struct NameMatcher {
    automaton: Option<AhoCorasick>,
    owners: Vec<usize>,
    /// Substring searchers for a few names, built once and reused for every paragraph.
    few: Vec<Finder<'static>>,
}

/// Below this many names, [`NameMatcher`] scans for each name in turn.
const FEW_NAMES: usize = 16;

impl NameMatcher {
    /// Builds a matcher from `(name, owner)` pairs; `owner` comes back in each hit.
    #[must_use]
    pub fn new(names: Vec<(String, usize)>) -> Self {
        let owners = names.iter().map(|(_, owner)| *owner).collect();
        let patterns: Vec<String> = names.into_iter().map(|(name, _)| name).collect();
        if patterns.len() < FEW_NAMES {
            return Self {
                automaton: None,
                owners,
                few: patterns
                    .iter()
                    .map(|p| Finder::new(p.as_bytes()).into_owned())
                    .collect(),
            };
        }
        // The automaton kind is left to the crate: a DFA matches a tenth faster but takes
        // longer to build (15 ms for the gazetteer) than a small corpus takes to load.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        Self {
            automaton,
            owners,
            few: Vec::new(),
        }
    }

    /// Leftmost-longest whole-word matches of a few names, without an automaton.
    fn find_few(&self, text: &str) -> Vec<NameHit> {
        let mut hits: Vec<NameHit> = Vec::new();
        for (finder, &actor) in self.few.iter().zip(&self.owners) {
            // A match of a UTF-8 name in UTF-8 text starts and ends on character boundaries.
            for start in finder.find_iter(text.as_bytes()) {
                let end = start + finder.needle().len();
                if is_word_boundary(text, start, end) {
                    hits.push(NameHit { start, end, actor });
                }
            }
        }
        hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<NameHit> = Vec::new();
        for hit in hits {
            if kept.last().is_none_or(|k| hit.start >= k.end) {
                kept.push(hit);
            }
        }
        kept
    }

    /// Every whole-word name in `text`, left to right, longest first where names overlap.
    #[must_use]
    pub fn find(&self, text: &str) -> Vec<NameHit> {
        let Some(automaton) = &self.automaton else {
            return self.find_few(text);
        };
        automaton
            .find_iter(text)
            .filter(|m| is_word_boundary(text, m.start(), m.end()))
            .filter_map(|m| {
                Some(NameHit {
                    start: m.start(),
                    end: m.end(),
                    actor: *self.owners.get(m.pattern().as_usize())?,
                })
            })
            .collect()
    }
}

fn is_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl Gazetteer {
    /// Indexes `actors` (assumed checked by [`parse_actors`]); later duplicates are ignored.
    #[must_use]
    pub fn new(actors: Vec<Actor>) -> Self {
        let mut by_id = HashMap::new();
        let mut by_node = HashMap::new();
        for (i, actor) in actors.iter().enumerate() {
            by_id.entry(actor.id.clone()).or_insert(i);
            if let Some(node) = actor.node {
                by_node.entry(node).or_insert(i);
            }
        }
        let matcher = NameMatcher::new(spotting_names(&actors));
        Self {
            actors,
            by_id,
            by_node,
            matcher,
        }
    }

    /// All actors, in file order.
    #[must_use]
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    /// The actor with this id.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.by_id.get(id).and_then(|&i| self.actors.get(i))
    }

    /// The actor whose profile page is `/node/N`.
    #[must_use]
    pub fn by_node(&self, node: u64) -> Option<&Actor> {
        self.by_node.get(&node).and_then(|&i| self.actors.get(i))
    }

    /// Names of gazetteer actors in `text`.
    #[must_use]
    pub fn find_names(&self, text: &str) -> Vec<NameHit> {
        self.matcher.find(text)
    }
}

/// The names worth spotting in running text: canonical names, aliases, Arabic names, the
/// `al-` article capitalized at a sentence start, and a person's surname when no other
/// person shares it.
fn spotting_names(actors: &[Actor]) -> Vec<(String, usize)> {
    let mut names = Vec::new();
    let mut surnames: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, actor) in actors.iter().enumerate() {
        let all = std::iter::once(&actor.name)
            .chain(&actor.aliases)
            .chain(&actor.arabic);
        for name in all.filter(|n| n.chars().count() >= 2) {
            names.push((name.clone(), i));
            if let Some(rest) = name.strip_prefix("al-") {
                names.push((format!("Al-{rest}"), i));
            }
        }
        if actor.kind == ActorKind::Person
            && let Some(surname) = actor
                .name
                .rsplit(' ')
                .next()
                .filter(|_| actor.name.contains(' '))
        {
            surnames.entry(surname.to_string()).or_default().push(i);
        }
    }
    for (surname, owners) in surnames {
        if let [only] = owners[..] {
            let bare = surname.strip_prefix("al-").unwrap_or(&surname);
            if bare.chars().count() >= 4 {
                names.push((surname.clone(), only));
                names.push((bare.to_string(), only));
            }
        }
    }
    names
}

/// Parses and checks a gazetteer file, reporting every problem with its line.
///
/// A syntax error stops parsing (its line and column are reported); the remaining checks —
/// duplicate ids, empty names, relations and affiliations to missing actors — all run, and
/// the actors are returned with the bad references dropped.
pub fn parse_actors(text: &str) -> (Vec<Actor>, Vec<PageIssue>) {
    let entries: Vec<&serde_json::value::RawValue> = match serde_json::from_str(text) {
        Ok(entries) => entries,
        Err(e) => {
            let line = u32::try_from(e.line()).unwrap_or(u32::MAX).max(1);
            let message = format!("column {}: {}", e.column(), strip_position(&e.to_string()));
            return (Vec::new(), vec![PageIssue { line, message }]);
        }
    };
    let mut issues = Vec::new();
    // One bad entry (an unknown field, a wrong type) is skipped on its own: the others stay.
    let mut actors: Vec<Actor> = Vec::with_capacity(entries.len());
    for entry in entries {
        match serde_json::from_str::<Actor>(entry.get()) {
            Ok(actor) => actors.push(actor),
            Err(e) => {
                // The entry is a slice of `text`: where it starts gives its first line.
                let start = (entry.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                let first = text
                    .get(..start)
                    .map_or(0, |before| before.matches('\n').count());
                let line = u32::try_from(first + e.line()).unwrap_or(u32::MAX).max(1);
                let message = format!("{}; this entry is skipped", strip_position(&e.to_string()));
                issues.push(PageIssue { line, message });
            }
        }
    }
    let lines = id_lines(text);
    let id_line = |id: &str, nth: usize| {
        lines
            .get(id)
            .and_then(|l| l.get(nth - 1))
            .copied()
            .unwrap_or(1)
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    actors.retain(|actor| {
        let count = seen.entry(actor.id.clone()).or_default();
        *count += 1;
        let line = id_line(&actor.id, *count);
        if actor.id.trim().is_empty() || actor.name.trim().is_empty() {
            issues.push(PageIssue {
                line,
                message: "an actor needs a non-empty `id` and `name`".into(),
            });
            return false;
        }
        if *count > 1 {
            issues.push(PageIssue {
                line,
                message: format!("duplicate actor id `{}`; this entry is skipped", actor.id),
            });
        }
        *count == 1
    });
    let known: std::collections::HashSet<String> = actors.iter().map(|a| a.id.clone()).collect();
    for actor in &mut actors {
        let line = id_line(&actor.id, 1);
        let mut missing = |field: &str, id: &String| {
            let ok = known.contains(id);
            if !ok {
                let message = format!(
                    "actor `{}` refers to `{id}` in its {field}, which is not in the gazetteer",
                    actor.id
                );
                issues.push(PageIssue { line, message });
            }
            ok
        };
        actor.affiliations.retain(|id| missing("affiliations", id));
        actor.relations.retain(|r| missing("relations", &r.to));
    }
    (actors, issues)
}

fn strip_position(message: &str) -> &str {
    message.split(" at line ").next().unwrap_or(message)
}

/// Lines of every `"id": "<id>"` in the file, by id, so checks can point at an entry.
fn id_lines(text: &str) -> HashMap<String, Vec<u32>> {
    let mut lines: HashMap<String, Vec<u32>> = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        for rest in line.split("\"id\"").skip(1) {
            let Some(value) = rest.trim_start().strip_prefix(':') else {
                continue;
            };
            let mut stream =
                serde_json::Deserializer::from_str(value.trim_start()).into_iter::<String>();
            if let Some(Ok(id)) = stream.next() {
                lines
                    .entry(id)
                    .or_default()
                    .push(u32::try_from(i + 1).unwrap_or(u32::MAX));
            }
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    const BUNDLED: &str = include_str!("../../data/actors.json");

    #[test]
    fn bundled_gazetteer_is_clean() {
        let (actors, issues) = parse_actors(BUNDLED);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(actors.len(), 96);
        for id in [
            "hadi-al-ameri",
            "ali-khamenei",
            "electronic-hashd",
            "badr-organization",
        ] {
            assert!(actors.iter().any(|a| a.id == id), "{id}");
        }
    }

    #[test]
    fn reports_syntax_errors_with_line_and_column() {
        let (actors, issues) = parse_actors("[\n  {\"id\": \"a\",\n  \"name\": }\n]");
        assert!(actors.is_empty());
        assert_eq!(issues[0].line, 3);
        assert!(
            issues[0].message.starts_with("column "),
            "{}",
            issues[0].message
        );
    }

    #[test]
    fn one_bad_entry_is_skipped_and_the_others_kept() {
        let text = r#"[
  {"id": "a", "name": "A", "kind": "militia"},
  {"id": "b", "name": "B",
   "kind": "militia", "colour": "red"},
  {"id": "c", "name": "C", "kind": "person",
   "affiliations": ["ghost"], "relations": [{"to": "ghost", "relation": "leads"}]}
]"#;
        let (actors, issues) = parse_actors(text);
        let ids: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(issues[0].line, 4, "{}", issues[0].message);
        assert!(
            issues[0].message.contains("colour") && issues[0].message.contains("skipped"),
            "{}",
            issues[0].message
        );
        let messages: Vec<&str> = issues[1..].iter().map(|i| i.message.as_str()).collect();
        assert!(messages[0].contains("in its affiliations"), "{messages:?}");
        assert!(messages[1].contains("in its relations"), "{messages:?}");
    }

    #[test]
    fn reports_duplicates_and_missing_relations() {
        let text = r#"[
  {"id": "a", "name": "A", "kind": "militia", "affiliations": ["ghost"]},
  {"id": "a", "name": "A again", "kind": "militia"}
]"#;
        let (actors, issues) = parse_actors(text);
        assert_eq!(actors.len(), 1);
        assert!(actors[0].affiliations.is_empty());
        let lines: Vec<u32> = issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, vec![3, 2]);
    }

    #[test]
    fn spots_longest_names_on_word_boundaries() {
        let (actors, _) = parse_actors(BUNDLED);
        let gazetteer = Gazetteer::new(actors);
        let text = "Kataib Hezbollah and KHAN and Hadi al-Ameri met Ameri's aide.";
        let found: Vec<&str> = gazetteer
            .find_names(text)
            .iter()
            .map(|h| &text[h.start..h.end])
            .collect();
        assert_eq!(found, vec!["Kataib Hezbollah", "Hadi al-Ameri", "Ameri"]);
    }

    #[test]
    fn does_not_spot_a_surname_two_people_share() {
        let (actors, _) = parse_actors(BUNDLED);
        let gazetteer = Gazetteer::new(actors);
        let hits = gazetteer.find_names("Kaabi said so.");
        assert!(hits.is_empty(), "{hits:?}");
    }
}
