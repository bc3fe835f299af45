//! Actor lookup by any alias, romanization, acronym, surname or Arabic spelling.
//!
//! `spotlight actors QUERY` lists the ranked matches with the alias that matched, and the search
//! query `@actor` / `@actor+` resolves its name here. Every name of every actor is folded once,
//! in [`ActorIndex::new`], into the keys of `transliteration.md`; a lookup folds the query the
//! same way and walks the tiers from the strongest to the weakest:
//!
//! 1. **Exact**: the query equals a name ignoring case (or an actor id such as `hadi-al-ameri`).
//! 2. **Acronym**: an acronym query (`KH`, `HaN`, `IRGC-QF`) equals an acronym alias, letter for
//!    letter; an acronym query meets nothing else but acronym tokens of longer names (`KH Kaf`).
//! 3. **Strict** / **Arabic**: equal strict keys, or equal Arabic keys for Arabic script.
//! 4. **Loose**: a shared loose key, ranked by edit distance on a vowel-keeping spelling; a token
//!    too far from its partner is rejected (*Mahmud* never stands in for *Muhammad*).
//! 5. **Surname** (token run): the query's tokens inside a longer name (*Khazali*, *العامري*);
//!    every bearer of a surname is returned, never merged.
//! 6. Fallbacks, only when nothing above matched: a lower-case acronym (`kh`), the start of a
//!    name while typing (**Fuzzy**, listed but never resolved), a misspelling within 1–2 edits
//!    (**Fuzzy**).
//!
//! Each actor appears once, with its best-scoring name; ties go to militias and persons, then by
//! name.

mod matching;
mod name_keys;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use crate::corpus::{Actor, ActorKind};
use matching::{Best, Hit, Tier};
use name_keys::{Name, exact_key};

/// Built once from the corpus's actors (gazetteer + unknown actors found in pieces), shared
/// read-only.
///
/// Holds every name of every actor with its keys precomputed, so a lookup is a few hash-map
/// probes and runs on every keystroke; it keeps no reference to the actors themselves.
///
/// Serializable, so an index image keeps it as built: folding every name again took a third
/// of opening an image.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ActorIndex {
    /// Tie-break key of each actor: kind rank, then lower-cased name.
    order: Vec<(u8, String)>,
    /// Kind of each actor.
    kinds: Vec<ActorKind>,
    /// Every name of every actor (name, aliases, Arabic names, then the id).
    names: Vec<Name>,
    /// Whether each name takes part in the key tiers (false for ids, which only match exactly).
    searchable: Vec<bool>,
    /// Exact key → names (acronym aliases excluded: they are case-sensitive).
    exact: HashMap<String, Vec<usize>>,
    /// Acronym key → acronym aliases.
    acronyms: HashMap<String, Vec<usize>>,
    /// Strict or Arabic key → names (acronym aliases excluded).
    strict: HashMap<String, Vec<usize>>,
    /// Loose key → names (acronym aliases excluded).
    loose: HashMap<String, Vec<usize>>,
    /// Loose token → (name, index of the loose key holding it), for token runs.
    tokens: HashMap<String, Vec<(usize, usize)>>,
    /// Actors linked to each actor in either direction, by affiliation or relation.
    links: Vec<BTreeSet<usize>>,
}

/// One actor found by [`ActorIndex::lookup`].
///
/// Carries the alias that matched so the list can show why an actor is there (`KH` for
/// *Kataib Hezbollah*, `العامري` for *Hadi al-Ameri*).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorMatch {
    /// Index into the slice given to [`ActorIndex::new`].
    pub actor: usize,
    /// The name or alias that matched best, as written in the gazetteer.
    pub alias: String,
    /// How it matched.
    pub how: MatchHow,
    /// Higher is better.
    pub score: u32,
}

/// How a query met an actor's name, from the strongest tier to the weakest.
///
/// Shown next to each match, so an analyst can tell an exact alias from a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchHow {
    /// The query is the name, ignoring case (or the actor's id).
    Exact,
    /// The query is an acronym alias (`KH`, `HaN`).
    Acronym,
    /// Same strict key: the same name up to articles, apostrophes, doubled letters.
    Strict,
    /// Same consonant skeleton, close spelling (*Kadhemi* for *Kadhimi*).
    Loose,
    /// The query ends a longer name: a surname (*Khazali*).
    Surname,
    /// The query is another part of a longer name: a given name (*Hadi*), a middle word.
    Part,
    /// An Arabic-script match, whole name or surname.
    Arabic,
    /// A misspelling or an unfinished word.
    Fuzzy,
}

impl MatchHow {
    /// The label used in text output and JSON.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::Acronym => "acronym",
            Self::Strict => "strict",
            Self::Loose => "loose",
            Self::Surname => "surname",
            Self::Part => "part",
            Self::Arabic => "arabic",
            Self::Fuzzy => "fuzzy",
        }
    }
}

impl ActorIndex {
    /// Folds every name, alias and Arabic spelling of `actors` into the lookup tables.
    ///
    /// Done once per corpus, so that [`lookup`](Self::lookup) only folds the query.
    #[must_use]
    pub fn new(actors: &[Actor]) -> Self {
        let mut index = ActorIndex {
            order: actors.iter().map(tie_break).collect(),
            kinds: actors.iter().map(|a| a.kind).collect(),
            names: Vec::new(),
            searchable: Vec::new(),
            exact: HashMap::new(),
            acronyms: HashMap::new(),
            strict: HashMap::new(),
            loose: HashMap::new(),
            tokens: HashMap::new(),
            links: links(actors),
        };
        for (a, actor) in actors.iter().enumerate() {
            let names = std::iter::once(&actor.name)
                .chain(&actor.aliases)
                .chain(&actor.arabic);
            for written in names {
                index.add_name(Name::of(a, written));
            }
            index.add_id(a, &actor.id);
        }
        index
    }

    /// Adds one name to every table it belongs to.
    fn add_name(&mut self, name: Name) {
        let n = self.names.len();
        if let Some(key) = &name.acronym {
            self.acronyms.entry(key.clone()).or_default().push(n);
        } else {
            self.exact.entry(name.exact.clone()).or_default().push(n);
            if !name.strict.is_empty() {
                self.strict.entry(name.strict.clone()).or_default().push(n);
            }
            for key in &name.loose {
                self.loose.entry(key.clone()).or_default().push(n);
            }
        }
        let mut seen = BTreeSet::new();
        for (k, key) in name.loose_tokens.iter().enumerate() {
            for token in key {
                if seen.insert((token.as_str(), k)) {
                    self.tokens.entry(token.clone()).or_default().push((n, k));
                }
            }
        }
        self.names.push(name);
        self.searchable.push(true);
    }

    /// Adds an actor id, which matches only exactly (`@hadi-al-ameri`).
    fn add_id(&mut self, actor: usize, id: &str) {
        let n = self.names.len();
        self.exact.entry(exact_key(id)).or_default().push(n);
        self.names.push(Name::of(actor, id));
        self.searchable.push(false);
    }

    /// Ranked matches, best first; empty query → empty.
    ///
    /// One match per actor, with the alias that matched best. Cheap enough to run on every
    /// keystroke: the key tiers are hash-map probes, and only a query that matched nothing
    /// there scans the names for misspellings and prefixes.
    #[must_use]
    pub fn lookup(&self, query: &str) -> Vec<ActorMatch> {
        self.matches(self.hits(query, false))
    }

    /// Ranked matches for a list filtered as the user types (the sidebar): as [`lookup`], and
    /// also every name with a word the query begins, from two letters (`kh`: Kataib Hezbollah
    /// by its acronym first, then Khamenei, Khazali...).
    ///
    /// [`lookup`]: Self::lookup
    #[must_use]
    pub fn filter(&self, query: &str) -> Vec<ActorMatch> {
        self.matches(self.hits(query, true))
    }

    fn matches(&self, hits: Vec<Hit>) -> Vec<ActorMatch> {
        hits.into_iter()
            .map(|hit| {
                let name = &self.names[hit.name];
                ActorMatch {
                    actor: hit.actor,
                    alias: name.written.clone(),
                    how: how(hit.tier, name.arabic, hit.at_end),
                    score: hit.score,
                }
            })
            .collect()
    }

    /// The best actors for `@query`: one, several tied ones, or none when nothing matches well.
    ///
    /// The search takes the union of the result. Several actors come back when they tie, and
    /// for a surname (*Kaabi*: Akram al-Kaabi and Ameer al-Kaabi; *Khazali*: Qais and Laith
    /// al-Khazali, even though `Khazali` is also an alias of Qais) every person bearing it as
    /// the last word of a name is returned, as docs/folding.md §3 asks. A query whose best match
    /// is the start of
    /// a name (`Kataib Hez`, listed by `lookup` while typing) is unfinished and resolves to none,
    /// rather than to a misspelling of something else (*Kataib Sid*).
    #[must_use]
    pub fn resolve(&self, query: &str) -> Vec<usize> {
        let mut hits = self.hits(query, false);
        if hits.first().is_none_or(|h| h.tier == Tier::Prefix) {
            return Vec::new();
        }
        hits.retain(|h| h.tier != Tier::Prefix);
        let Some(top) = hits.first().copied() else {
            return Vec::new();
        };
        let mut found: Vec<usize> = hits
            .iter()
            .take_while(|h| h.score == top.score)
            .map(|h| h.actor)
            .collect();
        if self.is_surname_hit(&top) {
            let bearers = hits.iter().filter(|h| {
                h.tier == Tier::Run && h.at_end && self.is_person(h.actor) && h.dist <= top.dist
            });
            for hit in bearers {
                if !found.contains(&hit.actor) {
                    found.push(hit.actor);
                }
            }
        }
        found
    }

    /// The actor plus its affiliates for `@actor+`, as indexes into the actor slice.
    ///
    /// Affiliates are the ids in its `affiliations` and `relations[].to`, and the actors that
    /// list it in theirs (members, leaders, front groups, channels), one step only. The actor
    /// comes first, then the others in slice order; an index out of range gives nothing.
    #[must_use]
    pub fn with_affiliates(&self, actor: usize) -> Vec<usize> {
        let Some(linked) = self.links.get(actor) else {
            return Vec::new();
        };
        std::iter::once(actor)
            .chain(linked.iter().copied())
            .collect()
    }

    /// The best hit per actor, sorted best first (score, then kind, then name).
    fn hits(&self, query: &str, incremental: bool) -> Vec<Hit> {
        let q = Name::of(0, query);
        let mut best = Best::new(self.order.len());
        if q.sound.is_empty() && q.acronym.is_none() {
            return Vec::new();
        }
        self.match_keys(&q, &mut best);
        self.match_runs(&q, &mut best);
        if best.is_empty() || incremental {
            self.match_lower_acronym(query, &mut best);
            self.match_fuzzy(&q, &mut best, if incremental { 2 } else { 3 });
        }
        let mut hits = best.into_hits();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| self.order[a.actor].cmp(&self.order[b.actor]))
                .then(a.actor.cmp(&b.actor))
        });
        hits
    }

    /// Whether name `name` is its actor's own name or a word of it (`Khazali` for Qais
    /// al-Khazali), not a nickname or another alias (`al-Khal` for Abu Fadak al-Mohammedawi).
    fn is_own_name(&self, name: usize) -> bool {
        let Some(name) = self.names.get(name) else {
            return false;
        };
        self.order.get(name.actor).is_some_and(|(_, own)| {
            *own == name.exact
                || own
                    .split_whitespace()
                    .any(|word| word == name.exact || word.strip_prefix("al-") == Some(&name.exact))
        })
    }

    /// Whether `hit` is a person found by a bare surname, which every bearer shares.
    fn is_surname_hit(&self, hit: &Hit) -> bool {
        let one_token = self.names[hit.name].sound.len() == 1;
        self.is_person(hit.actor)
            && match hit.tier {
                Tier::Run => hit.at_end,
                Tier::Exact | Tier::Strict | Tier::Loose => one_token,
                _ => false,
            }
    }

    /// Whether the actor is a person, or an unknown name from a piece (usually a person).
    fn is_person(&self, actor: usize) -> bool {
        matches!(
            self.kinds.get(actor),
            Some(ActorKind::Person | ActorKind::Unknown)
        )
    }
}

/// The public label of a tier; Arabic-script matches above the fallbacks say so.
fn how(tier: Tier, arabic: bool, at_end: bool) -> MatchHow {
    match tier {
        Tier::Exact => MatchHow::Exact,
        Tier::Acronym | Tier::LowerAcronym => MatchHow::Acronym,
        Tier::Strict | Tier::Loose | Tier::Run if arabic => MatchHow::Arabic,
        Tier::Strict => MatchHow::Strict,
        Tier::Loose => MatchHow::Loose,
        Tier::Run if at_end => MatchHow::Surname,
        Tier::Run => MatchHow::Part,
        Tier::Fuzzy | Tier::Prefix => MatchHow::Fuzzy,
    }
}

/// The tie-break key of an actor: militias and persons first, unknown names last, then by name.
fn tie_break(actor: &Actor) -> (u8, String) {
    let rank = match actor.kind {
        ActorKind::Militia | ActorKind::Person => 0,
        ActorKind::Unknown => 2,
        _ => 1,
    };
    (rank, actor.name.to_lowercase())
}

/// For every actor, the actors it links to or that link to it (affiliations and relations).
fn links(actors: &[Actor]) -> Vec<BTreeSet<usize>> {
    let ids: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut links = vec![BTreeSet::new(); actors.len()];
    for (a, actor) in actors.iter().enumerate() {
        let targets = actor
            .affiliations
            .iter()
            .chain(actor.relations.iter().map(|r| &r.to));
        for &b in targets.filter_map(|t| ids.get(t.as_str())) {
            if a != b {
                links[a].insert(b);
                links[b].insert(a);
            }
        }
    }
    links
}
