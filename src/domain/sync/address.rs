//! The sync address a user types: the server and the district, checked before anything is
//! sent. The app asks only this origin, and only these databases: `lentera-<district>-<nip>`
//! for a learner, `lentera-<district>` for a trainer (`docs/sync.md`, "Authority").

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::replicate::SyncState;
use crate::domain::lang::Text;

/// One profile's (or the workbench's) sync, as the device keeps it: where, as whom, and what it
/// knows of the server. No password: the server's session cookie is the sign-in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyncSetup {
    pub address: SyncAddress,
    /// The account: a learner's NIP, a trainer's name.
    pub account: String,
    #[serde(default)]
    pub state: SyncState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_synced: Option<DateTime<Utc>>,
    /// A reader's view of the district: when each person's devices last synced (the latest
    /// sync note pulled, `status.rs`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub seen: std::collections::BTreeMap<crate::domain::record::Id, DateTime<Utc>>,
}

impl SyncSetup {
    pub fn new(address: SyncAddress, account: String) -> SyncSetup {
        SyncSetup {
            address,
            account,
            state: SyncState::default(),
            last_synced: None,
            seen: Default::default(),
        }
    }

    /// "Who has not synced since `day`": every live profile of `cohort` whose devices' latest
    /// note is older than `day` (by `local_date`, the device's calendar) or who has none, the
    /// longest silent first: (id, name, unit, last sync).
    pub fn not_synced_since(
        &self,
        cohort: &crate::domain::snapshot::Snapshot,
        day: Option<chrono::NaiveDate>,
        local_date: impl Fn(DateTime<Utc>) -> chrono::NaiveDate,
    ) -> Vec<(crate::domain::record::Id, String, String, Option<DateTime<Utc>>)> {
        let mut rows: Vec<_> = cohort
            .employees
            .live()
            .map(|r| {
                (
                    r.id.clone(),
                    r.data().name.clone(),
                    r.data().unit.clone(),
                    self.seen.get(&r.id).copied(),
                )
            })
            .filter(|(_, _, _, at)| match (at, day) {
                (Some(at), Some(d)) => local_date(*at) < d,
                _ => true,
            })
            .collect();
        crate::domain::sort::sort_by(&mut rows, |a, b| {
            (a.3, a.1.to_lowercase()).cmp(&(b.3, b.1.to_lowercase()))
        });
        rows
    }

    /// Keeps the latest of each person's sync notes.
    pub fn note_seen(&mut self, statuses: &[super::status::SyncStatus]) {
        for s in statuses {
            let e = self.seen.entry(s.owner.clone()).or_insert(s.at);
            if s.at > *e {
                *e = s.at;
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncAddress {
    /// `scheme://host[:port][/path]`, without a trailing slash.
    pub server: String,
    /// The district's code, as HR's setup named it (`kab-contoh`).
    pub district: String,
}

/// Something to say about an address that is accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddressWarning {
    /// Plain http to another machine: passwords and records cross the network readable.
    PlainHttp,
}

impl AddressWarning {
    pub fn text(self) -> Text {
        match self {
            AddressWarning::PlainHttp => Text::new(
                "Peringatan: alamat ini memakai http biasa, bukan https. Kata sandi dan catatan Anda dapat dibaca orang lain di jaringan yang sama. Pakai hanya di jaringan kantor yang dipercaya.",
                "Warning: this address uses plain http, not https. Your password and records can be read by others on the same network. Use it only on a trusted office network.",
            ),
        }
    }
}

fn is_local(host: &str) -> bool {
    host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host.ends_with(".localhost")
}

impl SyncAddress {
    /// Checks what the user typed. `page_is_https`: the app's own page is served over https,
    /// from where a browser refuses any http request (mixed content).
    pub fn parse(
        server: &str,
        district: &str,
        page_is_https: bool,
    ) -> Result<(SyncAddress, Option<AddressWarning>), Text> {
        let server = server.trim().trim_end_matches('/');
        let (scheme, rest) = server.split_once("://").ok_or_else(|| {
            Text::new(
                "Alamat server harus diawali https:// (atau http:// di jaringan kantor).",
                "The server address must start with https:// (or http:// on an office network).",
            )
        })?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "https" && scheme != "http" {
            return Err(Text::new(
                "Alamat server harus diawali https:// atau http://.",
                "The server address must start with https:// or http://.",
            ));
        }
        let host_port = rest.split('/').next().unwrap_or("");
        let host = host_port
            .rsplit_once(':')
            .filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit()))
            .map_or(host_port, |(h, _)| h);
        let clean = !host.is_empty()
            && !rest.contains(['@', '?', '#', ' ', '\\'])
            && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.[]:".contains(c));
        if !clean {
            return Err(Text::new(
                "Alamat server tidak dapat dibaca. Contoh: https://sinkron.contoh.go.id",
                "The server address cannot be read. Example: https://sync.example.go.id",
            ));
        }
        let plain = scheme == "http";
        if plain && page_is_https {
            return Err(Text::new(
                "Halaman ini dibuka lewat https, sehingga peramban tidak mengizinkan permintaan ke server http (konten campuran). Minta pengelola memakai alamat https untuk server sinkronisasi.",
                "This page was opened over https, so the browser does not allow requests to an http server (mixed content). Ask your administrator for an https address for the sync server.",
            ));
        }
        let district = district.trim().to_ascii_lowercase();
        let district_ok = district.len() <= 41
            && district.starts_with(|c: char| c.is_ascii_lowercase())
            && district
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !district_ok {
            return Err(Text::new(
                "Kode kabupaten/kota hanya berisi huruf kecil, angka dan tanda hubung, diawali huruf (contoh: kab-contoh).",
                "The district code holds only lower-case letters, digits and hyphens, starting with a letter (e.g. kab-contoh).",
            ));
        }
        let warning = (plain && !is_local(host)).then_some(AddressWarning::PlainHttp);
        Ok((
            SyncAddress {
                server: format!("{scheme}://{rest}"),
                district,
            },
            warning,
        ))
    }

    /// The origin every request goes to (`scheme://host[:port]`).
    pub fn origin(&self) -> &str {
        let after = self.server.find("://").map_or(0, |i| i + 3);
        let end = self.server[after..].find('/').map_or(self.server.len(), |i| after + i);
        &self.server[..end]
    }

    /// A learner's own database.
    pub fn person_db(&self, nip: &str) -> String {
        format!("{}/lentera-{}-{nip}", self.server, self.district)
    }

    /// The district's database (trainers read it).
    pub fn district_db(&self) -> String {
        format!("{}/lentera-{}", self.server, self.district)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_https_address_is_taken_and_names_the_databases() {
        let (a, w) = SyncAddress::parse(" https://sinkron.contoh.go.id/couchdb/ ", "Kab-Contoh", true).unwrap();
        assert_eq!(w, None);
        assert_eq!(a.origin(), "https://sinkron.contoh.go.id");
        assert_eq!(
            a.person_db("198503122010011002"),
            "https://sinkron.contoh.go.id/couchdb/lentera-kab-contoh-198503122010011002"
        );
        assert_eq!(
            a.district_db(),
            "https://sinkron.contoh.go.id/couchdb/lentera-kab-contoh"
        );
    }

    #[test]
    fn plain_http_is_warned_about_except_on_this_machine_and_refused_from_an_https_page() {
        assert_eq!(
            SyncAddress::parse("http://10.0.0.5:5984", "kab-a", false).unwrap().1,
            Some(AddressWarning::PlainHttp)
        );
        assert_eq!(
            SyncAddress::parse("http://127.0.0.1:5984", "kab-a", false).unwrap().1,
            None
        );
        assert_eq!(
            SyncAddress::parse("http://localhost:5984", "kab-a", false).unwrap().1,
            None
        );
        assert!(SyncAddress::parse("http://10.0.0.5:5984", "kab-a", true).is_err());
    }

    #[test]
    fn addresses_that_are_not_plain_servers_are_refused() {
        for bad in [
            "sinkron.go.id",
            "ftp://x",
            "https://",
            "https://user:pw@x",
            "https://x/?a=1",
            "https://x#y",
            "javascript://x",
        ] {
            assert!(SyncAddress::parse(bad, "kab-a", false).is_err(), "{bad}");
        }
        for bad in ["", "1kab", "kab contoh", "kab_contoh", "kab/x"] {
            assert!(SyncAddress::parse("https://x", bad, false).is_err(), "{bad:?}");
        }
    }
}
