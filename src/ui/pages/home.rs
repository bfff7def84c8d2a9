//! The first screen: what Lentera is and how data stays on this device.

use leptos::prelude::*;

use crate::ui::i18n::use_i18n;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="page home">
            <h1>{move || i18n.t("Selamat datang di Lentera", "Welcome to Lentera")}</h1>
            <p class="lead">
                {move || i18n.t(
                    "Lentera membantu Aparatur Sipil Negara mengembangkan kompetensi: belajar mandiri, menilai diri, melihat kesenjangan kompetensi, dan mencatat 20 jam pelajaran setiap tahun — juga tanpa jaringan internet.",
                    "Lentera helps civil servants (ASN) develop their competencies: self-paced learning, self-assessment, seeing competency gaps and logging the 20 learning hours (JP) each year — even with no internet connection.",
                )}
            </p>
            <p>
                {move || i18n.t(
                    "Semua data disimpan di peramban perangkat ini dan tidak dikirim ke mana pun. Untuk memindahkan data ke perangkat lain atau menyerahkannya kepada pengelola kepegawaian, gunakan berkas ekspor.",
                    "All data is kept in this device's browser and is sent nowhere. To move data to another device or hand it to your HR officer, use an export file.",
                )}
            </p>
        </section>
    }
}
