//! One TCP connection from accept to close: the login grace time, the waiting room (see
//! [`super::gate`]), and the goodbye when the server stops.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use russh::Disconnect;
use russh::server::Config;
use tokio::net::TcpStream;
use tokio::sync::OwnedSemaphorePermit;

use super::Shared;
use super::handler::Client;

/// Serves one TCP connection until it closes.
/// `slot` is its share of the file descriptors, given back when it closes.
pub async fn serve(
    shared: Arc<Shared>,
    config: Arc<Config>,
    socket: TcpStream,
    peer: SocketAddr,
    slot: OwnedSemaphorePermit,
) {
    // Declared first, dropped last: the slot frees only once the sockets are closed.
    let _slot = slot;
    let _ = socket.set_nodelay(true);
    tracing::debug!(%peer, "connect");
    // The grace time covers everything before the login, the exchange of versions included:
    // a client that connects and says nothing is dropped like one that never authenticates.
    let deadline = tokio::time::Instant::now() + shared.login_grace;
    // russh runs the connection on a task of its own; a second handle on the socket is how
    // this one (or a newcomer that needs the room) ends it when the client stalls.
    let Ok((socket, plug)) = with_plug(socket) else {
        return;
    };
    let plug = Arc::new(plug);
    let ticket = shared.admit(peer, Arc::clone(&plug));
    let authenticated = Arc::new(AtomicBool::new(false));
    let client = Client::new(
        Arc::clone(&shared),
        peer,
        ticket,
        Arc::clone(&authenticated),
    );
    let grace = shared.login_grace.as_secs_f32();
    let started = russh::server::run_stream(config, socket, client);
    let running = match tokio::time::timeout_at(deadline, started).await {
        Ok(Ok(running)) => running,
        Ok(Err(e)) => {
            shared.leave(ticket);
            shared.log_throttled("failed", |held| {
                tracing::info!(%peer, held_back = held, "connection failed: {e}");
            });
            return;
        }
        Err(_) => {
            shared.leave(ticket);
            late(&shared, peer, grace);
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
                late(&shared, peer, grace);
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
    shared.leave(ticket);
    if authenticated.load(Ordering::SeqCst) {
        tracing::info!(%peer, "disconnect");
    } else {
        tracing::debug!(%peer, "disconnect");
    }
}

/// Logs (at most once a second) that a connection did not log in within the grace time.
fn late(shared: &Shared, peer: SocketAddr, grace: f32) {
    shared.log_throttled("late", |held| {
        tracing::info!(%peer, held_back = held, "dropped: no login within {grace} s");
    });
}

/// The socket again, with a second handle on it that can shut it down from outside.
fn with_plug(socket: TcpStream) -> std::io::Result<(TcpStream, std::net::TcpStream)> {
    let socket = socket.into_std()?;
    let plug = socket.try_clone()?;
    Ok((TcpStream::from_std(socket)?, plug))
}
