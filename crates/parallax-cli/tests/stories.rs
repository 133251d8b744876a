//! `parallax brief --all` and `--story` with `parallax cluster`: a mixed batch is split into its
//! stories and each is briefed on its own.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

#[test]
#[cfg_attr(not(shared_data), ignore = "needs ../shared")]
fn a_mixed_batch_is_briefed_story_by_story() {
    let shared = common::shared();
    let example = common::root().join("examples/harbour-fire/articles");
    let mut seeds: Vec<String> = std::fs::read_dir(shared.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.display().to_string())
        .collect();
    seeds.sort();
    let example = example.display().to_string();
    let with = |args: &[&str]| -> Vec<String> {
        args.iter()
            .map(|a| a.to_string())
            .chain(std::iter::once(example.clone()))
            .chain(seeds.iter().cloned())
            .collect()
    };
    let run =
        |args: Vec<String>| common::parallax(&args.iter().map(String::as_str).collect::<Vec<_>>());
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("briefs");
    let out = run(with(&[
        "brief",
        "--all",
        out_dir.to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut sizes: Vec<usize> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| {
            let brief: serde_json::Value =
                serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap();
            brief["articles"].as_array().unwrap().len()
        })
        .collect();
    sizes.sort();
    assert_eq!(
        sizes,
        vec![3, 4],
        "the fire and the Moscow talks are two stories"
    );

    let clusters = run(with(&["cluster"]));
    assert!(clusters.status.success());
    let file = dir.path().join("clusters.jsonl");
    std::fs::write(&file, &clusters.stdout).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&clusters.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let fire = lines.iter().find(|l| l["id"] == "01").unwrap()["story"]
        .as_u64()
        .unwrap()
        .to_string();
    let out = run(with(&[
        "brief",
        "--format",
        "json",
        "--story",
        &fire,
        "--clusters",
        file.to_str().unwrap(),
    ]));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let brief: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec!["01", "02", "03", "04"]);
}
