//! Shared test fixtures: short articles about a few distinct events, and a B-cubed scorer.

#![allow(clippy::unwrap_used)]
#![allow(dead_code)]

use std::collections::HashMap;

use parallax_group::GroupDoc;

/// (id, gold event, text): three events of two kinds, plus a wire copy and a trimmed reprint.
pub const ARTICLES: &[(&str, &str, &str)] = &[
    ("fire-1", "fire", "A fire destroyed a warehouse in the Bergen harbour on Monday night. Firefighters from Bergen and Askoy fought the blaze for six hours before the roof of the warehouse collapsed. Police said nobody was hurt and the cause of the fire in the Bergen harbour was not yet known."),
    ("fire-2", "fire", "Firefighters battled a blaze at a harbour warehouse in Bergen for six hours on Monday. The warehouse roof collapsed, Bergen police said, adding that no one was injured. Crews from Askoy helped to stop the fire spreading along the harbour front."),
    ("fire-3", "fire", "The Bergen harbour warehouse fire burned through Monday night. Police in Bergen said the roof fell in after six hours and that the cause of the blaze is under investigation; nobody was hurt."),
    ("fire-copy", "fire", "A fire destroyed a warehouse in the Bergen harbour on Monday night. Firefighters from Bergen and Askoy fought the blaze for six hours before the roof of the warehouse collapsed. Police said nobody was hurt and the cause of the fire in the Bergen harbour was not yet known."),
    ("fire-trim", "fire", "A fire destroyed a warehouse in the Bergen harbour on Monday night. Firefighters from Bergen and Askoy fought the blaze for six hours before the roof of the warehouse collapsed."),
    ("blaze-1", "blaze", "A fire gutted a textile factory in Dhaka on Thursday, killing 14 workers. Dhaka fire service chief Rahim Uddin said 22 fire engines fought the blaze at the Tejgaon factory for nine hours."),
    ("blaze-2", "blaze", "Fourteen workers died when fire swept through a Tejgaon textile factory in Dhaka on Thursday, fire service chief Rahim Uddin said. It took 22 engines nine hours to put out the blaze."),
    ("blaze-3", "blaze", "The death toll from Thursday's fire at a textile factory in the Tejgaon district of Dhaka rose to 14, said Rahim Uddin of the Dhaka fire service, as workers demanded safety checks."),
    ("vote-1", "vote", "Parliament in Lisbon passed the budget on Friday after the Socialists and the Liberals agreed on a pension reform proposed by finance minister Ana Ribeiro. The budget vote was 121 to 98."),
    ("vote-2", "vote", "Portugal's parliament approved the budget by 121 votes to 98 on Friday. Finance minister Ana Ribeiro won Liberal support in Lisbon with a late deal on pension reform."),
    ("vote-3", "vote", "Lisbon lawmakers voted 121 to 98 for the budget after finance minister Ana Ribeiro agreed pension changes with the Liberals, ending weeks of talks in parliament."),
];

/// B-cubed F1 of predicted labels against gold labels.
pub fn bcubed_f1<P: Eq + std::hash::Hash, G: Eq + std::hash::Hash>(pred: &[P], gold: &[G]) -> f64 {
    let mut cells: HashMap<(&P, &G), f64> = HashMap::new();
    let mut ps: HashMap<&P, f64> = HashMap::new();
    let mut gs: HashMap<&G, f64> = HashMap::new();
    for (p, g) in pred.iter().zip(gold) {
        *cells.entry((p, g)).or_default() += 1.0;
        *ps.entry(p).or_default() += 1.0;
        *gs.entry(g).or_default() += 1.0;
    }
    let n = pred.len().max(1) as f64;
    let p: f64 = cells.iter().map(|(&(a, _), &c)| c * c / ps[a]).sum::<f64>() / n;
    let r: f64 = cells.iter().map(|(&(_, b), &c)| c * c / gs[b]).sum::<f64>() / n;
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// [`ARTICLES`] as undated, untitled documents to group.
pub fn docs() -> Vec<GroupDoc<'static>> {
    docs_of(ARTICLES)
}

/// Fixture articles `(id, gold event, text)` as undated, untitled documents to group.
pub fn docs_of(
    articles: &'static [(&'static str, &'static str, &'static str)],
) -> Vec<GroupDoc<'static>> {
    articles
        .iter()
        .map(|&(id, _, text)| GroupDoc {
            id,
            title: None,
            text,
            published: None,
        })
        .collect()
}
