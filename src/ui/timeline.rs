//! The timeline overlay: quotes per month as bars (empty months as gaps), the selected one
//! bright and named under the chart.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Paragraph};

use super::{Theme, screen_text, titled_overlay};
use crate::app::TimelineView;

/// Columns of a bar (a label like `23-10` fits) and of the gap after it.
const BAR: u16 = 5;
const GAP: u16 = 1;

/// Draws the timeline over `area`.
pub fn render(frame: &mut Frame<'_>, area: Rect, view: &TimelineView, theme: &Theme) {
    let title = format!(
        " {} \u{2014} \u{2190}/\u{2192} pick a month, Enter narrows to it, Esc closes ",
        screen_text::sanitize(&view.title)
    );
    let inner = titled_overlay(frame, area, &title, theme);
    if inner.height < 3 || inner.width < BAR {
        return;
    }
    if view.series.len() > 1 {
        return compared(frame, inner, view, theme);
    }
    let bars = &view.timeline.bars;
    let room = usize::from((inner.width + GAP) / (BAR + GAP)).max(1);
    // The window of bars on screen keeps the selected one in it, towards the right.
    let start = (view.selected + 1)
        .saturating_sub(room)
        .min(bars.len().saturating_sub(room));
    let shown: Vec<Bar<'_>> = bars
        .iter()
        .enumerate()
        .skip(start)
        .take(room)
        .map(|(i, bar)| {
            let style = if i == view.selected {
                theme.matched
            } else {
                theme.speaker
            };
            Bar::new(bar.count as u64)
                .label(Line::from(
                    bar.period.get(2..).unwrap_or(&bar.period).to_string(),
                ))
                .style(style)
                .value_style(theme.selected)
        })
        .collect();
    let chart = BarChart::default()
        .data(BarGroup::default().bars(&shown))
        .bar_width(BAR)
        .bar_gap(GAP)
        .max(view.timeline.peak().max(1) as u64)
        .label_style(theme.dim);
    let chart_area = Rect {
        height: inner.height - 1,
        ..inner
    };
    frame.render_widget(chart, chart_area);
    let about = bars.get(view.selected).map_or_else(String::new, |bar| {
        let undated = if view.timeline.undated > 0 {
            format!(" \u{b7} {} undated", view.timeline.undated)
        } else {
            String::new()
        };
        format!(
            "{}: {} quote{} ({} statement{}), {} to {}{undated}",
            bar.period,
            bar.count,
            if bar.count == 1 { "" } else { "s" },
            bar.statements,
            if bar.statements == 1 { "" } else { "s" },
            bar.start,
            bar.end
        )
    });
    let line = Line::styled(
        screen_text::fit(&about, usize::from(inner.width)),
        theme.dim,
    );
    let last = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(line), last);
}

/// The colours of compared actors, in order.
fn colours(theme: &Theme) -> [ratatui::style::Style; 3] {
    [theme.speaker, theme.matched, theme.date]
}

/// Two or three actors side by side: a group of bars per month, one bar each, a legend under.
fn compared(frame: &mut Frame<'_>, inner: Rect, view: &TimelineView, theme: &Theme) {
    let bars = &view.timeline.bars;
    let n = view.series.len() as u16;
    let bar_width = BAR.div_ceil(n).max(2);
    let group = bar_width * n;
    let room = usize::from((inner.width + GAP) / (group + GAP)).max(1);
    let start = (view.selected + 1)
        .saturating_sub(room)
        .min(bars.len().saturating_sub(room));
    let colours = colours(theme);
    let groups: Vec<BarGroup<'_>> = bars
        .iter()
        .enumerate()
        .skip(start)
        .take(room)
        .map(|(i, bar)| {
            let members: Vec<Bar<'_>> = view
                .series
                .iter()
                .enumerate()
                .map(|(s, (_, counts))| {
                    let style = if i == view.selected {
                        theme.selected
                    } else {
                        colours[s % colours.len()]
                    };
                    Bar::new(counts.get(i).copied().unwrap_or(0) as u64)
                        .style(style)
                        .text_value(String::new())
                })
                .collect();
            let label = bar.period.get(2..).unwrap_or(&bar.period).to_string();
            BarGroup::default().label(Line::from(label)).bars(&members)
        })
        .collect();
    let peak = view
        .series
        .iter()
        .flat_map(|(_, counts)| counts.iter().copied())
        .max()
        .unwrap_or(1)
        .max(1);
    let mut chart = BarChart::default()
        .bar_width(bar_width)
        .bar_gap(0)
        .group_gap(GAP)
        .max(peak as u64)
        .label_style(theme.dim);
    for g in groups {
        chart = chart.data(g);
    }
    let chart_area = Rect {
        height: inner.height - 1,
        ..inner
    };
    frame.render_widget(chart, chart_area);
    let mut legend: Vec<ratatui::text::Span<'static>> = Vec::new();
    for (s, (name, counts)) in view.series.iter().enumerate() {
        let count = counts.get(view.selected).copied().unwrap_or(0);
        legend.push(ratatui::text::Span::styled(
            "\u{2588} ",
            colours[s % colours.len()],
        ));
        legend.push(ratatui::text::Span::styled(
            format!("{} {count}  ", screen_text::sanitize(name)),
            theme.dim,
        ));
    }
    if let Some(bar) = bars.get(view.selected) {
        legend.push(ratatui::text::Span::styled(
            format!("in {}", bar.period),
            theme.dim,
        ));
    }
    let last = Rect {
        y: inner.y + inner.height - 1,
        height: 1,
        ..inner
    };
    frame.render_widget(Paragraph::new(Line::from(legend)), last);
}
