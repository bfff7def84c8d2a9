//! CouchDB revision ids (`"3-9a0b…"`): reading them, CouchDB's choice of the winning leaf,
//! and the ids Lentera gives its own writes.
//!
//! Lentera writes with `new_edits: false` (the replication protocol's way), so it names its
//! revisions itself. A revision's id is a hash of its parent and its content: the same write
//! made twice — repeated after an interrupted push, or the same conflict folded by two devices —
//! is the same revision, and the server stores it once.

use std::fmt;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::domain::hex;

/// A revision: its generation (depth in the document's history) and its hash.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rev {
    gen: u64,
    hash: String,
}

impl Rev {
    pub fn parse(s: &str) -> Result<Rev, String> {
        let (gen, hash) = s.split_once('-').ok_or_else(|| format!("not a revision: {s:?}"))?;
        let gen: u64 = gen.parse().map_err(|_| format!("not a revision: {s:?}"))?;
        if gen == 0 || hash.is_empty() || hash.len() > 64 || !hash.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(format!("not a revision: {s:?}"));
        }
        Ok(Rev {
            gen,
            hash: hash.to_string(),
        })
    }

    pub fn gen(&self) -> u64 {
        self.gen
    }

    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// The revision Lentera writes on top of `parent` (none: a new document) holding the content
    /// whose hash is `content` (`doc::RecordDoc::content_hash`), or deleting the branch.
    pub fn child(parent: Option<&Rev>, content: &str, deleted: bool) -> Rev {
        let mut h = Sha256::new();
        h.update(parent.map(|p| p.to_string()).unwrap_or_default());
        h.update(b"\n");
        h.update(content);
        h.update(if deleted { b"\ndeleted" as &[u8] } else { b"\n" });
        let digest = h.finalize();
        Rev {
            gen: parent.map_or(1, |p| p.gen + 1),
            hash: hex::encode(&digest[..16]),
        }
    }

    /// `_revisions` for a write of `self` as the child of `parent`: what lets the server put it
    /// on the parent's branch instead of beside it.
    pub fn revisions(&self, parent: Option<&Rev>) -> Value {
        let mut ids = vec![self.hash.clone()];
        if let Some(p) = parent.filter(|p| p.gen + 1 == self.gen) {
            ids.push(p.hash.clone());
        }
        json!({ "start": self.gen, "ids": ids })
    }
}

impl fmt::Display for Rev {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.gen, self.hash)
    }
}

impl TryFrom<String> for Rev {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Rev::parse(&s)
    }
}

impl From<Rev> for String {
    fn from(r: Rev) -> String {
        r.to_string()
    }
}

/// CouchDB's winner among a document's leaves: a live leaf before a deleted one, then the
/// higher generation, then the greater hash — so every replica names the same winner.
pub fn winner<'a>(leaves: impl IntoIterator<Item = (&'a Rev, bool)>) -> Option<&'a Rev> {
    leaves
        .into_iter()
        .max_by(|(a, a_deleted), (b, b_deleted)| (!a_deleted, a.gen, &a.hash).cmp(&(!b_deleted, b.gen, &b.hash)))
        .map(|(r, _)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn revisions_read_and_write_back() {
        let r = Rev::parse("3-9a0b1c").unwrap();
        assert_eq!((r.gen(), r.hash(), r.to_string().as_str()), (3, "9a0b1c", "3-9a0b1c"));
        for bad in ["", "3", "-abc", "0-abc", "x-abc", "3-", "3-a b", "3-ab\"c"] {
            assert!(Rev::parse(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_child_is_the_same_on_every_device_and_differs_by_parent_content_and_deletion() {
        let p = Rev::parse("2-aa").unwrap();
        let c = Rev::child(Some(&p), "h1", false);
        assert_eq!(c, Rev::child(Some(&p), "h1", false));
        assert_eq!(c.gen(), 3);
        assert_ne!(c, Rev::child(Some(&p), "h2", false));
        assert_ne!(c, Rev::child(Some(&p), "h1", true));
        assert_ne!(c, Rev::child(Some(&Rev::parse("2-ab").unwrap()), "h1", false));
        assert_eq!(Rev::child(None, "h1", false).gen(), 1);
        assert_eq!(c.revisions(Some(&p)), json!({"start": 3, "ids": [c.hash(), "aa"]}));
    }

    #[test]
    fn the_winner_is_live_then_deepest_then_greatest_hash() {
        let a = Rev::parse("3-aa").unwrap();
        let b = Rev::parse("3-bb").unwrap();
        let c = Rev::parse("4-00").unwrap();
        assert_eq!(winner([(&a, false), (&b, false)]), Some(&b));
        assert_eq!(winner([(&a, false), (&b, false), (&c, true)]), Some(&b));
        assert_eq!(winner([(&a, false), (&c, false)]), Some(&c));
        assert_eq!(winner([(&a, true)]), Some(&a));
    }
}
