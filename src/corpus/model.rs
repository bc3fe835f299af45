//! The data model: pieces, actors and quotes, with the stable ids scripts rely on.
//!
//! Everything here is plain data with serde derives, so the command line can print it as JSON
//! and the index can share it read-only between views and sessions.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

pub use super::provenance::{Attribution, Correction, SpeakerSource};

/// One Militia Spotlight piece as read from a saved page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Piece {
    /// Stable id: the slug of the title (`potential-escalation-in-iraq-part-1-khamenei-and-badr`).
    pub id: String,
    /// The title as printed.
    pub title: String,
    /// Canonical address of the piece when the page names it (its front matter's `url`).
    pub url: Option<String>,
    /// Publication date.
    pub date: Option<Date>,
    /// The date of the page's "Updated …" line, when it has one.
    pub updated: Option<Date>,
    /// The site's node number of the piece (`/node/N`), when known.
    pub node: Option<u64>,
    /// The site the page came from, for pages that are not the series' own (`example.org`).
    pub site: Option<String>,
    /// When the page was fetched or saved from the browser, when known.
    pub saved: Option<jiff::Timestamp>,
    /// When the page was imported into the corpus, when it was imported.
    pub imported: Option<jiff::Timestamp>,
    /// Authors in byline order.
    pub authors: Vec<Author>,
    /// Series the piece belongs to (`Militia Spotlight`, ...).
    pub series: Vec<String>,
    /// Content type label, such as `Brief Analysis`.
    pub content_type: Option<String>,
    /// The Arabic-version path when the page links one.
    pub arabic_url: Option<String>,
    /// The bold one-sentence summary under the series lines.
    pub lead: Option<String>,
    /// Body blocks in reading order: text, subheads and figure captions. Kept apart from the
    /// rest of the piece in the cache, so commands that only list and search skip them.
    #[serde(skip)]
    pub paragraphs: Vec<Paragraph>,
    /// Figures, by number.
    pub figures: Vec<Figure>,
    /// Topic labels from the TOPICS section.
    pub topics: Vec<String>,
    /// Region labels from the REGIONS & COUNTRIES section.
    pub regions: Vec<String>,
    /// Other pieces linked from the series and recommended sections.
    pub related: Vec<Related>,
    /// The file the piece was read from, relative to the corpus directory.
    pub source: String,
}

impl Piece {
    /// A piece with only its id, title and source file set: what the page reader starts from,
    /// and what an index image keeps of a piece.
    #[must_use]
    pub fn named(id: String, title: String, source: String) -> Self {
        Self {
            id,
            title,
            url: None,
            date: None,
            updated: None,
            node: None,
            site: None,
            saved: None,
            imported: None,
            authors: Vec::new(),
            series: Vec::new(),
            content_type: None,
            arabic_url: None,
            lead: None,
            paragraphs: Vec::new(),
            figures: Vec::new(),
            topics: Vec::new(),
            regions: Vec::new(),
            related: Vec::new(),
            source,
        }
    }
}

/// An author from the byline, with the bio from ABOUT THE AUTHORS when present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// Display name.
    pub name: String,
    /// The expert slug from `/experts/<slug>`.
    pub slug: Option<String>,
    /// One-paragraph biography.
    pub bio: Option<String>,
}

/// What a body block is; quotes and the reader treat them differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BlockKind {
    /// Running text.
    Text,
    /// A section heading or a bold subhead line.
    Subhead,
    /// The caption line of a figure.
    Caption,
    /// One item of a list: its own unit, with its own speaker and date.
    Item,
    /// A paragraph of a block quotation (`> ...`): quoted words, with or without marks.
    Blockquote,
}

/// One block of the body, as plain text with its links and mentions marked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// What the block is.
    pub kind: BlockKind,
    /// Plain text, with link targets removed (`Badr Organization (/node/17003)` reads `Badr Organization`).
    pub text: String,
    /// Line in the source file where the block starts (1-based).
    pub line: u32,
    /// Links, mentions and emphasis inside `text`, as byte ranges.
    pub spans: Vec<Span>,
}

/// A marked range of a paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first character in [`Paragraph::text`].
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// What the range is.
    pub kind: SpanKind,
}

/// The meaning of a [`Span`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpanKind {
    /// A mention of an actor (gazetteer or unknown).
    Mention {
        /// The actor's id.
        actor: String,
    },
    /// A link to another page (a piece, a file, an outside source).
    Link {
        /// The target as written on the page.
        target: String,
    },
    /// Italic or bold text that is neither a link nor a mention.
    Emphasis,
}

/// A figure: an image with a numbered caption that usually ends with a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// The figure number (`Figure 2` → 2).
    pub number: u32,
    /// The caption without the `Figure N:` prefix.
    pub caption: String,
    /// The date at the end of the caption.
    pub date: Option<Date>,
    /// The image path printed under the caption, when saved.
    pub image: Option<String>,
    /// Index of the caption in [`Piece::paragraphs`].
    pub paragraph: usize,
}

/// A piece linked from this one (series entries, recommendations, "Part 2").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Related {
    /// Title or link text.
    pub title: String,
    /// Path or URL.
    pub target: String,
    /// Where the link appears: `series`, `recommended` or `body`.
    pub section: String,
}

/// The kind of an actor; `unknown` marks names found in pieces but not in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorKind {
    /// A named individual.
    Person,
    /// An armed group.
    Militia,
    /// A facade or front brand of an armed group.
    FrontGroup,
    /// A Telegram channel, TV station or agency.
    MediaChannel,
    /// A government or state-controlled body.
    StateBody,
    /// A political party or coalition.
    Party,
    /// A research institution.
    ThinkTank,
    /// Anything else the gazetteer lists.
    Other,
    /// Named in a piece, absent from the gazetteer.
    Unknown,
}

impl ActorKind {
    /// The label used in text output and JSON.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Person => "person",
            Self::Militia => "militia",
            Self::FrontGroup => "front-group",
            Self::MediaChannel => "media-channel",
            Self::StateBody => "state-body",
            Self::Party => "party",
            Self::ThinkTank => "think-tank",
            Self::Other => "other",
            Self::Unknown => "unknown",
        }
    }

    /// Whether the actor is an organisation rather than a person ("the group" can refer to it).
    #[must_use]
    pub fn is_group(self) -> bool {
        !matches!(self, Self::Person | Self::Unknown)
    }
}

/// A person, militia, front group, channel or body that can say things.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Stable id (`hadi-al-ameri`).
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// What kind of actor this is.
    pub kind: ActorKind,
    /// A finer label (`umbrella-brand`, `publication-series`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subkind: Option<String>,
    /// Other Latin-script names, acronyms and translations.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Arabic-script names.
    #[serde(default)]
    pub arabic: Vec<String>,
    /// Ids of actors this one is affiliated with.
    #[serde(default)]
    pub affiliations: Vec<String>,
    /// Typed relations to other actors.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// One-line description.
    #[serde(default)]
    pub role: String,
    /// The Washington Institute `/node/N` id of the actor's profile page, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub node: Option<u64>,
    /// Where a channel publishes (`Telegram`, `TV`), so its quotes carry a platform.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    /// Fields the sources did not confirm (`*` for the whole entry).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unconfirmed: Vec<String>,
    /// Where the facts come from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A typed link from one actor to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// The other actor's id.
    pub to: String,
    /// What the link is (`political-wing`, `sponsored-by`, ...).
    pub relation: String,
    /// True when the link is an analyst's assessment rather than a stated fact.
    #[serde(default)]
    pub assessed: bool,
}

/// Whether a quote is something an actor said or a quoted term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteKind {
    /// Words attributed to a speaker.
    Statement,
    /// A quoted term of one to three words ("vanguard"), said by nobody in particular.
    Term,
}

impl QuoteKind {
    /// The label used in text output and JSON.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Statement => "statement",
            Self::Term => "term",
        }
    }
}

/// Where a quote's date came from, from most to least precise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// An explicit date in the text leading to the quote.
    Text,
    /// A relative date (`the next day`, `two days later`) counted from the last explicit one.
    Relative,
    /// The date of the figure the quote is shown in.
    Figure,
    /// The piece's publication date.
    Piece,
}

/// A quotation found in a piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Stable id: `<piece id>/<fingerprint of the words>` (`-2`, `-3` for repeats in the piece),
    /// unchanged by edits elsewhere in the piece. Kept with the context in the cache: only
    /// JSON prints it.
    #[serde(skip)]
    pub id: String,
    /// The quoted words, without the quotation marks.
    pub text: String,
    /// The speaker's actor id (`None` for terms).
    pub speaker: Option<String>,
    /// When it was said, as far as the piece tells.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_source: DateSource,
    /// The words the date was read from (`June 3`, `the next day (after June 3)`).
    pub date_cue: Option<String>,
    /// How the speaker was found (`None` for terms and unattributed quotes).
    pub attribution: Option<Attribution>,
    /// The analyst's correction that changed this quote, from the corpus's corrections file.
    pub correction: Option<Correction>,
    /// The piece the quote is in.
    pub piece: String,
    /// Index of the paragraph in [`Piece::paragraphs`] where the quote starts.
    pub paragraph: usize,
    /// Byte range of the quote inside that paragraph's text.
    pub range: (usize, usize),
    /// The figure that shows the quote.
    pub figure: Option<u32>,
    /// The platform it was posted on (`Twitter/X`, `Telegram`, ...).
    pub via: Option<String>,
    /// Statement or term.
    pub kind: QuoteKind,
    /// The sentence around the quote. Kept apart from the rest of the quote in the cache, with
    /// the id, so commands that print neither skip them.
    #[serde(skip)]
    pub context: String,
}
