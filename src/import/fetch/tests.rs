//! Fetching against a local HTTP server started by each test: a page, an error status, a
//! redirect loop, a slow server, an oversize body, another content type, a bot check, a stub,
//! a gzip-compressed page.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use super::*;

/// An article-sized HTML page.
fn page() -> String {
    let body = "<p>Fictional test paragraph.</p>\n".repeat(200);
    format!("<!doctype html><html><head><title>T</title></head><body>{body}</body></html>")
}

/// Serves one canned answer per path until the test ends; returns the base address.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || {
                let mut reader = BufReader::new(&stream);
                let mut first = String::new();
                let _ = reader.read_line(&mut first);
                let mut gzip = false;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    gzip |= line.to_ascii_lowercase().starts_with("accept-encoding:")
                        && line.contains("gzip");
                }
                let path = first.split_whitespace().nth(1).unwrap_or("/").to_string();
                answer(&stream, &path, gzip);
            });
        }
    });
    base
}

fn answer(mut stream: &std::net::TcpStream, path: &str, gzip: bool) {
    let reply = |stream: &mut &std::net::TcpStream, status: &str, kind: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match path {
        "/page" => reply(
            &mut stream,
            "200 OK",
            "text/html; charset=utf-8",
            page().as_bytes(),
        ),
        "/gone" => reply(&mut stream, "404 Not Found", "text/html", page().as_bytes()),
        "/loop" => {
            let _ = stream.write_all(
                b"HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
        "/moved" => {
            let _ = stream.write_all(
                b"HTTP/1.1 301 Moved\r\nLocation: /page\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
            );
        }
        "/slow" => std::thread::sleep(Duration::from_secs(3)),
        "/huge" => reply(&mut stream, "200 OK", "text/html", &vec![b'a'; 300_000]),
        "/pdf" => reply(&mut stream, "200 OK", "application/pdf", page().as_bytes()),
        "/check" => reply(
            &mut stream,
            "503 Service Unavailable",
            "text/html",
            b"<html><head><title>Just a moment...</title></head><body>cf-chl</body></html>",
        ),
        "/stub" => reply(
            &mut stream,
            "200 OK",
            "text/html",
            b"<html><body>hi</body></html>",
        ),
        "/zipped" if gzip => {
            use flate2::write::GzEncoder;
            let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::default());
            let _ = encoder.write_all(page().as_bytes());
            let body = encoder.finish().unwrap_or_default();
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        _ => reply(&mut stream, "400 Bad Request", "text/plain", b"no"),
    }
}

fn limits() -> Limits {
    Limits {
        connect: Duration::from_secs(5),
        read: Duration::from_millis(500),
        max_bytes: 100_000,
        redirects: 3,
    }
}

#[test]
fn a_page_comes_back_whole_after_a_redirect_and_gzip() {
    let base = server();
    let fetched = fetch(&format!("{base}/page"), &limits()).expect("the page");
    assert_eq!(fetched.bytes, page().as_bytes());
    let moved = fetch(&format!("{base}/moved"), &limits()).expect("the page, moved");
    assert!(moved.url.ends_with("/page"), "{}", moved.url);
    let zipped = fetch(&format!("{base}/zipped"), &limits()).expect("the page, zipped");
    assert_eq!(zipped.bytes, page().as_bytes());
}

#[test]
fn every_failure_says_what_went_wrong() {
    let base = server();
    let error = |path: &str| {
        fetch(&format!("{base}{path}"), &limits())
            .expect_err(path)
            .to_string()
    };
    assert_eq!(error("/gone"), "the server answered 404");
    assert!(error("/loop").contains("redirects"), "{}", error("/loop"));
    assert!(
        error("/slow").contains("did not answer in time"),
        "{}",
        error("/slow")
    );
    assert!(error("/huge").contains("larger than"), "{}", error("/huge"));
    assert!(
        error("/pdf").contains("application/pdf"),
        "{}",
        error("/pdf")
    );
    assert!(error("/check").contains("bot check"), "{}", error("/check"));
    assert!(
        error("/stub").contains("not an article"),
        "{}",
        error("/stub")
    );
    assert!(matches!(
        fetch("ftp://example.org/a", &limits()),
        Err(FetchError::NotHttp)
    ));
    assert!(matches!(
        fetch("/etc/passwd", &limits()),
        Err(FetchError::NotHttp)
    ));
}
