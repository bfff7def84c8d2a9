//! Content pack files onto this device: a trainer's workbench (*Impor dan paket*) and a
//! tablet's *Data* page alike, so a pack on a USB stick or from a chat needs no web host. The
//! same checks as every pack (`catalog::add_pack`); a newer edition keeps learners' progress.

use leptos::prelude::*;

use crate::domain::catalog::{pack_file_result, read_pack};
use crate::domain::lang::Text;
use crate::ui::files::read_files;
use crate::ui::i18n::use_i18n;
use crate::ui::state::use_store;

#[component]
pub fn PackFiles(input_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let result = RwSignal::new(None::<(bool, Vec<Text>)>);
    let on_packs = move |ev: leptos::ev::Event| {
        result.set(None);
        leptos::task::spawn_local(async move {
            let mut msgs = Vec::new();
            let mut all_ok = true;
            for (name, bytes) in read_files(&ev).await {
                let r = read_pack(&bytes).and_then(|p| store.add_pack(p));
                all_ok &= r.is_ok();
                msgs.push(pack_file_result(&name, &r));
            }
            result.set(Some((all_ok, msgs)));
        });
    };
    let packs = move || {
        store
            .packs
            .get()
            .into_iter()
            .map(|p| {
                let n = p.modules.iter().filter(|m| !m.archived).count();
                view! { <li>{format!("{} — {} {} · {} {} · {} {}", i18n.text(&p.title), i18n.t("edisi", "edition"), p.version, n, i18n.t("modul", "modules"), p.competencies.len(), i18n.t("kompetensi", "competencies"))}</li> }
            })
            .collect_view()
    };
    view! {
        <ul class="plain-list" data-testid="packs">{packs}</ul>
        <div class="field">
            <label for=input_id>{i18n.tr("Muat paket konten (.json)", "Load content packs (.json)")}</label>
            <input id=input_id type="file" multiple accept=".json,application/json" on:change=on_packs/>
        </div>
        {move || result.get().map(|(ok, msgs)| view! {
            <div class=if ok { "notice notice-ok" } else { "notice notice-error" } role="status" data-testid="pack-result">
                <ul>{msgs.into_iter().map(|m| view! { <li>{i18n.text(&m)}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}
