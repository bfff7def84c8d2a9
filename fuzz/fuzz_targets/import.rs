//! Any bytes given to import: no panic, no hang; whatever is accepted exports and imports back
//! to the same snapshot, and merges with itself unchanged.
#![no_main]

use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::merge::merge;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A fixed clock: the import bounds refuse times after it.
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).expect("valid");
    if let Ok(snapshot) = import(data, now) {
        let again = import(snapshot.to_json().as_bytes(), now).expect("an accepted snapshot re-imports");
        assert_eq!(again, snapshot);
        // Merging keeps data, not export metadata.
        let data = lentera::domain::snapshot::Snapshot { export: None, ..snapshot.clone() };
        assert_eq!(merge(&snapshot, &snapshot).0, data);
        // Nothing a file holds reaches the device-local locks.
        assert!(snapshot.locks.is_empty());
    }
});
