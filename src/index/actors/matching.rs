//! The match tiers of a lookup, strongest first, and the best hit kept for each actor.

use super::ActorIndex;
use super::name_keys::{Name, particles_agree, spelled_alike, token_distance};
use crate::index::edits::levenshtein_within;
use crate::index::fold::surname_match;

/// Score of a case-insensitive match on a whole name or an actor id.
const EXACT: u32 = 1000;
/// Score of a case-sensitive acronym match (`KH`, `HaN`, `IRGC-QF`).
const ACRONYM: u32 = 960;
/// Score of an equal strict (or Arabic) key.
const STRICT: u32 = 920;
/// Score of an equal loose key, before the edit-distance penalty.
const LOOSE: u32 = 800;
/// Score of a token run inside a longer name (a surname), before bonuses and penalties.
const RUN: u32 = 600;
/// Score of a lower-case query read as an acronym (`kh`), a fallback.
const LOWER_ACRONYM: u32 = 400;
/// Score of a name that starts with the query (typing in progress), a fallback.
const PREFIX: u32 = 300;
/// Bonus of a prefix typed letter for letter rather than only sounding alike.
const SPELLED_PREFIX: u32 = 20;
/// Score of a misspelling within the edit-distance limit, the last fallback.
const FUZZY: u32 = 200;

/// How a hit was found, from the strongest tier to the weakest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    /// The query equals a name, ignoring case, or an actor id.
    Exact,
    /// The query is an acronym equal to an acronym alias.
    Acronym,
    /// The strict (or Arabic) keys are equal.
    Strict,
    /// A loose key is shared and the spellings are close.
    Loose,
    /// The query is a run of the name's tokens (*Khazali* in *Qais al-Khazali*).
    Run,
    /// A short lower-case query read as an acronym, when nothing else matched.
    LowerAcronym,
    /// The start of a name, when nothing else matched (never resolved).
    Prefix,
    /// A misspelling, when nothing else matched.
    Fuzzy,
}

/// One actor found by a query: through which name, how and how well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Hit {
    /// Index of the actor.
    pub(super) actor: usize,
    /// Index of the matching name in [`ActorIndex::names`].
    pub(super) name: usize,
    /// The tier of the match.
    pub(super) tier: Tier,
    /// Higher is better.
    pub(super) score: u32,
    /// Edit distance between the query and the matched part of the name.
    pub(super) dist: usize,
    /// Whether the match ends at the name's last token (its surname, for a person).
    pub(super) at_end: bool,
}

/// The best hit so far for every actor.
pub(super) struct Best(Vec<Option<Hit>>);

impl Best {
    /// No hits yet for `actors` actors.
    pub(super) fn new(actors: usize) -> Best {
        Best(vec![None; actors])
    }

    /// Keeps `hit` when it beats the actor's current best (ties go to the earlier name).
    pub(super) fn offer(&mut self, hit: Hit) {
        let Some(slot) = self.0.get_mut(hit.actor) else {
            return;
        };
        let better = slot.is_none_or(|old| {
            hit.score > old.score || (hit.score == old.score && hit.name < old.name)
        });
        if better {
            *slot = Some(hit);
        }
    }

    /// Whether no actor has a hit yet.
    pub(super) fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The hits, one per actor, in no particular order.
    pub(super) fn into_hits(self) -> Vec<Hit> {
        self.0.into_iter().flatten().collect()
    }
}

/// Bonus of a prefix of the actor's own name over the same prefix of one of its aliases.
const OWN_NAME: u32 = 40;

/// Converts a small count into a score term.
fn points(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl ActorIndex {
    /// A hit on the whole of `name` for the actor that owns it.
    fn hit(&self, name: usize, tier: Tier, score: u32, dist: usize) -> Hit {
        Hit {
            actor: self.names[name].actor,
            name,
            tier,
            score,
            dist,
            at_end: true,
        }
    }

    /// Whole-name tiers: exact, acronym, strict and loose keys (the hash-map lookups).
    pub(super) fn match_keys(&self, q: &Name, best: &mut Best) {
        if let Some(acronym) = &q.acronym {
            // An acronym query only meets acronym aliases (docs/folding.md §0, §3).
            for &n in self.acronyms.get(acronym).into_iter().flatten() {
                best.offer(self.hit(n, Tier::Acronym, ACRONYM, 0));
            }
            return;
        }
        for &n in self.exact.get(&q.exact).into_iter().flatten() {
            best.offer(self.hit(n, Tier::Exact, EXACT, 0));
        }
        for &n in self.strict.get(&q.strict).into_iter().flatten() {
            best.offer(self.hit(n, Tier::Strict, STRICT, 0));
        }
        for key in &q.loose {
            for &n in self.loose.get(key).into_iter().flatten() {
                let name = &self.names[n];
                if !spelled_alike(&q.spelled, &name.spelled) {
                    continue;
                }
                if let Some(dist) = token_distance(&q.sound, &name.sound) {
                    let score = LOOSE - points(30 * dist).min(150);
                    best.offer(self.hit(n, Tier::Loose, score, dist));
                }
            }
        }
    }

    /// Token runs: the query's tokens inside a longer name, Latin or Arabic (docs/folding.md §0
    /// surname search).
    ///
    /// Runs are found on the loose tokens and ranked by the distance of the aligned sound
    /// tokens; more of the name covered ranks higher, and so does a run at the end of a
    /// person's name (the surname: *الخزعلي* is Qais and Laith before *شبكة الخزعلي*, the
    /// Khazali network).
    pub(super) fn match_runs(&self, q: &Name, best: &mut Best) {
        for qkey in &q.loose_tokens {
            let Some(first) = qkey.first() else {
                continue;
            };
            let qrefs: Vec<&str> = qkey.iter().map(String::as_str).collect();
            for &(n, k) in self.tokens.get(first).into_iter().flatten() {
                let name = &self.names[n];
                let akey = &name.loose_tokens[k];
                let arefs: Vec<&str> = akey.iter().map(String::as_str).collect();
                if akey.len() <= qkey.len() || !surname_match(&qrefs, &arefs) {
                    continue;
                }
                for pos in (0..=akey.len() - qkey.len()).filter(|&p| akey[p..].starts_with(qkey)) {
                    let window = name.sound.get(pos..pos + qkey.len()).unwrap_or_default();
                    let spelled = name.spelled.get(pos..pos + qkey.len()).unwrap_or_default();
                    if !spelled_alike(&q.spelled, spelled) {
                        continue;
                    }
                    let Some(dist) = token_distance(&q.sound, window) else {
                        continue;
                    };
                    let at_end = pos + qkey.len() == akey.len();
                    let cover = points(40 * qkey.len() / akey.len());
                    let end = if at_end && self.is_person(name.actor) {
                        5
                    } else {
                        0
                    };
                    let score = RUN + cover + end - points(25 * dist).min(100);
                    best.offer(Hit {
                        at_end,
                        ..self.hit(n, Tier::Run, score, dist)
                    });
                }
            }
        }
    }

    /// A lower-case query of 2 to 4 letters read as an acronym (`kh`, `aah`, `pmf`).
    ///
    /// Acronyms are case-sensitive (docs/folding.md §3: *Han* is not `HaN`), but a user typing
    /// `kh` in a search box means `KH` when no name fits, so this runs only as a fallback.
    pub(super) fn match_lower_acronym(&self, query: &str, best: &mut Best) {
        let query = query.trim();
        let lower = query.chars().all(|c| c.is_ascii_lowercase());
        if !lower || !(2..=4).contains(&query.len()) {
            return;
        }
        for &n in self
            .acronyms
            .get(&query.to_ascii_uppercase())
            .into_iter()
            .flatten()
        {
            best.offer(self.hit(n, Tier::LowerAcronym, LOWER_ACRONYM, 0));
        }
    }

    /// Misspellings and unfinished words, compared with every window of every name.
    ///
    /// A misspelling is within 2 edits for a query of 6+ letters and 1 edit for 5 letters
    /// (never trading Abd for Abu); a prefix is an unfinished last word, the query having
    /// `min_prefix` or more letters as typed. A prefix of the actor's own name scores above
    /// the same prefix of an alias (`kha`: Khamenei and Khazali before the nickname al-Khal).
    pub(super) fn match_fuzzy(&self, q: &Name, best: &mut Best, min_prefix: usize) {
        let n = q.sound.len();
        let letters = q.letters();
        // Letters as typed: `kha` is three, though its sound (`ka`) is two.
        let typed: usize = q.spelled.iter().map(|t| t.chars().count()).sum();
        if n == 0 || q.acronym.is_some() {
            return;
        }
        let limit = match letters {
            0..=4 => 0,
            5 => 1,
            _ => 2,
        };
        let mut scan = Scan {
            tokens: &q.sound,
            query: q.sound.iter().flat_map(|t| t.chars()).collect(),
            limit,
            window: Vec::new(),
            row: Vec::new(),
        };
        for (i, name) in self.names.iter().enumerate() {
            if !self.searchable[i] || name.arabic != q.arabic || name.sound.len() < n {
                continue;
            }
            let m = name.sound.len();
            for pos in 0..=m - n {
                let window = &name.sound[pos..pos + n];
                let at_end = pos + n == m;
                let cover = points(20 * n / m);
                let size: usize = name.lens[pos..pos + n].iter().sum();
                if let Some(dist) = scan.distance(window, size) {
                    let score = FUZZY - points(30 * dist) + cover;
                    best.offer(Hit {
                        at_end,
                        ..self.hit(i, Tier::Fuzzy, score, dist)
                    });
                }
                if typed >= min_prefix
                    && is_prefix(&q.sound, window)
                    && let Some(spelled) =
                        prefix_spelling(q.spelled.last(), name.spelled.get(pos + n - 1))
                {
                    let whole = name.lens[pos + n - 1].max(1);
                    let typed = q.lens.last().copied().unwrap_or(0);
                    let own = if self.is_own_name(i) { OWN_NAME } else { 0 };
                    let score = PREFIX + points(40 * typed / whole) + cover + spelled + own;
                    best.offer(Hit {
                        at_end,
                        ..self.hit(i, Tier::Prefix, score, 0)
                    });
                }
            }
        }
    }
}

/// The query of a fuzzy scan, with buffers reused across the windows of every name.
struct Scan<'q> {
    /// The query's sound tokens.
    tokens: &'q [String],
    /// The query's sound tokens, concatenated.
    query: Vec<char>,
    /// Most edits accepted; 0 turns misspellings off.
    limit: usize,
    /// The current window's sound tokens, concatenated.
    window: Vec<char>,
    /// One row of the edit-distance table.
    row: Vec<usize>,
}

impl Scan<'_> {
    /// The edit distance from the query to `window` (of `size` letters) when within the limit.
    ///
    /// Both sides are compared as concatenated letters, so a letter moved across a word break
    /// costs no more than inside a word; aligned tokens must still agree on Abd/Abu/Bin.
    fn distance(&mut self, window: &[String], size: usize) -> Option<usize> {
        let near = self.limit > 0 && size.abs_diff(self.query.len()) <= self.limit;
        if !near || !particles_agree(self.tokens, window) {
            return None;
        }
        self.window.clear();
        self.window.extend(window.iter().flat_map(|t| t.chars()));
        levenshtein_within(&self.query, &self.window, self.limit, &mut self.row)
    }
}

/// Whether `query` equals `window` except for an unfinished (shorter) last token.
fn is_prefix(query: &[String], window: &[String]) -> bool {
    let (Some((last, head)), Some((whole, whead))) = (query.split_last(), window.split_last())
    else {
        return false;
    };
    head == whead && whole.len() > last.len() && whole.starts_with(last.as_str())
}

/// The bonus of the unfinished token `typed` as the start of `token`, or `None` when it is not
/// spelled like it (docs/folding.md §3: the strict spelling decides).
///
/// `khaz` is three letters away from the start of *Qada*: none. It sounds like the start of
/// *Kadhimi*: no bonus. It starts *Khazali* letter for letter: [`SPELLED_PREFIX`], so Khazali
/// ranks first.
fn prefix_spelling(typed: Option<&String>, token: Option<&String>) -> Option<u32> {
    let (typed, token) = (typed?, token?);
    if token.starts_with(typed.as_str()) {
        return Some(SPELLED_PREFIX);
    }
    let start: String = token.chars().take(typed.chars().count()).collect();
    spelled_alike(std::slice::from_ref(typed), std::slice::from_ref(&start)).then_some(0)
}
