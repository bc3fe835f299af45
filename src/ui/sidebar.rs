//! The actor sidebar: a filter line, actors with kind marker and quote count, and the selected
//! actor's Arabic names, role and affiliations.

use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::symbols;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Sparkline};

use super::{Theme, pane, screen_text};
use crate::app::{App, Focus, display_width};
use crate::corpus::{Actor, ActorKind};
use crate::index::timeline::{Period, Timeline};

/// The one-letter marker of an actor kind in the list.
#[must_use]
pub fn marker(kind: ActorKind) -> char {
    match kind {
        ActorKind::Person => 'P',
        ActorKind::Militia => 'M',
        ActorKind::FrontGroup => 'F',
        ActorKind::MediaChannel => 'C',
        ActorKind::StateBody => 'S',
        ActorKind::Party => 'B',
        ActorKind::ThinkTank => 'T',
        ActorKind::Other => 'O',
        ActorKind::Unknown => '?',
    }
}

/// Draws the sidebar in `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, app: &App, theme: &Theme) {
    let side = &app.sidebar;
    let focused = app.focus == Focus::Sidebar;
    let title = format!(" Actors {} ", side.visible.len());
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 {
        return;
    }
    let width = usize::from(inner.width);
    let filter = side.filter.text();
    let filter_line = if filter.is_empty() {
        let hint = if focused {
            "type to filter"
        } else {
            "Tab here to filter"
        };
        Line::styled(screen_text::fit(hint, width), theme.dim)
    } else {
        Line::from(vec![
            Span::styled("/", theme.title),
            Span::raw(screen_text::sanitize(filter).into_owned()),
        ])
    };
    let rows = usize::from(inner.height - 1) / 2;
    let mut lines = vec![filter_line];
    let count_width = 4;
    for (i, &actor_at) in side.visible.iter().enumerate().skip(side.offset).take(rows) {
        let Some(actor) = app.index.corpus.actors.get(actor_at) else {
            continue;
        };
        let selected = i == side.selected;
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let count = app.index.by_actor.get(actor_at).map_or(0, Vec::len);
        let name_width = width.saturating_sub(2 + count_width);
        // An actor marked to compare carries `>` after its kind.
        let compared = if app.compare.contains(&actor_at) {
            '>'
        } else {
            ' '
        };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{compared}", marker(actor.kind)),
                theme.dim.patch(base),
            ),
            Span::styled(screen_text::fit(&actor.name, name_width), base),
            Span::styled(format!("{count:>count_width$}"), theme.dim.patch(base)),
        ]));
    }
    while lines.len() < rows + 1 {
        lines.push(Line::default());
    }
    let mut spark = None;
    if let Some((at, actor)) = side
        .selected_actor()
        .and_then(|a| Some((a, app.index.corpus.actors.get(a)?)))
    {
        let alias = side.matched.get(side.selected).cloned().flatten();
        lines.push(Line::styled("\u{2500}".repeat(width), theme.border));
        let months = per_month(app, at, width);
        if !months.is_empty() {
            spark = u16::try_from(lines.len()).ok().map(|row| (row, months));
            lines.push(Line::default());
        }
        lines.extend(details(app, actor, alias.as_deref(), width, theme));
    }
    frame.render_widget(Paragraph::new(lines), inner);
    if let Some((row, months)) = spark.filter(|(row, _)| *row < inner.height) {
        let area = Rect {
            y: inner.y + row,
            height: 1,
            ..inner
        };
        let line = Sparkline::default()
            .data(&months)
            .style(theme.speaker)
            .absent_value_symbol(symbols::shade::EMPTY);
        frame.render_widget(line, area);
    }
}

/// The actor's statements per month, the latest `width` months (empty ones as zeros): the
/// sidebar's one-line timeline.
fn per_month(app: &App, actor: usize, width: usize) -> Vec<u64> {
    let Some(quotes) = app.index.by_actor.get(actor) else {
        return Vec::new();
    };
    let timeline = Timeline::of(&app.index, quotes, Period::Month);
    let skip = timeline.bars.len().saturating_sub(width);
    timeline
        .bars
        .iter()
        .skip(skip)
        .map(|bar| bar.count as u64)
        .collect()
}

/// The selected actor's card: name, kind, Arabic names, role, affiliations, aliases.
fn details(
    app: &App,
    actor: &Actor,
    alias: Option<&str>,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let mut lines = screen_text::wrap_styled(&[(&actor.name, theme.heading)], width);
    let mut kind = actor.kind.label().replace('-', " ");
    if let Some(sub) = &actor.subkind {
        kind = format!("{kind}, {sub}");
    }
    lines.extend(screen_text::wrap_styled(&[(&kind, theme.dim)], width));
    if let Some(alias) = alias {
        lines.extend(screen_text::wrap_styled(
            &[("matched ", theme.dim), (alias, theme.matched)],
            width,
        ));
    }
    for arabic in &actor.arabic {
        lines.extend(screen_text::wrap_styled(
            &[(arabic.as_str(), Style::new())],
            width,
        ));
    }
    if !actor.role.is_empty() {
        lines.extend(screen_text::wrap_styled(
            &[(&actor.role, Style::new())],
            width,
        ));
    }
    let affiliations: Vec<&str> = actor
        .affiliations
        .iter()
        .map(|id| {
            app.index
                .corpus
                .actor(id)
                .map_or(id.as_str(), |a| a.name.as_str())
        })
        .collect();
    if !affiliations.is_empty() {
        let list = affiliations.join(", ");
        lines.extend(screen_text::wrap_styled(
            &[("with ", theme.dim), (&list, Style::new())],
            width,
        ));
    }
    if !actor.aliases.is_empty() {
        let list = actor.aliases.join(", ");
        lines.extend(screen_text::wrap_styled(
            &[("aka ", theme.dim), (&list, theme.dim)],
            width,
        ));
    }
    lines
}

/// Where the cursor goes when the sidebar filter has focus.
pub fn cursor(area: Rect, app: &App) -> Option<Position> {
    if area.width < 3 || area.height < 3 {
        return None;
    }
    let filter = app.sidebar.filter.text();
    let column = if filter.is_empty() {
        0
    } else {
        1 + display_width(&filter[..app.sidebar.filter.cursor()])
    };
    let x = (usize::from(area.x) + 1 + column).min(usize::from(area.x + area.width - 2));
    Some(Position::new(u16::try_from(x).ok()?, area.y + 1))
}
