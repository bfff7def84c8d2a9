//! Any bytes given to import: no panic, no hang; whatever is accepted exports and imports back
//! to the same snapshot, and merges with itself unchanged.
#![no_main]

use lentera::domain::snapshot::import::import;
use lentera::domain::snapshot::merge::merge;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(snapshot) = import(data) {
        let again = import(snapshot.to_json().as_bytes()).expect("an accepted snapshot re-imports");
        assert_eq!(again, snapshot);
        assert_eq!(merge(&snapshot, &snapshot).0.employees, snapshot.employees);
    }
});
