//! Prints what extraction makes of files: a debugging aid.
fn main() {
    for path in std::env::args().skip(1) {
        let docs = parallax_ingest::read_file(std::path::Path::new(&path), &Default::default()).unwrap();
        for d in docs {
            let e = parallax_extract::extract(&d, &Default::default()).unwrap();
            let a = e.article;
            println!("== {} | outlet={:?} wire={:?} title={:?} authors={:?} date={:?} url={:?} lang={}", a.id, a.outlet, a.wire, a.title, a.authors, a.published, a.url, a.language);
            for r in &a.removed { println!("  - [{}] {}", r.kind, r.text.chars().take(90).collect::<String>()); }
            for p in a.paragraphs() { println!("  | {}", p.chars().take(100).collect::<String>()); }
        }
    }
}
