//! Turning tokens into terms, `|` groups, `@actor` filters and fields.
//!
//! Tokens are read left to right; a `|` joins the term before it and the term after it, so
//! `a b | c d` is a AND (b OR c) AND d, as in fzf.

use std::ops::Range;

use super::fields::{self, Field};
use super::lex::{self, Token, TokenKind};
use super::{ActorFilter, Group, Query, QueryError, Term, TermMode};

/// How much of an unclosed quote the error message shows.
const UNCLOSED_SHOWN: usize = 24;

/// Parses `input`; see [`super::parse`].
pub(super) fn parse(input: &str) -> Query {
    let mut builder = Builder::default();
    for token in lex::tokens(input) {
        let raw = input.get(token.span.clone()).unwrap_or_default();
        let item = classify(&token, raw);
        builder.push(item, token.span);
    }
    builder.finish()
}

/// What one token means.
#[derive(Debug)]
enum Item<'a> {
    /// A lone `|`.
    Or,
    /// A search term.
    Term(Term),
    /// An `@actor` filter.
    Actor(ActorFilter),
    /// A known field with its value.
    Field {
        field: Field,
        value: &'a str,
        raw: &'a str,
    },
    /// Something wrong, with the message.
    Error(String),
    /// Nothing to search for (`!`, `'`, `^` alone, as when a term is half typed).
    Nothing,
}

/// What the item next to a `|` was, to decide whether the `|` joins anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// A search term.
    Term,
    /// A positive `@actor`: `@a | @b` is accepted, as several actors match any of them.
    Actor,
    /// A field, a negated actor, an error or the start of the query.
    Other,
}

/// Reads one token.
fn classify<'a>(token: &Token<'a>, raw: &'a str) -> Item<'a> {
    match token.kind {
        TokenKind::Bare(text) => bare(text, raw),
        TokenKind::Quoted { prefix, body, plus } => quoted(prefix, body, plus, raw),
        TokenKind::Unclosed { rest } => Item::Error(unclosed(rest)),
    }
}

/// A token without quotes: `|`, `@actor`, `field:value` or a term.
fn bare<'a>(text: &'a str, raw: &'a str) -> Item<'a> {
    if text == "|" {
        return Item::Or;
    }
    let (negated, body) = strip_not(text);
    if let Some(name) = body.strip_prefix('@') {
        let (name, affiliates) = name.strip_suffix('+').map_or((name, false), |n| (n, true));
        return actor(name.to_string(), affiliates, negated);
    }
    if let Some(colon) = lex::field_name(body) {
        let (name, value) = (&body[..colon], &body[colon + 1..]);
        if Field::from_name(name).is_some() || !value.starts_with("//") {
            return field(name, value, negated, raw);
        }
    }
    term(body, negated)
}

/// A token with a quoted part: a phrase, an `@"actor name"` or a `field:"value"`.
fn quoted<'a>(prefix: &'a str, body: &'a str, plus: bool, raw: &'a str) -> Item<'a> {
    let (negated, prefix) = strip_not(prefix);
    if prefix == "@" {
        return actor(fields::collapse(body), plus, negated);
    }
    if let Some(name) = prefix.strip_suffix(':') {
        return field(name, body, negated, raw);
    }
    let text = fields::collapse(body);
    if text.is_empty() {
        return Item::Error(format!("empty quotes {raw} (nothing to search for)"));
    }
    Item::Term(Term {
        text,
        mode: TermMode::Phrase,
        negated,
    })
}

/// `!` at the start of a token, and the rest.
fn strip_not(text: &str) -> (bool, &str) {
    text.strip_prefix('!')
        .map_or((false, text), |rest| (true, rest))
}

/// An `@actor` filter, or an error when the name is empty.
fn actor<'a>(name: String, affiliates: bool, negated: bool) -> Item<'a> {
    if name.is_empty() {
        return Item::Error("`@` needs an actor name, as in @ameri or @\"Abu Fadak\"".to_string());
    }
    Item::Actor(ActorFilter {
        name,
        affiliates,
        negated,
    })
}

/// A `name:value` field, or an error for an unknown name or a negated field.
fn field<'a>(name: &str, value: &'a str, negated: bool, raw: &'a str) -> Item<'a> {
    let Some(field) = Field::from_name(name) else {
        return Item::Error(format!(
            "unknown field `{name}:` (fields: {})",
            fields::NAMES
        ));
    };
    if negated {
        return Item::Error(format!("{raw}: fields cannot be negated"));
    }
    Item::Field { field, value, raw }
}

/// A term in fzf syntax: `'exact`, `^prefix`, `suffix$`, `^word$` or fuzzy; `!` negates.
fn term<'a>(body: &str, negated: bool) -> Item<'a> {
    let (mode, text) = match body.strip_prefix('\'') {
        Some(text) => (TermMode::Exact, text),
        None => anchored(body, negated),
    };
    if text.is_empty() {
        return Item::Nothing;
    }
    Item::Term(Term {
        text: text.to_string(),
        mode,
        negated,
    })
}

/// The mode given by `^` and `$` around `body`; without either, fuzzy (exact when negated).
fn anchored(body: &str, negated: bool) -> (TermMode, &str) {
    let (start, rest) = body.strip_prefix('^').map_or((false, body), |r| (true, r));
    let (end, text) = rest.strip_suffix('$').map_or((false, rest), |t| (true, t));
    let mode = match (start, end) {
        (true, true) => TermMode::Word,
        (true, false) => TermMode::Prefix,
        (false, true) => TermMode::Suffix,
        (false, false) if negated => TermMode::Exact,
        (false, false) => TermMode::Fuzzy,
    };
    (mode, text)
}

/// The message for a `"` that is never closed, showing the start of what follows it.
fn unclosed(rest: &str) -> String {
    let shown: String = rest.chars().take(UNCLOSED_SHOWN).collect();
    let more = if shown.len() < rest.len() { "…" } else { "" };
    format!("unclosed quote: \"{shown}{more}")
}

/// The query under construction, with what the `|` logic needs to remember.
#[derive(Debug)]
struct Builder {
    /// The query so far.
    query: Query,
    /// What the previous item was.
    last: Side,
    /// A `|` waiting for its right side, with its span and what was on its left.
    pending: Option<(Range<usize>, Side)>,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            query: Query::default(),
            last: Side::Other,
            pending: None,
        }
    }
}

impl Builder {
    /// Adds one item read from the input at `span`.
    fn push(&mut self, item: Item<'_>, span: Range<usize>) {
        match item {
            Item::Or => self.or(span),
            Item::Term(term) => self.term(term),
            Item::Actor(actor) => {
                self.next(if actor.negated {
                    Side::Other
                } else {
                    Side::Actor
                });
                self.query.actors.push(actor);
            }
            Item::Field { field, value, raw } => {
                self.next(Side::Other);
                if let Err(problem) = fields::apply(&mut self.query, field, value) {
                    self.error(span, field_message(raw, &problem));
                }
            }
            Item::Error(message) => {
                self.next(Side::Other);
                self.error(span, message);
            }
            Item::Nothing => {}
        }
    }

    /// Adds a term to the group before it when a `|` joins them, else as a new group.
    fn term(&mut self, term: Term) {
        let joined = self.next(Side::Term);
        match self.query.groups.last_mut() {
            Some(group) if joined => group.alternatives.push(term),
            _ => self.query.groups.push(Group {
                alternatives: vec![term],
            }),
        }
    }

    /// A `|`: waits for the right side when the left side can be joined.
    fn or(&mut self, span: Range<usize>) {
        if self.pending.is_some() {
            self.error(span, "extra `|`".to_string());
            return;
        }
        match self.last {
            Side::Other => self.error(span, "dangling `|`: no search term on its left".to_string()),
            left => self.pending = Some((span, left)),
        }
        self.last = Side::Other;
    }

    /// Records the item that follows; true when a pending `|` joins it to the one before.
    fn next(&mut self, side: Side) -> bool {
        self.last = side;
        let Some((span, left)) = self.pending.take() else {
            return false;
        };
        match (left, side) {
            (Side::Term, Side::Term) => return true,
            (Side::Actor, Side::Actor) => return false,
            (_, Side::Other) => self.error(
                span,
                "dangling `|`: no search term on its right".to_string(),
            ),
            _ => self.error(
                span,
                "`|` cannot join an @actor and a search term".to_string(),
            ),
        }
        false
    }

    /// Records an error; the item it is about stays out of the query.
    fn error(&mut self, span: Range<usize>, message: String) {
        self.query.errors.push(QueryError { span, message });
    }

    /// The finished query, with a trailing `|` reported and errors in input order.
    fn finish(mut self) -> Query {
        self.next(Side::Other);
        self.query.errors.sort_by_key(|e| e.span.start);
        self.query
    }
}

/// `raw: problem`, or `raw problem` when the raw field has no value (`via: needs …`).
fn field_message(raw: &str, problem: &str) -> String {
    if raw.ends_with(':') {
        format!("{raw} {problem}")
    } else {
        format!("{raw}: {problem}")
    }
}
