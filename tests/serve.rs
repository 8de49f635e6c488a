//! The server of scripts/serve.sh (`xtask serve`, xtask/src/serve.rs, included here so that the
//! test command runs these tests): a made-up page folder served on 127.0.0.1, asked over plain TCP
//! connections as a browser would — each file with its MIME type, index.html for `/`, the Chinese
//! file name percent-encoded, 404 for what is not there, nothing outside the folder — and the
//! message when the port is taken.
#[allow(dead_code)] // run() is xtask's entry point, not called here
#[path = "../xtask/src/serve.rs"]
mod serve;

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

const WASM: &[u8] = b"\0asm\x01\0\0\0";
const SECRET: &str = "outside the page folder";

/// A page folder as `dist/` is laid out (a few bytes in each file), inside a temporary folder
/// that also holds a file outside it and a link from inside to that file.
fn page_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path().join("dist");
    let files: [(&str, &[u8]); 10] = [
        ("index.html", "<!doctype html><title>公文起草助手</title>".as_bytes()),
        ("gongwen-web-1a2b.js", b"export default 1;"),
        ("gongwen-web-1a2b_bg.wasm", WASM),
        ("app-3c4d.css", b"body{}"),
        ("favicon-5e6f.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("公文起草助手.html", "<!doctype html><title>单文件版</title>".as_bytes()),
        ("templates/index.json", br#"{"templates":[]}"#),
        ("templates/annual-summary.json", br#"{"id":"annual-summary"}"#),
        ("notes.txt", "说明".as_bytes()),
        ("icon.png", b"\x89PNG\r\n\x1a\n"),
    ];
    for (name, bytes) in files {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("a folder");
        std::fs::write(path, bytes).expect("a file");
    }
    std::fs::write(dir.path().join("secret.txt"), SECRET).expect("a file");
    std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt")).expect("a link");
    let root = serve::root_of(&root).expect("a page folder");
    (dir, root)
}

/// `serve` on its own threads, on a free port of 127.0.0.1, stopped when dropped.
struct Running {
    port: u16,
    server: Arc<serve::PageServer>,
    thread: Option<std::thread::JoinHandle<Result<(), String>>>,
}

impl Running {
    fn start(root: &Path) -> Running {
        Self::on(serve::PageServer::bind(IpAddr::V4(Ipv4Addr::LOCALHOST), 0).expect("a free port"), root)
    }

    fn on(server: serve::PageServer, root: &Path) -> Running {
        let server = Arc::new(server);
        let port = server.addr().port();
        let (s, root) = (server.clone(), root.to_path_buf());
        let thread = std::thread::spawn(move || s.serve(&root));
        Running { port, server, thread: Some(thread) }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.server.stop();
        if let Some(thread) = self.thread.take() {
            let outcome = thread.join().expect("the server thread");
            if !std::thread::panicking() {
                assert_eq!(outcome, Ok(()), "the server stops cleanly when stopped");
            }
        }
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One request written as is (no client cleans the path up first), the reply read to the end.
fn request(port: u16, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(stream, "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n").expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read the reply");
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a reply head");
    let head = String::from_utf8(raw[..end].to_vec()).expect("an ASCII head");
    let mut lines = head.split("\r\n");
    let status = lines.next().and_then(|l| l.split(' ').nth(1)).and_then(|s| s.parse().ok()).expect("a status line");
    let headers = lines.filter_map(|l| l.split_once(':')).map(|(n, v)| (n.trim().to_string(), v.trim().to_string())).collect();
    Reply { status, headers, body: raw[end + 4..].to_vec() }
}

fn get(port: u16, target: &str) -> Reply {
    request(port, "GET", target)
}

#[test]
fn each_file_comes_with_its_type() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    let table: [(&str, &str, &[u8]); 9] = [
        ("/index.html", "text/html; charset=utf-8", "<!doctype html><title>公文起草助手</title>".as_bytes()),
        ("/gongwen-web-1a2b.js", "text/javascript; charset=utf-8", b"export default 1;"),
        ("/gongwen-web-1a2b_bg.wasm", "application/wasm", WASM),
        ("/app-3c4d.css", "text/css; charset=utf-8", b"body{}"),
        ("/favicon-5e6f.svg", "image/svg+xml", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
        ("/templates/index.json", "application/json", br#"{"templates":[]}"#),
        ("/templates/annual-summary.json", "application/json", br#"{"id":"annual-summary"}"#),
        ("/notes.txt", "text/plain; charset=utf-8", "说明".as_bytes()),
        ("/icon.png", "image/png", b"\x89PNG\r\n\x1a\n"),
    ];
    for (target, content_type, body) in table {
        let reply = get(server.port, target);
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(reply.header("Content-Type"), Some(content_type), "{target}");
        assert_eq!(reply.body, body, "{target}");
        assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"), "{target}");
    }
}

#[test]
fn the_folder_gives_index_html_and_queries_are_ignored() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    for target in ["/", "/?v=2", "/index.html?from=bookmark"] {
        let reply = get(server.port, target);
        assert_eq!(reply.status, 200, "{target}");
        assert_eq!(reply.header("Content-Type"), Some("text/html; charset=utf-8"), "{target}");
        assert_eq!(String::from_utf8_lossy(&reply.body), "<!doctype html><title>公文起草助手</title>", "{target}");
    }
    // A folder without its own index.html has nothing to show.
    assert_eq!(get(server.port, "/templates/").status, 404);
}

#[test]
fn the_chinese_file_name_is_percent_decoded() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    let encoded = percent_encoding::utf8_percent_encode("公文起草助手.html", percent_encoding::NON_ALPHANUMERIC).to_string();
    let reply = get(server.port, &format!("/{encoded}"));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("Content-Type"), Some("text/html; charset=utf-8"));
    assert_eq!(String::from_utf8_lossy(&reply.body), "<!doctype html><title>单文件版</title>");
}

#[test]
fn what_is_not_there_is_404() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    for target in ["/nothing.js", "/templates/nothing.json", "/index.html/more"] {
        let reply = get(server.port, target);
        assert_eq!(reply.status, 404, "{target}");
        assert_eq!(String::from_utf8_lossy(&reply.body), "没有这个文件", "{target}");
    }
    // Not UTF-8 once decoded.
    assert_eq!(get(server.port, "/%FF.html").status, 400);
}

#[test]
fn nothing_outside_the_folder_is_served() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    for target in [
        "/../secret.txt",
        "/templates/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/templates/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/link.txt",
    ] {
        let reply = get(server.port, target);
        assert_eq!(reply.status, 403, "{target}");
        assert!(!String::from_utf8_lossy(&reply.body).contains(SECRET), "{target} gave the file outside");
    }
}

#[test]
fn only_reading_is_answered() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    let head = request(server.port, "HEAD", "/gongwen-web-1a2b_bg.wasm");
    assert_eq!(head.status, 200);
    assert_eq!(head.header("Content-Type"), Some("application/wasm"));
    assert!(head.body.is_empty(), "HEAD has no body");
    assert_eq!(request(server.port, "POST", "/index.html").status, 405);
}

#[test]
fn many_requests_at_once_are_all_answered() {
    let (_dir, root) = page_folder();
    let server = Running::start(&root);
    let port = server.port;
    let threads: Vec<_> = (0..16).map(|_| std::thread::spawn(move || get(port, "/gongwen-web-1a2b_bg.wasm"))).collect();
    for t in threads {
        let reply = t.join().expect("a request");
        assert_eq!((reply.status, reply.body.as_slice()), (200, WASM));
    }
}

/// tiny_http's accept thread ends at the first connection it fails to accept, and closes the
/// listener: the page then loaded no more. Here accept is made to fail (shutting a listening
/// socket down wakes a blocked accept with an error, on Linux): the server listens on the same
/// port again, and a connection opened before keeps being answered.
#[test]
fn a_failed_accept_does_not_stop_the_server() {
    use std::os::fd::AsRawFd;
    let (_dir, root) = page_folder();
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let same_socket = listener.try_clone().expect("a second handle on the listener");
    let server = Running::on(serve::PageServer::from_listener(listener).expect("serve"), &root);
    // A browser's connection kept open between requests.
    let mut kept = TcpStream::connect(("127.0.0.1", server.port)).expect("connect");
    let ask = |stream: &mut TcpStream| {
        write!(stream, "GET /notes.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").expect("send");
        let mut got = Vec::new();
        let mut buf = [0u8; 512];
        while !String::from_utf8_lossy(&got).ends_with("说明") {
            let n = stream.read(&mut buf).expect("read");
            assert!(n > 0, "the connection closed: {}", String::from_utf8_lossy(&got));
            got.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&got).starts_with("HTTP/1.1 200")
    };
    assert!(ask(&mut kept));
    assert_eq!(server.server.listened(), 1);
    // SAFETY: shutdown(2) on a descriptor this test owns; it does not free anything.
    let failed = unsafe { libc::shutdown(same_socket.as_raw_fd(), libc::SHUT_RD) };
    assert_eq!(failed, 0, "shutdown of the listening socket");
    drop(same_socket);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while server.server.listened() < 2 {
        assert!(std::time::Instant::now() < deadline, "the server did not listen again");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(get(server.port, "/notes.txt").body, "说明".as_bytes(), "a new connection is answered");
    assert!(ask(&mut kept), "the connection opened before is still answered");
}

#[test]
fn a_taken_port_is_said_in_plain_chinese() {
    let taken = TcpListener::bind("127.0.0.1:0").expect("a free port");
    let port = taken.local_addr().expect("an address").port();
    let message = serve::PageServer::bind(IpAddr::V4(Ipv4Addr::LOCALHOST), port).err().expect("the port is taken");
    assert_eq!(message, format!("端口 {port} 已被占用：请关闭占用它的程序，或用 PORT=9000 bash scripts/serve.sh 换一个端口"));
}

#[test]
fn port_and_address_from_the_environment() {
    assert_eq!(serve::port_from(None), Ok(8080));
    assert_eq!(serve::port_from(Some("")), Ok(8080));
    assert_eq!(serve::port_from(Some("9000")), Ok(9000));
    assert_eq!(serve::port_from(Some("八千")), Err("PORT 应是 0 到 65535 之间的数字，现在是“八千”".to_string()));
    assert_eq!(serve::port_from(Some("70000")), Err("PORT 应是 0 到 65535 之间的数字，现在是“70000”".to_string()));
    // This machine only, unless asked.
    assert_eq!(serve::ip_from(None), Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)));
    assert_eq!(serve::ip_from(Some("0.0.0.0")), Ok(IpAddr::V4(Ipv4Addr::UNSPECIFIED)));
    assert!(serve::ip_from(Some("localhost")).is_err());
}

#[test]
fn a_folder_without_a_built_page_is_refused() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let message = serve::root_of(dir.path()).err().expect("no index.html");
    assert!(message.contains("里没有 index.html：请先构建"), "{message}");
    let message = serve::root_of(&dir.path().join("dist")).err().expect("no folder");
    assert!(message.starts_with("找不到页面文件夹"), "{message}");
}

/// scripts/serve.sh serves with this server, not with Python.
#[test]
fn serve_sh_uses_this_server() {
    let script = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/serve.sh")).expect("serve.sh");
    assert!(script.contains("xtask\" serve") || script.contains("xtask serve"), "serve.sh does not run xtask serve:\n{script}");
    assert!(!script.contains("python"), "serve.sh still uses Python:\n{script}");
}
