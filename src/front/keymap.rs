//! The keymap: which key does which [`Action`], in one table that the config file can change
//! and the help overlay lists.
//!
//! A key made of a plain character (`j`, `G`, `?`) acts only where typing is not going on (the
//! result list, the viewer, the reader); everywhere else it types itself. Keys with Ctrl or Alt,
//! and named keys (arrows, Enter, F1), act everywhere.

use std::collections::BTreeMap;
use std::fmt;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::Action;

/// A key with its modifiers, as the keymap compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    mods: KeyModifiers,
}

impl Key {
    /// The key of a terminal key event, Shift folded into the character (`G`, not `shift-g`).
    #[must_use]
    pub fn from_event(event: KeyEvent) -> Self {
        let mut mods =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                mods.remove(KeyModifiers::SHIFT);
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            KeyCode::Tab if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, mods }
    }

    /// Parses a key as written in the config file: `j`, `G`, `?`, `ctrl-n`, `alt-backspace`,
    /// `shift-tab`, `f1`, `pgdn`, `enter`, `esc`, `space`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") {
                ("ctrl-", KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                ("alt-", KeyModifiers::ALT)
            } else if lower.starts_with("shift-") {
                ("shift-", KeyModifiers::SHIFT)
            } else {
                break;
            };
            if rest.len() == prefix.len() {
                break;
            }
            mods |= flag;
            rest = &rest[prefix.len()..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" | "bs" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "insert" | "ins" => KeyCode::Insert,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            name => match (
                name.strip_prefix('f').map(str::parse::<u8>),
                rest.chars().count(),
            ) {
                (Some(Ok(n)), _) if (1..=12).contains(&n) => KeyCode::F(n),
                (_, 1) => KeyCode::Char(rest.chars().next().unwrap_or(' ')),
                _ => return Err(format!("unknown key `{text}`")),
            },
        };
        let shifted = mods.contains(KeyModifiers::SHIFT);
        let code = match code {
            KeyCode::Char(c) if shifted && !mods.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_uppercase())
            }
            other => other,
        };
        Ok(Self::from_event(KeyEvent::new(code, mods)))
    }

    /// Whether the key is a plain character, which types itself in a text field.
    #[must_use]
    pub fn is_plain_char(self) -> bool {
        matches!(self.code, KeyCode::Char(_)) && self.mods.is_empty()
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.mods.contains(KeyModifiers::CONTROL) {
            f.write_str("ctrl-")?;
        }
        if self.mods.contains(KeyModifiers::ALT) {
            f.write_str("alt-")?;
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            f.write_str("shift-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::F(n) => write!(f, "F{n}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Insert => f.write_str("Ins"),
            KeyCode::Up => f.write_str("\u{2191}"),
            KeyCode::Down => f.write_str("\u{2193}"),
            KeyCode::Left => f.write_str("\u{2190}"),
            KeyCode::Right => f.write_str("\u{2192}"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Keys to actions.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// In the order the help overlay lists keys; one entry per key.
    bindings: Vec<(Key, Action)>,
}

impl Keymap {
    /// No key bound: the start of the default keymap, which the config module reads from
    /// its embedded file.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            bindings: Vec::new(),
        }
    }

    /// The default keymap with `overrides` (action name → keys) applied: each named action
    /// gets exactly the keys given, which are taken from whatever action had them.
    ///
    /// An error names the action whose entry is wrong, and what is wrong with it.
    pub fn with_overrides(
        overrides: &BTreeMap<String, Vec<String>>,
    ) -> Result<Self, (String, String)> {
        Self::default().rebound(overrides)
    }

    /// This keymap with `table` (action name → keys) applied, as [`Self::with_overrides`].
    pub fn rebound(
        mut self,
        table: &BTreeMap<String, Vec<String>>,
    ) -> Result<Self, (String, String)> {
        let map = &mut self;
        for (name, keys) in table {
            let action = Action::from_name(name).ok_or_else(|| {
                (
                    name.clone(),
                    "unknown action (the help overlay, `?`, lists them)".to_string(),
                )
            })?;
            map.bindings.retain(|(_, a)| *a != action);
            for key in keys {
                let key = Key::parse(key).map_err(|m| (name.clone(), m))?;
                map.bind(key, action.clone());
            }
        }
        Ok(self)
    }

    /// How many keys do `action`.
    #[must_use]
    pub fn keys_of(&self, action: &Action) -> usize {
        self.bindings.iter().filter(|(_, a)| a == action).count()
    }

    fn bind(&mut self, key: Key, action: Action) {
        self.bindings.retain(|(k, _)| *k != key);
        self.bindings.push((key, action));
    }

    /// The action for a key event; `typing` says whether a text field has the keys.
    #[must_use]
    pub fn action(&self, event: KeyEvent, typing: bool) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let key = Key::from_event(event);
        if typing && key.is_plain_char() {
            return match key.code {
                KeyCode::Char(c) => Some(Action::Insert(c)),
                _ => None,
            };
        }
        if let Some((_, action)) = self.bindings.iter().find(|(k, _)| *k == key) {
            return Some(action.clone());
        }
        match key.code {
            KeyCode::Char(c) if key.mods.is_empty() => Some(Action::Insert(c)),
            _ => None,
        }
    }

    /// Rows for the help overlay: the keys of each action, and what it does.
    #[must_use]
    pub fn help(&self) -> Vec<(String, String)> {
        Action::bindable()
            .filter_map(|action| {
                let keys: Vec<String> = self
                    .bindings
                    .iter()
                    .filter(|(_, a)| *a == action)
                    .map(|(k, _)| k.to_string())
                    .collect();
                (!keys.is_empty()).then(|| (keys.join(", "), action.describe().to_string()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(text: &str) -> KeyEvent {
        let k = Key::parse(text).expect("a key");
        KeyEvent::new(k.code, k.mods)
    }

    #[test]
    fn plain_characters_type_in_text_fields_and_act_elsewhere() {
        let map = Keymap::default();
        assert_eq!(map.action(key("j"), true), Some(Action::Insert('j')));
        assert_eq!(map.action(key("j"), false), Some(Action::Down));
        assert_eq!(map.action(key("G"), false), Some(Action::Last));
        assert_eq!(map.action(key("z"), false), Some(Action::Insert('z')));
        assert_eq!(map.action(key("ctrl-n"), true), Some(Action::Down));
        assert_eq!(map.action(key("ctrl-c"), true), Some(Action::Quit));
        assert_eq!(map.action(key("?"), false), Some(Action::Help));
        assert_eq!(map.action(key("?"), true), Some(Action::Insert('?')));
    }

    #[test]
    fn shifted_letters_and_backtab_match_however_the_terminal_reports_them() {
        let map = Keymap::default();
        let shifted = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(map.action(shifted, false), Some(Action::PrevQuote));
        let backtab = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(map.action(backtab, true), Some(Action::FocusPrev));
        let upper_ctrl = KeyEvent::new(KeyCode::Char('N'), KeyModifiers::CONTROL);
        assert_eq!(map.action(upper_ctrl, true), Some(Action::Down));
    }

    #[test]
    fn key_names_parse_and_print_back() {
        for text in [
            "ctrl-n",
            "alt-backspace",
            "F1",
            "PgDn",
            "Esc",
            "space",
            "G",
            "ctrl-alt-x",
        ] {
            let k = Key::parse(text).expect(text);
            assert_eq!(Key::parse(&k.to_string()), Ok(k), "{text}");
        }
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert!(Key::parse("hyper-x").is_err());
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("").is_err());
    }

    #[test]
    fn overrides_replace_an_actions_keys_and_steal_them_from_others() {
        let mut o = BTreeMap::new();
        o.insert(
            "down".to_string(),
            vec!["ctrl-j".to_string(), "k".to_string()],
        );
        let map = Keymap::with_overrides(&o).expect("valid");
        assert_eq!(map.action(key("ctrl-j"), true), Some(Action::Down));
        assert_eq!(map.action(key("k"), false), Some(Action::Down));
        assert_eq!(map.action(key("j"), false), Some(Action::Insert('j')));
        assert_eq!(map.action(key("ctrl-n"), true), None);
        o.insert("fly".to_string(), vec!["f".to_string()]);
        let (name, err) = Keymap::with_overrides(&o).expect_err("unknown action");
        assert_eq!(name, "fly", "{err}");
    }

    #[test]
    fn help_lists_every_default_action_once() {
        let help = Keymap::default().help();
        assert_eq!(help.len(), Action::bindable().count());
        assert!(
            help.iter()
                .any(|(k, what)| k.contains('?') && what == "this help")
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key("j");
        release.kind = KeyEventKind::Release;
        assert_eq!(Keymap::default().action(release, false), None);
    }
}
