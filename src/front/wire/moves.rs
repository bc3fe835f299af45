//! Cursor moves: the shortest sequence from where the cursor is to where the next write goes.

use std::fmt::Write as _;

use ratatui::layout::Position;

/// A CSI sequence with a count, leaving out a count of 1 (the default).
pub(super) fn csi(count: u16, command: char) -> String {
    if count == 1 {
        format!("\x1b[{command}")
    } else {
        format!("\x1b[{count}{command}")
    }
}

/// The absolute move to `to` (CUP), leaving out what defaults to 1.
fn absolute(to: Position) -> String {
    let mut s = String::from("\x1b[");
    if to.y > 0 || to.x > 0 {
        let _ = write!(s, "{}", to.y + 1);
    }
    if to.x > 0 {
        let _ = write!(s, ";{}", to.x + 1);
    }
    s.push('H');
    s
}

/// The ways to move along a row from column `from` to `to`.
fn horizontal(from: u16, to: u16) -> Vec<String> {
    match to.cmp(&from) {
        std::cmp::Ordering::Equal => vec![String::new()],
        std::cmp::Ordering::Greater => vec![csi(to - from, 'C')],
        std::cmp::Ordering::Less => {
            let mut ways = vec![csi(from - to, 'D')];
            ways.push(if to == 0 {
                "\r".to_string()
            } else {
                format!("\r{}", csi(to, 'C'))
            });
            ways
        }
    }
}

/// The shortest sequence that moves the cursor from `from` (if known) to `to`. Line feeds
/// only ever move down inside the screen here, so they never scroll.
pub(super) fn cheapest_move(from: Option<Position>, to: Position) -> String {
    let mut best = absolute(to);
    let Some(from) = from else {
        return best;
    };
    let vertical = match to.y.cmp(&from.y) {
        std::cmp::Ordering::Equal => vec![String::new()],
        std::cmp::Ordering::Greater => {
            let down = to.y - from.y;
            let mut ways = vec![csi(down, 'B')];
            if down <= 4 {
                ways.push("\n".repeat(usize::from(down)));
            }
            ways
        }
        std::cmp::Ordering::Less => vec![csi(from.y - to.y, 'A')],
    };
    for v in &vertical {
        for h in horizontal(from.x, to.x) {
            if v.len() + h.len() < best.len() {
                best = format!("{v}{h}");
            }
        }
    }
    best
}
