//! Any bytes given to the envelope reader (`domain::envelope::open`): no panic, no hang. Seed
//! it with a sealed file (`docs/export-format.md`, "Fuzzing") so the mutations reach the header
//! checks and the AEAD.
#![no_main]

use lentera::domain::envelope::open;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = open(data, "kata-sandi-fuzz");
});
