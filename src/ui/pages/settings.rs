//! This device's settings (*Pengaturan*): how JPM is computed — the category scheme, whether a
//! level above the standard makes up for one below, the 100 % cap, the weights per competency
//! type. A choice applies to every profile on the device; a rule the agency's content pack sets
//! is shown as fixed by that pack (`domain::jpm_choice`). Every option states its source.

use leptos::prelude::*;

use crate::domain::jpm_choice::{fixed_by, JpmChoice, JpmSetting};
use crate::domain::lang::Text;
use crate::domain::rules::wording;
use crate::domain::rules_config::Param;
use crate::ui::i18n::use_i18n;
use crate::ui::route::Route;
use crate::ui::state::use_store;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let store = use_store();
    // The outcome of the last change: saved, or why not.
    let saved = RwSignal::new(None::<Result<(), Text>>);
    let choose = move |edit: &dyn Fn(&mut JpmChoice)| {
        let mut choice = store.jpm_choice.get_untracked();
        edit(&mut choice);
        saved.set(Some(store.choose_jpm(choice)));
    };
    // The pack that fixes a setting, if any.
    let fixed = move |setting: JpmSetting| {
        store
            .packs
            .with(|p| fixed_by(p.iter(), setting).map(|p| i18n.text(&p.title)))
    };
    let fixed_note = move |setting: JpmSetting| {
        move || {
            fixed(setting).map(|pack| {
                view! {
                    <p class="field-hint" data-testid=format!("fixed-{}", setting.key())>
                        {format!("{} {pack}", i18n.t("Ditetapkan oleh paket instansi:", "Set by the agency's pack:"))}
                    </p>
                }
            })
        }
    };
    let source = move |param: &dyn Fn(&crate::domain::rules_config::RulesConfig) -> (String, bool)| {
        let (text, weak) = store.catalog.with(|c| param(&c.rules));
        let weak = if weak {
            i18n.t(
                " (sumber lemah: bawaan Lentera, sesuaikan bila instansi berbeda)",
                " (weak source: Lentera's default, adjust if your agency differs)",
            )
        } else {
            ""
        };
        format!("{} {text}{weak}", i18n.t("Sumber:", "Source:"))
    };
    fn of<T>(p: &Param<T>) -> (String, bool) {
        (p.source.clone(), p.weak)
    }

    let schemes = move || {
        let (list, current) = store
            .catalog
            .with(|c| (c.rules.jpm.schemes.value.clone(), c.rules.jpm.scheme.value.clone()));
        let locked = fixed(JpmSetting::Scheme).is_some();
        list.into_iter()
            .map(|scheme| {
                let id = scheme.id.clone();
                let bands = wording::jpm_bands(&scheme).iter().map(|b| view! { <li>{i18n.text(b)}</li> }).collect_view();
                view! {
                    <div class="setting">
                        <label class="check">
                            <input type="radio" name="jpm-scheme" value=id.clone() checked=current == id disabled=locked
                                on:change=move |_| { let id = id.clone(); choose(&move |c| c.scheme = Some(id.clone())) }/>
                            <strong>{i18n.text(&scheme.name)}</strong>
                        </label>
                        <ul class="setting-detail">{bands}</ul>
                    </div>
                }
            })
            .collect_view()
    };
    let toggle = move |setting: JpmSetting,
                       label: (&'static str, &'static str),
                       hint: (&'static str, &'static str),
                       read: fn(&crate::domain::rules_config::RulesConfig) -> (bool, String, bool)| {
        let checked = move || store.catalog.with(|c| read(&c.rules).0);
        let input_id = format!("jpm-{}", setting.key());
        let hint_id = format!("{input_id}-hint");
        let label_for = input_id.clone();
        view! {
            <div class="setting">
                <label class="check" for=label_for>
                    <input type="checkbox" id=input_id aria-describedby=hint_id.clone() prop:checked=checked disabled=move || fixed(setting).is_some()
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            choose(&move |c: &mut JpmChoice| c.set(setting, on))
                        }/>
                    {i18n.tr(label.0, label.1)}
                </label>
                <p class="field-hint" id=hint_id>{i18n.tr(hint.0, hint.1)}</p>
                <p class="field-hint">{move || source(&|r| { let (_, s, w) = read(r); (s, w) })}</p>
                {fixed_note(setting)}
            </div>
        }
    };
    let weights = move || {
        store.catalog.with(|c| {
            c.rules
                .jpm
                .type_weights
                .value
                .iter()
                .map(|(kind, w)| {
                    view! {
                        <tr>
                            <th scope="row">{i18n.text(&kind.label())}</th>
                            <td>{format!("{} %", crate::domain::format::number(i18n.lang(), w.technical))}</td>
                            <td>{format!("{} %", crate::domain::format::number(i18n.lang(), w.managerial_socio_cultural))}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="page">
            <h1>{i18n.tr("Pengaturan perangkat", "Device settings")}</h1>
            <p class="lead">{i18n.tr(
                "Berlaku untuk semua profil di perangkat ini. Bila paket konten instansi menetapkan aturan yang sama, aturan paket yang berlaku.",
                "Applies to every profile on this device. Where the agency's content pack sets the same rule, the pack's rule applies.",
            )}</p>
            <h2>{i18n.tr("Job Person Match (JPM)", "Job Person Match (JPM)")}</h2>
            <p>{i18n.tr(
                "JPM = jumlah tingkat kompetensi saat ini ÷ jumlah tingkat standar jabatan × 100 %. Pilihan di bawah mengubah cara menghitung dan menggolongkannya; setiap JPM yang ditampilkan menyebutkan pilihan yang dipakai.",
                "JPM = the sum of current competency levels ÷ the sum of the position's required levels × 100 %. The choices below change how it is computed and categorised; every JPM shown names the choices used.",
            )}</p>
            <fieldset class="fieldset">
                <legend>{i18n.tr("Skema kategori", "Category scheme")}</legend>
                {schemes}
                <p class="field-hint">{move || source(&|r| of(&r.jpm.schemes))}</p>
                {fixed_note(JpmSetting::Scheme)}
            </fieldset>
            <fieldset class="fieldset">
                <legend>{i18n.tr("Cara menghitung", "How it is computed")}</legend>
                {toggle(
                    JpmSetting::NoCompensation,
                    ("Tanpa kompensasi: tingkat di atas standar dihitung hanya sampai standar", "No compensation: a level above the standard counts only up to the standard"),
                    ("Kelebihan di satu kompetensi tidak lagi menutupi kekurangan di kompetensi lain, sehingga JPM tidak mencapai 100 % selama ada kompetensi di bawah standar.", "A surplus in one competency no longer makes up for a shortfall in another, so JPM stays below 100 % while any competency is below the standard."),
                    |r| (r.jpm.no_compensation.value, r.jpm.no_compensation.source.clone(), r.jpm.no_compensation.weak),
                )}
                {toggle(
                    JpmSetting::CapAt100,
                    ("JPM paling tinggi 100 %", "JPM at most 100 %"),
                    ("Melebihi standar tidak menambah kesesuaian dengan jabatan.", "Exceeding the standard does not make the match any better."),
                    |r| (r.jpm.cap_at_100.value, r.jpm.cap_at_100.source.clone(), r.jpm.cap_at_100.weak),
                )}
                {toggle(
                    JpmSetting::UseTypeWeights,
                    ("Bobot per jenis kompetensi untuk jabatan di tabel ini", "Weights per competency type for the positions in this table"),
                    ("JPM = bobot teknis × JPM kompetensi teknis + bobot lainnya × JPM kompetensi manajerial dan sosial kultural. Jabatan lain tanpa bobot.", "JPM = technical weight × JPM of technical competencies + the other weight × JPM of managerial and socio-cultural competencies. Other positions are not weighted."),
                    |r| (r.jpm.use_type_weights.value, r.jpm.use_type_weights.source.clone(), r.jpm.use_type_weights.weak),
                )}
                <table class="table" data-testid="jpm-weights">
                    <caption>{i18n.tr("Bobot per jabatan", "Weights per position")}</caption>
                    <thead><tr>
                        <th scope="col">{i18n.tr("Jabatan", "Position")}</th>
                        <th scope="col">{i18n.tr("Teknis", "Technical")}</th>
                        <th scope="col">{i18n.tr("Manajerial dan sosial kultural", "Managerial and socio-cultural")}</th>
                    </tr></thead>
                    <tbody>{weights}</tbody>
                </table>
                <p class="field-hint">{move || source(&|r| of(&r.jpm.type_weights))}</p>
            </fieldset>
            <p role="status" data-testid="settings-status">
                {move || saved.get().map(|r| match r {
                    Ok(()) => i18n.t("Tersimpan di perangkat ini.", "Saved on this device.").to_string(),
                    Err(why) => i18n.text(&why),
                })}
            </p>
            <p class="actions">
                <button type="button" class="button button-secondary" on:click=move |_| choose(&|c| *c = JpmChoice::default())>
                    {i18n.tr("Kembalikan ke bawaan", "Back to the defaults")}
                </button>
                <a class="button button-secondary" href=Route::Profiles.href()>{i18n.tr("Ke daftar profil", "To the profiles")}</a>
            </p>
        </section>
    }
}
