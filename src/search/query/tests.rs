//! Tests for the query parser: every form, the `|` rules, each error and the display.

use jiff::civil::{Date, date};
use proptest::prelude::*;

use super::*;

fn term(text: &str, mode: TermMode, negated: bool) -> Term {
    Term {
        text: text.to_string(),
        mode,
        negated,
    }
}

fn fuzzy(text: &str) -> Term {
    term(text, TermMode::Fuzzy, false)
}

/// The groups as lists of displayed terms, for compact assertions.
fn groups(q: &Query) -> Vec<Vec<String>> {
    q.groups
        .iter()
        .map(|g| g.alternatives.iter().map(ToString::to_string).collect())
        .collect()
}

fn messages(q: &Query) -> Vec<&str> {
    q.errors.iter().map(|e| e.message.as_str()).collect()
}

/// The input text each error points at.
fn culprits<'a>(input: &'a str, q: &Query) -> Vec<&'a str> {
    q.errors.iter().map(|e| &input[e.span.clone()]).collect()
}

fn only_term(input: &str) -> Term {
    let q = parse(input);
    assert!(q.errors.is_empty(), "{input}: {:?}", q.errors);
    assert_eq!(q.groups.len(), 1, "{input}");
    assert_eq!(q.groups[0].alternatives.len(), 1, "{input}");
    q.groups[0].alternatives[0].clone()
}

fn dates(input: &str) -> (Option<Date>, Option<Date>) {
    let q = parse(input);
    assert!(q.errors.is_empty(), "{input}: {:?}", q.errors);
    (q.dates.from, q.dates.to)
}

fn actor(name: &str, affiliates: bool, negated: bool) -> ActorFilter {
    ActorFilter {
        name: name.to_string(),
        affiliates,
        negated,
    }
}

// Terms and groups.

#[test]
fn blank_input_is_an_empty_query() {
    for input in ["", " ", "\t \n", "\u{a0}"] {
        let q = parse(input);
        assert_eq!(q, Query::default(), "{input:?}");
        assert!(q.is_empty());
    }
}

#[test]
fn space_separated_terms_are_anded() {
    let q = parse("badr  ameri\tkataib");
    assert_eq!(groups(&q), [["badr"], ["ameri"], ["kataib"]]);
    assert!(q.errors.is_empty());
}

#[test]
fn bar_ors_only_its_neighbours_as_in_fzf() {
    let q = parse("a b | c d");
    assert_eq!(groups(&q), vec![vec!["a"], vec!["b", "c"], vec!["d"]]);
}

#[test]
fn chained_bars_make_one_group() {
    let q = parse("a | b | 'c d");
    assert_eq!(groups(&q), vec![vec!["a", "b", "'c"], vec!["d"]]);
}

#[test]
fn bar_inside_a_word_is_literal() {
    assert_eq!(only_term("a|b"), fuzzy("a|b"));
    assert_eq!(only_term("|x"), fuzzy("|x"));
}

#[test]
fn plain_word_is_fuzzy_and_keeps_its_case() {
    assert_eq!(only_term("Muhandis"), fuzzy("Muhandis"));
}

#[test]
fn quote_mark_makes_an_exact_term() {
    assert_eq!(
        only_term("'resistance"),
        term("resistance", TermMode::Exact, false)
    );
}

#[test]
fn exact_term_text_is_literal() {
    assert_eq!(only_term("'^x$"), term("^x$", TermMode::Exact, false));
    assert_eq!(
        only_term("'date:2023"),
        term("date:2023", TermMode::Exact, false)
    );
    assert_eq!(only_term("''x"), term("'x", TermMode::Exact, false));
}

#[test]
fn caret_and_dollar_anchor_to_words() {
    assert_eq!(only_term("^kata"), term("kata", TermMode::Prefix, false));
    assert_eq!(only_term("ieb$"), term("ieb", TermMode::Suffix, false));
    assert_eq!(only_term("^badr$"), term("badr", TermMode::Word, false));
}

#[test]
fn bang_negates_the_exact_forms() {
    assert_eq!(only_term("!israel"), term("israel", TermMode::Exact, true));
    assert_eq!(only_term("!'israel"), term("israel", TermMode::Exact, true));
    assert_eq!(only_term("!^isr"), term("isr", TermMode::Prefix, true));
    assert_eq!(only_term("!ael$"), term("ael", TermMode::Suffix, true));
    assert_eq!(only_term("!^israel$"), term("israel", TermMode::Word, true));
}

#[test]
fn negated_terms_may_be_ored() {
    let q = parse("a | !b");
    assert_eq!(
        q.groups,
        [Group {
            alternatives: vec![fuzzy("a"), term("b", TermMode::Exact, true)]
        }]
    );
}

#[test]
fn operators_alone_are_dropped_without_error() {
    for input in ["!", "'", "^", "$", "^$", "!'", "!^", "!$"] {
        let q = parse(input);
        assert!(q.is_empty() && q.errors.is_empty(), "{input}: {q:?}");
    }
    assert_eq!(groups(&parse("a | ! b")), [["a", "b"]]);
}

#[test]
fn double_quotes_make_a_phrase() {
    assert_eq!(
        only_term("\"the axis of resistance\""),
        term("the axis of resistance", TermMode::Phrase, false)
    );
}

#[test]
fn phrase_whitespace_is_trimmed_and_collapsed() {
    assert_eq!(
        only_term("\"  axis \t of\n resistance \""),
        term("axis of resistance", TermMode::Phrase, false)
    );
}

#[test]
fn bang_negates_a_phrase() {
    assert_eq!(
        only_term("!\"a phrase\""),
        term("a phrase", TermMode::Phrase, true)
    );
}

#[test]
fn closing_quote_ends_the_token() {
    assert_eq!(groups(&parse("\"a b\"c")), [["\"a b\""], ["c"]]);
}

#[test]
fn double_quote_inside_a_word_is_literal() {
    assert_eq!(only_term("it\"s"), fuzzy("it\"s"));
    assert_eq!(groups(&parse("5\" x\"")), [["5\""], ["x\""]]);
}

#[test]
fn phrases_can_be_ored() {
    assert_eq!(groups(&parse("\"a b\" | ^c")), [["\"a b\"", "^c"]]);
}

#[test]
fn unclosed_quote_is_reported_and_the_rest_is_plain_terms() {
    let input = "badr \"abu fadak";
    let q = parse(input);
    assert_eq!(messages(&q), ["unclosed quote: \"abu fadak"]);
    assert_eq!(culprits(input, &q), ["\"abu fadak"]);
    assert_eq!(groups(&q), [["badr"], ["abu"], ["fadak"]]);
}

#[test]
fn unclosed_quote_after_a_prefix_drops_the_prefix() {
    let q = parse("@\"Abu Fadak");
    assert_eq!(messages(&q), ["unclosed quote: \"Abu Fadak"]);
    assert!(q.actors.is_empty());
    assert_eq!(groups(&q), [["Abu"], ["Fadak"]]);
}

#[test]
fn unclosed_quote_message_is_shortened() {
    let q = parse("\"a very long unclosed phrase that goes on");
    assert_eq!(
        messages(&q),
        ["unclosed quote: \"a very long unclosed phr…"]
    );
}

#[test]
fn unclosed_quote_remainder_still_reads_fields() {
    let q = parse("\"'exact date:2023");
    assert_eq!(q.errors.len(), 1);
    assert_eq!(groups(&q), [["'exact"]]);
    assert_eq!(q.dates.from, Some(date(2023, 1, 1)));
}

#[test]
fn empty_quotes_are_an_error() {
    let q = parse("a \"  \" b");
    assert_eq!(
        messages(&q),
        ["empty quotes \"  \" (nothing to search for)"]
    );
    assert_eq!(groups(&q), [["a"], ["b"]]);
}

// Actors.

#[test]
fn at_names_an_actor() {
    let q = parse("@hadi-al-ameri");
    assert_eq!(q.actors, [actor("hadi-al-ameri", false, false)]);
    assert!(q.groups.is_empty() && q.errors.is_empty());
}

#[test]
fn quoted_actor_names_may_have_spaces() {
    assert_eq!(
        parse("@\"Abu  Fadak\"").actors,
        [actor("Abu Fadak", false, false)]
    );
}

#[test]
fn plus_adds_affiliates() {
    assert_eq!(parse("@kh+").actors, [actor("kh", true, false)]);
    assert_eq!(
        parse("@\"Abu Fadak\"+").actors,
        [actor("Abu Fadak", true, false)]
    );
    assert_eq!(parse("@\"x+\"").actors, [actor("x+", false, false)]);
}

#[test]
fn bang_at_excludes_a_speaker() {
    assert_eq!(parse("!@kh").actors, [actor("kh", false, true)]);
    assert_eq!(
        parse("!@\"Abu Fadak\"+").actors,
        [actor("Abu Fadak", true, true)]
    );
}

#[test]
fn actor_and_terms_mix() {
    let q = parse("@ameri+ badr !@kh");
    assert_eq!(
        q.actors,
        [actor("ameri", true, false), actor("kh", false, true)]
    );
    assert_eq!(groups(&q), [["badr"]]);
}

#[test]
fn empty_actor_names_are_errors() {
    for input in ["@ x", "@+ x", "!@ x", "@\"\" x", "@\" \"+ x"] {
        let q = parse(input);
        assert_eq!(
            messages(&q),
            ["`@` needs an actor name, as in @ameri or @\"Abu Fadak\""],
            "{input}"
        );
        assert!(q.actors.is_empty(), "{input}");
        assert_eq!(groups(&q), [["x"]], "{input}");
    }
}

#[test]
fn arabic_words_are_plain_terms_and_actor_names() {
    assert_eq!(only_term("العامري"), fuzzy("العامري"));
    assert_eq!(
        only_term("'العامري"),
        term("العامري", TermMode::Exact, false)
    );
    assert_eq!(
        only_term("\"هادي العامري\""),
        term("هادي العامري", TermMode::Phrase, false)
    );
    let q = parse("@العامري الحشد");
    assert_eq!(q.actors, [actor("العامري", false, false)]);
    assert_eq!(groups(&q), [["الحشد"]]);
}

#[test]
fn arabic_text_with_a_colon_is_a_plain_term() {
    assert_eq!(only_term("قال:نعم"), fuzzy("قال:نعم"));
}

// Dates.

#[test]
fn date_year_covers_the_year() {
    assert_eq!(
        dates("date:2023"),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
}

#[test]
fn date_month_covers_the_month() {
    assert_eq!(
        dates("date:2023-02"),
        (Some(date(2023, 2, 1)), Some(date(2023, 2, 28)))
    );
    assert_eq!(
        dates("date:2024-2"),
        (Some(date(2024, 2, 1)), Some(date(2024, 2, 29)))
    );
}

#[test]
fn date_day_is_one_day() {
    assert_eq!(
        dates("date:2023-10-07"),
        (Some(date(2023, 10, 7)), Some(date(2023, 10, 7)))
    );
    assert_eq!(
        dates("date:2024-02-29"),
        (Some(date(2024, 2, 29)), Some(date(2024, 2, 29)))
    );
}

#[test]
fn date_range_widens_partial_ends() {
    assert_eq!(
        dates("date:2023-10-01..2023-11-15"),
        (Some(date(2023, 10, 1)), Some(date(2023, 11, 15)))
    );
    assert_eq!(
        dates("date:2023-10..2023-11"),
        (Some(date(2023, 10, 1)), Some(date(2023, 11, 30)))
    );
    assert_eq!(
        dates("date:2023..2023"),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
}

#[test]
fn date_ranges_may_be_open() {
    assert_eq!(dates("date:2023-10.."), (Some(date(2023, 10, 1)), None));
    assert_eq!(dates("date:..2023-11"), (None, Some(date(2023, 11, 30))));
}

#[test]
fn since_takes_the_first_day_and_until_the_last() {
    assert_eq!(dates("since:2023"), (Some(date(2023, 1, 1)), None));
    assert_eq!(dates("until:2023-02"), (None, Some(date(2023, 2, 28))));
    assert_eq!(
        dates("since:2023-10 until:2023-11"),
        (Some(date(2023, 10, 1)), Some(date(2023, 11, 30)))
    );
}

#[test]
fn several_date_fields_intersect() {
    assert_eq!(
        dates("date:2023 since:2023-06-15"),
        (Some(date(2023, 6, 15)), Some(date(2023, 12, 31)))
    );
    assert_eq!(
        dates("date:2023-01..2023-06 date:2023-03..2023-09"),
        (Some(date(2023, 3, 1)), Some(date(2023, 6, 30)))
    );
}

#[test]
fn a_date_field_that_leaves_no_day_is_dropped() {
    let q = parse("date:2023 date:2024 x");
    assert_eq!(
        messages(&q),
        ["date:2024: does not overlap the earlier date fields (date:2023-01-01..2023-12-31)"]
    );
    assert_eq!(
        (q.dates.from, q.dates.to),
        (Some(date(2023, 1, 1)), Some(date(2023, 12, 31)))
    );
    assert_eq!(groups(&q), [["x"]]);
}

#[test]
fn impossible_months_and_days_are_errors() {
    let cases = [
        ("date:2023-13", "date:2023-13: month 13 does not exist"),
        ("date:2023-00", "date:2023-00: month 0 does not exist"),
        ("date:2023-01-32", "date:2023-01-32: day 32 does not exist"),
        ("date:2023-01-00", "date:2023-01-00: day 0 does not exist"),
        (
            "date:2023-02-29",
            "date:2023-02-29: February 2023 has only 28 days",
        ),
        (
            "date:2023-04-31",
            "date:2023-04-31: April 2023 has only 30 days",
        ),
        ("since:2023-13", "since:2023-13: month 13 does not exist"),
        (
            "date:2023-10-01..2023-13",
            "date:2023-10-01..2023-13: month 13 does not exist",
        ),
    ];
    for (input, message) in cases {
        let q = parse(&format!("{input} rest"));
        assert_eq!(messages(&q), [message]);
        assert!(q.dates.is_unbounded(), "{input}");
        assert_eq!(groups(&q), [["rest"]], "{input}");
    }
}

#[test]
fn malformed_dates_are_errors() {
    let format = "expected a date as YYYY, YYYY-MM or YYYY-MM-DD";
    for input in [
        "date:23",
        "date:20233",
        "date:2023-",
        "date:2023-1-2-3",
        "date:oct",
        "date:2023-001",
        "until:x",
    ] {
        let q = parse(input);
        assert_eq!(messages(&q), [format!("{input}: {format}")], "{input}");
        assert!(q.dates.is_unbounded());
    }
    assert_eq!(messages(&parse("date:")), [format!("date: {format}")]);
}

#[test]
fn reversed_and_empty_ranges_are_errors() {
    assert_eq!(
        messages(&parse("date:2023-11..2023-10")),
        ["date:2023-11..2023-10: the range ends before it starts"]
    );
    assert_eq!(
        messages(&parse("date:..")),
        ["date:..: a range needs at least one end, as in date:2023-10.. or date:..2023-11"]
    );
    assert_eq!(
        messages(&parse("since:2023..2024")),
        ["since:2023..2024: takes one date; use date:FROM..TO for a range"]
    );
}

// Other fields.

#[test]
fn field_names_ignore_case() {
    let q = parse("DATE:2023 Kind:Term VIA:Telegram Fig:2 PIECE:badr Since:2023-06");
    assert!(q.errors.is_empty(), "{:?}", q.errors);
    assert_eq!(q.dates.from, Some(date(2023, 6, 1)));
    assert_eq!(q.kind, Some(QuoteKind::Term));
    assert_eq!(q.via, ["telegram"]);
    assert_eq!(q.figure, Some(FigureFilter::Number(2)));
    assert_eq!(q.pieces, ["badr"]);
}

#[test]
fn piece_takes_title_words() {
    assert_eq!(parse("piece:escalation").pieces, ["escalation"]);
    assert_eq!(
        parse("piece:\"part  1\" piece:Badr piece:Badr").pieces,
        ["part 1", "Badr"]
    );
    let q = parse("piece: x");
    assert_eq!(
        messages(&q),
        ["piece: needs words from a piece title, as in piece:badr"]
    );
    assert_eq!(groups(&q), [["x"]]);
}

#[test]
fn fig_alone_is_any_figure_and_a_number_one_figure() {
    assert_eq!(parse("fig:").figure, Some(FigureFilter::Any));
    assert_eq!(parse("fig:12").figure, Some(FigureFilter::Number(12)));
    assert_eq!(parse("fig: fig:3").figure, Some(FigureFilter::Number(3)));
    assert_eq!(parse("fig:3 fig:").figure, Some(FigureFilter::Number(3)));
}

#[test]
fn bad_figures_are_errors() {
    let q = parse("fig:0 fig:two fig:+1 fig:2 fig:3 x");
    assert_eq!(
        messages(&q),
        [
            "fig:0: figures are numbered from 1",
            "fig:two: expected a figure number, as in fig:2, or fig: for any figure",
            "fig:+1: expected a figure number, as in fig:2, or fig: for any figure",
            "fig:3: conflicts with fig:2",
        ]
    );
    assert_eq!(q.figure, Some(FigureFilter::Number(2)));
    assert_eq!(groups(&q), [["x"]]);
}

#[test]
fn via_is_stored_lower_case() {
    assert_eq!(
        parse("via:Telegram via:X via:telegram").via,
        ["telegram", "x"]
    );
    assert_eq!(
        messages(&parse("via:")),
        ["via: needs a platform, as in via:telegram"]
    );
}

#[test]
fn kind_selects_statements_or_terms() {
    assert_eq!(parse("kind:term").kind, Some(QuoteKind::Term));
    assert_eq!(parse("kind:statements").kind, Some(QuoteKind::Statement));
    let q = parse("kind:term kind:statement kind:quote");
    assert_eq!(
        messages(&q),
        [
            "kind:statement: conflicts with kind:term",
            "kind:quote: expected kind:statement or kind:term"
        ]
    );
    assert_eq!(q.kind, Some(QuoteKind::Term));
}

#[test]
fn unknown_fields_are_errors() {
    let input = "badr foo:bar Note: x";
    let q = parse(input);
    assert_eq!(
        messages(&q),
        [
            "unknown field `foo:` (fields: date, since, until, piece, fig, via, kind, by)",
            "unknown field `Note:` (fields: date, since, until, piece, fig, via, kind, by)",
        ]
    );
    assert_eq!(culprits(input, &q), ["foo:bar", "Note:"]);
    assert_eq!(groups(&q), [["badr"], ["x"]]);
}

#[test]
fn urls_times_and_other_colons_are_plain_terms() {
    for input in [
        "http://example.com/a",
        "https://t.me/sabereen",
        "10:30",
        "a1:b",
        ":x",
        "e.g.:",
    ] {
        assert_eq!(only_term(input), fuzzy(input), "{input}");
    }
    assert_eq!(
        only_term("!http://t.me"),
        term("http://t.me", TermMode::Exact, true)
    );
}

#[test]
fn fields_cannot_be_negated() {
    let q = parse("!date:2023 !piece:\"a b\" x");
    assert_eq!(
        messages(&q),
        [
            "!date:2023: fields cannot be negated",
            "!piece:\"a b\": fields cannot be negated"
        ]
    );
    assert!(!q.has_filters());
    assert_eq!(groups(&q), [["x"]]);
}

#[test]
fn quoted_field_values() {
    let q = parse("via:\"Al Etejah\" date:\"2023\"");
    assert!(q.errors.is_empty(), "{:?}", q.errors);
    assert_eq!(q.via, ["al etejah"]);
    assert_eq!(q.dates.from, Some(date(2023, 1, 1)));
    assert_eq!(
        messages(&parse("foo:\"a b\"")),
        ["unknown field `foo:` (fields: date, since, until, piece, fig, via, kind, by)"]
    );
}

// The `|` rules.

#[test]
fn dangling_bars_are_errors() {
    let cases = [
        ("| a", "dangling `|`: no search term on its left"),
        ("a |", "dangling `|`: no search term on its right"),
        ("a | date:2023", "dangling `|`: no search term on its right"),
        ("date:2023 | a", "dangling `|`: no search term on its left"),
        ("!@x | a", "dangling `|`: no search term on its left"),
        ("a | @x", "`|` cannot join an @actor and a search term"),
        ("a | foo:bar", "dangling `|`: no search term on its right"),
    ];
    for (input, message) in cases {
        let q = parse(input);
        assert!(messages(&q).contains(&message), "{input}: {:?}", q.errors);
        assert_eq!(groups(&q), [["a"]], "{input}");
    }
}

#[test]
fn dangling_bar_error_points_at_the_bar() {
    let input = "a b |";
    let q = parse(input);
    assert_eq!(q.errors[0].span, 4..5);
    assert_eq!(groups(&q), [["a"], ["b"]]);
}

#[test]
fn extra_bar_is_reported_and_the_join_kept() {
    let q = parse("a | | b");
    assert_eq!(messages(&q), ["extra `|`"]);
    assert_eq!(q.errors[0].span, 4..5);
    assert_eq!(groups(&q), [["a", "b"]]);
}

#[test]
fn bar_between_actors_is_accepted() {
    let q = parse("@ameri | @khazali");
    assert!(q.errors.is_empty(), "{:?}", q.errors);
    assert_eq!(q.actors.len(), 2);
}

#[test]
fn errors_come_in_input_order() {
    let input = "a | date:2023-13 @ \"x";
    let q = parse(input);
    assert_eq!(culprits(input, &q), ["|", "date:2023-13", "@", "\"x"]);
    assert_eq!(groups(&q), [["a"], ["x"]]);
}

// Query helpers and display.

#[test]
fn is_empty_and_has_filters() {
    assert!(parse("foo:bar |").is_empty());
    let terms_only = parse("a");
    assert!(!terms_only.is_empty() && !terms_only.has_filters());
    for input in [
        "@x",
        "date:2023",
        "since:2023",
        "piece:x",
        "fig:",
        "via:x",
        "kind:term",
    ] {
        let q = parse(input);
        assert!(q.has_filters() && !q.is_empty(), "{input}");
    }
}

#[test]
fn error_summary_joins_messages() {
    assert_eq!(parse("a").error_summary(), None);
    assert_eq!(
        parse("@ |").error_summary().as_deref(),
        Some(
            "`@` needs an actor name, as in @ameri or @\"Abu Fadak\"; dangling `|`: no search term on its left"
        )
    );
}

#[test]
fn display_is_a_short_normalized_query() {
    let q = parse("word date:2023-10 @hadi-al-ameri");
    assert_eq!(
        q.to_string(),
        "@hadi-al-ameri date:2023-10-01..2023-10-31 word"
    );
    let q = parse(
        "  'exact   kind:TERM a |  !b via:Telegram !@\"Abu Fadak\"+ fig: piece:\"part 2\" since:2023",
    );
    assert_eq!(
        q.to_string(),
        "!@\"Abu Fadak\"+ date:2023-01-01.. piece:\"part 2\" fig: via:telegram kind:term 'exact a | !b"
    );
    assert_eq!(
        parse("date:..2023 date:2023-03-04").to_string(),
        "date:2023-03-04"
    );
    assert_eq!(parse("until:2023").to_string(), "date:..2023-12-31");
}

#[test]
fn display_keeps_negated_exact_text_literal() {
    for input in ["!'^x", "!'x$", "!'@x", "!'date:2023", "!'\"x"] {
        let q = parse(input);
        assert_eq!(q.to_string(), input);
        assert_eq!(parse(&q.to_string()), q);
    }
    assert_eq!(parse("!'plain").to_string(), "!plain");
}

#[test]
fn display_quotes_actor_names_that_need_it() {
    assert_eq!(parse("@\"x+\"").to_string(), "@\"x+\"");
    assert_eq!(parse("@x++").to_string(), "@\"x+\"+");
}

/// Query text built from the pieces of the syntax, so generated inputs reach deep paths.
fn syntax() -> impl Strategy<Value = String> {
    let pieces = vec![
        " ",
        " ",
        "  ",
        "\t",
        "a",
        "bc",
        "العامري",
        "é",
        "'",
        "^",
        "$",
        "!",
        "|",
        " | ",
        "\"",
        ":",
        "@",
        "+",
        ".",
        "..",
        "-",
        "0",
        "1",
        "2023",
        "13",
        "29",
        "date:",
        "since:",
        "until:",
        "piece:",
        "fig:",
        "via:",
        "kind:",
        "term",
        "foo:",
        "http://",
        "10:30",
    ];
    prop::collection::vec(prop::sample::select(pieces), 0..16).prop_map(|v| v.concat())
}

fn check_spans(input: &str, q: &Query) -> Result<(), TestCaseError> {
    for e in &q.errors {
        prop_assert!(
            e.span.start <= e.span.end && e.span.end <= input.len(),
            "{e:?}"
        );
        prop_assert!(
            input.is_char_boundary(e.span.start) && input.is_char_boundary(e.span.end),
            "{e:?}"
        );
        prop_assert!(!e.message.is_empty());
    }
    Ok(())
}

/// Whether the query's display can parse back to it; actor names that both contain a `"` and
/// end with `+` cannot be written.
fn displayable(q: &Query) -> bool {
    q.actors
        .iter()
        .all(|a| !(a.name.contains('"') && a.name.ends_with('+')))
}

fn check_round_trip(q: &Query) -> Result<(), TestCaseError> {
    if !displayable(q) {
        return Ok(());
    }
    let shown = q.to_string();
    let again = parse(&shown);
    prop_assert!(again.errors.is_empty(), "{shown:?}: {:?}", again.errors);
    let mut expected = q.clone();
    expected.errors.clear();
    prop_assert_eq!(again, expected, "{:?}", shown);
    Ok(())
}

proptest! {
    #[test]
    fn parse_never_panics_and_spans_are_char_boundaries(input in any::<String>()) {
        let q = parse(&input);
        check_spans(&input, &q)?;
    }

    #[test]
    fn special_character_soup_parses(input in "[ '^$!|\":@+.0-9a-zé\u{627}-\u{62a}\t-]{0,40}") {
        let q = parse(&input);
        check_spans(&input, &q)?;
        check_round_trip(&q)?;
    }

    #[test]
    fn syntax_fragments_parse_and_round_trip(input in syntax()) {
        let q = parse(&input);
        check_spans(&input, &q)?;
        check_round_trip(&q)?;
    }

    #[test]
    fn terms_are_never_empty(input in syntax()) {
        let q = parse(&input);
        prop_assert!(q.groups.iter().all(|g| !g.alternatives.is_empty()));
        prop_assert!(q.groups.iter().flat_map(|g| &g.alternatives).all(|t| !t.text.is_empty()));
        prop_assert!(q.actors.iter().all(|a| !a.name.is_empty()));
        if let (Some(from), Some(to)) = (q.dates.from, q.dates.to) {
            prop_assert!(from <= to);
        }
    }
}

#[test]
fn by_names_how_the_speaker_was_found() {
    use crate::corpus::model::SpeakerSource;
    let q = parse("by:pronoun by:role-noun by:Pronoun");
    assert_eq!(q.by, [SpeakerSource::Pronoun, SpeakerSource::RoleNoun]);
    assert_eq!(q.to_string(), "by:pronoun by:role-noun");
    assert!(q.has_filters());
    let bad = parse("by:guess");
    assert!(
        messages(&bad)[0].starts_with("by:guess: expected one of name, surname"),
        "{:?}",
        messages(&bad)
    );
}
