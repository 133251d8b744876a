//! Checks that `parallax_eval::rouge` reproduces ROUGE-1.5.5 on DUC 2004: for each of the 13
//! published systems in `shared/eval/duc2004-dev`, its mean ROUGE-1 and ROUGE-2 recall over the 25
//! clusters must be within 0.002 of the official per-topic scores in `rouge155_per_topic.txt`.

// A test that cannot read its data has failed: unwrapping is the assertion.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use parallax_eval::rouge::{score, Prepared, RougeConfig};

const DATA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/eval/duc2004-dev"
);

/// `(system, n) -> (cluster -> official recall)`.
fn official(dir: &Path) -> BTreeMap<(String, usize), BTreeMap<String, f64>> {
    let text = fs::read_to_string(dir.join("rouge155_per_topic.txt")).unwrap();
    let mut out: BTreeMap<(String, usize), BTreeMap<String, f64>> = BTreeMap::new();
    for line in text.lines() {
        // CLASSY04 ROUGE-1 Eval d30001.CLASSY04 R:0.41769 P:0.41262 F:0.41514
        let f: Vec<&str> = line.split_whitespace().collect();
        let Some(n) = f[1]
            .strip_prefix("ROUGE-")
            .and_then(|n| n.parse::<usize>().ok())
        else {
            continue;
        };
        let cluster = f[3].split('.').next().unwrap().to_string();
        let recall: f64 = f[4].strip_prefix("R:").unwrap().parse().unwrap();
        out.entry((f[0].to_string(), n))
            .or_default()
            .insert(cluster, recall);
    }
    out
}

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn mean_recall_matches_rouge155_for_every_published_system() {
    check(RougeConfig {
        lcs: false,
        ..RougeConfig::default()
    });
}

/// With WordNet's own exception lists (Debian's `wordnet-base`), the match is exact.
#[test]
#[ignore = "needs WordNet's exception lists in /usr/share/wordnet (apt-get install wordnet-base)"]
fn exact_with_wordnet_lists() {
    let dir = Path::new("/usr/share/wordnet");
    if !dir.join("verb.exc").exists() {
        eprintln!("skipped: no WordNet exception lists in {}", dir.display());
        return;
    }
    let ex = parallax_eval::rouge::Exceptions::from_wordnet_dir(dir).unwrap();
    check(RougeConfig {
        lcs: false,
        exceptions: ex,
        ..RougeConfig::default()
    });
}

fn check(config: RougeConfig) {
    let dir = Path::new(DATA);
    assert!(dir.is_dir(), "{DATA} is missing: this test needs ../shared");
    let official = official(dir);
    let mut models: BTreeMap<String, Vec<Prepared>> = BTreeMap::new();
    let mut names: Vec<_> = fs::read_dir(dir.join("models"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for path in names {
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let cluster = name.split('.').next().unwrap().to_string();
        let text = fs::read_to_string(&path).unwrap();
        models
            .entry(cluster)
            .or_default()
            .push(Prepared::from_text(&text, &config));
    }

    let mut worst = 0.0f64;
    let mut report = String::new();
    for ((system, n), per_topic) in official.iter().filter(|((_, n), _)| *n <= 2) {
        let mut ours = 0.0;
        for cluster in per_topic.keys() {
            let peer =
                fs::read_to_string(dir.join("peers").join(format!("{cluster}.{system}"))).unwrap();
            let peer = Prepared::from_text(&peer, &config);
            ours += score(&peer, &models[cluster], &config).n[n - 1].recall;
        }
        ours /= per_topic.len() as f64;
        let theirs = per_topic.values().sum::<f64>() / per_topic.len() as f64;
        let diff = (ours - theirs).abs();
        worst = worst.max(diff);
        report +=
            &format!("{system:<11} ROUGE-{n} ours {ours:.5} official {theirs:.5} diff {diff:.5}\n");
    }
    eprintln!("{report}");
    assert_eq!(official.len(), 13 * 4, "13 systems, ROUGE-1 to ROUGE-4");
    assert!(worst <= 0.002, "largest difference {worst:.5}:\n{report}");
}
