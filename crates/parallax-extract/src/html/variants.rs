//! Parts of a page laid out again for another screen: a site builder renders a section once per
//! breakpoint (`ssr-variant hidden-bnz77l`, `desktop` and `tablet`, `product-description
//! hidden-md-down` and `hidden-md-up`), and a slider clones its slides (`slick-slide
//! slick-cloned`), leaving the style sheet to show one. Read as a page without its style sheet,
//! each copy is text, and the article is read twice or three times.

use super::dom::Flat;
use super::patterns::Chrome;

/// Characters an element holds at least for a sibling repeating it to be taken for another
/// screen's copy: a paragraph's worth. Shorter repeats (a price, a button) are a page's own.
const MIN_VARIANT_CHARS: u32 = 200;

/// Siblings of one size compared at most: copies come two or three, one per screen.
const MAX_COMPARED: usize = 16;

/// The elements that repeat, under another class name, the text of a sibling of their tag: the
/// same part laid out for another screen. One copy is read: the first the page names its
/// article (a story set twice, once named `article hidden`, once `article`), else the first it
/// names nothing, else the first; the others are left out with their subtrees. Siblings of one
/// class repeating their text are a page's own repeats (a forum's posts quoting, a document's
/// tables set twice) and are all read, and so is a headline saying what a caption says (a
/// slideshow's `<h1>` over its `<div>`: another tag).
pub(crate) fn screen_variants(flat: &Flat<'_>) -> Vec<bool> {
    let mut variant = vec![false; flat.els.len()];
    // Candidates grouped by parent, then by size: copies have the same number of characters.
    let mut candidates: Vec<(usize, u32, usize)> = flat
        .els
        .iter()
        .enumerate()
        .skip(1)
        .filter(|(_, el)| el.chars >= MIN_VARIANT_CHARS)
        .map(|(i, el)| (el.parent, el.chars, i))
        .collect();
    candidates.sort_unstable();
    // Most pages have no two siblings of one size: nothing to compare.
    if !candidates
        .windows(2)
        .any(|pair| pair[0].0 == pair[1].0 && pair[0].1 == pair[1].1)
    {
        return variant;
    }
    let block_counts = super::content::subtree_blocks(flat);
    for group in candidates.chunk_by(|a, b| a.0 == b.0 && a.1 == b.1) {
        let members: Vec<usize> = group.iter().take(MAX_COMPARED).map(|c| c.2).collect();
        let mut placed = vec![false; members.len()];
        for (n, &first) in members.iter().enumerate() {
            if placed[n] {
                continue;
            }
            // The copies of `first`'s text among the members after it: one element built
            // again, of its tag.
            let copies: Vec<usize> = (n..members.len())
                .filter(|&m| {
                    m == n
                        || !placed[m]
                            && flat.els[members[m]].tag == flat.els[first].tag
                            && same_text(flat, &block_counts, first, members[m])
                })
                .collect();
            for &m in &copies {
                placed[m] = true;
            }
            let named = |chrome: Chrome| {
                copies
                    .iter()
                    .map(|&m| members[m])
                    .find(|&el| flat.els[el].chrome == chrome)
            };
            let keeper = named(Chrome::Content)
                .or_else(|| named(Chrome::Neutral))
                .unwrap_or(first);
            for el in copies.iter().map(|&m| members[m]) {
                variant[el] = flat.els[el].class.trim() != flat.els[keeper].class.trim();
            }
        }
    }
    variant
}

/// Whether two elements hold the same blocks of text (`block_counts`:
/// [`super::content::subtree_blocks`]).
fn same_text(flat: &Flat<'_>, block_counts: &[(u32, usize)], a: usize, b: usize) -> bool {
    let blocks = |el: usize| {
        let (count, last) = block_counts[el];
        let first = (last + 1).checked_sub(count as usize).filter(|_| count > 0);
        first
            .and_then(|first| flat.blocks.get(first..=last))
            .unwrap_or_default()
    };
    let (x, y) = (blocks(a), blocks(b));
    x.len() == y.len() && !x.is_empty() && x.iter().zip(y).all(|(x, y)| x.text == y.text)
}
