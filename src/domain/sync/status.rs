//! A device's note that it synced, written at the end of every push into the person's
//! database (and so, by the server's replication, into the district's): what the trainer's
//! "who has not synced since…" reads. One document per person and device, rewritten each time
//! by that device alone, so it never conflicts.
//!
//! ```json
//! { "_id": "sync_status:<employee id>:<device id>", "lentera": 2, "kind": "sync_status",
//!   "owner": "<employee id>", "nip": "…", "device": "<device id>", "at": "2026-11-30T08:00:00Z" }
//! ```

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use crate::domain::record::{DeviceId, Id};
use crate::domain::snapshot::SCHEMA_VERSION;

pub const KIND: &str = "sync_status";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyncStatus {
    pub owner: Id,
    pub nip: String,
    pub device: DeviceId,
    pub at: DateTime<Utc>,
}

impl SyncStatus {
    pub fn doc_id(&self) -> String {
        format!("{KIND}:{}:{}", self.owner, self.device)
    }

    pub fn body(&self) -> Value {
        json!({
            "lentera": SCHEMA_VERSION,
            "kind": KIND,
            "owner": self.owner,
            "nip": self.nip,
            "device": self.device,
            "at": self.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        })
    }

    /// Reads a status document; `None` for anything else.
    pub fn from_couch(doc: &Value) -> Option<SyncStatus> {
        if doc.get("kind")?.as_str()? != KIND {
            return None;
        }
        let text = |k: &str| doc.get(k).and_then(Value::as_str);
        let status = SyncStatus {
            owner: Id::parse(text("owner")?).ok()?,
            nip: text("nip")?.to_string(),
            device: Id::parse(text("device")?).ok()?,
            at: DateTime::parse_from_rfc3339(text("at")?).ok()?.with_timezone(&Utc),
        };
        (text("_id")? == status.doc_id()).then_some(status)
    }

    pub fn is_status_id(id: &str) -> bool {
        id.strip_prefix(KIND).is_some_and(|rest| rest.starts_with(':'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_back_and_names_its_document() {
        let s = SyncStatus {
            owner: Id::parse("siti").unwrap(),
            nip: "198503122010011002".into(),
            device: Id::parse("tab-a").unwrap(),
            at: DateTime::parse_from_rfc3339("2026-11-30T08:00:00Z")
                .unwrap()
                .with_timezone(&Utc),
        };
        let mut doc = s.body();
        doc["_id"] = json!(s.doc_id());
        assert_eq!(SyncStatus::from_couch(&doc), Some(s.clone()));
        assert!(SyncStatus::is_status_id(&s.doc_id()));
        assert!(!SyncStatus::is_status_id("employees:sync_status"));
        doc["_id"] = json!("sync_status:budi:tab-a");
        assert_eq!(SyncStatus::from_couch(&doc), None, "a status under another person's id");
    }
}
