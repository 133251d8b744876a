//! The AFL++ harness (coverage-guided): `parallax-afl TARGET` runs one target of
//! `parallax_fuzz::TARGETS` on the inputs afl-fuzz gives it. Built by `cargo afl build --features afl`
//! and run by `fuzz/afl.sh` (see `fuzz/README.md`). A panic aborts, which afl-fuzz records as a
//! crash; an input slower than afl-fuzz's `-t` is recorded as a hang.

fn main() {
    let name = std::env::args().nth(1).unwrap_or_default();
    let Some(run) = parallax_fuzz::target(&name) else {
        eprintln!("usage: parallax-afl {}", parallax_fuzz::TARGETS.join("|"));
        std::process::exit(2);
    };
    afl::fuzz!(|data: &[u8]| {
        run(data);
    });
}
