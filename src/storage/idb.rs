//! A minimal key–value store on IndexedDB, for data too large for localStorage (a trainer's
//! cohort of thousands of employees). One database, one object store, string values.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransactionMode};

const DB: &str = "lentera";
const STORE: &str = "kv";

/// Resolves when `request` succeeds (with its result) or rejects with its error.
async fn wait(request: &IdbRequest) -> Result<JsValue, JsValue> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let r = request.clone();
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &r.result().unwrap_or(JsValue::UNDEFINED));
        });
        let r2 = request.clone();
        let err = Closure::once_into_js(move || {
            let e = r2
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::from_str("IndexedDB error"));
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(err.unchecked_ref()));
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("IndexedDB is not available"))?;
    let request = factory.open_with_u32(DB, 1)?;
    let upgrade =
        Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(move |e: web_sys::IdbVersionChangeEvent| {
            let Some(req) = e.target().and_then(|t| t.dyn_into::<IdbRequest>().ok()) else {
                return;
            };
            if let Ok(db) = req.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = wait(&request).await?;
    drop(upgrade);
    db.dyn_into::<IdbDatabase>()
}

pub async fn get(key: &str) -> Result<Option<String>, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let value = wait(&tx.object_store(STORE)?.get(&JsValue::from_str(key))?).await?;
    db.close();
    Ok(value.as_string())
}

/// Writes `value` and resolves only once the transaction has committed.
pub async fn put(key: &str, value: &str) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let store = tx.object_store(STORE)?;
    let request = store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))?;
    wait(&request).await?;
    committed(&tx).await?;
    db.close();
    Ok(())
}

/// Read-modify-write of one value in a single `durability: "strict"` transaction: `update`
/// gets the stored value and returns what to write, as (key, value) pairs — the value itself
/// and anything to keep beside it in the same transaction (an unreadable value set aside);
/// nothing to leave it. IndexedDB runs read-write transactions on a store one at a time,
/// across tabs too, so concurrent updates cannot overwrite each other. Resolves once the
/// transaction has reached the disk.
pub async fn update(
    key: &str,
    update: impl FnOnce(Option<String>) -> Vec<(String, String)> + 'static,
) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = strict_readwrite(&db)?;
    let store = tx.object_store(STORE)?;
    let get = store.get(&JsValue::from_str(key))?;
    let g = get.clone();
    // The put must be issued inside the get's success callback, while the transaction is active.
    let on_get = Closure::once_into_js(move || {
        let current = g.result().ok().and_then(|v| v.as_string());
        for (k, v) in update(current) {
            let _ = store.put_with_key(&JsValue::from_str(&v), &JsValue::from_str(&k));
        }
    });
    get.set_onsuccess(Some(on_get.unchecked_ref()));
    committed(&tx).await?;
    db.close();
    Ok(())
}

/// Every key that starts with `prefix`.
pub async fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, JsValue> {
    let db = open().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readonly)?;
    let keys = wait(&tx.object_store(STORE)?.get_all_keys()?).await?;
    db.close();
    Ok(js_sys::Array::from(&keys)
        .iter()
        .filter_map(|k| k.as_string())
        .filter(|k| k.starts_with(prefix))
        .collect())
}

/// Writes several values in one strict transaction (all or none); resolves once on disk.
pub async fn put_all(values: &[(&str, &str)]) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = strict_readwrite(&db)?;
    let store = tx.object_store(STORE)?;
    for (k, v) in values {
        store.put_with_key(&JsValue::from_str(v), &JsValue::from_str(k))?;
    }
    committed(&tx).await?;
    db.close();
    Ok(())
}

/// Deletes `key`; resolves once committed.
pub async fn delete(key: &str) -> Result<(), JsValue> {
    let db = open().await?;
    let tx = strict_readwrite(&db)?;
    tx.object_store(STORE)?.delete(&JsValue::from_str(key))?;
    committed(&tx).await?;
    db.close();
    Ok(())
}

/// `db.transaction(STORE, "readwrite", {durability: "strict"})`. Called through JS because
/// web-sys has the options dictionary only behind its unstable-API flag; browsers without the
/// option ignore it and use their default durability.
fn strict_readwrite(db: &IdbDatabase) -> Result<web_sys::IdbTransaction, JsValue> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"durability".into(), &"strict".into())?;
    let f: js_sys::Function = js_sys::Reflect::get(db, &"transaction".into())?.dyn_into()?;
    f.call3(db, &JsValue::from_str(STORE), &JsValue::from_str("readwrite"), &options)?
        .dyn_into()
}

/// Resolves when `tx` has committed; rejects if it fails or aborts.
async fn committed(tx: &web_sys::IdbTransaction) -> Result<(), JsValue> {
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let err = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB transaction failed"));
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(err.unchecked_ref()));
        tx.set_onabort(Some(err.unchecked_ref()));
    });
    JsFuture::from(done).await.map(|_| ())
}
