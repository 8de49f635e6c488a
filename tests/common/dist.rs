//! What both browser-test crates (tests/browser, on today's Chromium over chromedriver, and
//! tests/engines, the engine matrix) need alike: where the release build is, a static server for
//! it on 127.0.0.1, a free local port, and the single file copied alone to a fresh folder.
//! Included by each crate with `#[path = "../common/dist.rs"] mod dist;`.
#![allow(dead_code)] // each crate uses its own part of it
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the release build is: set by scripts/test.sh.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("GONGWEN_DIST").map(PathBuf::from).unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(dir.join("index.html").is_file(), "no release build at {}: run `bash scripts/test.sh`, which builds it first", dir.display());
    dir
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free local port")
}

/// A static file server for `dist/` on 127.0.0.1, on threads of its own. Several answer at once,
/// as `xtask serve` does: with one, a response the browser stopped reading (a preload it dropped,
/// a connection it left open) held every later request, and the app sometimes never started.
pub struct Server {
    pub origin: String,
    server: Arc<tiny_http::Server>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

/// Requests answered at once.
const WORKERS: usize = 8;

impl Server {
    pub fn start(root: PathBuf) -> Server {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().map(|a| a.port()).expect("an IP listener");
        let threads = (0..WORKERS)
            .map(|_| {
                let (s, root) = (server.clone(), root.clone());
                std::thread::spawn(move || {
                    // Until unblocked (Drop); each worker that stops wakes the next.
                    while let Ok(req) = s.recv() {
                        answer(&root, req);
                    }
                    s.unblock();
                })
            })
            .collect();
        Server { origin: format!("http://127.0.0.1:{port}"), server, threads }
    }
}

fn answer(root: &Path, req: tiny_http::Request) {
    let path = req.url().split(['?', '#']).next().unwrap_or("/").trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    let file = root.join(path);
    let inside = file.canonicalize().map(|f| f.starts_with(root)).unwrap_or(false);
    let resp = match std::fs::read(&file) {
        Ok(bytes) if inside => {
            let header = tiny_http::Header::from_bytes("Content-Type", content_type(&file)).expect("a valid header");
            tiny_http::Response::from_data(bytes).with_header(header).boxed()
        }
        _ => tiny_http::Response::from_string("not found").with_status_code(404).boxed(),
    };
    let _ = req.respond(resp);
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.unblock();
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        _ => "application/octet-stream",
    }
}

/// The single-file build's name in `dist/`.
pub const SINGLE_FILE: &str = "公文起草助手.html";
/// The most the single file may weigh (it is copied around on USB sticks and shares).
pub const SINGLE_FILE_LIMIT_BYTES: u64 = 1_000_000;

/// `dist/` with its folders (`templates/`, which the page reads at opening) copied to a fresh
/// folder, to serve changed or added files from; it lives as long as the returned `TempDir`.
pub fn dist_copy() -> tempfile::TempDir {
    fn copy_dir(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("a folder");
        for entry in std::fs::read_dir(from).expect("read the folder").flatten() {
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_dir(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).expect("copy a file");
            }
        }
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    copy_dir(&dist_dir(), dir.path());
    dir
}

/// The single file, copied alone into a fresh folder with a Chinese name (as on a USB stick):
/// if it needed anything beside itself, it would not find it there. The folder lives as long as
/// the returned `TempDir`.
pub fn single_file_alone() -> (tempfile::TempDir, PathBuf) {
    let built = dist_dir().join(SINGLE_FILE);
    let size = std::fs::metadata(&built)
        .unwrap_or_else(|e| panic!("no single file at {}: {e} (scripts/lib.sh build_release writes it)", built.display()))
        .len();
    assert!(size <= SINGLE_FILE_LIMIT_BYTES, "{SINGLE_FILE} is {size} bytes, over the {SINGLE_FILE_LIMIT_BYTES}-byte limit");
    let dir = tempfile::tempdir().expect("a temp dir");
    let folder = dir.path().join("U盘");
    std::fs::create_dir(&folder).expect("a folder");
    let copy = folder.join(SINGLE_FILE);
    std::fs::copy(&built, &copy).expect("copy the single file");
    (dir, copy)
}
