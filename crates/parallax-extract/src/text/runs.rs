//! Runs of blocks that are a page's furniture only as a run: a line said over each slide of a
//! gallery, one after another, and a pager's numbers and arrows ("<< < 1 2 3 … 14 > >>"). Each of
//! them alone may be the article's (a line said once or twice, a figure in a table's cell).

use super::{ends_with_terminal, words_exceed};

/// Whether block `i` says word for word what the block before it says, in a run of three or
/// more such blocks of more than two words that close as no sentence does: a gallery's title set
/// over each of its slides, a player's label over each of its videos. The run's first stays. A
/// table's cells of a word or two ("Yes", "12 kg") may repeat down a column, a line may be said
/// twice, and a sentence said again is the page's text, however often.
pub(super) fn repeats_in_a_run(blocks: &[String], i: usize) -> bool {
    let b = blocks[i].as_str();
    i > 0
        && blocks[i - 1] == b
        && (i >= 2 && blocks[i - 2] == b || blocks.get(i + 1).is_some_and(|next| next == b))
        && words_exceed(b, 2)
        && !ends_with_terminal(b)
}

/// Fewest page numbers counting up by one, side by side, that make a run a pager.
const MIN_PAGE_NUMBERS: usize = 3;

/// Most digits of a page's number in a pager.
const MAX_PAGE_DIGITS: usize = 3;

/// Which blocks are a pager's: each of a run of blocks that are page numbers (a bare number of
/// [`MAX_PAGE_DIGITS`] digits at most) or arrows and gaps ("<<", "‹", "…"), in which
/// [`MIN_PAGE_NUMBERS`] numbers or more count up by one side by side ("1", "2", "3") and an
/// arrow leads on. Figures without an arrow are a table's as often (a chart's positions this
/// month and the last, "2", "3", "4").
pub(super) fn pager_blocks(blocks: &[String]) -> Vec<bool> {
    // Each block read once: its page number, and whether it is a pager's part at all (a part
    // that is no number is an arrow or a gap).
    let numbers: Vec<Option<u32>> = blocks.iter().map(|b| page_number(b)).collect();
    let parts: Vec<bool> = blocks
        .iter()
        .zip(&numbers)
        .map(|(b, n)| n.is_some() || is_arrow(b))
        .collect();
    let mut pager = vec![false; blocks.len()];
    let mut start = 0;
    while start < blocks.len() {
        if !parts[start] {
            start += 1;
            continue;
        }
        let end = (start..blocks.len())
            .find(|&j| !parts[j])
            .unwrap_or(blocks.len());
        let run = &numbers[start..end];
        let arrow = run.iter().any(Option::is_none);
        let mut counting = 1;
        let mut counts = false;
        for pair in run.windows(2) {
            counting = match pair {
                [Some(a), Some(b)] if *b == a + 1 => counting + 1,
                _ => 1,
            };
            counts |= counting >= MIN_PAGE_NUMBERS;
        }
        if counts && arrow {
            pager[start..end].fill(true);
        }
        start = end;
    }
    pager
}

/// The number a block is, when it is a bare page number.
fn page_number(block: &str) -> Option<u32> {
    let b = block.trim();
    (!b.is_empty() && b.len() <= MAX_PAGE_DIGITS && b.bytes().all(|c| c.is_ascii_digit()))
        .then(|| b.parse().ok())
        .flatten()
}

/// Whether a block is only arrows and gaps: a pager's first, previous, next, last and skipped.
fn is_arrow(block: &str) -> bool {
    let b = block.trim();
    !b.is_empty()
        && b.chars()
            .all(|c| c.is_whitespace() || "<>«»‹›←→…".contains(c) || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(blocks: &[&str], expected: &[bool]) {
        let blocks: Vec<String> = blocks.iter().map(|b| b.to_string()).collect();
        assert_eq!(pager_blocks(&blocks), expected, "{blocks:?}");
    }

    #[test]
    fn a_pager_s_numbers_and_arrows_are_told_from_figures() {
        check(
            &[
                "The storm passed.",
                "<<",
                "<",
                "1",
                "2",
                "3",
                "…",
                "14",
                ">",
                ">>",
                "Next story",
            ],
            &[
                false, true, true, true, true, true, true, true, true, true, false,
            ],
        );
        check(
            &["Page", "4", "5", "6", "›"],
            &[false, true, true, true, true],
        );
        // Figures that do not count up by one, two pages only, numbers without an arrow (a
        // table's cells) or arrows alone are no pager.
        check(&["Chart", "2", "3", "4", "Band"], &[false; 5]);
        check(&["12", "40", "7", "41"], &[false; 4]);
        check(&["1", "2", "Next"], &[false; 3]);
        check(&["<", ">"], &[false; 2]);
        check(&["1", "2", "2024"], &[false; 3]);
    }

    #[test]
    fn a_line_said_over_each_slide_is_said_once() {
        let run = |blocks: &[&str]| -> Vec<bool> {
            let blocks: Vec<String> = blocks.iter().map(|b| b.to_string()).collect();
            (0..blocks.len())
                .map(|i| repeats_in_a_run(&blocks, i))
                .collect()
        };
        let title = "Weather threatens holiday plans";
        assert_eq!(run(&[title, title, title, "x"]), [false, true, true, false]);
        assert_eq!(run(&[title, title]), [false, false]);
        assert_eq!(run(&["Yes", "Yes", "Yes"]), [false; 3]);
        let sentence = "The storm passed over the harbour.";
        assert_eq!(run(&[sentence, sentence, sentence]), [false; 3]);
    }
}
