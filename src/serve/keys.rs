//! The server's keys: its own ed25519 host key (made on first start, kept mode 0600 and
//! reused), and the client keys allowed in, read from an `authorized_keys` file.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use anyhow::{Context, bail};
use russh::keys::ssh_key::authorized_keys::Entry;
use russh::keys::ssh_key::{HashAlg, LineEnding};
use russh::keys::{Algorithm, PrivateKey, PublicKey};

/// `$XDG_DATA_HOME/spotlight/host_ed25519_key`, else `~/.local/share/spotlight/...`.
#[must_use]
pub fn default_host_key_path() -> Option<PathBuf> {
    crate::xdg::spotlight_file("XDG_DATA_HOME", ".local/share", "host_ed25519_key")
}

/// `~/.ssh/authorized_keys`.
#[must_use]
pub fn default_authorized_keys_path() -> Option<PathBuf> {
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".ssh/authorized_keys"))
}

/// Reads the host key at `path`, or makes a new ed25519 key there (mode 0600) when there is
/// none. A key file others can read is refused, as OpenSSH does.
pub fn host_key(path: &Path) -> anyhow::Result<PrivateKey> {
    if path.exists() {
        let mode = fs::metadata(path)
            .with_context(|| format!("{}: cannot read the host key", path.display()))?
            .permissions()
            .mode();
        if mode & 0o077 != 0 {
            bail!(
                "{}: the host key is readable by others (mode {:o}); run `chmod 600` on it",
                path.display(),
                mode & 0o777
            );
        }
        return PrivateKey::read_openssh_file(path)
            .with_context(|| format!("{}: not an OpenSSH private key", path.display()));
    }
    let key = PrivateKey::random(&mut rand_keys::rng(), Algorithm::Ed25519)
        .context("generating the host key")?;
    let text = key
        .to_openssh(LineEnding::LF)
        .context("encoding the host key")?;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).with_context(|| format!("{}: cannot create", dir.display()))?;
    }
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .with_context(|| format!("{}: cannot write the host key", path.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("{}: cannot write the host key", path.display()))?;
    tracing::info!(
        path = %path.display(),
        fingerprint = %key.public_key().fingerprint(HashAlg::Sha256),
        "generated a new host key"
    );
    Ok(key)
}

/// The keys allowed in, and what was wrong with the lines that were not taken.
#[derive(Debug, Default)]
pub struct AuthorizedKeys {
    keys: Vec<PublicKey>,
    /// `file:line: problem` for every line refused.
    pub problems: Vec<String>,
}

impl AuthorizedKeys {
    /// Reads an `authorized_keys` file. Lines with options (`from=`, `command=`, ...) are
    /// refused rather than accepted without the restriction they ask for.
    pub fn read(path: &Path) -> anyhow::Result<Self> {
        let text = fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read the authorized keys", path.display()))?;
        Ok(Self::parse(&text, &path.display().to_string()))
    }

    /// Parses `authorized_keys` text; `name` names the file in problems.
    #[must_use]
    pub fn parse(text: &str, name: &str) -> Self {
        let mut keys = Self::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match Entry::from_str(line) {
                Ok(entry) if entry.config_opts().is_empty() => {
                    keys.keys.push(entry.public_key().clone());
                }
                Ok(entry) => keys.problems.push(format!(
                    "{name}:{}: options `{}` are not supported; this key is not accepted",
                    n + 1,
                    entry.config_opts().as_str()
                )),
                Err(e) => keys
                    .problems
                    .push(format!("{name}:{}: not a public key ({e})", n + 1)),
            }
        }
        keys
    }

    /// Whether `key` may log in.
    #[must_use]
    pub fn allows(&self, key: &PublicKey) -> bool {
        self.keys.iter().any(|k| k.key_data() == key.key_data())
    }

    /// How many keys may log in.
    #[must_use]
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether no key may log in.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl";

    #[test]
    fn takes_plain_keys_and_refuses_options_and_garbage() {
        let text = format!(
            "# team keys\nssh-ed25519 {KEY} analyst@desk\n\
             command=\"/bin/sh\" ssh-ed25519 {KEY} forced\nnot a key\n"
        );
        let keys = AuthorizedKeys::parse(&text, "keys");
        assert_eq!(keys.len(), 1);
        assert_eq!(keys.problems.len(), 2, "{:?}", keys.problems);
        assert!(keys.problems[0].starts_with("keys:3: options `command=\"/bin/sh\"`"));
        assert!(keys.problems[1].starts_with("keys:4: not a public key"));
        let key = PublicKey::from_openssh(&format!("ssh-ed25519 {KEY}")).expect("a key");
        assert!(keys.allows(&key));
    }

    #[test]
    fn makes_a_private_host_key_once_and_reuses_it() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("sub/host_key");
        let first = host_key(&path).expect("generated");
        let mode = fs::metadata(&path).expect("written").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let again = host_key(&path).expect("read back");
        assert_eq!(first.public_key(), again.public_key());
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).expect("chmod");
        let err = host_key(&path).expect_err("readable by others");
        assert!(err.to_string().contains("chmod 600"), "{err}");
    }
}
