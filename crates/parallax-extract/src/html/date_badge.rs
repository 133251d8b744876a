//! A date set as a badge: a blog's theme prints the day, the month and the year of a post in
//! boxes of their own (`<div class="day">29</div><div class="month-year">Mai 2013</div>`), each
//! a block of the page. Read apart, they are a stray number and a month over the headline; read
//! together, the date line the text stage dates the article by and leaves out of its text.

/// Blocks a badge is set in, at most: a day, a month and a year.
const MAX_PARTS: usize = 3;
/// Characters a part of a badge holds at most ("September", "2013").
const MAX_PART_CHARS: usize = 12;

/// Joins each run of two or three short blocks that together state a date and nothing else,
/// one of them a bare number (a day or a year), into one block. One pass, each block moved once.
pub(crate) fn join_date_badges(blocks: &mut Vec<String>) {
    let mut joined = Vec::with_capacity(blocks.len());
    let mut i = 0;
    while i < blocks.len() {
        let found = (2..=MAX_PARTS)
            .rev()
            .filter(|&len| i + len <= blocks.len())
            .find_map(|len| badge(&blocks[i..i + len]).map(|date| (len, date)));
        match found {
            Some((len, date)) => {
                joined.push(date);
                i += len;
            }
            None => {
                joined.push(std::mem::take(&mut blocks[i]));
                i += 1;
            }
        }
    }
    *blocks = joined;
}

/// The date line a run of blocks states when read as one, if they are the parts of a badge.
fn badge(parts: &[String]) -> Option<String> {
    // Bytes first: a paragraph beside a badge is told apart without counting its characters.
    let short = |p: &String| {
        let p = p.trim();
        !p.is_empty()
            && p.len() <= 4 * MAX_PART_CHARS
            && p.chars().count() <= MAX_PART_CHARS
            && p.split_whitespace().count() <= 2
    };
    let bare_number = |p: &String| {
        let digits = p.trim().trim_end_matches('.');
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
    };
    if !parts.iter().all(short) || !parts.iter().any(bare_number) {
        return None;
    }
    let joined = parts.iter().map(|p| p.trim()).collect::<Vec<_>>().join(" ");
    crate::text::find_date(&joined)
        .is_some_and(|d| d.whole_line && d.date.is_some())
        .then_some(joined)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &[&str], expected: &[&str]) {
        let mut blocks: Vec<String> = input.iter().map(|b| b.to_string()).collect();
        join_date_badges(&mut blocks);
        assert_eq!(blocks, expected, "{input:?}");
    }

    #[test]
    fn a_badge_is_one_date_line() {
        let headline = "Lieblingsstück: die Hülle zum Nagellack";
        check(&["29", "Mai 2013", headline], &["29 Mai 2013", headline]);
        check(
            &["29.", "Mai", "2013", headline],
            &["29. Mai 2013", headline],
        );
        check(&["Sep", "14", "2021", headline], &["Sep 14 2021", headline]);
        check(&["Blog", "14", "mars 2021"], &["Blog", "14 mars 2021"]);
    }

    #[test]
    fn other_short_blocks_stay_apart() {
        // No date, a month without its year, no bare number, a paragraph's words.
        check(&["12", "Kommentare"], &["12", "Kommentare"]);
        check(&["29", "Mai"], &["29", "Mai"]);
        check(&["Mai 2013", "Beauty"], &["Mai 2013", "Beauty"]);
        check(
            &["3", "The council met on 4 May 2013 to vote."],
            &["3", "The council met on 4 May 2013 to vote."],
        );
    }
}
