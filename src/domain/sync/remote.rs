//! What the replicator asks of a CouchDB server: one HTTP exchange at a time, relative to the
//! database. The browser answers it with `fetch` (`src/sync/`), the native tests with an
//! in-memory server (`tests/common/couch.rs`), so the protocol logic is the same code in both.

use std::future::Future;

use serde_json::Value;

use crate::domain::lang::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        }
    }
}

/// One request to the database: `path` below it without a leading slash (`_changes`,
/// `_local/<id>`), already percent-encoded where needed.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Value>,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Request {
        Request {
            method: Method::Get,
            path: path.into(),
            query: Vec::new(),
            body: None,
        }
    }

    pub fn post(path: impl Into<String>, body: Value) -> Request {
        Request {
            method: Method::Post,
            path: path.into(),
            query: Vec::new(),
            body: Some(body),
        }
    }

    pub fn put(path: impl Into<String>, body: Value) -> Request {
        Request {
            method: Method::Put,
            ..Request::post(path, body)
        }
    }

    pub fn query(mut self, key: &str, value: impl Into<String>) -> Request {
        self.query.push((key.to_string(), value.into()));
        self
    }

    /// `path?query`, percent-encoding the query values.
    pub fn target(&self) -> String {
        let mut out = self.path.clone();
        for (i, (k, v)) in self.query.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(k);
            out.push('=');
            out.push_str(&percent_encode(v));
        }
        out
    }
}

/// Percent-encoding of everything but the unreserved characters (RFC 3986).
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    pub status: u16,
    pub body: Value,
}

/// The server, as the replicator sees it.
pub trait Remote {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response, SyncError>>;
}

/// What went wrong, by kind (each with its message in the user's language).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No answer: offline, a wrong address, or the server is down.
    Unreachable,
    /// 401: not signed in, or the session ended.
    SignedOut,
    /// 403: the server refused this account the data.
    Forbidden,
    /// 404 on the database itself: a wrong address or database name.
    NoDatabase,
    /// 5xx: the server failed.
    ServerFailed,
    /// An answer that is not what the protocol says.
    BadResponse,
    /// This device could not save what it received (storage full or unavailable).
    LocalSave,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncError {
    pub kind: ErrorKind,
    /// For the log and the tests: what was asked and what came back.
    pub detail: String,
}

impl SyncError {
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> SyncError {
        SyncError {
            kind,
            detail: detail.into(),
        }
    }

    /// The error for an HTTP status that is not a success.
    pub fn from_status(status: u16, detail: impl Into<String>) -> SyncError {
        let kind = match status {
            401 => ErrorKind::SignedOut,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NoDatabase,
            500..=599 => ErrorKind::ServerFailed,
            _ => ErrorKind::BadResponse,
        };
        SyncError::new(kind, format!("HTTP {status}: {}", detail.into()))
    }

    /// What to tell the user. Every message also says that nothing on the device was lost.
    pub fn text(&self) -> Text {
        match self.kind {
            ErrorKind::Unreachable => Text::new(
                "Server sinkronisasi tidak dapat dihubungi. Periksa jaringan dan alamat server. Data di perangkat ini tetap aman; sinkronisasi dilanjutkan dari titik terakhir nanti.",
                "The sync server cannot be reached. Check the network and the server address. The data on this device is safe; sync resumes from where it stopped later.",
            ),
            ErrorKind::SignedOut => Text::new(
                "Belum masuk ke server, atau sesinya sudah berakhir. Masuk lagi dengan NIP dan kata sandi akun Anda.",
                "Not signed in to the server, or the session ended. Sign in again with your NIP and account password.",
            ),
            ErrorKind::Forbidden => Text::new(
                "Server menolak: akun ini tidak berhak atas data tersebut. Tidak ada yang berubah di perangkat ini.",
                "The server refused: this account has no right to that data. Nothing changed on this device.",
            ),
            ErrorKind::NoDatabase => Text::new(
                "Basis data di server tidak ditemukan. Periksa alamat sinkronisasi yang diberikan pengelola kepegawaian.",
                "The database was not found on the server. Check the sync address your HR office gave you.",
            ),
            ErrorKind::ServerFailed => Text::new(
                "Server sinkronisasi sedang bermasalah. Coba lagi nanti; data di perangkat ini tetap aman.",
                "The sync server is failing. Try again later; the data on this device is safe.",
            ),
            ErrorKind::BadResponse => Text::new(
                "Jawaban server tidak dapat dibaca. Apakah alamat ini server CouchDB untuk Lentera?",
                "The server's answer cannot be read. Is this address a CouchDB server for Lentera?",
            ),
            ErrorKind::LocalSave => Text::new(
                "Perangkat ini tidak dapat menyimpan data yang diterima (penyimpanan penuh?). Sinkronisasi berhenti; tidak ada yang hilang.",
                "This device could not save the data it received (storage full?). Sync stopped; nothing was lost.",
            ),
        }
    }
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.detail)
    }
}
