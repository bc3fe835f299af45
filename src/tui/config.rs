//! The config file: theme, default corpus, key rebinding. TOML, in the XDG config directory.
//!
//! ```toml
//! theme = "light"                  # dark (default), light or mono
//! data = "/srv/spotlight/corpus"   # the corpus when --data and SPOTLIGHT_DATA are not given
//!
//! [keys]                           # action = [keys]; see the help overlay for the names
//! down = ["ctrl-j", "down"]
//! copy = ["c"]
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::keymap::Keymap;
use crate::ui::Theme;

/// The settings, as read from the file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// `dark`, `light` or `mono`.
    pub theme: Option<String>,
    /// The default corpus directory.
    pub data: Option<PathBuf>,
    /// Action name → the keys that do it.
    #[serde(default)]
    pub keys: BTreeMap<String, Vec<String>>,
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
        Self::from_config(&config, &shown, no_color())
    }

    /// The settings of a parsed config; `path` names the file in errors.
    pub fn from_config(config: &Config, path: &str, no_color: bool) -> Result<Self, ConfigError> {
        let error = |message: String| ConfigError {
            path: path.to_string(),
            line: 0,
            message,
        };
        let name = config.theme.as_deref().unwrap_or("dark");
        let theme = Theme::named(name).ok_or_else(|| {
            error(format!(
                "unknown theme `{name}`: use {}",
                Theme::NAMES.join(", ")
            ))
        })?;
        let keymap =
            Keymap::with_overrides(&config.keys).map_err(|m| error(format!("[keys]: {m}")))?;
        Ok(Self {
            theme: if no_color { Theme::mono() } else { theme },
            keymap,
            data: config.data.clone(),
        })
    }
}

/// `$XDG_CONFIG_HOME/spotlight/config.toml`, else `~/.config/spotlight/config.toml`.
#[must_use]
pub fn default_path() -> Option<PathBuf> {
    crate::xdg::spotlight_file("XDG_CONFIG_HOME", ".config", "config.toml")
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

/// Parses config text; `path` names the file in errors.
pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(0, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        ConfigError {
            path: path.to_string(),
            line,
            message: e.message().trim().to_string(),
        }
    })
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
