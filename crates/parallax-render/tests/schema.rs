//! The JSON output against `schema/brief-v1.schema.json`: a rendered brief passes, and documents
//! that break the contract (a field missing, a wrong type, a bad date or enum value) fail.

// Helpers outside `#[test]` functions unwrap too: in a test, a panic is a failed assertion.
#![allow(clippy::unwrap_used)]

mod common;

use jsonschema::Validator;
use serde_json::Value;

const SCHEMA: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../schema/brief-v1.schema.json"
);

fn validator() -> Validator {
    let text = std::fs::read_to_string(SCHEMA).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::meta::validate(&schema).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn rendered() -> Value {
    let json = parallax_render::render_json(&common::sample::brief());
    serde_json::from_str(&json).unwrap()
}

fn errors(validator: &Validator, doc: &Value) -> Vec<String> {
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn rendered_brief_is_valid() {
    let validator = validator();
    let doc = rendered();
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());
}

#[test]
fn empty_brief_is_valid() {
    let validator = validator();
    let mut brief = common::sample::brief();
    brief.articles.clear();
    brief.summary.clear();
    brief.quotes.clear();
    brief.figures.clear();
    brief.exclusives.clear();
    brief.timeline.clear();
    brief.entities.clear();
    let doc: Value = serde_json::from_str(&parallax_render::render_json(&brief)).unwrap();
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());
}

/// Every field that serde writes is required by the schema: dropping any one of them, anywhere
/// in the document, makes it invalid.
#[test]
fn every_field_is_required() {
    let validator = validator();
    let doc = rendered();
    let mut paths = Vec::new();
    object_paths(&doc, &mut Vec::new(), &mut paths);
    assert!(
        paths.len() > 60,
        "the sample brief should exercise every object: {}",
        paths.len()
    );
    for (path, key) in paths {
        let mut broken = doc.clone();
        let mut at = &mut broken;
        for step in &path {
            at = match step {
                Step::Key(k) => &mut at[k.as_str()],
                Step::Index(i) => &mut at[*i],
            };
        }
        at.as_object_mut().unwrap().remove(&key);
        assert!(
            !validator.is_valid(&broken),
            "still valid without {key:?} at {path:?}"
        );
    }
}

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

/// Collects `(path to object, key)` for every key of every object in `value`.
fn object_paths(value: &Value, path: &mut Vec<Step>, out: &mut Vec<(Vec<Step>, String)>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                out.push((path.clone(), key.clone()));
                path.push(Step::Key(key.clone()));
                object_paths(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                path.push(Step::Index(i));
                object_paths(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

#[test]
fn broken_documents_are_rejected() {
    let validator = validator();
    type Breaker = Box<dyn Fn(&mut Value)>;
    let cases: Vec<(&str, Breaker)> = vec![
        (
            "missing title",
            Box::new(|d| drop(d.as_object_mut().unwrap().remove("title"))),
        ),
        (
            "other schema",
            Box::new(|d| d["schema"] = "parallax/brief/v2".into()),
        ),
        (
            "date as words",
            Box::new(|d| d["articles"][0]["published"] = "March 4, 2025".into()),
        ),
        (
            "month 13",
            Box::new(|d| d["timeline"][0]["date"] = "2025-13-01".into()),
        ),
        (
            "unknown status",
            Box::new(|d| d["figures"][0]["status"] = "maybe".into()),
        ),
        (
            "unknown kind",
            Box::new(|d| d["entities"][0]["kind"] = "animal".into()),
        ),
        (
            "unknown level",
            Box::new(|d| d["diagnostics"][0]["level"] = "info".into()),
        ),
        (
            "value as text",
            Box::new(|d| d["figures"][0]["mentions"][0]["value"] = "3".into()),
        ),
        (
            "mentions as float",
            Box::new(|d| d["entities"][0]["mentions"] = 1.5.into()),
        ),
        (
            "summary without source",
            Box::new(|d| d["summary"][0]["sources"] = Value::Array(vec![])),
        ),
        (
            "quote without variant",
            Box::new(|d| d["quotes"][0]["variants"] = Value::Array(vec![])),
        ),
        (
            "wire as string",
            Box::new(|d| d["articles"][0]["wire"] = "Reuters".into()),
        ),
    ];
    for (name, break_it) in cases {
        let mut doc = rendered();
        break_it(&mut doc);
        assert!(!validator.is_valid(&doc), "{name}: accepted");
    }
}

#[test]
fn added_fields_and_date_times_are_allowed() {
    let validator = validator();
    let mut doc = rendered();
    doc["generator"] = "parallax 0.2".into();
    doc["articles"][0]["section"] = "World".into();
    doc["articles"][1]["published"] = "2025-03-04T10:24:00Z".into();
    assert_eq!(errors(&validator, &doc), Vec::<String>::new());
}
