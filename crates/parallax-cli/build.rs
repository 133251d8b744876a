//! The CLI's build script: the `shared_data` cfg every crate gets, and a start-up that does not
//! relocate the binary.

#[path = "../../build/shared_data.rs"]
mod shared_data;

fn main() {
    shared_data::main();
    link_at_fixed_address();
}

/// Links the `parallax` binary as a position-dependent executable on Linux. A position-independent
/// one makes the loader apply ~46,000 relocations to ~0.9 MB of tables (vtables, string tables of
/// the dependencies) before `main`, copying every page they touch: about a millisecond of a
/// one-sentence brief's five. Libraries, heap and stack keep their randomised addresses.
fn link_at_fixed_address() {
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() == Ok("linux") {
        println!("cargo::rustc-link-arg-bins=-no-pie");
    }
}
