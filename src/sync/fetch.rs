//! `domain::sync::remote::Remote` over the browser's `fetch`: credentials included (the
//! CouchDB session cookie), JSON both ways, and a time limit, since a request to a server
//! that stopped answering would otherwise wait for ever.

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::sync::remote::{ErrorKind, Remote, Request, Response, SyncError};

/// Seconds a request may take before it counts as unanswered.
const TIMEOUT_MS: i32 = 60_000;

/// A database (or, for `_session`, the server root) at `base`: every request goes below it.
pub struct FetchRemote {
    pub base: String,
}

fn unreachable(detail: impl Into<String>) -> SyncError {
    SyncError::new(ErrorKind::Unreachable, detail)
}

impl Remote for FetchRemote {
    async fn send(&self, request: Request) -> Result<Response, SyncError> {
        let url = if request.path.is_empty() && request.query.is_empty() {
            self.base.clone()
        } else {
            format!("{}/{}", self.base, request.target())
        };
        let window = web_sys::window().ok_or_else(|| unreachable("no window"))?;
        let init = web_sys::RequestInit::new();
        init.set_method(request.method.as_str());
        init.set_mode(web_sys::RequestMode::Cors);
        init.set_credentials(web_sys::RequestCredentials::Include);
        let headers = web_sys::Headers::new().map_err(|e| unreachable(format!("{e:?}")))?;
        let _ = headers.set("Accept", "application/json");
        if let Some(body) = &request.body {
            let _ = headers.set("Content-Type", "application/json");
            init.set_body(&JsValue::from_str(&body.to_string()));
        }
        init.set_headers(&headers);
        let abort = web_sys::AbortController::new().ok();
        if let Some(a) = &abort {
            init.set_signal(Some(&a.signal()));
        }
        let timer = abort.clone().map(|a| {
            let cb = Closure::once_into_js(move || a.abort());
            window.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), TIMEOUT_MS)
        });
        let req = web_sys::Request::new_with_str_and_init(&url, &init).map_err(|e| unreachable(format!("{e:?}")))?;
        let outcome = JsFuture::from(window.fetch_with_request(&req)).await;
        let clear = |w: &web_sys::Window| {
            if let Some(Ok(t)) = timer {
                w.clear_timeout_with_handle(t);
            }
        };
        let response: web_sys::Response = match outcome {
            Ok(r) => r.dyn_into().map_err(|_| unreachable("not a response"))?,
            Err(e) => {
                clear(&window);
                return Err(unreachable(format!("{} {url}: {e:?}", request.method.as_str())));
            }
        };
        let text = match response.text() {
            Ok(p) => JsFuture::from(p)
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default(),
            Err(_) => String::new(),
        };
        clear(&window);
        let body = crate::domain::json::parse_value(text.as_bytes()).unwrap_or(Value::Null);
        Ok(Response {
            status: response.status(),
            body,
        })
    }
}
