//! `serve [DIST]`: the built page on http://127.0.0.1:PORT/ for scripts/serve.sh (PORT from the
//! environment, 8080 by default; BIND=0.0.0.0 to serve other machines too). A static server over
//! tiny_http: the files of DIST with their MIME types (`application/wasm` for the .wasm, which
//! browsers require to compile it as it streams in), `index.html` for `/`, `templates/` on the
//! same origin, percent-encoded names (公文起草助手.html) decoded, and nothing outside DIST.
//! tests/serve.rs includes this file and tests it over real connections.
use std::io::ErrorKind;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Requests answered at once (the page asks for its script, .wasm and templates together).
const WORKERS: usize = 4;

pub fn run(dist: &Path) -> Result<(), String> {
    let port = port_from(std::env::var("PORT").ok().as_deref())?;
    let ip = ip_from(std::env::var("BIND").ok().as_deref())?;
    let root = root_of(dist)?;
    let server = PageServer::bind(ip, port)?;
    let shown = if ip.is_unspecified() { IpAddr::V4(Ipv4Addr::LOCALHOST) } else { ip };
    println!("公文起草助手已就绪：http://{}/  （按 Ctrl+C 停止）", SocketAddr::new(shown, port));
    server.serve(&root)
}

/// The port: `PORT` if set, else 8080.
pub fn port_from(value: Option<&str>) -> Result<u16, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(8080),
        Some(text) => text.parse().map_err(|_| format!("PORT 应是 0 到 65535 之间的数字，现在是“{text}”")),
    }
}

/// The address to listen on: `BIND` if set, else 127.0.0.1 (this machine only).
pub fn ip_from(value: Option<&str>) -> Result<IpAddr, String> {
    match value.map(str::trim) {
        None | Some("") => Ok(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        Some(text) => text.parse().map_err(|_| format!("BIND 应是一个 IP 地址（如 127.0.0.1 或 0.0.0.0），现在是“{text}”")),
    }
}

/// DIST as an absolute path, checked to hold a built page.
pub fn root_of(dist: &Path) -> Result<PathBuf, String> {
    let root = dist.canonicalize().map_err(|e| match e.kind() {
        ErrorKind::NotFound => format!("找不到页面文件夹 {}：请先构建（bash scripts/serve.sh 会先构建）", dist.display()),
        _ => format!("打不开页面文件夹 {}：{e}", dist.display()),
    })?;
    if root.join("index.html").is_file() {
        Ok(root)
    } else {
        Err(format!("{} 里没有 index.html：请先构建（bash scripts/serve.sh 会先构建）", root.display()))
    }
}

/// Listen on `ip:port` (port 0: any free port), with a plain Chinese message for the usual failures.
fn bind(ip: IpAddr, port: u16) -> Result<tiny_http::Server, String> {
    let listener = TcpListener::bind(SocketAddr::new(ip, port)).map_err(|e| match e.kind() {
        ErrorKind::AddrInUse => {
            let other = if port == 9000 { 9001 } else { 9000 };
            format!("端口 {port} 已被占用：请关闭占用它的程序，或用 PORT={other} bash scripts/serve.sh 换一个端口")
        }
        ErrorKind::PermissionDenied => format!("没有权限使用端口 {port}：请用 1024 以上的端口，例如 PORT=8080 bash scripts/serve.sh"),
        ErrorKind::AddrNotAvailable => format!("这台电脑没有地址 {ip}：请检查 BIND"),
        _ => format!("无法在 {ip} 的端口 {port} 上提供页面：{e}"),
    })?;
    tiny_http::Server::from_listener(listener, None).map_err(|e| format!("无法在 {ip} 的端口 {port} 上提供页面：{e}"))
}

/// The page's server on one address. tiny_http's accept thread ends at the first connection it
/// fails to accept (one reset before it was taken, too many open files) and closes the listener:
/// the page would stop loading for good, on a clerk's intranet as in a test. So the address is
/// listened on again, and the server before keeps answering the connections it already has
/// (a browser sends its next requests over them).
pub struct PageServer {
    addr: SocketAddr,
    /// Every tiny_http server started on `addr`, the one accepting now last.
    servers: Mutex<Vec<Arc<tiny_http::Server>>>,
    stopping: AtomicBool,
}

impl PageServer {
    /// Listen on `ip:port` (port 0: any free port).
    pub fn bind(ip: IpAddr, port: u16) -> Result<PageServer, String> {
        Self::on(bind(ip, port)?)
    }

    /// Serve on a listener already bound.
    #[allow(dead_code)] // for the tests, which include this file
    pub fn from_listener(listener: TcpListener) -> Result<PageServer, String> {
        Self::on(tiny_http::Server::from_listener(listener, None).map_err(|e| format!("无法提供页面：{e}"))?)
    }

    fn on(server: tiny_http::Server) -> Result<PageServer, String> {
        let addr = server.server_addr().to_ip().ok_or("页面服务没有 IP 地址")?;
        Ok(PageServer { addr, servers: Mutex::new(vec![Arc::new(server)]), stopping: AtomicBool::new(false) })
    }

    /// Where it listens (the port chosen for port 0).
    #[allow(dead_code)] // for the tests, which include this file
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many times the address has been listened on (1 until an accept failed).
    #[allow(dead_code)] // for the tests, which include this file
    pub fn listened(&self) -> usize {
        self.servers.lock().map_or(0, |s| s.len())
    }

    /// Answer requests until `stop` (scripts/serve.sh never does: Ctrl+C ends it). `Err`: the
    /// address could not be listened on again.
    pub fn serve(&self, root: &Path) -> Result<(), String> {
        let (said, heard) = std::sync::mpsc::channel::<String>();
        std::thread::scope(|scope| {
            let mut current = self.servers.lock().map_err(|_| "页面服务出错停止了".to_string())?.last().cloned();
            while let Some(server) = current.take() {
                for _ in 0..WORKERS {
                    let (server, said) = (server.clone(), said.clone());
                    scope.spawn(move || answer_until_unblocked(&server, root, &said));
                }
                // Until stopped, or the accept thread ended.
                let failed = loop {
                    if self.stopping.load(Ordering::SeqCst) {
                        break None;
                    }
                    match heard.recv_timeout(Duration::from_millis(100)) {
                        Ok(why) => break Some(why),
                        Err(RecvTimeoutError::Timeout) => continue,
                        Err(RecvTimeoutError::Disconnected) => break None,
                    }
                };
                let Some(why) = failed else { break };
                eprintln!("页面服务接受连接时出错（{why}），重新在 {} 上监听", self.addr);
                match self.listen_again() {
                    Ok(next) => current = Some(next),
                    Err(e) => {
                        self.stop();
                        return Err(e);
                    }
                }
            }
            Ok(())
        })
    }

    /// The old listener is closed by the accept thread as it ends: bind the address again, a
    /// few times over two seconds while it is still being let go.
    fn listen_again(&self) -> Result<Arc<tiny_http::Server>, String> {
        let mut last = String::new();
        for _ in 0..100 {
            match bind(self.addr.ip(), self.addr.port()) {
                Ok(server) => {
                    let server = Arc::new(server);
                    let mut servers = self.servers.lock().map_err(|_| "页面服务出错停止了".to_string())?;
                    servers.push(server.clone());
                    if self.stopping.load(Ordering::SeqCst) {
                        server.unblock();
                    }
                    return Ok(server);
                }
                Err(e) => last = e,
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        Err(format!("页面服务停止了：{last}"))
    }

    /// Stop answering: `serve` returns once every worker has finished its request.
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        if let Ok(servers) = self.servers.lock() {
            for server in servers.iter() {
                server.unblock();
            }
        }
    }
}

/// A worker: answer the server's requests until it is unblocked. A failed accept is reported
/// and the worker goes on: the connections already open still bring requests.
fn answer_until_unblocked(server: &tiny_http::Server, root: &Path, said: &std::sync::mpsc::Sender<String>) {
    loop {
        match server.recv() {
            Ok(request) => {
                let response = answer(root, request.method(), request.url());
                // A browser that went away mid-answer is nothing to report.
                let _ = request.respond(response);
            }
            // What unblock() gives: the way to stop. Each worker that stops wakes the next, so
            // that one unblock() stops them all.
            Err(e) if e.kind() == ErrorKind::Other && e.to_string() == "thread unblocked" => {
                server.unblock();
                return;
            }
            Err(e) => {
                let _ = said.send(e.to_string());
            }
        }
    }
}

fn answer(root: &Path, method: &tiny_http::Method, url: &str) -> tiny_http::ResponseBox {
    use tiny_http::{Method, Response};
    if !matches!(method, Method::Get | Method::Head) {
        return text(405, "只能读取（GET）");
    }
    let file = match file_for(root, url) {
        Ok(file) => file,
        Err(status) => return text(status, if status == 403 { "不能访问页面文件夹以外的文件" } else { "没有这个文件" }),
    };
    match std::fs::File::open(&file) {
        Ok(opened) => Response::from_file(opened)
            .with_header(header("Content-Type", content_type(&file)))
            .with_header(header("Cache-Control", "no-cache"))
            .with_header(header("X-Content-Type-Options", "nosniff"))
            .boxed(),
        Err(_) => text(404, "没有这个文件"),
    }
}

/// The file under `root` that `url` names, or the status to answer: 400 for a name that is not
/// UTF-8 once decoded, 403 for one leaving `root` (`..`, also percent-encoded, or a link out of
/// it), 404 for one that is not there. `/` and folders give their index.html.
pub fn file_for(root: &Path, url: &str) -> Result<PathBuf, u16> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8().map_err(|_| 400u16)?;
    let mut file = root.to_path_buf();
    for part in decoded.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." || part.contains('\\') || part.contains('\0') {
            return Err(403);
        }
        file.push(part);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    let real = file.canonicalize().map_err(|_| 404u16)?;
    if !real.starts_with(root) {
        return Err(403);
    }
    if real.is_file() {
        Ok(real)
    } else {
        Err(404)
    }
}

/// The Content-Type for a file, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> tiny_http::Header {
    // Both are fixed ASCII strings from this file.
    tiny_http::Header::from_bytes(name, value).expect("an ASCII header")
}

fn text(status: u16, message: &str) -> tiny_http::ResponseBox {
    tiny_http::Response::from_string(message)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .boxed()
}
