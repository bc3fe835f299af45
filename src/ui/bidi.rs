//! Right-to-left text in visual order, for terminals that draw cells in the order they come.
//!
//! Most terminals (xterm, tmux, screen, kitty, Alacritty, Windows Terminal, macOS Terminal)
//! neither reorder right-to-left runs nor join Arabic letters, so an Arabic name sent in
//! logical order reads backwards, letter by isolated letter. When spotlight draws it
//! ([`Bidi::App`]), each finished frame is rewritten row by row: Unicode's bidirectional
//! algorithm (for a left-to-right paragraph, the UI's direction) gives each cell a level,
//! Arabic letters take their joined forms, and runs are reversed as rule L2 says, brackets
//! mirrored. Pane borders and gaps of two or more spaces end a stretch of text, so panes side
//! by side and columns never trade places. Only cells move: copied citations and JSON keep
//! the logical order.

mod joining;

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use unicode_bidi::{BidiClass, BidiInfo, Level, bidi_class};
use unicode_width::UnicodeWidthStr;

pub use crate::app::Bidi;

/// Rewrites every row of `buf` that holds right-to-left text into visual order with joined
/// letters.
pub fn to_visual(buf: &mut Buffer) {
    let width = usize::from(buf.area.width);
    if width == 0 {
        return;
    }
    for row in buf.content.chunks_mut(width) {
        if row.iter().any(has_rtl) {
            let mut start = 0;
            let mut at = 0;
            while at < row.len() {
                let gap = separator(row, at);
                if gap == 0 {
                    at += 1;
                    continue;
                }
                stretch_to_visual(&mut row[start..at]);
                at += gap;
                start = at;
            }
            stretch_to_visual(&mut row[start..]);
        }
    }
}

/// Whether a cell holds a strong right-to-left character (Hebrew, Arabic, Syriac, Thaana...).
fn has_rtl(cell: &Cell) -> bool {
    cell.symbol()
        .chars()
        .any(|c| c >= '\u{0590}' && matches!(bidi_class(c), BidiClass::R | BidiClass::AL))
}

/// How many cells from `at` separate two stretches of text: a box-drawing character (pane
/// borders) or a gap of two or more spaces (columns); 0 when the cell is text.
fn separator(row: &[Cell], at: usize) -> usize {
    let blank = |cell: &Cell| cell.symbol() == " ";
    let Some(cell) = row.get(at) else {
        return 0;
    };
    if cell
        .symbol()
        .chars()
        .next()
        .is_some_and(|c| ('\u{2500}'..='\u{259F}').contains(&c))
    {
        return 1;
    }
    let spaces = row[at..].iter().take_while(|c| blank(c)).count();
    if spaces >= 2 { spaces } else { 0 }
}

/// Reorders one stretch of cells: shapes its Arabic letters, resolves bidi levels, reverses.
fn stretch_to_visual(cells: &mut [Cell]) {
    if !cells.iter().any(has_rtl) {
        return;
    }
    // A unit is one glyph: a cell and, for a wide character, the cells it covers.
    let mut units: Vec<Range<usize>> = Vec::new();
    while let Some(start) = units.last().map_or(Some(0), |u| Some(u.end)) {
        if start >= cells.len() {
            break;
        }
        let width = cells[start].symbol().width().max(1);
        units.push(start..(start + width).min(cells.len()));
    }
    let firsts: Vec<char> = units
        .iter()
        .map(|u| cells[u.start].symbol().chars().next().unwrap_or(' '))
        .collect();
    let shaped = if firsts.iter().any(|&c| joining::is_shaped(c)) {
        joining::shape(&firsts)
    } else {
        firsts.clone()
    };
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(units.len());
    for u in &units {
        offsets.push(text.len());
        match cells[u.start].symbol() {
            "" => text.push(' '),
            symbol => text.push_str(symbol),
        }
    }
    let info = BidiInfo::new(&text, Some(Level::ltr()));
    let [para] = info.paragraphs.as_slice() else {
        return;
    };
    let levels = info.reordered_levels(para, para.range.clone());
    let unit_levels: Vec<u8> = offsets
        .iter()
        .map(|&o| levels.get(o).map_or(0, Level::number))
        .collect();
    let before = cells.to_vec();
    let mut at = 0;
    for u in visual_order(&unit_levels) {
        for (k, source) in units[u].clone().enumerate() {
            let mut cell = before[source].clone();
            if k == 0 {
                let first = if unit_levels[u] % 2 == 1 {
                    mirrored(shaped[u])
                } else {
                    shaped[u]
                };
                if first != firsts[u] {
                    let symbol = before[source].symbol();
                    let mut new = String::with_capacity(symbol.len() + 2);
                    new.push(first);
                    new.push_str(symbol.get(firsts[u].len_utf8()..).unwrap_or(""));
                    cell.set_symbol(&new);
                }
            }
            if let Some(slot) = cells.get_mut(at) {
                *slot = cell;
            }
            at += 1;
        }
    }
}

/// The visual order of units with these resolved levels (Unicode's rule L2): from the highest
/// level down to the lowest odd one, every run at that level or above is reversed.
fn visual_order(levels: &[u8]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..levels.len()).collect();
    let highest = levels.iter().copied().max().unwrap_or(0);
    let Some(lowest_odd) = levels.iter().copied().filter(|l| l % 2 == 1).min() else {
        return order;
    };
    for level in (lowest_odd..=highest).rev() {
        let mut i = 0;
        while i < order.len() {
            if levels[order[i]] < level {
                i += 1;
                continue;
            }
            let start = i;
            while i < order.len() && levels[order[i]] >= level {
                i += 1;
            }
            order[start..i].reverse();
        }
    }
    order
}

/// The mirror image of a bracket, for brackets inside a right-to-left run.
fn mirrored(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn visual(line: &str, width: u16) -> String {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        buf.set_string(0, 0, line, ratatui::style::Style::new());
        to_visual(&mut buf);
        buf.content.iter().map(Cell::symbol).collect::<String>()
    }

    #[test]
    fn an_arabic_name_is_reversed_and_joined_inside_latin_text() {
        // "Hadi al-Amiri (هادي العامري)": the Arabic words change places and each is drawn
        // right to left with joined letters; the Latin text and the brackets stay.
        let got = visual("Hadi al-Amiri (هادي العامري)", 28);
        let amiri: String = "\u{FE8D}\u{FEDF}\u{FECC}\u{FE8E}\u{FEE3}\u{FEAE}\u{FEF1}"
            .chars()
            .rev()
            .collect();
        let hadi: String = "\u{FEEB}\u{FE8E}\u{FEA9}\u{FEF1}".chars().rev().collect();
        assert_eq!(got, format!("Hadi al-Amiri ({amiri} {hadi})"));
    }

    #[test]
    fn rows_without_right_to_left_text_are_untouched() {
        assert_eq!(
            visual("Kataib Hezbollah (KH) 2024", 26),
            "Kataib Hezbollah (KH) 2024"
        );
    }

    #[test]
    fn numbers_keep_their_order_and_brackets_mirror_inside_a_right_to_left_run() {
        // A number inside Arabic keeps its digits left to right; a bracket pair inside the
        // run is mirrored so it still opens towards its contents.
        let got = visual("ب (٢٠٢٤) ت", 10);
        assert_eq!(got, "\u{FE95} (٢٠٢٤) \u{FE8F}");
    }

    #[test]
    fn pane_borders_and_wide_gaps_keep_stretches_apart() {
        // Two panes side by side, each with an Arabic word: each is reversed in its own pane
        // (one stretch would have swapped them across the border).
        assert_eq!(visual("│بت│تب│", 7), "│\u{FE96}\u{FE91}│\u{FE90}\u{FE97}│");
        assert_eq!(visual("بت  تب", 6), "\u{FE96}\u{FE91}  \u{FE90}\u{FE97}");
    }

    #[test]
    fn visual_order_follows_rule_l2() {
        assert_eq!(visual_order(&[0, 1, 1, 0]), vec![0, 2, 1, 3]);
        assert_eq!(visual_order(&[1, 2, 2, 1]), vec![3, 1, 2, 0]);
        assert_eq!(visual_order(&[0, 0]), vec![0, 1]);
    }
}
