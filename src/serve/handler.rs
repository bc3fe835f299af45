//! The russh handler of one SSH connection: authentication, channel requests, and the bridge
//! from its channel to its TUI session.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use russh::keys::PublicKey;
use russh::keys::ssh_key::HashAlg;
use russh::server::{Auth, ChannelOpenHandle, Handle, Msg, Session};
use russh::{Channel, ChannelId, Pty};
use tokio::sync::{Semaphore, mpsc};

use super::Shared;
use super::session::{self, Input};

/// The russh handler of one connection.
pub struct Client {
    shared: Arc<Shared>,
    peer: SocketAddr,
    /// Its place among the connections waiting to log in.
    ticket: u64,
    authenticated: Arc<AtomicBool>,
    /// The key it logged in with: its session ends if SIGHUP finds the key gone.
    key: Option<PublicKey>,
    /// The pty requested on the session channel.
    pty: Option<session::Pty>,
    /// The running TUI session's inbox, once the shell started.
    session: Option<mpsc::UnboundedSender<Input>>,
    /// The bytes of input its session may still have waiting ([`session::INPUT_BUDGET`]).
    budget: Arc<Semaphore>,
}

impl Client {
    /// The handler of a new connection from `peer`, holding `ticket` in the waiting room
    /// until it logs in; `authenticated` is set then.
    pub fn new(
        shared: Arc<Shared>,
        peer: SocketAddr,
        ticket: u64,
        authenticated: Arc<AtomicBool>,
    ) -> Self {
        Self {
            shared,
            peer,
            ticket,
            authenticated,
            key: None,
            pty: None,
            session: None,
            budget: Arc::new(Semaphore::new(0)),
        }
    }

    /// Every result names the client's address as `addr=` (and its port), for fail2ban.
    fn check(&mut self, user: &str, key: &PublicKey, offered: bool) -> Auth {
        let fingerprint = key.fingerprint(HashAlg::Sha256);
        let (addr, port) = (self.peer.ip(), self.peer.port());
        if self.shared.allows(key) {
            if !offered {
                tracing::info!(%addr, port, user, %fingerprint, "auth accepted");
                self.authenticated.store(true, Ordering::SeqCst);
                self.shared.leave(self.ticket);
                self.key = Some(key.clone());
            }
            Auth::Accept
        } else {
            tracing::info!(%addr, port, user, %fingerprint, "auth rejected: key not authorized");
            Auth::reject()
        }
    }

    /// Logs a refused request, as subsystems are.
    fn refused(&self, what: &str, target: &str) {
        tracing::info!(peer = %self.peer, target, "{what} refused");
    }

    /// Writes `line` to the channel and closes it.
    fn refuse(channel: ChannelId, line: &str, session: &mut Session) -> Result<(), russh::Error> {
        session.data(channel, format!("spotlight: {line}\r\n").into_bytes())?;
        session.exit_status_request(channel, 1)?;
        session.eof(channel)?;
        session.close(channel)
    }

    fn start(&mut self, channel: ChannelId, pty: session::Pty, handle: Handle) {
        let (inbox, receiver) = mpsc::unbounded_channel();
        self.session = Some(inbox);
        self.budget = Arc::new(Semaphore::new(session::INPUT_BUDGET as usize));
        let shared = Arc::clone(&self.shared);
        let shutdown = shared.shutdown.subscribe();
        let key = self.key.clone();
        let peer = self.peer;
        shared.sessions.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            let (ending, sent) = session::run(
                Arc::clone(&shared),
                handle,
                channel,
                pty,
                receiver,
                shutdown,
                key,
            )
            .await;
            let left = shared.sessions.fetch_sub(1, Ordering::SeqCst) - 1;
            tracing::info!(%peer, ?ending, bytes_sent = sent, sessions = left, "session end");
        });
    }
}

impl russh::server::Handler for Client {
    type Error = russh::Error;

    async fn auth_publickey_offered(
        &mut self,
        user: &str,
        key: &PublicKey,
    ) -> Result<Auth, Self::Error> {
        Ok(self.check(user, key, true))
    }

    async fn auth_publickey(&mut self, user: &str, key: &PublicKey) -> Result<Auth, Self::Error> {
        Ok(self.check(user, key, false))
    }

    async fn auth_password(&mut self, user: &str, _password: &str) -> Result<Auth, Self::Error> {
        let (addr, port) = (self.peer.ip(), self.peer.port());
        tracing::info!(%addr, port, user, "auth rejected: passwords are not accepted");
        Ok(Auth::reject())
    }

    async fn channel_open_session(
        &mut self,
        _channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        term: &str,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.pty = Some(session::Pty {
            term: term.to_string(),
            size: (columns, rows),
        });
        session.channel_success(channel)
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(pty) = self.pty.clone() else {
            session.channel_success(channel)?;
            return Self::refuse(
                channel,
                "this is a full-screen browser and needs a terminal: connect with `ssh -t`",
                session,
            );
        };
        if self.session.is_some() {
            return session.channel_failure(channel);
        }
        let running = self.shared.sessions.load(Ordering::SeqCst);
        if running >= self.shared.max_sessions {
            tracing::info!(peer = %self.peer, running, "refused: server full");
            session.channel_success(channel)?;
            return Self::refuse(
                channel,
                &format!(
                    "the server is full ({running} session{}); please try again later",
                    if running == 1 { "" } else { "s" }
                ),
                session,
            );
        }
        session.channel_success(channel)?;
        self.start(channel, pty, session.handle());
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)?;
        Self::refuse(
            channel,
            "commands are not run here; connect without one",
            session,
        )
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        tracing::info!(peer = %self.peer, name, "subsystem refused");
        session.channel_failure(channel)?;
        session.close(channel)
    }

    async fn tcpip_forward(
        &mut self,
        address: &str,
        port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("remote port forward", &format!("{address}:{port}"));
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        socket_path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("remote socket forward", socket_path);
        Ok(false)
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        host: &str,
        port: u32,
        _originator_address: &str,
        _originator_port: u32,
        _reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Dropping the reply refuses the channel.
        self.refused("local port forward", &format!("{host}:{port}"));
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        socket_path: &str,
        _reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("local socket forward", socket_path);
        Ok(())
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        self.refused("agent forward", "");
        Ok(false)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single_connection: bool,
        _x11_auth_protocol: &str,
        _x11_auth_cookie: &str,
        _x11_screen_number: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        self.refused("X11 forward", "");
        session.channel_failure(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn data(
        &mut self,
        _channel: ChannelId,
        data: &[u8],
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        let Some(inbox) = &self.session else {
            return Ok(());
        };
        match session::within_budget(&self.budget, data) {
            Some(input) => {
                let _ = inbox.send(input);
            }
            None => {
                let peer = self.peer;
                self.shared.log_throttled("input", |held| {
                    tracing::warn!(
                        addr = %peer.ip(),
                        port = peer.port(),
                        held_back = held,
                        "input dropped: the session has {} unread bytes waiting",
                        session::INPUT_BUDGET
                    );
                });
            }
        }
        Ok(())
    }

    async fn window_change_request(
        &mut self,
        _channel: ChannelId,
        columns: u32,
        rows: u32,
        _pix_width: u32,
        _pix_height: u32,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        if let Some(inbox) = &self.session {
            let _ = inbox.send(Input::Resize(columns, rows));
        }
        Ok(())
    }

    async fn channel_close(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // Dropping the inbox ends the session task.
        self.session = None;
        Ok(())
    }
}
