//! Writing content packs offline (`domain::authoring`): the drafts on this device, and the
//! editor of one draft — pack details, position standards, modules with their lessons (with a
//! live preview rendered exactly as learners see it) and quizzes. Every change is a `PackEdit`;
//! every problem the shipped packs' validation finds is shown beside its field. A finished
//! draft is published on this device at once and downloaded as a pack file for other devices.

use leptos::prelude::*;

use crate::domain::authoring::{draft_of, draft_problems, file_name, new_draft, to_publish, PackEdit, TextAt};
use crate::domain::catalog::Place;
use crate::domain::lang::{Lang, Text};
use crate::domain::model::competency::MAX_LEVEL;
use crate::domain::model::employee::PositionKind;
use crate::domain::model::pack::ContentPack;
use crate::storage;
use crate::ui::components::markdown::Markdown;
use crate::ui::files::download;
use crate::ui::form_value::{key, parse};
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::state::use_store;

#[derive(Clone, PartialEq)]
enum Loaded {
    Loading,
    Ready,
    Failed(String),
}

/// The drafts of this device and which one is open.
#[derive(Clone, Copy)]
struct Drafts {
    list: RwSignal<Vec<ContentPack>>,
    save_error: RwSignal<Option<String>>,
}

impl Drafts {
    /// Applies `edit` to draft `i`; `persist` saves the drafts (text fields save when they are
    /// left, so a long lesson is not written at every key).
    fn edit(self, i: usize, edit: PackEdit, persist: bool) {
        self.list.update(|l| {
            if let Some(d) = l.get_mut(i) {
                d.apply(edit);
            }
        });
        if persist {
            self.save();
        }
    }

    fn save(self) {
        let drafts = self.list.get_untracked();
        let error = self.save_error;
        leptos::task::spawn_local(async move {
            error.set(storage::drafts::save(&drafts).await.err());
        });
    }
}

#[component]
pub fn AuthorView() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = RwSignal::new(Loaded::Loading);
    let drafts = Drafts {
        list: RwSignal::new(Vec::new()),
        save_error: RwSignal::new(None),
    };
    let open = RwSignal::new(None::<usize>);
    leptos::task::spawn_local(async move {
        match storage::drafts::load().await {
            Ok(l) => {
                drafts.list.set(l);
                loaded.set(Loaded::Ready);
            }
            Err(e) => loaded.set(Loaded::Failed(e)),
        }
    });
    let body = move || match (loaded.get(), open.get()) {
        (Loaded::Loading, _) => view! { <p role="status">{i18n.t("Memuat draf…", "Loading drafts…")}</p> }.into_any(),
        (Loaded::Failed(e), _) => view! {
            <p class="notice notice-error" role="alert">{format!("{} {e}", i18n.t(
                "Draf paket tidak dapat dibaca; tidak ada yang ditimpa.",
                "The pack drafts cannot be read; nothing is overwritten."))}</p>
        }
        .into_any(),
        (Loaded::Ready, None) => view! { <DraftList drafts=drafts open=open/> }.into_any(),
        (Loaded::Ready, Some(i)) => view! { <DraftEditor drafts=drafts index=i open=open/> }.into_any(),
    };
    view! {
        <section class="page">
            {body}
            {move || drafts.save_error.get().map(|e| view! {
                <p class="notice notice-error" role="alert">{format!("{} {e}", i18n.t("Draf tidak tersimpan:", "The draft was not saved:"))}</p>
            })}
        </section>
    }
}

#[component]
fn DraftList(drafts: Drafts, open: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let id = RwSignal::new(String::new());
    let title = RwSignal::new(String::new());
    let confirm_delete = RwSignal::new(None::<usize>);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        drafts
            .list
            .update(|l| l.push(new_draft(&id.get_untracked(), &title.get_untracked())));
        drafts.save();
        open.set(Some(drafts.list.with_untracked(Vec::len) - 1));
    };
    let rows = move || {
        let installed = store.packs.get();
        drafts
            .list
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, d)| {
                let problems = draft_problems(&d, &installed).len();
                let state = if problems == 0 {
                    i18n.t("siap diterbitkan", "ready to publish").to_string()
                } else {
                    format!("{problems} {}", i18n.t("masalah", "problems"))
                };
                let asking = move || confirm_delete.get() == Some(i);
                let delete = move |_| {
                    if confirm_delete.get_untracked() != Some(i) {
                        confirm_delete.set(Some(i));
                        return;
                    }
                    confirm_delete.set(None);
                    drafts.list.update(|l| {
                        if i < l.len() {
                            l.remove(i);
                        }
                    });
                    drafts.save();
                };
                view! {
                    <li data-testid="draft">
                        <strong>{i18n.text(&d.title)}</strong>
                        {format!(" · {} · {} {} · {state} ", d.id, i18n.t("edisi", "edition"), d.version)}
                        <button type="button" class="button button-secondary" on:click=move |_| open.set(Some(i))>{i18n.t("Sunting", "Edit")}</button>
                        " "
                        <button type="button" class="button button-danger" on:click=delete>
                            {move || if asking() { i18n.t("Yakin? Hapus draf", "Sure? Delete the draft") } else { i18n.t("Hapus", "Delete") }}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let installed = move || {
        store
            .packs
            .get()
            .into_iter()
            .map(|p| {
                let pack = p.clone();
                let write = move |_| {
                    let existing = drafts.list.with_untracked(|l| l.iter().position(|d| d.id == pack.id));
                    let i = existing.unwrap_or_else(|| {
                        drafts.list.update(|l| l.push(draft_of(&pack)));
                        drafts.save();
                        drafts.list.with_untracked(Vec::len) - 1
                    });
                    open.set(Some(i));
                };
                view! {
                    <li>{format!("{} · {} {} ", i18n.text(&p.title), i18n.t("edisi", "edition"), p.version)}
                        <button type="button" class="button button-secondary" on:click=write>{i18n.t("Tulis edisi berikutnya", "Write the next edition")}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{i18n.tr("Tulis paket konten", "Write content packs")}</h1>
        <p>{i18n.tr(
            "Tulis modul, pelajaran dan kuis tanpa jaringan. Draf disimpan di perangkat ini; paket yang selesai diterbitkan di perangkat ini dan diunduh sebagai berkas untuk tablet lain.",
            "Write modules, lessons and quizzes without a network. Drafts are kept on this device; a finished pack is published on this device and downloaded as a file for other tablets.",
        )}</p>
        <h2>{i18n.tr("Draf", "Drafts")}</h2>
        <ul class="plain-list" data-testid="drafts">{rows}</ul>
        <h2>{i18n.tr("Paket baru", "New pack")}</h2>
        <form class="form" on:submit=create>
            <div class="field">
                <label for="a-new-id">{i18n.tr("Id paket (huruf kecil, angka, tanda hubung)", "Pack id (lower-case letters, digits, hyphens)")}</label>
                <input id="a-new-id" type="text" required placeholder="dinas-kesehatan" prop:value=id on:input=move |e| id.set(event_target_value(&e))/>
            </div>
            <div class="field">
                <label for="a-new-title">{i18n.tr("Judul paket", "Pack title")}</label>
                <input id="a-new-title" type="text" required prop:value=title on:input=move |e| title.set(event_target_value(&e))/>
            </div>
            <p class="actions"><button type="submit" class="button">{i18n.tr("Buat draf", "Create a draft")}</button></p>
        </form>
        <h2>{i18n.tr("Paket di perangkat ini", "Packs on this device")}</h2>
        <ul class="plain-list">{installed}</ul>
    }
}

/// The counts that decide the editor's layout: rebuilt when something is added or removed,
/// never while a text is typed (the fields keep their focus).
#[derive(Clone, PartialEq)]
struct Shape {
    standards: Vec<usize>,
    /// Per module: its lessons, and the choices of each question.
    modules: Vec<(usize, Vec<usize>)>,
}

fn shape(d: &ContentPack) -> Shape {
    Shape {
        standards: d.standards.iter().map(|s| s.required.len()).collect(),
        modules: d
            .modules
            .iter()
            .map(|m| {
                (
                    m.lessons.len(),
                    m.quiz.questions.iter().map(|q| q.choices.len()).collect(),
                )
            })
            .collect(),
    }
}

#[component]
fn DraftEditor(drafts: Drafts, index: usize, open: RwSignal<Option<usize>>) -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    let i = index;
    let list = drafts.list;
    let problems = Memo::new(move |_| {
        let installed = store.packs.get();
        list.with(|l| l.get(i).map(|d| draft_problems(d, &installed)).unwrap_or_default())
    });
    let layout = Memo::new(move |_| list.with(|l| l.get(i).map(shape)));
    let result = RwSignal::new(None::<(bool, Vec<Text>)>);
    let publish = move |_| {
        let Some(d) = list.with_untracked(|l| l.get(i).cloned()) else {
            return;
        };
        match to_publish(&d, &store.packs.get_untracked()).and_then(|p| store.add_pack(p.clone()).map(|c| (p, c))) {
            Ok((pack, change)) => {
                let name = file_name(&pack);
                list.update(|l| l[i] = pack);
                drafts.save();
                result.set(Some((
                    true,
                    vec![crate::domain::catalog::pack_file_result(&name, &Ok(change))],
                )));
            }
            Err(e) => result.set(Some((false, e))),
        }
    };
    let export = move |_| {
        let Some(d) = list.with_untracked(|l| l.get(i).cloned()) else {
            return;
        };
        match to_publish(&d, &store.packs.get_untracked()) {
            Ok(pack) => download(
                &file_name(&pack),
                &serde_json::to_string_pretty(&pack).expect("a pack serialises"),
                "application/json",
            ),
            Err(e) => result.set(Some((false, e))),
        }
    };
    let sections = move || {
        let Some(s) = layout.get() else {
            return view! { <p>{i18n.t("Draf ini tidak ada lagi.", "This draft no longer exists.")}</p> }.into_any();
        };
        let ctx = Ctx {
            drafts,
            i,
            problems,
            i18n,
        };
        let standards = s
            .standards
            .iter()
            .enumerate()
            .map(|(si, reqs)| ctx.standard(si, *reqs))
            .collect_view();
        let modules = s
            .modules
            .iter()
            .enumerate()
            .map(|(m, (lessons, questions))| ctx.module(m, *lessons, questions.clone()))
            .collect_view();
        view! {
            <fieldset class="field author-block">
                <legend>{i18n.t("Paket", "Pack")}</legend>
                {ctx.plain("a-id", i18n.tr("Id paket", "Pack id"), move |d| Some(d.id.clone()), PackEdit::PackId, Place::PackId)}
                {ctx.text("a-title", tr(i18n, "Judul paket", "Pack title"), TextAt::PackTitle, Place::PackTitle, false)}
                {ctx.text("a-desc", tr(i18n, "Keterangan", "Description"), TextAt::PackDescription, Place::Pack, false)}
                <p class="muted">{move || format!("{} {}", i18n.t("Edisi", "Edition"), list.with(|l| l.get(i).map(|d| d.version).unwrap_or(0)))}</p>
                {ctx.errors(Place::Pack)}
            </fieldset>
            <h2>{i18n.t("Standar jabatan", "Position standards")}</h2>
            <p class="muted">{i18n.t(
                "Tingkat yang dipersyaratkan untuk jenis jabatan (atau satu nama jabatan), menggantikan tabel bawaan.",
                "Levels required for a position type (or one position title), replacing the default table.",
            )}</p>
            {standards}
            <p><button type="button" class="button button-secondary" on:click=move |_| drafts.edit(i, PackEdit::AddStandard, true)>{i18n.t("Tambah standar jabatan", "Add a position standard")}</button></p>
            <h2>{i18n.t("Modul", "Modules")}</h2>
            {modules}
            <p><button type="button" class="button button-secondary" on:click=move |_| drafts.edit(i, PackEdit::AddModule, true)>{i18n.t("Tambah modul", "Add a module")}</button></p>
        }
        .into_any()
    };
    view! {
        <p><button type="button" class="button-quiet" on:click=move |_| open.set(None)>{i18n.tr("← Semua draf", "← All drafts")}</button></p>
        <h1>{move || format!("{}: {}", i18n.t("Menulis paket", "Writing a pack"), list.with(|l| l.get(i).map(|d| i18n.text(&d.title)).unwrap_or_default()))}</h1>
        <p role="status" data-testid="draft-state">{move || match problems.with(Vec::len) {
            0 => i18n.t("Siap diterbitkan: paket lolos semua pemeriksaan paket.", "Ready to publish: the pack passes every pack check.").to_string(),
            n => format!("{n} {}", i18n.t("masalah perlu diperbaiki sebelum paket diterbitkan (lihat di samping kolomnya).", "problems to fix before the pack can be published (see beside their fields).")),
        }}</p>
        {sections}
        <p class="actions">
            <button type="button" class="button" on:click=publish>{i18n.tr("Terbitkan di perangkat ini", "Publish on this device")}</button>
            " "
            <button type="button" class="button button-secondary" on:click=export>{i18n.tr("Unduh berkas paket (.json)", "Download the pack file (.json)")}</button>
        </p>
        {move || result.get().map(|(ok, msgs)| view! {
            <div class=if ok { "notice notice-ok" } else { "notice notice-error" } role="status" data-testid="publish-result">
                <ul>{msgs.into_iter().map(|m| view! { <li>{i18n.text(&m)}</li> }).collect_view()}</ul>
            </div>
        })}
    }
}

/// What every field of the editor needs: the draft, the problems, the language.
#[derive(Clone, Copy)]
struct Ctx {
    drafts: Drafts,
    i: usize,
    problems: Memo<Vec<(Place, Text)>>,
    i18n: I18n,
}

impl Ctx {
    /// A value of the draft, for a field (empty when the draft no longer has it).
    fn read<F>(self, f: F) -> impl Fn() -> String + Copy + Send + Sync + 'static
    where
        F: Fn(&ContentPack) -> Option<String> + Copy + Send + Sync + 'static,
    {
        let (list, i) = (self.drafts.list, self.i);
        move || list.with(|l| l.get(i).and_then(f)).unwrap_or_default()
    }

    /// The problems found at `place`, beside its field.
    fn errors(self, place: Place) -> impl IntoView {
        let (problems, i18n) = (self.problems, self.i18n);
        move || {
            problems.with(|ps| {
                ps.iter()
                    .filter(|(p, _)| *p == place)
                    .map(|(_, t)| view! { <p class="field-error" data-testid="field-error">{i18n.text(t)}</p> })
                    .collect_view()
            })
        }
    }

    /// A one-line text that is not bilingual (an id).
    fn plain<F>(
        self,
        id: &'static str,
        label: impl Fn() -> &'static str + Send + Sync + 'static,
        get: F,
        edit: fn(String) -> PackEdit,
        place: Place,
    ) -> impl IntoView
    where
        F: Fn(&ContentPack) -> Option<String> + Copy + Send + Sync + 'static,
    {
        let (drafts, i) = (self.drafts, self.i);
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <input id=id type="text" prop:value=self.read(get) on:change=move |e| drafts.edit(i, edit(event_target_value(&e)), true)/>
                {self.errors(place)}
            </div>
        }
    }

    /// A bilingual text: Indonesian (required by learners' screens) and English (optional);
    /// `long` gives text areas. The preview of a lesson follows every key (`on:input`).
    fn text(
        self,
        id: impl Into<String>,
        label: impl Fn() -> String + Send + Sync + Copy + 'static,
        at: TextAt,
        place: Place,
        long: bool,
    ) -> impl IntoView {
        let id = id.into();
        let (drafts, i, i18n) = (self.drafts, self.i, self.i18n);
        let one = move |lang: Lang| {
            let get = self.read(move |d| {
                d.text_at(at)
                    .map(|t| if lang == Lang::Id { t.id.clone() } else { t.en.clone() })
            });
            let field_id = format!("{id}-{}", lang.code());
            let caption = move || {
                format!(
                    "{} ({})",
                    label(),
                    if lang == Lang::Id {
                        "Bahasa Indonesia"
                    } else {
                        "English"
                    }
                )
            };
            let input = move |e: leptos::ev::Event| {
                drafts.edit(
                    i,
                    PackEdit::Text {
                        at,
                        lang,
                        value: event_target_value(&e),
                    },
                    false,
                )
            };
            let change = move |_| drafts.save();
            if long {
                view! {
                    <div class="field">
                        <label for=field_id.clone()>{caption}</label>
                        <textarea id=field_id rows="8" prop:value=get on:input=input on:change=change></textarea>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <div class="field">
                        <label for=field_id.clone()>{caption}</label>
                        <input id=field_id type="text" prop:value=get on:input=input on:change=change/>
                    </div>
                }
                .into_any()
            }
        };
        let _ = i18n;
        view! { {one(Lang::Id)}{one(Lang::En)}{self.errors(place)} }
    }

    fn competency_options(self, selected: impl Fn() -> String + Copy + Send + Sync + 'static) -> impl IntoView {
        let store = use_store();
        let i18n = self.i18n;
        move || {
            let chosen = selected();
            let mut options = vec![view! { <option value="" selected=chosen.is_empty()>{i18n.t("— pilih kompetensi —", "— choose a competency —")}</option> }.into_any()];
            store.catalog.with(|c| {
                for (code, comp) in &c.competencies {
                    let label = format!("{code} — {}", i18n.text(&comp.name));
                    options.push(
                        view! { <option value=code.clone() selected=*code == chosen>{label}</option> }.into_any(),
                    );
                }
            });
            options.collect_view()
        }
    }

    fn level_options(self, selected: impl Fn() -> u8 + Copy + Send + Sync + 'static) -> impl IntoView {
        move || {
            (1..=MAX_LEVEL)
                .map(|l| view! { <option value=l.to_string() selected=move || selected() == l>{l}</option> })
                .collect_view()
        }
    }

    fn standard(self, si: usize, requirements: usize) -> impl IntoView {
        let (drafts, i, i18n) = (self.drafts, self.i, self.i18n);
        let list = drafts.list;
        let position = move || list.with(|l| l.get(i).and_then(|d| d.standards.get(si)).map(|s| s.position));
        let reqs = (0..requirements)
            .map(|r| {
                let comp = self.read(move |d| d.standards.get(si)?.required.get(r).map(|x| x.competency.clone()));
                let level = move || list.with(|l| l.get(i).and_then(|d| d.standards.get(si)?.required.get(r).map(|x| x.level)).unwrap_or(1));
                let set = move |competency: String, level: u8| drafts.edit(i, PackEdit::Requirement { standard: si, index: r, competency, level }, true);
                let (cid, lid) = (format!("a-s{si}-r{r}-c"), format!("a-s{si}-r{r}-l"));
                view! {
                    <div class="author-row">
                        <div class="field"><label for=cid.clone()>{i18n.t("Kompetensi", "Competency")}</label>
                            <select id=cid on:change=move |e| set(event_target_value(&e), level())>{self.competency_options(comp)}</select></div>
                        <div class="field"><label for=lid.clone()>{i18n.t("Tingkat", "Level")}</label>
                            <select id=lid on:change=move |e| set(comp(), event_target_value(&e).parse().unwrap_or(1))>{self.level_options(level)}</select></div>
                        <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveRequirement(si, r), true)>{i18n.t("Hapus baris", "Remove row")}</button>
                    </div>
                }
            })
            .collect_view();
        let set_position = move |e: leptos::ev::Event| {
            if let Some(k) = parse::<PositionKind>(&event_target_value(&e)) {
                drafts.edit(i, PackEdit::StandardPosition(si, k), true);
            }
        };
        let pid = format!("a-s{si}-pos");
        let tid = format!("a-s{si}-title");
        view! {
            <fieldset class="field author-block" data-testid="standard">
                <legend>{format!("{} {}", i18n.t("Standar jabatan", "Position standard"), si + 1)}</legend>
                <div class="field"><label for=pid.clone()>{i18n.t("Jenis jabatan", "Position type")}</label>
                    <select id=pid on:change=set_position>
                        {PositionKind::ALL.iter().map(|k| { let k = *k; view! { <option value=key(&k) selected=move || position() == Some(k)>{move || i18n.text(&k.label())}</option> } }).collect_view()}
                    </select></div>
                <div class="field"><label for=tid.clone()>{i18n.t("Hanya untuk nama jabatan (kosongkan untuk semua)", "Only for the position title (empty for all)")}</label>
                    <input id=tid type="text" prop:value=self.read(move |d| d.standards.get(si)?.title.clone()) on:change=move |e| drafts.edit(i, PackEdit::StandardTitle(si, event_target_value(&e)), true)/></div>
                {reqs}
                {self.errors(Place::Standard(si))}
                <p>
                    <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::AddRequirement(si), true)>{i18n.t("Tambah kompetensi", "Add a competency")}</button>
                    " "
                    <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveStandard(si), true)>{i18n.t("Hapus standar ini", "Remove this standard")}</button>
                </p>
            </fieldset>
        }
    }

    fn module(self, m: usize, lessons: usize, questions: Vec<usize>) -> impl IntoView {
        let (drafts, i, i18n) = (self.drafts, self.i, self.i18n);
        let list = drafts.list;
        let target = self.read(move |d| d.modules.get(m)?.targets.first().map(|t| t.competency.clone()));
        let target_level = move || {
            list.with(|l| {
                l.get(i)
                    .and_then(|d| d.modules.get(m)?.targets.first().map(|t| t.level))
                    .unwrap_or(1)
            })
        };
        let set_target = move |competency: String, level: u8| {
            drafts.edit(
                i,
                PackEdit::Target {
                    module: m,
                    competency,
                    level,
                },
                true,
            )
        };
        let lesson_views = (0..lessons).map(|l| self.lesson(m, l)).collect_view();
        let question_views = questions
            .into_iter()
            .enumerate()
            .map(|(q, choices)| self.question(m, q, choices))
            .collect_view();
        let p = format!("a-m{m}");
        view! {
            <fieldset class="field author-block" data-testid="module">
                <legend>{move || format!("{} {} — {}", i18n.t("Modul", "Module"), m + 1, list.with(|l| l.get(i).and_then(|d| d.modules.get(m)).map(|x| x.id.clone()).unwrap_or_default()))}</legend>
                {self.text(format!("{p}-title"), tr(i18n, "Judul modul", "Module title"), TextAt::ModuleTitle(m), Place::ModuleTitle(m), false)}
                {self.text(format!("{p}-summary"), tr(i18n, "Ringkasan", "Summary"), TextAt::ModuleSummary(m), Place::Module(m), false)}
                <div class="author-row">
                    <div class="field"><label for=format!("{p}-target")>{i18n.t("Kompetensi sasaran", "Target competency")}</label>
                        <select id=format!("{p}-target") on:change=move |e| set_target(event_target_value(&e), target_level())>{self.competency_options(target)}</select></div>
                    <div class="field"><label for=format!("{p}-level")>{i18n.t("Tingkat yang dicapai", "Level reached")}</label>
                        <select id=format!("{p}-level") on:change=move |e| set_target(target(), event_target_value(&e).parse().unwrap_or(1))>{self.level_options(target_level)}</select></div>
                    <div class="field"><label for=format!("{p}-jp")>{i18n.t("JP (jam pelajaran)", "JP (learning hours)")}</label>
                        <input id=format!("{p}-jp") type="number" min="0.5" step="0.5" inputmode="decimal"
                            prop:value=self.read(move |d| d.modules.get(m).map(|x| x.jp.to_string()))
                            on:change=move |e| drafts.edit(i, PackEdit::Jp(m, event_target_value(&e).replace(',', ".").parse().unwrap_or(0.0)), true)/></div>
                </div>
                {self.errors(Place::ModuleTargets(m))}
                {self.errors(Place::ModuleJp(m))}
                {self.errors(Place::ModuleId(m))}
                <h3>{i18n.t("Pelajaran", "Lessons")}</h3>
                {lesson_views}
                {self.errors(Place::Lessons(m))}
                <p><button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::AddLesson(m), true)>{i18n.t("Tambah pelajaran", "Add a lesson")}</button></p>
                <h3>{i18n.t("Kuis", "Quiz")}</h3>
                <div class="field"><label for=format!("{p}-pass")>{i18n.t("Nilai lulus (%)", "Pass mark (%)")}</label>
                    <input id=format!("{p}-pass") type="number" min="0" max="100" step="5" inputmode="numeric"
                        prop:value=self.read(move |d| d.modules.get(m).map(|x| x.quiz.pass_mark.to_string()))
                        on:change=move |e| drafts.edit(i, PackEdit::PassMark(m, event_target_value(&e).parse().unwrap_or(101)), true)/></div>
                {self.errors(Place::Quiz(m))}
                {question_views}
                <p>
                    <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::AddQuestion(m), true)>{i18n.t("Tambah soal", "Add a question")}</button>
                    " "
                    <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveModule(m), true)>{i18n.t("Hapus modul ini", "Remove this module")}</button>
                </p>
            </fieldset>
        }
    }

    fn lesson(self, m: usize, l: usize) -> impl IntoView {
        let (drafts, i, i18n) = (self.drafts, self.i, self.i18n);
        let list = drafts.list;
        // The lesson as a learner reads it now, in the interface language.
        let preview = move || {
            let body = list
                .with(|x| {
                    x.get(i)
                        .and_then(|d| d.text_at(TextAt::LessonBody(m, l)))
                        .map(|t| i18n.text(t))
                })
                .unwrap_or_default();
            view! { <Markdown source=body/> }
        };
        let p = format!("a-m{m}-l{l}");
        view! {
            <div class="author-lesson" data-testid="lesson">
                {self.text(format!("{p}-title"), tr(i18n, "Judul pelajaran", "Lesson title"), TextAt::LessonTitle(m, l), Place::Lesson(m, l), false)}
                {self.text(format!("{p}-body"), tr(i18n, "Isi pelajaran (Markdown)", "Lesson text (Markdown)"), TextAt::LessonBody(m, l), Place::Lesson(m, l), true)}
                <p class="field-hint">{i18n.t(
                    "Markdown: ## judul, paragraf dipisah baris kosong, - daftar, 1. daftar bernomor, **tebal**, *miring*, > kutipan.",
                    "Markdown: ## heading, paragraphs separated by a blank line, - list, 1. numbered list, **bold**, *italic*, > quote.",
                )}</p>
                <div class="author-preview" aria-label=i18n.t("Pratinjau seperti dilihat peserta", "Preview as learners see it") role="region" data-testid="lesson-preview">
                    <p class="muted small">{i18n.t("Pratinjau seperti dilihat peserta:", "Preview as learners see it:")}</p>
                    <div class="lesson">{preview}</div>
                </div>
                <p><button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveLesson(m, l), true)>{i18n.t("Hapus pelajaran ini", "Remove this lesson")}</button></p>
            </div>
        }
    }

    fn question(self, m: usize, q: usize, choices: usize) -> impl IntoView {
        let (drafts, i, i18n) = (self.drafts, self.i, self.i18n);
        let list = drafts.list;
        let p = format!("a-m{m}-q{q}");
        let choice_views = (0..choices)
            .map(|c| {
                let correct = move || list.with(|x| x.get(i).and_then(|d| d.modules.get(m)?.quiz.questions.get(q)).is_some_and(|qq| qq.correct.contains(&c)));
                let (cid, cid_for) = (format!("{p}-c{c}-ok"), format!("{p}-c{c}-ok"));
                view! {
                    <div class="author-choice">
                        {self.text(format!("{p}-c{c}"), move || choice_label(i18n, c), TextAt::Choice(m, q, c), Place::Question(m, q), false)}
                        <label for=cid_for class="check">
                            <input id=cid type="checkbox" prop:checked=correct
                                on:change=move |e| drafts.edit(i, PackEdit::Correct { module: m, question: q, choice: c, correct: event_target_checked(&e) }, true)/>
                            {move || format!(" {} {}", i18n.t("Jawaban benar:", "Correct answer:"), choice_label(i18n, c))}
                        </label>
                        <button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveChoice(m, q, c), true)>{move || format!("{} {}", i18n.t("Hapus", "Remove"), choice_label(i18n, c))}</button>
                    </div>
                }
            })
            .collect_view();
        view! {
            <fieldset class="field author-question" data-testid="question">
                <legend>{format!("{} {}", i18n.t("Soal", "Question"), q + 1)}</legend>
                {self.text(format!("{p}-prompt"), tr(i18n, "Pertanyaan", "Question"), TextAt::Prompt(m, q), Place::Question(m, q), false)}
                {choice_views}
                <p><button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::AddChoice(m, q), true)>{i18n.t("Tambah pilihan", "Add a choice")}</button></p>
                {self.text(format!("{p}-why"), tr(i18n, "Penjelasan (ditampilkan setelah menjawab)", "Explanation (shown after answering)"), TextAt::Explanation(m, q), Place::Question(m, q), false)}
                <p><button type="button" class="button-quiet" on:click=move |_| drafts.edit(i, PackEdit::RemoveQuestion(m, q), true)>{i18n.t("Hapus soal ini", "Remove this question")}</button></p>
            </fieldset>
        }
    }
}

/// "Pilihan A", "Pilihan B", … (the letters learners see in the quiz).
fn choice_label(i18n: I18n, c: usize) -> String {
    let letter = char::from(b'A' + (c % 26) as u8);
    format!("{} {letter}", i18n.t("Pilihan", "Choice"))
}

/// A label that follows the interface language.
fn tr(i18n: I18n, id: &'static str, en: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
    move || i18n.t(id, en).to_string()
}
