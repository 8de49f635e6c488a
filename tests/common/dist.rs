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

/// The page's own server (`xtask serve`, `xtask/src/serve.rs`) for `dist/` on 127.0.0.1, at a
/// free port, on a thread of its own: the tests get what a clerk's `scripts/serve.sh` gives.
/// (Its workers answer at once: with one thread, a response the browser stopped reading held
/// every later request, and the app sometimes never started.)
pub struct Server {
    pub origin: String,
    server: Arc<serve::PageServer>,
    thread: Option<std::thread::JoinHandle<()>>,
    /// Why it stopped answering, if it did before the test ended (it could not listen again
    /// after a failed accept, `serve::PageServer`): a page that never starts then says so.
    stopped: Arc<std::sync::Mutex<Option<String>>>,
}

#[allow(dead_code)] // each crate uses its own part of it
#[path = "../../xtask/src/serve.rs"]
mod serve;

impl Server {
    pub fn start(root: PathBuf) -> Server {
        let server = Arc::new(serve::PageServer::bind(std::net::Ipv4Addr::LOCALHOST.into(), 0).expect("bind 127.0.0.1"));
        let port = server.addr().port();
        let (s, stopped) = (server.clone(), Arc::new(std::sync::Mutex::new(None)));
        let why = stopped.clone();
        let thread = std::thread::spawn(move || {
            if let Err(e) = s.serve(&root) {
                eprintln!("the test server stopped: {e}");
                if let Ok(mut why) = why.lock() {
                    *why = Some(e);
                }
            }
        });
        Server { origin: format!("http://127.0.0.1:{port}"), server, thread: Some(thread), stopped }
    }

    /// Why the server stopped answering, if it has.
    pub fn stopped(&self) -> Option<String> {
        self.stopped.lock().ok().and_then(|why| why.clone())
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.server.stop();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
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
