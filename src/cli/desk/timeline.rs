//! `spotlight timeline`: quotes per period as a text bar chart on a terminal, `PERIOD COUNT`
//! lines in a pipe, or JSON lines.

use std::io::{IsTerminal, Write};

use super::args::TimelineArgs;
use super::matching;
use crate::cli::Outcome;
use crate::index::Index;
use crate::index::timeline::Timeline;

/// The widest a bar is drawn, in cells.
const BAR: usize = 50;

/// Prints the timeline of what `args.query` matches.
pub fn run(out: &mut dyn Write, args: &TimelineArgs, index: &Index) -> anyhow::Result<Outcome> {
    let quotes = matching(index, &args.query)?;
    let timeline = Timeline::of(index, &quotes, args.by);
    let bars = std::io::stdout().is_terminal() && !args.json;
    let peak = timeline.peak().max(1);
    for bar in &timeline.bars {
        if args.json {
            serde_json::to_writer(&mut *out, bar)?;
            writeln!(out)?;
        } else if bars {
            let cells = (bar.count * BAR).div_ceil(peak);
            writeln!(
                out,
                "{:<8}  {:>5}  {}",
                bar.period,
                bar.count,
                "\u{2588}".repeat(cells)
            )?;
        } else {
            writeln!(out, "{}\t{}", bar.period, bar.count)?;
        }
    }
    if timeline.undated > 0 && !args.json {
        eprintln!(
            "spotlight: {} matching quote(s) have no date",
            timeline.undated
        );
    }
    Ok(if timeline.bars.is_empty() {
        Outcome::Nothing
    } else {
        Outcome::Found
    })
}
