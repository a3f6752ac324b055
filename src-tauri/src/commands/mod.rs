//! The Tauri commands, by feature. Each is a few lines: take the store, call core, map the
//! result. The contract with the UI is docs/ipc.md.

pub mod clearance;
pub mod files;
pub mod history;
pub mod meetings;
pub mod release;
pub mod translation;

#[cfg(test)]
mod tests;
