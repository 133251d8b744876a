//! Sets `cfg(shared_data)` when the evaluation data (`../shared`, kept outside the repository) sits
//! beside the repository, or under CI, where its absence must fail loudly rather than skip. Tests
//! that read it carry `#[cfg_attr(not(shared_data), ignore = "needs ../shared")]`.

use std::path::PathBuf;

/// Prints the directives: declares the cfg, and sets it when the data is there or CI runs.
pub fn main() {
    println!("cargo::rustc-check-cfg=cfg(shared_data)");
    println!("cargo::rerun-if-env-changed=CI");
    let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") else {
        return;
    };
    // The folder that holds the repository: its listing changes when `shared/` comes or goes.
    let outside = PathBuf::from(manifest).join("../../..");
    println!("cargo::rerun-if-changed={}", outside.display());
    if outside.join("shared").is_dir() || std::env::var_os("CI").is_some() {
        println!("cargo::rustc-cfg=shared_data");
    }
}
