//! Behaviour of batch grouping on small fixtures: events apart, copies marked, bad input kept.

#![allow(clippy::unwrap_used)]

mod common;

use chrono::NaiveDate;
use parallax_group::{copies, group, GroupConfig, GroupDoc};

use common::docs;

fn story_of(grouping: &parallax_group::Grouping, docs: &[GroupDoc<'_>], id: &str) -> usize {
    let i = docs.iter().position(|d| d.id == id).unwrap();
    grouping.placements[i].story
}

#[test]
fn events_of_one_kind_stay_apart_and_reports_of_one_event_join() {
    let docs = docs();
    let g = group(&docs, &GroupConfig::default());
    let pred: Vec<usize> = g.placements.iter().map(|p| p.story).collect();
    let gold: Vec<&str> = common::ARTICLES.iter().map(|a| a.1).collect();
    assert_eq!(common::bcubed_f1(&pred, &gold), 1.0, "{:?}", g.stories);
    assert_eq!(g.stories.len(), 3);
    assert_ne!(
        story_of(&g, &docs, "fire-1"),
        story_of(&g, &docs, "blaze-1")
    );
}

#[test]
fn wire_copies_and_trimmed_reprints_point_at_the_original() {
    let docs = docs();
    let g = group(&docs, &GroupConfig::default());
    let id_of = |i: usize| docs[i].id;
    let dup = |id: &str| {
        let i = docs.iter().position(|d| d.id == id).unwrap();
        g.placements[i].duplicate_of.map(id_of)
    };
    // The longest, then first by id, is the original.
    assert_eq!(dup("fire-1"), None);
    assert_eq!(dup("fire-copy"), Some("fire-1"));
    assert_eq!(dup("fire-trim"), Some("fire-1"));
    assert_eq!(dup("fire-2"), None);
    assert_eq!(dup("vote-2"), None);
}

#[test]
fn copies_alone_are_the_copies_grouping_marks() {
    let mut docs = docs();
    // Reversed, so that canonical order (not input order) decides the original.
    docs.reverse();
    let g = group(&docs, &GroupConfig::default());
    let marked: Vec<Option<usize>> = g.placements.iter().map(|p| p.duplicate_of).collect();
    assert!(
        marked.iter().filter(|d| d.is_some()).count() >= 2,
        "{marked:?}"
    );
    assert_eq!(copies(&docs, &GroupConfig::default()), marked);
}

#[test]
fn the_earliest_dated_copy_is_the_original() {
    let text = common::ARTICLES[0].2;
    let day = |d| NaiveDate::from_ymd_opt(2024, 5, d);
    let docs = [
        GroupDoc {
            id: "a",
            title: None,
            text,
            published: day(3),
        },
        GroupDoc {
            id: "b",
            title: None,
            text,
            published: day(2),
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_eq!(g.placements[0].duplicate_of, Some(1));
    assert_eq!(g.placements[1].duplicate_of, None);
    assert_eq!(g.stories[0].members, vec![1, 0], "oldest first");
}

#[test]
fn empty_and_odd_inputs_never_panic_and_are_reported() {
    let docs = [
        GroupDoc {
            id: "empty",
            title: None,
            text: "",
            published: None,
        },
        GroupDoc {
            id: "punct",
            title: Some("!!!"),
            text: "... --- ???",
            published: None,
        },
        GroupDoc {
            id: "one",
            title: None,
            text: "Word",
            published: None,
        },
        GroupDoc {
            id: "empty",
            title: None,
            text: "",
            published: None,
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_eq!(g.placements.len(), 4);
    assert!(
        g.diagnostics.iter().any(|d| d.source == "empty"),
        "{:?}",
        g.diagnostics
    );
    let total: usize = g.stories.iter().map(|s| s.members.len()).sum();
    assert_eq!(total, 4);
    assert!(group(&[], &GroupConfig::default()).stories.is_empty());
}

#[test]
fn articles_far_apart_in_time_are_separate_stories() {
    let text = common::ARTICLES[1].2;
    let other = common::ARTICLES[2].2;
    let docs = [
        GroupDoc {
            id: "a",
            title: None,
            text,
            published: NaiveDate::from_ymd_opt(2020, 1, 1),
        },
        GroupDoc {
            id: "b",
            title: None,
            text: other,
            published: NaiveDate::from_ymd_opt(2024, 1, 1),
        },
    ];
    let g = group(&docs, &GroupConfig::default());
    assert_ne!(g.placements[0].story, g.placements[1].story);
}

/// (id, gold event, text): a storm and a rail crash in Spanish, a bridge and a strike in German,
/// written for this test: reports of one kind of news, whose texts share many function words of
/// their language and few others.
const OTHER_LANGUAGES: &[(&str, &str, &str)] = &[
    ("es-storm-1", "storm", "La tormenta tropical que llegó a la costa de Puerto Lirio el lunes dejó tres muertos y más de 40 heridos, según las autoridades de la provincia, que dijeron que el número de víctimas podría subir en las próximas horas."),
    ("es-storm-2", "storm", "Son ya tres los muertos por la tormenta tropical en Puerto Lirio, donde el río se desbordó el lunes por la noche. Las autoridades de la provincia informaron de que hay más de 40 heridos y de que el número podría subir."),
    ("es-train-1", "train", "Un tren de pasajeros descarriló el martes cerca de la estación de Vallemar y dejó seis muertos y una veintena de heridos, según la empresa ferroviaria, que dijo que las causas del accidente todavía no se conocen."),
    ("es-train-2", "train", "Seis personas murieron y una veintena resultaron heridas cuando un tren de pasajeros se salió de la vía cerca de Vallemar el martes por la mañana, informó la empresa ferroviaria, que investiga las causas del accidente."),
    ("de-bridge-1", "bridge", "In Kornwald ist am Dienstag eine Brücke über die Lenne eingestürzt, die seit dem Frühjahr gesperrt war. Nach Angaben der Polizei wurde bei dem Unglück niemand verletzt, die Straße bleibt für Wochen gesperrt."),
    ("de-bridge-2", "bridge", "Die gesperrte Brücke über die Lenne in Kornwald ist am Dienstag eingestürzt. Die Polizei sagte, bei dem Unglück sei niemand verletzt worden; die Straße werde für Wochen gesperrt bleiben."),
    ("de-bus-1", "bus", "Bei einem Unfall mit einem Schulbus auf der Landstraße bei Halbrück sind am Mittwoch neun Kinder verletzt worden. Nach Angaben der Polizei kam der Bus bei Glätte von der Straße ab und stürzte in einen Graben."),
    ("de-bus-2", "bus", "Neun Kinder sind am Mittwoch bei Halbrück verletzt worden, als ihr Schulbus bei Glätte von der Landstraße abkam. Die Polizei sagte, der Bus sei in einen Graben gestürzt."),
];
#[test]
fn reports_in_other_languages_group_by_what_they_report_not_by_their_function_words() {
    let docs = common::docs_of(OTHER_LANGUAGES);
    let g = group(&docs, &GroupConfig::default());
    let pred: Vec<usize> = g.placements.iter().map(|p| p.story).collect();
    let gold: Vec<&str> = OTHER_LANGUAGES.iter().map(|a| a.1).collect();
    assert_eq!(common::bcubed_f1(&pred, &gold), 1.0, "{:?}", g.stories);
}

#[test]
fn two_happenings_of_one_kind_with_no_name_in_common_stay_apart() {
    let texts = [
        ("ferry-north", "A passenger ferry carrying 120 people capsized in rough seas off Port Maren in the Calvera Islands on Sunday. Coast guard commander Luis Andrada said 31 bodies had been recovered and rescuers were searching the sea for survivors of the ferry."),
        ("ferry-south", "A passenger ferry carrying 95 people sank in rough seas near Tellin Bay off Sarapan province on Tuesday. Navy spokesman Adi Wiryo said 12 bodies had been recovered and rescuers were searching the sea for survivors of the ferry."),
    ];
    let mut docs = docs();
    docs.extend(texts.iter().map(|&(id, text)| GroupDoc {
        id,
        title: None,
        text,
        published: None,
    }));
    let g = group(&docs, &GroupConfig::default());
    assert_ne!(
        story_of(&g, &docs, "ferry-north"),
        story_of(&g, &docs, "ferry-south"),
        "{:?}",
        g.stories
    );
}

/// (id, gold event, text): three unrelated local reports that share "police" and a weekday.
const UNRELATED: &[(&str, &str, &str)] = &[
    ("crash", "crash", "Police said a man was killed when his car hit a tree on the coast road near Alder Bay on Sunday night. The driver, 34, died at the scene."),
    ("robbery", "robbery", "Police arrested two men after a jewellery shop in the old town of Verdun was robbed on Sunday. The owner said the thieves took rings worth 40,000 euros."),
    ("library", "library", "The city council voted to close the public library on Elm Street for repairs. Police will guard the building at night, the mayor said."),
];

#[test]
fn a_small_batch_of_unrelated_reports_sharing_an_ordinary_word_is_as_many_stories() {
    let docs = common::docs_of(UNRELATED);
    let g = group(&docs, &GroupConfig::default());
    assert_eq!(g.stories.len(), 3, "{:?}", g.stories);
}
