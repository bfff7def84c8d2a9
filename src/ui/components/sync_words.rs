//! What both apps say about a sync: the sign-in form's checks and the report of a run (the
//! learner's Sinkronisasi screen, the workbench's district sync).

use crate::browser;
use crate::domain::format;
use crate::domain::lang::Text;
use crate::domain::sync::address::SyncAddress;
use crate::domain::sync::checkpoint::Direction;
use crate::domain::sync::remote::{ErrorKind, SyncError};
use crate::domain::sync::replicate::{SyncProgress, SyncReport};
use crate::ui::i18n::I18n;

/// The address and password typed to sign in, checked.
pub fn typed_sign_in(server: &str, district: &str, password: String) -> Result<(SyncAddress, String), Text> {
    let (address, _) = SyncAddress::parse(server, district, browser::page_is_https())?;
    if password.is_empty() {
        return Err(Text::new(
            "Ketik kata sandi akun Anda.",
            "Type your account's password.",
        ));
    }
    Ok((address, password))
}

/// What to say when signing in failed.
pub fn sign_in_problem(e: SyncError) -> Text {
    match e.kind {
        ErrorKind::SignedOut => Text::new(
            "NIP atau kata sandi salah, atau akun ini belum dibuat di server. Tanyakan kepada pengelola kepegawaian.",
            "Wrong NIP or password, or this account does not exist on the server yet. Ask your HR officer.",
        ),
        _ => e.text(),
    }
}

pub fn report_lines(i18n: I18n, r: &SyncReport) -> Vec<String> {
    let lang = i18n.lang();
    let n = |x: usize| format::count(lang, x);
    let mut out = vec![format!(
        "{} {} {}, {} {}.",
        i18n.t("Selesai:", "Done:"),
        n(r.pulled),
        i18n.t("catatan diterima", "records received"),
        n(r.pushed),
        i18n.t("dikirim", "sent"),
    )];
    if r.folded > 0 {
        out.push(format!(
            "{} {}.",
            n(r.folded),
            i18n.t(
                "catatan yang bertentangan di server disatukan",
                "conflicting records on the server were folded together"
            )
        ));
    }
    if r.not_taken > 0 {
        out.push(format!(
            "{} {}",
            n(r.not_taken),
            i18n.t(
                "catatan belum diterima: profilnya terkunci di perangkat ini, atau catatannya tidak lolos pemeriksaan. Catatan itu diambil lagi pada sinkronisasi berikutnya.",
                "records were not taken in: their profile is locked on this device, or they did not pass the checks. They are fetched again at the next sync.",
            )
        ));
    }
    if !r.refused.is_empty() {
        out.push(format!(
            "{} {} {}",
            i18n.t("Server menolak", "The server refused"),
            n(r.refused.len()),
            i18n.t(
                "catatan (tetap aman di perangkat ini).",
                "records (they stay safe on this device)."
            )
        ));
    }
    if !r.unreadable.is_empty() {
        out.push(format!(
            "{} {}",
            n(r.unreadable.len()),
            i18n.t(
                "dokumen di server tidak dapat dibaca dan dibiarkan.",
                "documents on the server could not be read and were left alone."
            )
        ));
    }
    out
}

/// "Menyinkronkan: menerima 340 / 1.200" while a sync runs (`None`: before the first batch).
pub fn progress_line(i18n: I18n, p: Option<SyncProgress>) -> String {
    let Some(p) = p else {
        return i18n.t("Menghubungi server…", "Contacting the server…").to_string();
    };
    let lang = i18n.lang();
    let what = match p.direction {
        Direction::Pull => i18n.t("Menyinkronkan: menerima", "Syncing: receiving"),
        Direction::Push => i18n.t("Menyinkronkan: mengirim", "Syncing: sending"),
    };
    match p.total {
        Some(t) => format!("{what} {} / {}", format::count(lang, p.done), format::count(lang, t)),
        None => format!("{what} {}", format::count(lang, p.done)),
    }
}
