fn main() {
    // Linked position-dependent on Linux (`-no-pie`), as the CLI is (cli/build.rs): the loader
    // then rewrites none of the binary's own pointers at start. Typst's and Tauri's tables were
    // some 130,000 of them, whose pages each start made private copies of (README, "Performance":
    // the app's own memory). The executable's code is then at a fixed address; libraries, stack
    // and heap are still placed at random.
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    tauri_build::build()
}
