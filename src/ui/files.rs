//! Files in and out of the browser, for both apps: offering a download, and reading an export
//! file against this device's content.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser;
use crate::domain::snapshot::import::{check_against_catalog, import, Problem};
use crate::domain::snapshot::Snapshot;
use crate::ui::state::Store;

/// Offers `text` as a file download.
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    offer(name, &parts, mime);
}

/// Offers `bytes` (a workbook, say) as a file download.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    offer(name, &parts, mime);
}

fn offer(name: &str, parts: &js_sys::Array, mime: &str) {
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_buffer_source_sequence_and_options(parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// An export file's bytes, read and checked as a file and against this device's content (the
/// learner app's Data page and the workbench alike).
pub fn read_export(store: Store, bytes: &[u8]) -> Result<Snapshot, Vec<Problem>> {
    let incoming = import(bytes, browser::now())?;
    let bad = store.catalog.with_untracked(|c| check_against_catalog(&incoming, c));
    if bad.is_empty() {
        Ok(incoming)
    } else {
        Err(bad)
    }
}

/// The files chosen in a file input, as (name, bytes).
pub async fn read_files(ev: &leptos::ev::Event) -> Vec<(String, Vec<u8>)> {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return vec![];
    };
    let Some(list) = input.files() else { return vec![] };
    let mut files = Vec::new();
    for i in 0..list.length() {
        let Some(f) = list.get(i) else { continue };
        if let Ok(buf) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await {
            files.push((f.name(), js_sys::Uint8Array::new(&buf).to_vec()));
        }
    }
    input.set_value("");
    files
}
