//! communique-core's integration tests: one binary, a module per concern (as mdBook's testsuite).

mod examples;
mod prelude;
mod roundtrip;
mod snapshots;
mod text;
