//! Signing in to the sync server: CouchDB's cookie session (`POST /_session`). The password is
//! sent once and never kept; the browser keeps the session cookie, which the server renews
//! while it is used. One tablet holds one session per server: the next person who signs in
//! replaces it (each person's sync checks whose session it is).

use serde_json::{json, Value};

use crate::domain::sync::remote::{ErrorKind, Remote, Request, SyncError};

use super::fetch::FetchRemote;

fn server(base: &str) -> FetchRemote {
    FetchRemote { base: base.to_string() }
}

/// Signs `name` in. A wrong name or password is `SignedOut` (the server's 401).
pub async fn sign_in(base: &str, name: &str, password: &str) -> Result<(), SyncError> {
    let r = server(base)
        .send(Request::post("_session", json!({ "name": name, "password": password })))
        .await?;
    match r.status {
        200..=299 => Ok(()),
        s => Err(SyncError::from_status(s, "POST /_session")),
    }
}

/// Who this browser's session is for, if anyone.
pub async fn signed_in_as(base: &str) -> Result<Option<String>, SyncError> {
    let r = server(base).send(Request::get("_session")).await?;
    if !(200..=299).contains(&r.status) {
        return Err(SyncError::from_status(r.status, "GET /_session"));
    }
    let name = r
        .body
        .get("userCtx")
        .and_then(|u| u.get("name"))
        .and_then(Value::as_str)
        .map(String::from);
    if r.body.get("userCtx").is_none() {
        return Err(SyncError::new(ErrorKind::BadResponse, "GET /_session without userCtx"));
    }
    Ok(name)
}

/// Ends the session on this browser.
pub async fn sign_out(base: &str) {
    let _ = server(base)
        .send(Request {
            method: crate::domain::sync::remote::Method::Delete,
            ..Request::get("_session")
        })
        .await;
}
