//! One SSH connection: authentication, channel requests, and the bridge from its channel to
//! its TUI session.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use russh::keys::PublicKey;
use russh::keys::ssh_key::HashAlg;
use russh::server::{Auth, ChannelOpenHandle, Config, Handle, Msg, Session};
use russh::{Channel, ChannelId, Disconnect, Pty};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

use super::Shared;
use super::session::{self, Input};

/// Serves one TCP connection until it closes.
pub async fn connection(
    shared: Arc<Shared>,
    config: Arc<Config>,
    socket: TcpStream,
    peer: SocketAddr,
) {
    let _ = socket.set_nodelay(true);
    tracing::info!(%peer, "connect");
    let authenticated = Arc::new(AtomicBool::new(false));
    let client = Client {
        shared: Arc::clone(&shared),
        peer,
        authenticated: Arc::clone(&authenticated),
        pty: None,
        session: None,
    };
    // The grace time covers everything before the login, the exchange of versions included:
    // a client that connects and says nothing is dropped like one that never authenticates.
    let deadline = tokio::time::Instant::now() + shared.login_grace;
    // russh runs the connection on a task of its own; a second handle on the socket is how
    // this one ends it when the client stalls.
    let Ok((socket, plug)) = with_plug(socket) else {
        return;
    };
    let grace = shared.login_grace.as_secs_f32();
    let started = russh::server::run_stream(config, socket, client);
    let running = match tokio::time::timeout_at(deadline, started).await {
        Ok(Ok(running)) => running,
        Ok(Err(e)) => {
            tracing::info!(%peer, "connection failed: {e}");
            return;
        }
        Err(_) => {
            tracing::info!(%peer, "dropped: no login within {grace} s");
            return;
        }
    };
    let handle = running.handle();
    let mut running = std::pin::pin!(running);
    let mut shutdown = shared.shutdown.subscribe();
    let mut watching = true;
    loop {
        tokio::select! {
            result = &mut running => {
                if let Err(e) = result {
                    tracing::debug!(%peer, "connection ended with an error: {e}");
                }
                break;
            }
            _ = shutdown.recv() => {
                // Sessions say goodbye on their channel first; then the connection goes.
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                let _ = handle
                    .disconnect(Disconnect::ByApplication, "server shutting down".into(), String::new())
                    .await;
                break;
            }
            () = tokio::time::sleep_until(deadline), if watching => {
                if authenticated.load(Ordering::SeqCst) {
                    watching = false;
                    continue;
                }
                tracing::info!(%peer, "dropped: no login within {grace} s");
                // Say why if the client is still listening; the connection goes either way.
                let bye = handle.disconnect(
                    Disconnect::ByApplication,
                    "authentication took too long".into(),
                    String::new(),
                );
                let _ = tokio::time::timeout(std::time::Duration::from_secs(1), bye).await;
                let _ = plug.shutdown(std::net::Shutdown::Both);
                break;
            }
        }
    }
    tracing::info!(%peer, "disconnect");
}

/// The socket again, with a second handle on it that can shut it down from outside.
fn with_plug(socket: TcpStream) -> std::io::Result<(TcpStream, std::net::TcpStream)> {
    let socket = socket.into_std()?;
    let plug = socket.try_clone()?;
    Ok((TcpStream::from_std(socket)?, plug))
}

/// The russh handler of one connection.
struct Client {
    shared: Arc<Shared>,
    peer: SocketAddr,
    authenticated: Arc<AtomicBool>,
    /// The pty requested on the session channel.
    pty: Option<session::Pty>,
    /// The running TUI session's inbox, once the shell started.
    session: Option<mpsc::UnboundedSender<Input>>,
}

impl Client {
    fn check(&self, user: &str, key: &PublicKey, offered: bool) -> Auth {
        let fingerprint = key.fingerprint(HashAlg::Sha256);
        if self.shared.authorized.allows(key) {
            if !offered {
                tracing::info!(peer = %self.peer, user, %fingerprint, "auth accepted");
                self.authenticated.store(true, Ordering::SeqCst);
            }
            Auth::Accept
        } else {
            tracing::info!(peer = %self.peer, user, %fingerprint, "auth rejected: key not authorized");
            Auth::reject()
        }
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
        let shared = Arc::clone(&self.shared);
        let shutdown = shared.shutdown.subscribe();
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
        tracing::info!(peer = %self.peer, user, "auth rejected: passwords are not accepted");
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
        if let Some(inbox) = &self.session {
            let _ = inbox.send(Input::Bytes(data.to_vec()));
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
