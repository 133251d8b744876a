//! A detail that only one outlet reports, reprinted word for word by its wire copies, is listed
//! once under the outlet, naming the copies that carry it: "only in A" must not hide that B
//! prints the same words.

// A failed unwrap here is a failed assertion.
#![allow(clippy::unwrap_used)]

use parallax_core::{Analyzed, Format, RawDoc, SourceMeta};
use parallax_fuse::{fuse, FuseConfig};

fn analyzed(id: &str, text: &str) -> Analyzed {
    let doc = RawDoc {
        source: format!("{id}.txt"),
        id: Some(id.to_string()),
        format: Format::Text,
        body: text.as_bytes().to_vec(),
        meta: SourceMeta::default(),
    };
    parallax_analyze::analyze(
        parallax_extract::extract(&doc, &Default::default())
            .unwrap()
            .article,
    )
}

const WIRE: &str = "Storm floods the harbour at Velmar\n\n\
A storm flooded the harbour at Velmar on Sunday, forcing the evacuation of 300 residents, officials said.\n\n\
The harbour master, Ivo Brand, said the sea wall had given way shortly after midnight.\n\n\
Rescue crews pulled 14 people from flooded homes near the old fish market, the fire service said.\n\n\
A cargo ship owned by Keldon Freight broke its moorings and drifted onto the north pier.\n\n\
Schools in the district will stay closed until Wednesday, the council said.\n";

const OTHER: &str = "Velmar harbour flooded\n\n\
A storm flooded the harbour at Velmar on Sunday and about 300 residents were evacuated, officials said.\n\n\
Harbour master Ivo Brand said the sea wall gave way shortly after midnight.\n\n\
Rescue crews brought 14 people out of flooded homes near the fish market, firefighters said.\n\n\
Schools in the district stay closed until Wednesday, according to the council.\n";

#[test]
fn an_exclusive_names_the_wire_copies_that_reprint_it() {
    let docs = vec![
        analyzed("wire", WIRE),
        analyzed("reprint", WIRE),
        analyzed("other", OTHER),
    ];
    let brief = fuse(&docs, Vec::new(), &FuseConfig::default());
    let ship = brief
        .exclusives
        .iter()
        .find(|e| e.text.contains("Keldon Freight"))
        .unwrap_or_else(|| panic!("no exclusive on the ship: {:#?}", brief.exclusives));
    let mut listed = vec![ship.article.clone()];
    listed.extend(ship.copies.iter().cloned());
    listed.sort();
    assert_eq!(listed, ["reprint", "wire"], "{ship:?}");
    assert_eq!(
        brief
            .exclusives
            .iter()
            .filter(|e| e.text == ship.text)
            .count(),
        1,
        "{:#?}",
        brief.exclusives
    );
}

/// The brief of two outlets' texts.
fn brief_of(first: &str, second: &str) -> parallax_core::Brief {
    let docs = vec![analyzed("first", first), analyzed("second", second)];
    fuse(&docs, Vec::new(), &FuseConfig::default())
}

const WITH_QUOTE: &str = "Chemical leak at Velmar works injures 23\n\n\
Hydrochloric acid leaked from a tank at a chemical works in Velmar on Thursday, injuring 23 people, the fire service said.\n\n\
About 350 workers left the site and the coast road was closed for nearly three hours.\n\n\
\u{201c}It could have been much worse,\u{201d} said Mayor Claus Hartmann of the Harbour Party, speaking to the Velmar Courier.\n";

const SAME_QUOTE: &str = "Acid leak at Velmar chemical works\n\n\
Twenty-three people were hurt on Thursday when hydrochloric acid leaked from a tank at a chemical works in Velmar, the fire service said.\n\n\
Some 350 workers were taken to safety and the coast road was shut for nearly three hours.\n\n\
Mayor Claus Hartmann thanked the rescue crews. \u{201c}It could have been much worse,\u{201d} Hartmann said.\n";

const QUOTE_AND_FIGURE: &str = "Chemical leak at Velmar works injures 23\n\n\
Hydrochloric acid leaked from a tank at a chemical works in Velmar on Thursday, injuring 23 people, the fire service said.\n\n\
About 350 workers left the site and the coast road was closed for nearly three hours.\n\n\
\u{201c}It could have been much worse,\u{201d} said Mayor Claus Hartmann, who ordered checks of the 14 schools of the town.\n";

/// The attribution of a quotation another outlet quotes too stays a detail when it gives a
/// figure of its own.
#[test]
fn a_quote_s_attribution_with_a_figure_of_its_own_is_an_exclusive() {
    let brief = brief_of(QUOTE_AND_FIGURE, SAME_QUOTE);
    assert!(
        brief
            .exclusives
            .iter()
            .any(|e| e.text.contains("14 schools")),
        "{:#?}",
        brief.exclusives
    );
}

/// A quotation another outlet quotes too is the quotes section's, with both outlets: the sentence
/// that carries it, with the speaker's party and the outlet spoken to, is no detail of one outlet.
#[test]
fn a_quote_another_outlet_gives_is_no_exclusive() {
    let brief = brief_of(WITH_QUOTE, SAME_QUOTE);
    assert!(
        brief
            .quotes
            .iter()
            .any(|q| q.speaker.as_deref() == Some("Claus Hartmann") && q.variants.len() == 2),
        "{:#?}",
        brief.quotes
    );
    assert!(
        brief
            .exclusives
            .iter()
            .all(|e| !e.text.contains("much worse")),
        "{:#?}",
        brief.exclusives
    );
}
