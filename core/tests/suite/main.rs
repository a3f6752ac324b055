//! communique-core's integration tests: one binary, a module per concern (as mdBook's testsuite).

#![allow(clippy::unwrap_used)] // Tests and benches: a panic is the failure report.

mod cldr;
mod clearance;
mod corpus;
mod examples;
mod faults;
mod fuzz_corpus;
mod languages;
mod ninjs;
mod photos;
mod prelude;
mod roundtrip;
mod schema;
mod self_contained;
mod snapshots;
mod style;
mod text;
mod translation;
mod v1_oracle;
mod v2;
mod v2_props;
mod v2_render;
