//! A small hand-made brief of three articles, shared by the unit tests and the schema test.

use chrono::NaiveDate;
use parallax_core::{
    Brief, BriefArticle, BriefEntity, BriefFigure, BriefQuote, DatePrecision, Diagnostic,
    EntityKind, Exclusive, FigureMention, FigureStatus, QuoteVariant, Removed, SummarySentence,
    TimelineEntry, BRIEF_SCHEMA,
};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn s(text: &str) -> String {
    text.to_string()
}

fn article(
    id: &str,
    outlet: Option<&str>,
    wire: &[&str],
    title: Option<&str>,
    date: Option<NaiveDate>,
) -> BriefArticle {
    BriefArticle {
        id: s(id),
        source: format!("stories/{id}.txt"),
        outlet: outlet.map(s),
        wire: wire.iter().map(|w| s(w)).collect(),
        title: title.map(s),
        authors: vec![],
        published: date,
        url: None,
        language: s("en"),
        text: s("A fire broke out at a warehouse.\n\nThree firefighters were hurt."),
        removed: vec![Removed {
            kind: s("boilerplate"),
            text: s("Share On Facebook"),
        }],
    }
}

fn mention(value: f64, qualifier: Option<&str>, text: &str, article: &str) -> FigureMention {
    FigureMention {
        value,
        qualifier: qualifier.map(s),
        text: s(text),
        sentence: format!("Officials said {text} were affected."),
        article: s(article),
        kind: None,
        unit: None,
        published: None,
    }
}

fn variant(text: &str, article: &str) -> QuoteVariant {
    QuoteVariant {
        text: s(text),
        article: s(article),
        speaker: None,
    }
}

/// The sample brief.
pub fn brief() -> Brief {
    let mut a1 = article(
        "a1",
        Some("The Harbour Gazette"),
        &["Reuters"],
        Some("Warehouse fire | Port of Velmar"),
        Some(ymd(2025, 3, 4)),
    );
    a1.authors = vec![s("Jane Doe")];
    a1.url = Some(s("https://example.org/fire"));
    let a2 = article(
        "a2",
        Some("Velmar Post"),
        &["AFP"],
        Some("Blaze at the docks"),
        Some(ymd(2025, 3, 4)),
    );
    let a3 = article("a3", None, &[], None, None);
    Brief {
        schema: s(BRIEF_SCHEMA),
        title: s("Warehouse fire at the Port of Velmar"),
        articles: vec![a1, a2, a3],
        summary: vec![
            SummarySentence {
                text: s("A fire tore through a warehouse at the Port of Velmar late Monday."),
                sources: vec![s("a1"), s("a2"), s("a3")],
                original: None,
                copies: Vec::new(),
            },
            SummarySentence {
                text: s("Officials said <script>alert(1)</script> & more."),
                sources: vec![s("a2")],
                original: None,
                copies: Vec::new(),
            },
        ],
        quotes: vec![
            BriefQuote {
                speaker: Some(s("Marta Okonkwo")),
                speaker_title: Some(s("Fire Chief")),
                variants: vec![
                    variant("The fire is contained but not out", "a1"),
                    variant("the fire is contained, but it is not out", "a2"),
                ],
                attributions: vec![],
            },
            BriefQuote {
                speaker: None,
                speaker_title: None,
                variants: vec![variant("We heard a bang", "a3")],
                attributions: vec![],
            },
        ],
        figures: vec![
            BriefFigure {
                about: s("firefighters"),
                status: FigureStatus::Agree,
                mentions: vec![
                    mention(3.0, None, "three firefighters", "a1"),
                    mention(3.0, None, "three firefighters", "a2"),
                    mention(3.0, None, "3 firefighters", "a3"),
                ],
            },
            BriefFigure {
                about: s("residents"),
                status: FigureStatus::Differ,
                mentions: vec![
                    mention(400.0, Some("nearly"), "nearly 400 residents", "a1"),
                    mention(450.0, Some("more than"), "more than 450 residents", "a2"),
                ],
            },
            BriefFigure {
                about: s("tonnes of fertiliser"),
                status: FigureStatus::Single,
                mentions: vec![mention(12.0, None, "12 tonnes of fertiliser", "a2")],
            },
        ],
        exclusives: vec![
            Exclusive {
                article: s("a1"),
                text: s("The warehouse was built in 1962."),
                copies: vec![s("a3")],
            },
            Exclusive {
                article: s("a2"),
                text: s("A ferry service was suspended."),
                copies: Vec::new(),
            },
            Exclusive {
                article: s("a1"),
                text: s("Insurers have sent assessors."),
                copies: Vec::new(),
            },
        ],
        timeline: vec![
            TimelineEntry {
                date: ymd(2025, 2, 1),
                precision: DatePrecision::Month,
                when: s("last month"),
                text: s("An inspection found faulty wiring last month."),
                sources: vec![s("a1")],
            },
            TimelineEntry {
                date: ymd(2025, 3, 3),
                precision: DatePrecision::Day,
                when: s("late Monday"),
                text: s("The fire broke out late Monday."),
                sources: vec![s("a1"), s("a2")],
            },
            TimelineEntry {
                date: ymd(2025, 3, 10),
                precision: DatePrecision::Week,
                when: s("next week"),
                text: s("An inquiry will open next week."),
                sources: vec![s("a2")],
            },
        ],
        entities: vec![
            BriefEntity {
                name: s("Marta Okonkwo"),
                kind: EntityKind::Person,
                aliases: vec![s("Okonkwo")],
                titles: vec![s("Fire Chief")],
                sources: vec![s("a1"), s("a2")],
                mentions: 5,
            },
            BriefEntity {
                name: s("Velmar"),
                kind: EntityKind::Place,
                aliases: vec![],
                titles: vec![],
                sources: vec![s("a1"), s("a2"), s("a3")],
                mentions: 4,
            },
            BriefEntity {
                name: s("Velmar Port Authority"),
                kind: EntityKind::Organization,
                aliases: vec![],
                titles: vec![],
                sources: vec![s("a2")],
                mentions: 1,
            },
        ],
        diagnostics: vec![Diagnostic::warning("stories/a3.txt", "no date found")],
    }
}
