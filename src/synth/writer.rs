//! The piece writer: paragraphs, dates, statements and speakers of one piece.
//!
//! The quote patterns ([`super::patterns`]) and the narrative ([`super::narrative`]) are
//! written in terms of these primitives, which keep paragraph dates and ground truth in step.

use std::collections::HashSet;

use jiff::civil::Date;

use super::TruthQuote;
use super::cast::{Cast, Speaker, pick_actor, pick_actor_name, role_words};
use super::dice::Dice;
use super::formatting::{add_days, long_date, month_name, slug};
use super::words::{UNKNOWN_GIVEN, UNKNOWN_SURNAMES};
use crate::corpus::model::{Actor, ActorKind};

/// Quotation marks and apostrophe of one piece.
#[derive(Clone, Copy)]
pub(super) struct Marks {
    pub(super) open: &'static str,
    pub(super) close: &'static str,
    pub(super) apos: &'static str,
}

/// ASCII quotation marks and apostrophe.
pub(super) const STRAIGHT: Marks = Marks {
    open: "\"",
    close: "\"",
    apos: "'",
};
/// Typographic quotation marks and apostrophe.
pub(super) const CURLY: Marks = Marks {
    open: "\u{201c}",
    close: "\u{201d}",
    apos: "\u{2019}",
};

/// The state of one piece being written: the page so far, the open paragraph and its
/// date, and the statements recorded as truth.
pub(super) struct Writer<'a> {
    pub(super) dice: Dice,
    pub(super) cast: Cast<'a>,
    pub(super) marks: Marks,
    pub(super) piece_date: Date,
    n: usize,
    pub(super) out: String,
    para: String,
    para_date: Option<Date>,
    pub(super) truth: Vec<TruthQuote>,
    pub(super) figures: u32,
    /// Headings and subheads written so far; they cycle so none repeats soon.
    pub(super) headings: usize,
    /// Surnames of unknown speakers so far: one surname names one speaker per piece.
    unknowns: Vec<&'static str>,
    /// Statements used so far, see [`Self::fresh`].
    said: HashSet<String>,
}

impl<'a> Writer<'a> {
    /// A writer for piece `n` dated `piece_date`, continuing the page already in `out`.
    pub(super) fn new(
        dice: Dice,
        cast: Cast<'a>,
        marks: Marks,
        piece_date: Date,
        n: usize,
        out: String,
    ) -> Self {
        Self {
            dice,
            cast,
            marks,
            piece_date,
            n,
            out,
            para: String::new(),
            para_date: None,
            truth: Vec::new(),
            figures: 0,
            headings: 0,
            unknowns: Vec::new(),
            said: HashSet::new(),
        }
    }

    /// `inner` between the piece's quotation marks.
    pub(super) fn q(&self, inner: &str) -> String {
        format!("{}{inner}{}", self.marks.open, self.marks.close)
    }

    /// Appends a sentence to the open paragraph.
    pub(super) fn say(&mut self, sentence: &str) {
        if !self.para.is_empty() {
            self.para.push(' ');
        }
        self.para.push_str(sentence);
    }

    /// Closes the open paragraph, if any; its date ends with it.
    pub(super) fn end_para(&mut self) {
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

    /// Writes a block of its own (heading, caption, image) after closing the paragraph.
    pub(super) fn block(&mut self, text: &str) {
        self.end_para();
        self.out.push_str(text);
        self.out.push_str("\n\n");
    }

    /// A date 1 to 90 days before the piece's date.
    pub(super) fn quote_date(&mut self) -> Date {
        let back = i64::try_from(self.dice.between(1, 90)).unwrap_or(1);
        add_days(self.piece_date, -back)
    }

    /// `On March 3, ` (sometimes with the year); the date then holds for the paragraph.
    pub(super) fn on_date(&mut self, d: Date) -> String {
        self.para_date = Some(d);
        if self.dice.chance(20) {
            format!("On {}, ", long_date(d))
        } else {
            format!("On {} {}, ", month_name(d), d.day())
        }
    }

    /// The date of a quote in running text: the paragraph's date, or the piece's.
    pub(super) fn text_date(&self) -> Date {
        self.para_date.unwrap_or(self.piece_date)
    }

    /// A statement not yet used in this piece (by its words, ignoring case and end marks),
    /// so every statement of a piece can be told apart by its text.
    pub(super) fn fresh(&mut self, make: impl Fn(&mut Dice) -> String) -> String {
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

    /// Adds a statement to the piece's ground truth.
    pub(super) fn record(&mut self, speaker: &str, text: String, date: Date, figure: Option<u32>) {
        self.truth.push(TruthQuote {
            speaker: speaker.to_string(),
            text,
            date,
            figure,
        });
    }

    /// The actor's name, or now and then one of its written aliases.
    pub(super) fn spelling(&mut self, a: &'a Actor) -> &'a str {
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
    pub(super) fn mention(&mut self, a: &'a Actor) -> String {
        let name = self.spelling(a);
        match a.node {
            Some(node) if a.kind.is_group() && self.dice.chance(65) => {
                format!("**{name} (/node/{node})**")
            }
            _ => name.to_string(),
        }
    }

    /// A one-word alias for later references, or the last word of the name.
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

    /// The appositive after a person's name, from their first relation.
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

    /// A gazetteer person as a speaker.
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

    /// A speaker absent from the gazetteer, with a surname not yet used in the piece.
    pub(super) fn unknown(&mut self, role: String) -> Speaker {
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

    /// A person of the cast, or an unknown speaker when the cast has none.
    pub(super) fn person(&mut self) -> Speaker {
        match pick_actor(&mut self.dice, &self.cast.persons) {
            Some(p) => self.known(p),
            None => self.unknown("a fictional commander".into()),
        }
    }
}

impl<'a> Writer<'a> {
    /// The next figure's caption line and image line.
    pub(super) fn caption(&mut self, number: u32, caption: &str, d: Date) {
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
}
