//! Checkpoints: where a replication stopped, kept on both sides (`_local/<replication id>` on
//! the server, `SyncState` on the device), so that the next run starts there — and starts from
//! the beginning when the two sides disagree, as the CouchDB replication protocol says.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::domain::hex;
use crate::domain::record::DeviceId;

/// Sessions remembered in a checkpoint's history.
pub const HISTORY: usize = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Pull,
    Push,
}

/// The replication's id: the same device, server database and direction give the same id, so
/// the checkpoint is found again; another device or database starts its own.
pub fn replication_id(device: &DeviceId, database: &str, direction: Direction) -> String {
    let dir = match direction {
        Direction::Pull => "pull",
        Direction::Push => "push",
    };
    let digest = Sha256::digest(format!("lentera-replication-1\n{device}\n{database}\n{dir}").as_bytes());
    hex::encode(&digest[..16])
}

/// One side's checkpoint (the server's `_local` document holds the same fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub session_id: String,
    /// The source's sequence reached (opaque: CouchDB 2+ sequences are strings).
    pub source_last_seq: Value,
    #[serde(default)]
    pub history: Vec<HistoryEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub session_id: String,
    pub recorded_seq: Value,
}

impl Checkpoint {
    /// The checkpoint after `session` reached `seq`, keeping the earlier sessions' history.
    pub fn next(previous: Option<&Checkpoint>, session: &str, seq: Value) -> Checkpoint {
        let mut history = vec![HistoryEntry {
            session_id: session.to_string(),
            recorded_seq: seq.clone(),
        }];
        if let Some(p) = previous {
            history.extend(p.history.iter().filter(|h| h.session_id != session).cloned());
        }
        history.truncate(HISTORY);
        Checkpoint {
            session_id: session.to_string(),
            source_last_seq: seq,
            history,
        }
    }
}

/// Where to start: the sequence both sides recorded last. The same session on both sides →
/// its sequence; else the newest session both histories share; else the beginning (`0`).
/// Starting earlier than needed only re-reads what is already here (merging it changes
/// nothing); starting later could skip changes, so any doubt starts earlier.
pub fn since(local: Option<&Checkpoint>, remote: Option<&Checkpoint>) -> Value {
    let (Some(l), Some(r)) = (local, remote) else {
        return Value::from(0);
    };
    if l.session_id == r.session_id {
        return l.source_last_seq.clone();
    }
    l.history
        .iter()
        .find(|h| {
            r.history
                .iter()
                .any(|o| o.session_id == h.session_id && o.recorded_seq == h.recorded_seq)
        })
        .map(|h| h.recorded_seq.clone())
        .unwrap_or(Value::from(0))
}

/// A sequence as a query value: strings as they are, numbers written out.
pub fn seq_param(seq: &Value) -> String {
    match seq {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cp(session: &str, seq: u64, history: &[(&str, u64)]) -> Checkpoint {
        Checkpoint {
            session_id: session.into(),
            source_last_seq: json!(seq),
            history: history
                .iter()
                .map(|(s, q)| HistoryEntry {
                    session_id: (*s).into(),
                    recorded_seq: json!(q),
                })
                .collect(),
        }
    }

    #[test]
    fn both_sides_agreeing_start_from_their_sequence() {
        let a = cp("s2", 40, &[("s2", 40), ("s1", 10)]);
        assert_eq!(since(Some(&a), Some(&a.clone())), json!(40));
    }

    #[test]
    fn a_side_that_lost_its_last_checkpoint_starts_from_the_last_shared_session() {
        // The device saved s3, the server's write of s3 was cut off.
        let local = cp("s3", 70, &[("s3", 70), ("s2", 40), ("s1", 10)]);
        let remote = cp("s2", 40, &[("s2", 40), ("s1", 10)]);
        assert_eq!(since(Some(&local), Some(&remote)), json!(40));
        assert_eq!(since(Some(&remote), Some(&local)), json!(40));
    }

    #[test]
    fn no_shared_history_or_a_missing_side_starts_from_the_beginning() {
        let a = cp("s2", 40, &[("s2", 40)]);
        let b = cp("x1", 90, &[("x1", 90)]);
        assert_eq!(since(Some(&a), Some(&b)), json!(0));
        assert_eq!(since(None, Some(&b)), json!(0));
        assert_eq!(since(Some(&a), None), json!(0));
    }

    #[test]
    fn the_history_keeps_the_newest_sessions() {
        let mut c: Option<Checkpoint> = None;
        for n in 0..30u64 {
            c = Some(Checkpoint::next(c.as_ref(), &format!("s{n}"), json!(n)));
        }
        let c = c.unwrap();
        assert_eq!(c.history.len(), HISTORY);
        assert_eq!(c.history[0].session_id, "s29");
        assert_eq!(
            replication_id(&DeviceId::parse("d").unwrap(), "db", Direction::Pull).len(),
            32
        );
        assert_ne!(
            replication_id(&DeviceId::parse("d").unwrap(), "db", Direction::Pull),
            replication_id(&DeviceId::parse("d").unwrap(), "db", Direction::Push)
        );
    }
}
