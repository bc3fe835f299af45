//! How a quote's attribution was made, and who corrected it: the provenance an analyst reads
//! to judge an attribution at a glance (the viewer's **How** line, `attribution` and
//! `correction` in JSON, the `by:` query field).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// How a quote's speaker was found: the evidence an analyst weighs when judging it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpeakerSource {
    /// Named in full beside the speech verb.
    Name,
    /// By surname or kunya (`Fatlawi`, `Abu Hawraa`).
    Surname,
    /// By another name: an alias, acronym, honorific form or translation.
    Alias,
    /// By a role given earlier (`the spokesman`, `the MP`, `the channel's editor`).
    RoleNoun,
    /// By `he` or `she`.
    Pronoun,
    /// By `the group`, `the channel`, `the coalition`, `they`.
    GroupAnaphor,
    /// Named in the figure caption that shows the quote.
    Caption,
    /// The speaker of the sentence that introduces a list of claims.
    ListItem,
    /// The speaker of the sentence that introduces a block quotation.
    BlockquoteLead,
    /// The interviewee of a Q&A excerpt.
    Interview,
    /// The speaker of the quote before it in the paragraph.
    Previous,
    /// No speech verb: the actor nearest before the quote.
    Nearby,
    /// Set by an analyst's correction.
    Corrected,
}

impl SpeakerSource {
    /// The label used in JSON, the viewer and the `by:` query field.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Surname => "surname",
            Self::Alias => "alias",
            Self::RoleNoun => "role-noun",
            Self::Pronoun => "pronoun",
            Self::GroupAnaphor => "group-anaphor",
            Self::Caption => "caption",
            Self::ListItem => "list-item",
            Self::BlockquoteLead => "blockquote-lead",
            Self::Interview => "interview",
            Self::Previous => "previous",
            Self::Nearby => "nearby",
            Self::Corrected => "corrected",
        }
    }

    /// Every source, for parsing labels and listing them.
    pub const ALL: [Self; 13] = [
        Self::Name,
        Self::Surname,
        Self::Alias,
        Self::RoleNoun,
        Self::Pronoun,
        Self::GroupAnaphor,
        Self::Caption,
        Self::ListItem,
        Self::BlockquoteLead,
        Self::Interview,
        Self::Previous,
        Self::Nearby,
        Self::Corrected,
    ];
}

/// Who corrected a quote, when and why: the corrections file's entry, kept on the quote it
/// changed (the corpus directory under version control is the audit trail).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// Who made it.
    pub by: String,
    /// When.
    pub on: Option<Date>,
    /// Why, in the analyst's words.
    pub why: String,
}

/// How a statement's speaker was found, with the words that gave it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attribution {
    /// The rule that found the speaker.
    pub by: SpeakerSource,
    /// The words of the text it rests on (`the lawmaker`, `she`, `Sada al-Jabha`).
    pub cue: String,
}
