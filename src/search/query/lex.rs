//! Splitting a query into tokens: whitespace-separated words and double-quoted strings.
//!
//! A `"` opens a quoted string only at the start of a token or after a prefix that takes one
//! (`!`, `@`, `!@`, `field:`), so `5"` or `it"s` stay ordinary words.

use std::ops::Range;

/// One token of the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token<'a> {
    /// Byte range in the input, on char boundaries.
    pub span: Range<usize>,
    /// What the token is.
    pub kind: TokenKind<'a>,
}

/// The shapes a token can have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum TokenKind<'a> {
    /// A run of non-whitespace text without a quoted string.
    Bare(&'a str),
    /// `prefix"body"`, with `+` when an `@` prefix is followed by one after the closing quote.
    Quoted {
        prefix: &'a str,
        body: &'a str,
        plus: bool,
    },
    /// A `"` that is never closed; the text after it is lexed as ordinary tokens.
    Unclosed { rest: &'a str },
}

/// Splits `input` into tokens, in order.
pub(super) fn tokens(input: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(start) = next_start(input, pos) {
        let (token, next) = token_at(input, start);
        out.push(token);
        pos = next;
    }
    out
}

/// The byte offset of the first non-whitespace char at or after `pos`.
fn next_start(input: &str, pos: usize) -> Option<usize> {
    let rest = input.get(pos..)?;
    rest.char_indices()
        .find(|(_, c)| !c.is_whitespace())
        .map(|(i, _)| pos + i)
}

/// Reads the token starting at `start`; returns it and where lexing resumes.
fn token_at(input: &str, start: usize) -> (Token<'_>, usize) {
    let rest = &input[start..];
    for (i, c) in rest.char_indices() {
        if c.is_whitespace() {
            return bare(input, start, start + i);
        }
        if c == '"' && is_quote_prefix(&rest[..i]) {
            return quoted(input, start, start + i);
        }
    }
    bare(input, start, input.len())
}

/// A bare token over `start..end`.
fn bare(input: &str, start: usize, end: usize) -> (Token<'_>, usize) {
    let token = Token {
        span: start..end,
        kind: TokenKind::Bare(&input[start..end]),
    };
    (token, end)
}

/// A quoted token whose opening `"` is at `open`, or an unclosed one.
fn quoted(input: &str, start: usize, open: usize) -> (Token<'_>, usize) {
    let prefix = &input[start..open];
    let body_start = open + 1;
    let Some(len) = input[body_start..].find('"') else {
        let kind = TokenKind::Unclosed {
            rest: &input[body_start..],
        };
        return (
            Token {
                span: start..input.len(),
                kind,
            },
            body_start,
        );
    };
    let body = &input[body_start..body_start + len];
    let mut end = body_start + len + 1;
    let plus = prefix.ends_with('@') && input[end..].starts_with('+');
    if plus {
        end += 1;
    }
    (
        Token {
            span: start..end,
            kind: TokenKind::Quoted { prefix, body, plus },
        },
        end,
    )
}

/// Whether a `"` right after `prefix` (the token so far) opens a quoted string.
fn is_quote_prefix(prefix: &str) -> bool {
    let rest = prefix.strip_prefix('!').unwrap_or(prefix);
    matches!(rest, "" | "@") || field_name(rest).is_some_and(|colon| colon + 1 == rest.len())
}

/// When `text` starts with a field name (ASCII letters) and a `:`, the offset of the `:`.
pub(super) fn field_name(text: &str) -> Option<usize> {
    let colon = text.find(':')?;
    let name = &text[..colon];
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some(colon)
}

/// Whether a negated exact term must be written `!'text` rather than `!text` to parse back.
///
/// `!text` means a negated exact term unless the text starts with an operator or looks like a
/// field; then the `'` keeps it literal.
pub(super) fn needs_exact_mark(text: &str) -> bool {
    text.starts_with(['\'', '^', '"', '@']) || text.ends_with('$') || field_name(text).is_some()
}
