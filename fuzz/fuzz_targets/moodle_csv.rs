//! Any text given to the Moodle framework import: no panic; an accepted framework is a valid
//! content pack.
#![no_main]

use lentera::domain::catalog::{pack_problems, Catalog};
use lentera::domain::moodle::framework_pack;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pack) = framework_pack(&String::from_utf8_lossy(data), None) {
        assert!(pack_problems(&pack, &Catalog::default()).is_empty(), "accepted an invalid pack");
    }
});
