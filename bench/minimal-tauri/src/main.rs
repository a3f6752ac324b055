//! A minimal Tauri 2 window: the memory floor that scripts/bench measures the desktop app against.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("bench-minimal-tauri: {e}");
        std::process::exit(1);
    }
}
