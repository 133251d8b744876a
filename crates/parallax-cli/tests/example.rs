//! The bundled example (`examples/harbour-fire`): the points of its EXPECTED.md checked on the JSON
//! brief, and a snapshot of the whole brief so that any change to it is seen and reviewed.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use common::{ids_of, quote_group, text};

use serde_json::Value;

fn brief() -> Value {
    common::brief_json(&[common::root().join("examples/harbour-fire/articles")])
}

fn article<'a>(brief: &'a Value, id: &str) -> &'a Value {
    brief["articles"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap()
}

#[test]
fn metadata_of_each_outlet() {
    let b = brief();
    let expect = [
        (
            "01",
            Some("The Harbour Gazette"),
            "Reuters",
            Some("2025-03-04"),
            vec!["Aileen Marsh"],
        ),
        (
            "02",
            Some("The Coastal Courier"),
            "AFP",
            Some("2025-03-04"),
            vec![],
        ),
        (
            "03",
            Some("Northern Ledger"),
            "AP",
            Some("2025-03-05"),
            vec!["Tomasz Wren"],
        ),
        ("04", None, "", None, vec![]),
    ];
    for (id, outlet, wire, date, authors) in expect {
        let a = article(&b, id);
        match outlet {
            Some(o) => assert!(text(&a["outlet"]).contains(o), "{id}: {}", a["outlet"]),
            None => assert!(a["outlet"].is_null(), "{id}: {}", a["outlet"]),
        }
        let wires: Vec<String> = a["wire"].as_array().unwrap().iter().map(text).collect();
        assert_eq!(
            wires,
            if wire.is_empty() {
                vec![]
            } else {
                vec![wire.to_string()]
            },
            "{id}"
        );
        assert_eq!(a["published"].as_str(), date, "{id}");
        let got: Vec<String> = a["authors"].as_array().unwrap().iter().map(text).collect();
        assert_eq!(got, authors, "{id}");
    }
    assert_eq!(
        article(&b, "01")["title"],
        "Warehouse Fire Forces Hundreds From Homes Near Brennick Docks"
    );
    assert!(article(&b, "04")["title"].is_null());
}

#[test]
fn no_chrome_teaser_or_credit_outside_removed() {
    let all = common::visible(&brief());
    for junk in [
        "Share on",
        "Subscribe",
        "Today's paper",
        "E-Edition",
        "Sign up",
        "cookie",
        "Comments are closed",
        "reCAPTCHA",
        "Follow the",
        "©",
        "Original url",
        "Storm Hilde",
        "Dunmore Falls",
        "Fishing quotas",
        "northern fleets",
        "Lighthouse Museum",
        "Cape Ardle",
        "Ken Albright",
        "Nadia Rook",
        "Owen Hale",
        "AP Photo",
        "BRENNICK (AFP)",
    ] {
        assert!(!all.contains(junk), "{junk:?} survived");
    }
}

#[test]
fn quotes_grouped_and_attributed() {
    let b = brief();
    let contained = quote_group(&b, "The fire is contained");
    assert_eq!(contained["speaker"], "Marta Okonkwo");
    assert_eq!(
        ids_of(contained, "variants", "article"),
        vec!["01", "02", "04"]
    );
    let early = quote_group(&b, "too early to say");
    assert_eq!(early["speaker"], "Marta Okonkwo");
    assert_eq!(ids_of(early, "variants", "article"), vec!["01", "03"]);
    let control = quote_group(&b, "under control");
    assert_eq!(control["speaker"], "Helen Varga");
    assert_eq!(ids_of(control, "variants", "article"), vec!["01", "03"]);
    let deliberate = quote_group(&b, "nothing at this stage");
    assert_eq!(deliberate["speaker"], "Sofia Lindqvist");
    assert_eq!(ids_of(deliberate, "variants", "article"), vec!["02", "04"]);
    for (words, speaker) in [
        ("here for days", "Marta Okonkwo"),
        ("Our first duty", "Tomas Reyland"),
        ("reopen the port", "Tomas Reyland"),
        ("thank every firefighter", "Helen Varga"),
        ("my pills and my cat", "Agnes Doyle"),
        ("inch by inch", "Marta Okonkwo"),
        ("cooperating fully", "Priya Nandakumar"),
        ("Our thoughts are with", "Priya Nandakumar"),
        ("The sky just went orange", "Gareth Pell"),
        ("nobody listened", "Ray Mbeki"),
    ] {
        assert_eq!(quote_group(&b, words)["speaker"], speaker, "{words}");
    }
}

#[test]
fn figures_agree_and_differ() {
    let b = brief();
    let figures = b["figures"].as_array().unwrap();
    let find = |about: &str, value: f64| {
        figures
            .iter()
            .find(|f| {
                text(&f["about"]).contains(about)
                    && f["mentions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|m| m["value"] == value)
            })
            .unwrap_or_else(|| panic!("no figure {value} {about}"))
    };
    let hurt = find("firefighters", 3.0);
    assert_eq!(hurt["status"], "agree");
    assert_eq!(
        ids_of(hurt, "mentions", "article"),
        vec!["01", "02", "03", "04"]
    );
    let engines = find("engines", 15.0);
    assert_eq!(engines["status"], "agree");
    let residents = find("residents", 450.0);
    assert_eq!(residents["status"], "differ");
    assert_eq!(
        ids_of(residents, "mentions", "article"),
        vec!["01", "02", "04"]
    );
    for (about, value) in [
        ("pallets", 3000.0),
        ("vessels", 11.0),
        ("passengers", 200.0),
        ("monitors", 4.0),
        ("evacuees", 120.0),
    ] {
        assert_eq!(find(about, value)["status"], "single", "{about}");
    }
    // Clock times, ages and the "4" of "Pier 4" are not counts.
    let mentions: Vec<&Value> = figures
        .iter()
        .flat_map(|f| f["mentions"].as_array().unwrap())
        .collect();
    for m in &mentions {
        let t = text(&m["text"]);
        assert!(
            !(t.contains("pm") || t.contains("a.m") || m["value"] == 71.0),
            "{t} is not a figure"
        );
        assert!(
            !(m["value"] == 4.0 && t.starts_with('4')),
            "{t} is not a figure"
        );
    }
}

#[test]
fn timeline_resolves_relative_dates() {
    let b = brief();
    let timeline = b["timeline"].as_array().unwrap();
    let has = |date: &str, words: &str, source: &str| {
        assert!(
            timeline.iter().any(|e| e["date"] == date
                && text(&e["text"]).contains(words)
                && e["sources"].as_array().unwrap().iter().any(|s| s == source)),
            "no {date} {words:?} from {source}"
        );
    };
    has("2016-09-09", "grain silo", "03");
    has("2025-02-01", "inspection last month", "01");
    has("2025-02-24", "dockers", "04");
    has("2025-03-03", "late Monday", "01");
    has("2025-03-06", "Thursday", "04");
    has("2025-03-07", "resume on Friday", "03");
    has("2025-03-10", "emergency hearing", "02");
    for never in ["2025-03-12", "2025-03-14", "2025-03-09", "2025-02-27"] {
        assert!(
            !timeline.iter().any(|e| e["date"] == never),
            "{never} is a header or teaser date"
        );
    }
}

#[test]
fn entities_by_kind() {
    let b = brief();
    let entities = b["entities"].as_array().unwrap();
    let kind = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .map(|e| text(&e["kind"]))
            .unwrap_or_else(|| panic!("no {name}"))
    };
    for p in [
        "Marta Okonkwo",
        "Helen Varga",
        "Tomas Reyland",
        "Sofia Lindqvist",
        "Priya Nandakumar",
        "Gareth Pell",
        "Ray Mbeki",
        "Agnes Doyle",
    ] {
        assert_eq!(kind(p), "person", "{p}");
    }
    for o in [
        "Halloran Logistics",
        "Brennick Port Authority",
        "Coastal Environment Agency",
        "Harbour FM",
    ] {
        assert_eq!(kind(o), "organization", "{o}");
    }
    for p in ["Pier 4", "Skerra Island", "Kellsport"] {
        assert_eq!(kind(p), "place", "{p}");
    }
    for credit in ["Ken Albright", "Nadia Rook", "Owen Hale"] {
        assert!(
            !entities.iter().any(|e| e["name"] == credit),
            "{credit} is a photo credit"
        );
    }
    assert!(entities
        .iter()
        .find(|e| e["name"] == "Marta Okonkwo")
        .unwrap()["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "Okonkwo"));
}

#[test]
fn summary_leads_with_the_shared_story() {
    let b = brief();
    let summary = b["summary"].as_array().unwrap();
    assert!(
        summary[0]["sources"].as_array().unwrap().len() >= 3,
        "{:#}",
        summary[0]
    );
    assert!(summary
        .iter()
        .all(|s| !s["sources"].as_array().unwrap().is_empty()));
}

#[test]
fn whole_brief_snapshot() {
    let mut b = brief();
    common::assert_valid_brief(&b);
    for a in b["articles"].as_array_mut().unwrap() {
        a["source"] = Value::String("[source]".into());
    }
    for d in b["diagnostics"].as_array_mut().unwrap() {
        d["source"] = Value::String("[source]".into());
    }
    insta::assert_json_snapshot!("harbour_fire_brief", b);
}
