//! Who a mention or a referring phrase stands for: the piece's cast, what each actor is
//! (person, group, channel; a person's gender as the text gives it), and the antecedent rules
//! for pronouns, role nouns and group anaphors.

use foldhash::{HashMap, HashMapExt};

use super::candidates::{Candidate, CandidateKind};
use crate::corpus::gazetteer::Gazetteer;
use crate::corpus::mentions::discover::Guess;
use crate::corpus::mentions::guess_of;
use crate::corpus::model::{Actor, ActorKind, SpeakerSource};
use crate::corpus::name_scan::FEMALE_HONORIFICS;
use crate::corpus::referring::Referent;

/// The actors a piece can refer to: the gazetteer plus the piece's unknown actors.
#[derive(Debug, Clone, Copy)]
pub struct Cast<'a> {
    /// The gazetteer.
    pub gazetteer: &'a Gazetteer,
    /// Actors the piece introduced that the gazetteer does not know.
    pub unknown: &'a [Actor],
}

impl Cast<'_> {
    /// The actor with this id, from the gazetteer or the piece's unknowns.
    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Actor> {
        self.gazetteer
            .get(id)
            .or_else(|| self.unknown.iter().find(|a| a.id == id))
    }

    /// What the actor is, for the antecedent rules; `None` for what never speaks (the
    /// series, the Institute).
    fn sort(&self, id: &str) -> Option<Guess> {
        let actor = self.get(id)?;
        match actor.kind {
            ActorKind::Person => Some(Guess::Person),
            ActorKind::MediaChannel => Some(Guess::Channel),
            ActorKind::Unknown => Some(guess_of(actor)),
            ActorKind::ThinkTank => None,
            ActorKind::Other if actor.subkind.as_deref() == Some("publication-series") => None,
            _ => Some(Guess::Group),
        }
    }

    /// Whether the actor is a person.
    #[must_use]
    pub fn is_person(&self, id: &str) -> bool {
        self.sort(id) == Some(Guess::Person)
    }

    /// Whether the actor can be a speaker at all.
    #[must_use]
    pub fn speaks(&self, id: &str) -> bool {
        self.sort(id).is_some()
    }
}

/// A person's gender as far as the piece tells (`she` after her name, `Ms.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Female,
    Male,
}

/// The candidates of a whole piece, the cast, and the genders the text gave its people.
#[derive(Debug)]
pub struct Resolver<'a> {
    /// All candidates, sorted by (paragraph, offset).
    pub candidates: Vec<Candidate>,
    /// The actors.
    pub cast: Cast<'a>,
    genders: HashMap<String, Gender>,
}

impl<'a> Resolver<'a> {
    /// The resolver over `candidates`, learning genders from the pronouns that follow people.
    #[must_use]
    pub fn new(candidates: Vec<Candidate>, cast: Cast<'a>) -> Self {
        let mut resolver = Self {
            candidates,
            cast,
            genders: HashMap::new(),
        };
        resolver.learn_genders();
        resolver
    }

    /// A `she` or `her` counts for the last person mentioned before it (a `he` or `his` for a
    /// man); a female honorific settles it.
    fn learn_genders(&mut self) {
        let mut votes: HashMap<String, (i32, i32)> = HashMap::new();
        let mut last_person: Option<(usize, &str)> = None;
        for c in self.candidates.iter().filter(|c| !c.quoted) {
            match &c.what {
                CandidateKind::Mention(id) if self.cast.sort(id) == Some(Guess::Person) => {
                    last_person = Some((c.para, id));
                }
                CandidateKind::Phrase(referent @ (Referent::He | Referent::She)) => {
                    // Only a pronoun close after the name (same or next paragraph) votes.
                    if let Some((_, id)) = last_person.filter(|(p, _)| c.para <= p + 1) {
                        let entry = votes.entry(id.to_string()).or_default();
                        if *referent == Referent::She {
                            entry.0 += 1;
                        } else {
                            entry.1 += 1;
                        }
                    }
                }
                _ => {}
            }
        }
        for (id, (she, he)) in votes {
            if she != he {
                let gender = if she > he {
                    Gender::Female
                } else {
                    Gender::Male
                };
                self.genders.insert(id, gender);
            }
        }
        for actor in self.cast.unknown {
            let female = actor
                .aliases
                .iter()
                .any(|a| FEMALE_HONORIFICS.iter().any(|h| a.starts_with(h)));
            if female {
                self.genders.insert(actor.id.clone(), Gender::Female);
            }
        }
    }

    /// The actor a candidate stands for, and how it was found.
    #[must_use]
    pub fn resolve(&self, candidate: &Candidate, text: &str) -> Option<(String, SpeakerSource)> {
        match &candidate.what {
            CandidateKind::Mention(id) => {
                let actor = self.cast.get(id)?;
                self.cast
                    .speaks(id)
                    .then(|| (id.clone(), mention_source(actor, text)))
            }
            CandidateKind::Phrase(referent) => {
                let id = self
                    .antecedent(candidate.para, candidate.start, *referent)?
                    .to_string();
                let source = match referent {
                    Referent::He | Referent::She => SpeakerSource::Pronoun,
                    Referent::They => SpeakerSource::GroupAnaphor,
                    Referent::Person(_) => SpeakerSource::RoleNoun,
                    Referent::Group(_) | Referent::Channel(_) => SpeakerSource::GroupAnaphor,
                };
                Some((id, source))
            }
        }
    }

    /// The candidates before `(para, at)`, outside quotations, last first.
    fn preceding(&self, para: usize, at: usize) -> impl Iterator<Item = &Candidate> {
        // Candidates are in reading order: the ones before the position are a prefix.
        let end = self
            .candidates
            .partition_point(|c| (c.para, c.start) < (para, at));
        self.candidates[..end].iter().rev().filter(|c| !c.quoted)
    }

    /// Mentions before `(para, at)`, outside quotations, last first.
    fn before(&self, para: usize, at: usize) -> impl Iterator<Item = &str> {
        self.preceding(para, at).filter_map(|c| match &c.what {
            CandidateKind::Mention(id) => Some(id.as_str()),
            CandidateKind::Phrase(_) => None,
        })
    }

    /// The actor a phrase at `(para, at)` refers to.
    fn antecedent(&self, para: usize, at: usize, referent: Referent) -> Option<&str> {
        let sort = |id: &str| self.cast.sort(id);
        match referent {
            Referent::He | Referent::She => {
                let unwanted = if referent == Referent::She {
                    Gender::Male
                } else {
                    Gender::Female
                };
                let fits = |id: &&str| {
                    sort(id) == Some(Guess::Person) && self.genders.get(*id) != Some(&unwanted)
                };
                self.through_descriptors(para, at, true)
                    .find(fits)
                    .or_else(|| self.through_descriptors(para, at, false).find(fits))
            }
            Referent::They => {
                let fits = |id: &&str| matches!(sort(id), Some(Guess::Group | Guess::Channel));
                self.through_descriptors(para, at, true)
                    .find(fits)
                    .or_else(|| self.through_descriptors(para, at, false).find(fits))
            }
            Referent::Person(noun) => self
                .before(para, at)
                .find(|id| sort(id) == Some(Guess::Person) && self.has_role(id, noun))
                .or_else(|| {
                    self.before(para, at)
                        .find(|id| sort(id) == Some(Guess::Person))
                }),
            Referent::Group(noun) => self
                .before(para, at)
                .find(|id| sort(id) == Some(Guess::Group) && self.is_named(id, noun))
                .or_else(|| {
                    self.before(para, at)
                        .find(|id| sort(id) == Some(Guess::Group) && self.fits_group(id, noun))
                }),
            Referent::Channel(_) => self
                .before(para, at)
                .find(|id| sort(id) == Some(Guess::Channel)),
        }
    }

    /// What the mentions and descriptors before `(para, at)` stand for, last first: a pronoun's
    /// antecedent may be a descriptor (`The tribal council met. "...," according to the
    /// statement it issued`). With `subjects`, names after a preposition are passed over (`X
    /// sided with the facade. It then ...`: `it` is X).
    fn through_descriptors(
        &self,
        para: usize,
        at: usize,
        subjects: bool,
    ) -> impl Iterator<Item = &str> + '_ {
        self.preceding(para, at)
            .filter(move |c| !subjects || !c.object)
            // A descriptor in apposition (`X, the leader of Y,`) describes X: it is no one else.
            .filter(|c| !(c.appositive && matches!(c.what, CandidateKind::Phrase(_))))
            .filter_map(|c| match &c.what {
                CandidateKind::Mention(id) => Some(id.as_str()),
                CandidateKind::Phrase(
                    referent @ (Referent::Person(_) | Referent::Group(_) | Referent::Channel(_)),
                ) => self.antecedent(c.para, c.start, *referent),
                CandidateKind::Phrase(_) => None,
            })
    }

    /// Whether the actor's role says `noun` (or a word for the same office).
    fn has_role(&self, id: &str, noun: &str) -> bool {
        let Some(actor) = self.cast.get(id) else {
            return false;
        };
        // The role, and the titles the actor was written with (`Maj. Gen. X` is `the general`).
        let mut said = actor.role.to_lowercase();
        for alias in &actor.aliases {
            said.push(' ');
            said.push_str(&alias.to_lowercase());
        }
        let offices = same_office(noun);
        let offices = if offices.is_empty() {
            std::slice::from_ref(&noun)
        } else {
            offices
        };
        let words: Vec<&str> = said
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        offices
            .iter()
            .any(|n| words.iter().any(|w| same_word(w, n)))
    }

    /// Whether the actor's name holds `noun` (`the coalition`: the Support Fronts Coalition),
    /// or, for an actor the piece introduced, the description it gave (`the Albu X, a clan of
    /// ...` is `the tribe`).
    fn is_named(&self, id: &str, noun: &str) -> bool {
        let kin: &[&str] = match noun {
            "tribe" | "clan" => &["tribe", "clan", "tribes", "clans"],
            _ => std::slice::from_ref(&noun),
        };
        let holds = |s: &str| {
            s.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| {
                    kin.iter()
                        .any(|k| w == *k || w.strip_suffix('s') == Some(k))
                })
        };
        self.cast.get(id).is_some_and(|a| {
            holds(&a.name)
                || (a.kind == ActorKind::Unknown
                    && (holds(&a.role) || a.aliases.iter().any(|alias| holds(alias))))
        })
    }

    /// Whether a group of this kind can be called `the <noun>`: armed groups are `the group`,
    /// `the faction`; state bodies only `the council`, `the commission`, `the body`.
    fn fits_group(&self, id: &str, noun: &str) -> bool {
        let Some(actor) = self.cast.get(id) else {
            return false;
        };
        let official = [
            "council",
            "commission",
            "committee",
            "body",
            "bloc",
            "alliance",
            "party",
            "coalition",
        ];
        // A council, union or tribe the piece introduced is no armed group's `the faction`.
        let civic = [
            "Council",
            "Tribal",
            "Tribe",
            "Tribes",
            "Clan",
            "Union",
            "Association",
            "Syndicate",
            "Chamber",
            "Committee",
        ];
        let is_civic =
            actor.kind == ActorKind::Unknown && actor.name.split(' ').any(|w| civic.contains(&w));
        match actor.kind {
            ActorKind::StateBody | ActorKind::Party | ActorKind::Other => official.contains(&noun),
            _ if is_civic => official.contains(&noun) || matches!(noun, "tribe" | "clan"),
            _ => true,
        }
    }
}

/// Whether two words are one word in two forms (`preacher`, `preaches`): equal, or sharing
/// all but their last two letters (seven letters at least).
fn same_word(a: &str, b: &str) -> bool {
    let shorter = a.len().min(b.len());
    a == b
        || (shorter >= 7
            && a.len().abs_diff(b.len()) <= 1
            && a.get(..shorter - 2) == b.get(..shorter - 2))
}

/// Words for the same office as `noun`.
fn same_office(noun: &str) -> &'static [&'static str] {
    const LISTS: &[&[&str]] = &[
        &["spokesman", "spokeswoman", "spokesperson"],
        &["lawmaker", "mp", "deputy", "parliamentarian"],
        &["leader", "head", "chief"],
        &["cleric", "sheikh", "preacher", "imam"],
        &["secretary-general"],
        &["general", "gen"],
        &["colonel", "col"],
        &["major", "maj"],
        &["captain", "capt"],
        &["commander"],
        &["activist"],
        &["editor"],
    ];
    LISTS
        .iter()
        .find(|l| l.contains(&noun))
        .copied()
        .unwrap_or(&[])
}

/// How a mention names its actor: in full, by surname or kunya, or by another name.
fn mention_source(actor: &Actor, text: &str) -> SpeakerSource {
    let text = text.trim_end_matches("'s").trim_end_matches("’s");
    if text == actor.name
        || actor
            .aliases
            .iter()
            .any(|a| a == text && a.ends_with(&actor.name))
    {
        SpeakerSource::Name
    } else if actor.name.ends_with(text) || actor.name.starts_with(text) {
        SpeakerSource::Surname
    } else {
        SpeakerSource::Alias
    }
}
