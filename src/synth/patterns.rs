//! The seven quote patterns of the module docs, each writing its statements and their truth.
//!
//! One method per pattern, so each convention of the ground truth sits next to the text that
//! produces it.

use super::cast::{Speaker, pick_actor};
use super::formatting::{lower_first, upper_first, word_count};
use super::prose::{CONTINUATIONS, clause, declarative, statement, with_comma, without_comma};
use super::writer::Writer;
use crate::corpus::model::Actor;

impl Writer<'_> {
    /// One quote pattern, chosen with the mix given in the module docs.
    pub(super) fn pattern(&mut self) {
        match self.dice.below(100) {
            0..20 => self.speaker_before(),
            20..40 => self.speaker_after(),
            40..52 => self.split_quote(),
            52..70 => self.coreference(),
            70..78 => self.two_paragraphs(),
            78..88 => self.caption_post(),
            _ => self.figure_reference(),
        }
    }
}

impl<'a> Writer<'a> {
    /// Pattern 1: `On March 3, X, the leader of the **Z**, said that "...".`
    fn speaker_before(&mut self) {
        self.end_para();
        let sp = self.person();
        let d = self.quote_date();
        let lead = self.on_date(d);
        let (verb, inner, after) = match self.dice.below(3) {
            0 => (
                "said that",
                lower_first(self.fresh(declarative).trim_end_matches('.')),
                ".",
            ),
            1 => (
                "issued a statement warning that",
                lower_first(&self.fresh(declarative)),
                "",
            ),
            _ => ("said:", self.fresh(|d| statement(d, 40, 2)), ""),
        };
        let quoted = self.q(&inner);
        self.say(&format!(
            "{lead}{}, {}, {verb} {quoted}{after}",
            sp.name, sp.role
        ));
        self.record(&sp.id, inner, d, None);
    }

    /// Pattern 2: `"...," said X, the group's spokesman.`, then a later reference.
    fn speaker_after(&mut self) {
        self.end_para();
        let group = pick_actor(&mut self.dice, &self.cast.groups);
        let mut has_lead = false;
        if let Some(g) = group.filter(|_| self.dice.chance(70)) {
            let lead = if self.dice.chance(40) {
                self.quote_date()
            } else {
                self.piece_date
            };
            let on = if lead == self.piece_date {
                String::new()
            } else {
                self.on_date(lead)
            };
            let mention = self.mention(g);
            let tail = if self.dice.chance(50) {
                "responded to the reports within hours"
            } else {
                "denied any role in the fictional incident"
            };
            let sentence = format!("{on}{mention} {tail}.");
            self.say(&upper_first(&sentence));
            has_lead = true;
        }
        let unknown = self.dice.chance(40) || self.cast.persons.is_empty();
        let sp = if unknown {
            let role = self.spokesman_role(has_lead, group);
            self.unknown(role)
        } else {
            self.person()
        };
        let text = self.fresh(|d| statement(d, 40, 2));
        let quoted = self.q(&with_comma(&text));
        self.say(&format!("{quoted} said {}, {}.", sp.name, sp.role));
        let date = self.text_date();
        self.record(&sp.id, without_comma(&text), date, None);
        if self.dice.chance(60) {
            self.follow_up(&sp, unknown);
        }
    }

    /// The appositive of an unknown spokesman, pointing back to the lead when there is one.
    fn spokesman_role(&mut self, has_lead: bool, group: Option<&'a Actor>) -> String {
        let apos = self.marks.apos;
        match group {
            Some(_) if has_lead => format!("the group{apos}s spokesman"),
            Some(g) => format!("a spokesman for {}", self.mention(g)),
            None => "a spokesman for the synthetic factions".into(),
        }
    }

    /// A later statement by the same speaker: `the spokesman said` or the surname alone.
    fn follow_up(&mut self, sp: &Speaker, unknown: bool) {
        if self.dice.chance(50) {
            self.end_para();
        }
        let text = self.fresh(|d| statement(d, 40, 1));
        let (sentence, truth) = if unknown && self.dice.chance(50) {
            (
                format!("{} the spokesman said.", self.q(&with_comma(&text))),
                without_comma(&text),
            )
        } else if self.dice.chance(50) {
            (
                format!("Later, {} added, {}", sp.short, self.q(&text)),
                text,
            )
        } else {
            (
                format!("{} {} said.", self.q(&with_comma(&text)), sp.short),
                without_comma(&text),
            )
        };
        self.say(&sentence);
        let date = self.text_date();
        self.record(&sp.id, truth, date, None);
    }

    /// Pattern 3: `"First part," he said, "second part."`
    fn split_quote(&mut self) {
        self.end_para();
        let sp = self.person();
        let lead = if self.dice.chance(40) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let first = self.fresh(clause);
        let second = *self.dice.pick(&CONTINUATIONS);
        let (open, close) = (self.marks.open, self.marks.close);
        if self.dice.chance(50) {
            self.say(&format!(
                "{lead}{}, {}, addressed supporters in the invented capital.",
                sp.name, sp.role
            ));
            self.say(&format!(
                "{open}{first},{close} he said, {open}{second}{close}"
            ));
        } else {
            let said = format!(
                "{open}{first},{close} said {}, {open}{second}{close}",
                sp.name
            );
            self.say(&format!("{}{}", upper_first(&lead), said));
        }
        let date = self.text_date();
        self.record(&sp.id, format!("{first} \u{2026} {second}"), date, None);
    }
}

impl<'a> Writer<'a> {
    /// Pattern 4: a sentence naming the speaker, then `He warned`, `The group stated` or
    /// `The channel posted` (the last person, organisation or channel named).
    fn coreference(&mut self) {
        self.end_para();
        let same_para = self.dice.chance(50);
        let lead = if same_para && self.dice.chance(60) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let (id, naming, pronoun) = self.coref_subject();
        self.say(&upper_first(&format!("{lead}{naming}")));
        if !same_para {
            self.end_para();
        }
        let text = self.fresh(|d| statement(d, 40, 2));
        let quoted = self.q(&text);
        self.say(&format!("{pronoun}, {quoted}"));
        let date = self.text_date();
        self.record(&id, text, date, None);
    }

    /// The naming sentence and the pronoun phrase for [`Self::coreference`].
    fn coref_subject(&mut self) -> (String, String, &'static str) {
        let roll = self.dice.below(10);
        if roll < 3 {
            if let Some(g) = pick_actor(&mut self.dice, &self.cast.groups) {
                let mention = self.mention(g);
                let did = if self.dice.chance(50) {
                    "claimed responsibility for a drone strike on an invented base"
                } else {
                    "issued a communique after the funeral of a fictional commander"
                };
                let pronoun = if self.dice.chance(50) {
                    "The group stated"
                } else {
                    "The group said in its statement"
                };
                return (g.id.clone(), format!("{mention} {did}."), pronoun);
            }
        }
        if roll < 5 {
            if let Some(c) = pick_actor(&mut self.dice, &self.cast.channels) {
                let name = self.spelling(c);
                let pronoun = if self.dice.chance(50) {
                    "The channel posted"
                } else {
                    "The channel wrote"
                };
                return (
                    c.id.clone(),
                    format!("a Telegram channel called {name} shared footage of the rally."),
                    pronoun,
                );
            }
        }
        let sp = self.person();
        let did = *self.dice.pick(&[
            "appeared at a rally in the invented capital",
            "gave an interview to a fictional television station",
            "toured positions near the synthetic border",
        ]);
        let pronoun = *self.dice.pick(&["He warned", "He added", "He said"]);
        (sp.id, format!("{}, {}, {did}.", sp.name, sp.role), pronoun)
    }

    /// Pattern 5: a quote running over two paragraphs.
    fn two_paragraphs(&mut self) {
        self.end_para();
        let sp = self.person();
        let lead = if self.dice.chance(70) {
            let d = self.quote_date();
            self.on_date(d)
        } else {
            String::new()
        };
        let first = self.fresh(|d| statement(d, 26, 2));
        let room = 40 - word_count(&first);
        let second = self.fresh(|d| statement(d, room, 1));
        let open = self.marks.open;
        self.say(&format!(
            "{lead}{}, {}, said in a televised address: {open}{first}",
            sp.name, sp.role
        ));
        let date = self.text_date();
        self.end_para();
        self.say(&self.q(&second));
        self.end_para();
        self.record(&sp.id, format!("{first} {second}"), date, None);
    }

    /// Pattern 6: a Telegram post quoted in a figure caption.
    fn caption_post(&mut self) {
        let Some(channel) = pick_actor(&mut self.dice, &self.cast.channels) else {
            self.figure_reference();
            return;
        };
        self.end_para();
        self.figures += 1;
        let number = self.figures;
        let name = self.spelling(channel);
        if self.dice.chance(50) {
            self.say(&upper_first(&format!(
                "{name} also weighed in on the fictional dispute (Figure {number})."
            )));
        }
        let d = self.quote_date();
        let text = self.fresh(|d| statement(d, 40, 2));
        let inner = text.strip_suffix('.').unwrap_or(&text).to_string();
        let caption = format!("A post on the Telegram channel {name}: {}", self.q(&inner));
        self.caption(number, &caption, d);
        self.record(&channel.id, inner, d, Some(number));
    }

    /// Pattern 7: `... stated, "..." (Figure N).`, with the dated caption after the paragraph.
    fn figure_reference(&mut self) {
        self.end_para();
        self.figures += 1;
        let number = self.figures;
        let text = self.fresh(|d| statement(d, 40, 2));
        let inner = text.strip_suffix('.').unwrap_or(&text).to_string();
        let quoted = self.q(&inner);
        let apos = self.marks.apos;
        let (id, subject, owner) =
            match pick_actor(&mut self.dice, &self.cast.groups).filter(|_| self.dice.chance(35)) {
                Some(g) => {
                    let mention = self.mention(g);
                    (g.id.clone(), mention, g.name.clone())
                }
                None => {
                    let sp = self.person();
                    (
                        sp.id,
                        format!("In a statement, {}, {},", sp.name, sp.role),
                        sp.name,
                    )
                }
            };
        self.say(&upper_first(&format!(
            "{subject} stated, {quoted} (Figure {number})."
        )));
        let d = self.quote_date();
        if self.dice.chance(30) {
            self.filler(None);
        }
        self.caption(
            number,
            &format!("{owner}{apos}s statement on the invented coalition"),
            d,
        );
        self.record(&id, inner, d, Some(number));
    }
}
