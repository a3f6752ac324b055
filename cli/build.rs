//! The `communique` binary is linked as a position-dependent executable on Linux (`-no-pie`, as
//! Go links its binaries): the linker then resolves the binary's own pointers once, at link time,
//! instead of the dynamic loader rewriting them at every start. With Typst in the binary (the PDF
//! export) that was some 130,000 relocations and 2.7 MB of pages copied before `main`: a
//! `render` to HTML took 1.3 ms longer than before Typst, and now 1 ms less (README,
//! "Performance"). The cost: the executable's own code is not at a random address (libraries,
//! stack and heap still are). The desktop app stays position-independent.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
