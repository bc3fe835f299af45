//! The config file: theme, default corpus, key rebinding. TOML, in the XDG config directory.
//!
//! ```toml
//! theme = "light"                  # dark (default), light or mono
//! data = "/srv/spotlight/corpus"   # every command's corpus without --data or SPOTLIGHT_DATA
//! bidi = "auto"                    # who orders Arabic: auto (default), app or terminal
//!
//! [keys]                           # action = [keys]; see the help overlay for the names
//! down = ["ctrl-j", "down"]
//! copy = ["c"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use super::keymap::Keymap;
use crate::app::Bidi;
use crate::ui::Theme;

/// The settings, as read from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light` or `mono`, and where it is written.
    pub theme: Option<Spanned<String>>,
    /// The default corpus directory.
    pub data: Option<PathBuf>,
    /// `auto`, `app` or `terminal`: who puts right-to-left text in visual order.
    pub bidi: Option<Spanned<String>>,
    /// Action name → the keys that do it, and where they are written.
    #[serde(default)]
    pub keys: BTreeMap<String, Spanned<Vec<String>>>,
    /// Where each line of the text starts, so a value's position gives its line.
    #[serde(skip)]
    line_starts: Vec<usize>,
}

impl Config {
    /// The line (1-based) of a byte offset in the text parsed; 0 when not parsed from text.
    fn line_of(&self, offset: usize) -> usize {
        if self.line_starts.is_empty() {
            return 0;
        }
        self.line_starts.partition_point(|&start| start <= offset)
    }
}

/// A config file that could not be used.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}: {message}")]
pub struct ConfigError {
    /// The file.
    pub path: String,
    /// The line (1-based) where the problem is, or 0 for the whole file.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// The settings in force: the theme and keymap built from the file.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The styles to draw with.
    pub theme: Theme,
    /// The keys.
    pub keymap: Keymap,
    /// The default corpus directory from the file.
    pub data: Option<PathBuf>,
    /// Who orders right-to-left text, `auto` resolved for this terminal.
    pub bidi: Bidi,
}

impl Settings {
    /// Reads `explicit` (which must exist) or the default config file (which may not), and
    /// applies `NO_COLOR`.
    pub fn load(explicit: Option<&Path>) -> Result<Self, ConfigError> {
        let path = explicit.map(Path::to_path_buf).or_else(default_path);
        let config = match &path {
            Some(p) if explicit.is_some() || p.exists() => read(p)?,
            _ => Config::default(),
        };
        let shown = path
            .as_deref()
            .map_or_else(String::new, |p| p.display().to_string());
        Self::from_config(&config, &shown, no_color() || dumb_terminal())
    }

    /// The settings of a parsed config; `path` names the file in errors.
    pub fn from_config(config: &Config, path: &str, no_color: bool) -> Result<Self, ConfigError> {
        let error = |at: usize, message: String| ConfigError {
            path: path.to_string(),
            line: config.line_of(at),
            message,
        };
        let (name, at) = config
            .theme
            .as_ref()
            .map_or(("dark", 0), |t| (t.get_ref().as_str(), t.span().start));
        let theme = Theme::named(name).ok_or_else(|| {
            error(
                at,
                format!("unknown theme `{name}`: use {}", Theme::NAMES.join(", ")),
            )
        })?;
        let overrides = key_table(config);
        let line_of_action = |name: &str| config.keys.get(name).map_or(0, |k| k.span().start);
        let keymap = Keymap::with_overrides(&overrides)
            .map_err(|(name, m)| error(line_of_action(&name), format!("[keys] {name}: {m}")))?;
        if keymap.keys_of(&crate::app::Action::Quit) == 0 {
            return Err(error(
                line_of_action("quit"),
                "[keys] quit: no key would be left to quit with; keep at least one (q, ctrl-c)"
                    .to_string(),
            ));
        }
        let (name, at) = config
            .bidi
            .as_ref()
            .map_or(("auto", 0), |b| (b.get_ref().as_str(), b.span().start));
        let bidi = match name {
            "auto" if terminal_does_bidi(|name| std::env::var(name).ok()) => Bidi::Terminal,
            "auto" | "app" => Bidi::App,
            "terminal" => Bidi::Terminal,
            other => {
                return Err(error(
                    at,
                    format!("unknown bidi `{other}`: use auto, app or terminal"),
                ));
            }
        };
        Ok(Self {
            theme: if no_color { Theme::mono() } else { theme },
            keymap,
            data: config.data.clone(),
            bidi,
        })
    }
}

/// The default keys, written as a config file's `[keys]` table and read by the same code.
const DEFAULT_KEYS: &str = include_str!("keys.toml");

impl Default for Keymap {
    /// The keys of `keys.toml`. The file is part of the program, and a test holds it valid;
    /// were it not, the keymap would be empty rather than the program stopping.
    fn default() -> Self {
        parse(DEFAULT_KEYS, "keys.toml")
            .ok()
            .and_then(|config| Keymap::empty().rebound(&key_table(&config)).ok())
            .unwrap_or_else(Keymap::empty)
    }
}

/// The `[keys]` table of a config: action name → keys.
fn key_table(config: &Config) -> BTreeMap<String, Vec<String>> {
    config
        .keys
        .iter()
        .map(|(name, keys)| (name.clone(), keys.get_ref().clone()))
        .collect()
}

/// `$XDG_CONFIG_HOME/spotlight/config.toml`, else `~/.config/spotlight/config.toml`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::spotlight_file("XDG_CONFIG_HOME", ".config", "config.toml")
}

/// Whether `TERM` names a terminal without colour (`dumb`), as `serve` honours for its clients.
#[must_use]
pub fn dumb_terminal() -> bool {
    std::env::var("TERM").is_ok_and(|term| term == "dumb")
}

/// Whether the terminal, as the environment `var` shows it, orders right-to-left text and
/// joins Arabic letters itself: VTE-based terminals (GNOME Terminal...), Konsole and mlterm
/// do; tmux and screen in between do not, whatever runs outside them.
#[must_use]
pub fn terminal_does_bidi(var: impl Fn(&str) -> Option<String>) -> bool {
    let term = var("TERM").unwrap_or_default();
    let multiplexed = var("TMUX").is_some()
        || var("STY").is_some()
        || term.starts_with("screen")
        || term.starts_with("tmux");
    !multiplexed
        && (var("VTE_VERSION").is_some()
            || var("KONSOLE_VERSION").is_some()
            || var("MLTERM").is_some()
            || term.starts_with("mlterm"))
}

/// Whether `NO_COLOR` asks for no colour (set and not empty).
#[must_use]
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Reads and parses a config file.
pub fn read(path: &Path) -> Result<Config, ConfigError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        path: shown.clone(),
        line: 0,
        message: format!("cannot read the config file: {e}"),
    })?;
    parse(&text, &shown)
}

/// The corpus directory the config file names (`data`), if any: every command's corpus when
/// neither `--data` nor `SPOTLIGHT_DATA` is given. A config file given explicitly must exist.
pub fn configured_data(explicit: Option<&Path>) -> Result<Option<PathBuf>, ConfigError> {
    let path = explicit.map(Path::to_path_buf).or_else(default_path);
    match path {
        Some(p) if explicit.is_some() || p.exists() => Ok(read(&p)?.data),
        _ => Ok(None),
    }
}

/// Parses config text; `path` names the file in errors.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    let mut config: Config = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        ConfigError {
            path: path.to_string(),
            line,
            message: e.message().trim().to_string(),
        }
    })?;
    config.line_starts = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(at, _)| at + 1))
        .collect();
    Ok(config)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn reads_theme_data_and_keys() {
        let config = parse(
            "theme = \"light\"\ndata = \"/srv/c\"\n[keys]\ncopy = [\"c\"]\n",
            "config.toml",
        )
        .expect("valid");
        let settings = Settings::from_config(&config, "config.toml", false).expect("valid");
        assert_eq!(settings.theme, Theme::light());
        assert_eq!(settings.data, Some(PathBuf::from("/srv/c")));
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(settings.keymap.action(c, false), Some(Action::Copy));
    }

    #[test]
    fn errors_name_the_file_and_line() {
        let err = parse("theme = \"dark\"\n\ncolour = 3\n", "/x/config.toml").expect_err("unknown");
        assert_eq!((err.path.as_str(), err.line), ("/x/config.toml", 3));
        assert!(err.to_string().starts_with("/x/config.toml:3: "), "{err}");
        let err = parse("theme = \n", "c.toml").expect_err("syntax");
        assert_eq!(err.line, 1);
    }

    #[test]
    fn bad_values_are_reported_not_ignored() {
        let config = parse("theme = \"neon\"\n", "c.toml").expect("parses");
        let err = Settings::from_config(&config, "c.toml", false).expect_err("bad theme");
        assert!(
            err.message.contains("neon") && err.message.contains("mono"),
            "{err}"
        );
        let config = parse("[keys]\ndown = [\"hyper-j\"]\n", "c.toml").expect("parses");
        let err = Settings::from_config(&config, "c.toml", false).expect_err("bad key");
        assert!(err.message.contains("hyper-j"), "{err}");
    }

    #[test]
    fn bad_values_name_their_line() {
        let at = |text: &str| {
            let config = parse(text, "c.toml").expect("parses");
            let err = Settings::from_config(&config, "c.toml", false).expect_err("refused");
            (err.line, err.message)
        };
        let (line, message) = at("data = \"/x\"\n\ntheme = \"purple\"\n");
        assert_eq!(line, 3, "{message}");
        let (line, message) = at("theme = \"dark\"\n[keys]\nup = [\"k\"]\ndown = [\"ctrl-jj\"]\n");
        assert_eq!(line, 4, "{message}");
        assert!(
            message.contains("down") && message.contains("ctrl-jj"),
            "{message}"
        );
        let (line, message) = at("[keys]\nfly = [\"f\"]\n");
        assert_eq!(line, 2, "{message}");
    }

    #[test]
    fn a_keymap_without_a_way_out_is_refused() {
        let config = parse("[keys]\nquit = []\n", "c.toml").expect("parses");
        let err = Settings::from_config(&config, "c.toml", false).expect_err("no way out");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("quit"), "{err}");
        // Taking quit's keys for other actions leaves none either.
        let config = parse("[keys]\ncopy = [\"q\", \"ctrl-c\"]\n", "c.toml").expect("parses");
        assert!(Settings::from_config(&config, "c.toml", false).is_err());
    }

    #[test]
    fn the_default_keys_file_is_valid_and_binds_every_action() {
        let config = parse(DEFAULT_KEYS, "keys.toml").expect("valid TOML");
        let table = key_table(&config);
        let map = Keymap::empty().rebound(&table).expect("valid keys");
        for action in Action::bindable() {
            assert!(map.keys_of(&action) > 0, "{action:?} has no default key");
        }
        assert_eq!(table.len(), Action::bindable().count());
        assert_eq!(Keymap::default().help(), map.help());
    }

    #[test]
    fn bidi_is_read_and_an_unknown_value_names_its_line() {
        let settings = |text: &str| {
            let config = parse(text, "config.toml").expect("valid toml");
            Settings::from_config(&config, "config.toml", false)
        };
        assert_eq!(settings("bidi = \"app\"\n").expect("valid").bidi, Bidi::App);
        assert_eq!(
            settings("bidi = \"terminal\"\n").expect("valid").bidi,
            Bidi::Terminal
        );
        let err = settings("theme = \"dark\"\nbidi = \"left\"\n").expect_err("refused");
        assert_eq!(err.line, 2);
        assert!(err.message.contains("auto, app or terminal"), "{err}");
    }

    #[test]
    fn only_terminals_that_do_bidi_themselves_get_it_left_to_them() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| (*v).to_string())
            }
        };
        assert!(terminal_does_bidi(env(&[
            ("VTE_VERSION", "7600"),
            ("TERM", "xterm-256color")
        ])));
        assert!(terminal_does_bidi(env(&[("KONSOLE_VERSION", "230805")])));
        assert!(terminal_does_bidi(env(&[("TERM", "mlterm")])));
        assert!(!terminal_does_bidi(env(&[("TERM", "xterm-256color")])));
        assert!(!terminal_does_bidi(env(&[("TERM", "xterm-kitty")])));
        // GNOME Terminal running tmux: tmux redraws the cells in logical order.
        assert!(!terminal_does_bidi(env(&[
            ("VTE_VERSION", "7600"),
            ("TMUX", "/tmp/t,1,0")
        ])));
        assert!(!terminal_does_bidi(env(&[
            ("VTE_VERSION", "7600"),
            ("TERM", "screen-256color")
        ])));
    }

    #[test]
    fn no_color_forces_the_mono_theme() {
        let settings = Settings::from_config(&Config::default(), "", true).expect("valid");
        assert_eq!(settings.theme, Theme::mono());
    }

    #[test]
    fn a_missing_explicit_file_is_an_error() {
        let err =
            Settings::load(Some(Path::new("/nonexistent/spotlight.toml"))).expect_err("missing");
        assert!(
            err.to_string().contains("/nonexistent/spotlight.toml"),
            "{err}"
        );
    }
}
