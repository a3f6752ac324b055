//! Any bytes as a meeting file of either version: reading never panics, whatever reads writes its
//! v2 file canonically (write → read → write gives the same bytes), and the v1 meeting of whatever v1 can
//! say survives v1 → v2 → v1.
#![no_main]

use communique_core::v2;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(m) = v2::parse_any("fuzz.json", data) {
        let once = v2::to_json(&m).unwrap();
        let back = v2::parse("export.json", once.as_bytes()).expect("a v2 export reads");
        assert_eq!(back, m);
        assert_eq!(v2::to_json(&back).unwrap(), once);
        if let Ok(v1) = v2::downgrade(&m) {
            assert_eq!(v2::downgrade(&v2::upgrade(&v1)).as_ref(), Ok(&v1));
        }
    }
});
