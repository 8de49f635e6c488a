//! A small Chrome DevTools Protocol client, for Chromium builds that have no chromedriver
//! (86 and 109 from npm): one WebSocket to the browser, one flat session on its tab. Replies are
//! matched to commands by id; every event is kept, in order, for the test to read.
//! WebDriver BiDi (Firefox's log) frames its messages the same way, so the same client reads it.
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};
use tokio_tungstenite::tungstenite::Message;

type Replies = Arc<Mutex<HashMap<u64, oneshot::Sender<Value>>>>;

pub struct Cdp {
    out: mpsc::UnboundedSender<Message>,
    replies: Replies,
    events: Arc<Mutex<Vec<Value>>>,
    next_id: AtomicU64,
    pump: tokio::task::JoinHandle<()>,
}

/// How long one command may take before the test gives up on the browser.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

impl Cdp {
    pub async fn connect(ws_url: &str) -> Cdp {
        let (socket, _) =
            tokio_tungstenite::connect_async(ws_url).await.unwrap_or_else(|e| panic!("no DevTools connection at {ws_url}: {e}"));
        let (mut sink, mut stream) = socket.split();
        let (out, mut outgoing) = mpsc::unbounded_channel::<Message>();
        let replies: Replies = Arc::default();
        let events: Arc<Mutex<Vec<Value>>> = Arc::default();
        let (r, e) = (replies.clone(), events.clone());
        let pump = tokio::spawn(async move {
            loop {
                tokio::select! {
                    msg = outgoing.recv() => match msg {
                        Some(m) => if sink.send(m).await.is_err() { break },
                        None => break,
                    },
                    msg = stream.next() => match msg {
                        Some(Ok(Message::Text(text))) => {
                            let Ok(v) = serde_json::from_str::<Value>(&text) else { continue };
                            match v["id"].as_u64() {
                                Some(id) => {
                                    if let Some(tx) = r.lock().expect("lock").remove(&id) {
                                        let _ = tx.send(v);
                                    }
                                }
                                None => e.lock().expect("lock").push(v),
                            }
                        }
                        Some(Ok(_)) => {}
                        _ => break,
                    },
                }
            }
            // The browser is gone: every command still waiting gets no reply (its sender drops).
            r.lock().expect("lock").clear();
        });
        Cdp { out, replies, events, next_id: AtomicU64::new(1), pump }
    }

    /// Send one command (to the browser when `session` is None, else to that tab) and wait for
    /// its result; a protocol error fails the test with the command's name.
    pub async fn call(&self, session: Option<&str>, method: &str, params: Value) -> Value {
        match self.try_call(session, method, params).await {
            Ok(v) => v,
            Err(e) => panic!("CDP {method} failed: {e}"),
        }
    }

    pub async fn try_call(&self, session: Option<&str>, method: &str, params: Value) -> Result<Value, String> {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut msg = json!({ "id": id, "method": method, "params": params });
        if let Some(s) = session {
            msg["sessionId"] = json!(s);
        }
        let (tx, rx) = oneshot::channel();
        self.replies.lock().expect("lock").insert(id, tx);
        self.out.send(Message::text(msg.to_string())).map_err(|_| "the connection is closed".to_string())?;
        let reply = tokio::time::timeout(COMMAND_TIMEOUT, rx)
            .await
            .map_err(|_| format!("no reply in {COMMAND_TIMEOUT:?}"))?
            .map_err(|_| "the browser closed the connection".to_string())?;
        match reply.get("error") {
            Some(err) => Err(err.to_string()),
            None => Ok(reply["result"].clone()),
        }
    }

    /// Every event received so far (method, params, sessionId), oldest first.
    pub fn events(&self) -> Vec<Value> {
        self.events.lock().expect("lock").clone()
    }
}

impl Drop for Cdp {
    fn drop(&mut self) {
        self.pump.abort();
    }
}

/// What an event says went wrong in the page, if it is an error: an uncaught exception, a
/// console.error (or failed console.assert), or an error the browser itself logged (a script
/// that failed to load or compile, a blocked request, a policy violation).
pub fn page_error(event: &Value) -> Option<String> {
    let p = &event["params"];
    match event["method"].as_str()? {
        "Runtime.exceptionThrown" => {
            let d = &p["exceptionDetails"];
            let what = d["exception"]["description"].as_str().or(d["text"].as_str()).unwrap_or("?");
            Some(format!("uncaught exception: {what} ({}:{})", d["url"].as_str().unwrap_or(""), d["lineNumber"]))
        }
        "Runtime.consoleAPICalled" if matches!(p["type"].as_str(), Some("error" | "assert")) => {
            let args: Vec<String> = p["args"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    a["value"].as_str().map(String::from).or(a["description"].as_str().map(String::from)).unwrap_or_else(|| a.to_string())
                })
                .collect();
            Some(format!("console.{}: {}", p["type"].as_str().unwrap_or("error"), args.join(" ")))
        }
        // WebDriver BiDi: console.error, uncaught exceptions and rejections.
        "log.entryAdded" if p["level"] == "error" => Some(format!(
            "{} {}: {}",
            p["type"].as_str().unwrap_or(""),
            p["method"].as_str().unwrap_or(""),
            p["text"].as_str().unwrap_or("")
        )),
        "Log.entryAdded" if p["entry"]["level"] == "error" => Some(format!(
            "browser log ({}): {} {}",
            p["entry"]["source"].as_str().unwrap_or(""),
            p["entry"]["text"].as_str().unwrap_or(""),
            p["entry"]["url"].as_str().unwrap_or("")
        )),
        _ => None,
    }
}

/// Warnings the browser logged (e.g. a policy source this version does not know): printed with
/// the test's output, not failures.
pub fn page_warning(event: &Value) -> Option<String> {
    let p = &event["params"];
    match event["method"].as_str()? {
        "Log.entryAdded" if p["entry"]["level"] == "warning" => {
            Some(format!("{} {}", p["entry"]["text"].as_str().unwrap_or(""), p["entry"]["url"].as_str().unwrap_or("")))
        }
        "Runtime.consoleAPICalled" if p["type"] == "warning" => Some(p["args"].to_string()),
        "log.entryAdded" if p["level"] == "warn" => Some(p["text"].as_str().unwrap_or("").to_string()),
        _ => None,
    }
}
