//! Prints what analysis finds in files: a debugging aid.
fn main() {
    for path in std::env::args().skip(1) {
        let Ok(docs) = parallax_ingest::read_file(std::path::Path::new(&path), &Default::default()) else { continue };
        for d in docs {
            let Ok(e) = parallax_extract::extract(&d, &Default::default()) else { continue };
            let a = parallax_analyze::analyze(e.article);
            println!("== {}", a.article.id);
            for q in &a.quotes {
                println!("  Q [{}] {:?} / {:?} :: {}", if q.partial { "p" } else { "f" }, q.speaker.as_ref().map(|s| &s.name), q.speaker.as_ref().and_then(|s| s.title.as_ref()), q.text.chars().take(80).collect::<String>());
            }
            for f in &a.figures { println!("  F {} {:?} {} [{}] :: {}", f.value, f.qualifier, f.about, f.head, f.text); }
            for d in &a.dates { println!("  D {:?} {} fut={}", d.expr, d.text, d.future); }
            let mut ents: Vec<String> = a.entities.iter().map(|e| format!("{}({:?}{})", e.name, e.kind, e.title.as_ref().map(|t| format!(",{t}")).unwrap_or_default())).collect();
            ents.sort(); ents.dedup();
            println!("  E {}", ents.join("; "));
        }
    }
}
