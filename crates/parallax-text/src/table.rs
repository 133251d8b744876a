//! Word lists made into sets when the program is compiled, so that no run spends its start-up
//! hashing them into tables on the heap.
//!
//! A [`WordTable`] is an open-addressing hash table of byte ranges of the list's text, built by
//! `const fn`s: it lives in the binary's read-only data, is shared between processes through the
//! page cache, and costs a lookup about what a `HashSet<&str>` costs.
//!
//! ```
//! parallax_text::word_table!(static COLOURS = lines "# colours\nred\ngreen\n\nblue\n");
//! assert!(COLOURS.contains("green"));
//! assert!(!COLOURS.contains("# colours"));
//! assert_eq!(COLOURS.len(), 3);
//! ```

/// A set of the entries of a word list, built at compile time (see the module doc). Make one
/// with [`word_table!`](crate::word_table).
pub struct WordTable<const SLOTS: usize> {
    data: &'static str,
    /// Each slot is an entry's byte range in `data`; an empty range is an empty slot.
    slots: [(u32, u32); SLOTS],
    len: usize,
    /// Bit `n` is set when an entry is `n` bytes long (bit 63: 63 bytes or more), so that most
    /// words that are no entry are turned away before they are hashed.
    lengths: u64,
    entries: Entries,
}

/// How a word list holds its entries.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entries {
    /// One a line, trimmed ([`crate::lines`]).
    Lines,
    /// Several a line, separated by white space ([`crate::list_words`]).
    Words,
    /// One a line after a key and a colon (`key: entry`), of the lines of one key.
    Keyed(&'static str),
}

impl<const SLOTS: usize> WordTable<SLOTS> {
    /// The lines of `data` as [`crate::lines`] reads them: trimmed, without blank lines and `#`
    /// comments.
    pub const fn lines(data: &'static str) -> Self {
        Self::build(data, Entries::Lines)
    }

    /// The words of `data` as [`crate::list_words`] reads them.
    pub const fn words(data: &'static str) -> Self {
        Self::build(data, Entries::Words)
    }

    /// The entries of the lines `key: entry` of `data` whose key is `key` (both trimmed).
    pub const fn keyed(data: &'static str, key: &'static str) -> Self {
        Self::build(data, Entries::Keyed(key))
    }

    const fn build(data: &'static str, entries: Entries) -> Self {
        assert!(SLOTS.is_power_of_two() && data.len() < u32::MAX as usize);
        let mut table = WordTable {
            data,
            slots: [(0, 0); SLOTS],
            len: 0,
            lengths: 0,
            entries,
        };
        let bytes = data.as_bytes();
        let mut from = 0;
        while let Some((start, end, next)) = next_line(bytes, from) {
            from = next;
            match entries {
                Entries::Lines => table.insert(start, end),
                Entries::Keyed(key) => {
                    if let Some(colon) = find(bytes, start, end, b':') {
                        let (ks, ke) = trimmed(bytes, start, colon);
                        let (es, ee) = trimmed(bytes, colon + 1, end);
                        if equals(bytes, ks, ke, key.as_bytes()) && es < ee {
                            table.insert(es, ee);
                        }
                    }
                }
                Entries::Words => {
                    let mut word = start;
                    while word < end {
                        let mut word_end = word;
                        while word_end < end && !is_space(bytes[word_end]) {
                            word_end += 1;
                        }
                        table.insert(word, word_end);
                        word = word_end;
                        while word < end && is_space(bytes[word]) {
                            word += 1;
                        }
                    }
                }
            }
        }
        table
    }

    /// Adds the entry at `data[start..end]`, once.
    const fn insert(&mut self, start: usize, end: usize) {
        self.lengths |= length_bit(end - start);
        let bytes = self.data.as_bytes();
        let mut slot = slot_of(word_hash(bytes, start, end), SLOTS);
        loop {
            let (s, e) = self.slots[slot];
            if s == e {
                self.slots[slot] = (start as u32, end as u32);
                self.len += 1;
                // Half full at most: probes stay short. `slots_for` sizes the table so.
                assert!(self.len * 2 <= SLOTS, "a word table has too few slots");
                return;
            }
            if same(bytes, s as usize, e as usize, bytes, start, end) {
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// Whether `word` is an entry (as written: case matters).
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let w = word.as_bytes();
        if self.lengths & length_bit(w.len()) == 0 {
            return false;
        }
        let mut slot = slot_of(hash_of(w), SLOTS);
        loop {
            let (s, e) = self.slots[slot];
            if s == e {
                return false;
            }
            if self.data.as_bytes()[s as usize..e as usize] == *w {
                return true;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// How many entries there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the list has no entry.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Whether the table holds exactly the entries that [`crate::lines`] (or
    /// [`crate::list_words`]) reads from its list at run time: what a test of each table asks.
    pub fn reads_as_at_run_time(&self) -> bool {
        let read: std::collections::HashSet<&str> = match self.entries {
            Entries::Lines => crate::lines(self.data).collect(),
            Entries::Words => crate::list_words(self.data).collect(),
            Entries::Keyed(key) => crate::keyed_lines(self.data, key).collect(),
        };
        read.len() == self.len && read.iter().all(|w| self.contains(w))
    }

    /// The entries, in no order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        let data = self.data;
        self.slots
            .iter()
            .filter(|(s, e)| s != e)
            .map(move |&(s, e)| &data[s as usize..e as usize])
    }
}

/// A map from entries of a text to other parts of it, built at compile time by a `const fn` that
/// reads the text's own format ([`next_line`] and [`next_field`] help) and calls
/// [`RangeMap::insert`]: for tables whose entries are more than a list of words (names with their
/// canonical form and kind, words with their value).
pub struct RangeMap<const SLOTS: usize> {
    data: &'static str,
    slots: [MapSlot; SLOTS],
    len: usize,
    /// The lengths of the keys, as [`WordTable`] keeps those of its entries.
    lengths: u64,
}

/// One entry of a [`RangeMap`]: byte ranges of its key and value in the text, and a tag.
#[derive(Clone, Copy)]
struct MapSlot {
    key: (u32, u32),
    value: (u32, u32),
    tag: u8,
}

const EMPTY_SLOT: MapSlot = MapSlot {
    key: (0, 0),
    value: (0, 0),
    tag: 0,
};

impl<const SLOTS: usize> RangeMap<SLOTS> {
    /// An empty map of entries of `data`.
    pub const fn new(data: &'static str) -> Self {
        assert!(SLOTS.is_power_of_two() && data.len() < u32::MAX as usize);
        RangeMap {
            data,
            slots: [EMPTY_SLOT; SLOTS],
            len: 0,
            lengths: 0,
        }
    }

    /// Maps `data[key.0..key.1]` (not empty) to `data[value.0..value.1]` and `tag`; a key mapped
    /// before is mapped anew, as `HashMap::insert` does.
    pub const fn insert(&mut self, key: (usize, usize), value: (usize, usize), tag: u8) {
        assert!(key.0 < key.1, "an empty key");
        self.lengths |= length_bit(key.1 - key.0);
        let bytes = self.data.as_bytes();
        let entry = MapSlot {
            key: (key.0 as u32, key.1 as u32),
            value: (value.0 as u32, value.1 as u32),
            tag,
        };
        let mut slot = slot_of(word_hash(bytes, key.0, key.1), SLOTS);
        loop {
            let (s, e) = self.slots[slot].key;
            if s == e {
                self.slots[slot] = entry;
                self.len += 1;
                assert!(self.len * 2 <= SLOTS, "a range map has too few slots");
                return;
            }
            if same(bytes, s as usize, e as usize, bytes, key.0, key.1) {
                self.slots[slot] = entry;
                return;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// The value and tag `key` maps to.
    #[inline]
    pub fn get(&self, key: &str) -> Option<(&'static str, u8)> {
        let k = key.as_bytes();
        if self.lengths & length_bit(k.len()) == 0 {
            return None;
        }
        let mut slot = slot_of(hash_of(k), SLOTS);
        loop {
            let MapSlot {
                key: (s, e),
                value: (vs, ve),
                tag,
            } = self.slots[slot];
            if s == e {
                return None;
            }
            if self.data.as_bytes()[s as usize..e as usize] == *k {
                return Some((&self.data[vs as usize..ve as usize], tag));
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }

    /// How many keys there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no key is mapped.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every key with its value and tag, in no order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str, u8)> + '_ {
        let data = self.data;
        self.slots
            .iter()
            .filter(|slot| slot.key.0 != slot.key.1)
            .map(move |slot| {
                (
                    &data[slot.key.0 as usize..slot.key.1 as usize],
                    &data[slot.value.0 as usize..slot.value.1 as usize],
                    slot.tag,
                )
            })
    }
}

/// The next entry line of `bytes` from `from`, as [`crate::lines`] reads it (trimmed; blank lines
/// and `#` comments skipped): `Some((start, end, next))`, where `next` is where the line after
/// it begins; `None` after the last.
pub const fn next_line(bytes: &[u8], mut from: usize) -> Option<(usize, usize, usize)> {
    while from < bytes.len() {
        let mut end = from;
        while end < bytes.len() && bytes[end] != b'\n' {
            end += 1;
        }
        let (s, e) = trimmed(bytes, from, end);
        if s < e && bytes[s] != b'#' {
            return Some((s, e, end + 1));
        }
        from = end + 1;
    }
    None
}

/// The field of `bytes[start..end]` up to the first `separator` (or the end), trimmed, and where
/// the rest begins (`end` when there is no separator): `(field_start, field_end, rest)`.
pub const fn next_field(
    bytes: &[u8],
    start: usize,
    end: usize,
    separator: u8,
) -> (usize, usize, usize) {
    match find(bytes, start, end, separator) {
        Some(i) => {
            let (s, e) = trimmed(bytes, start, i);
            (s, e, i + 1)
        }
        None => {
            let (s, e) = trimmed(bytes, start, end);
            (s, e, end)
        }
    }
}

/// Where the first `byte` of `bytes[start..end]` stands.
pub const fn find(bytes: &[u8], start: usize, end: usize, byte: u8) -> Option<usize> {
    let mut i = start;
    while i < end {
        if bytes[i] == byte {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `bytes[start..end]` is `other`.
pub const fn equals(bytes: &[u8], start: usize, end: usize, other: &[u8]) -> bool {
    same(bytes, start, end, other, 0, other.len())
}

/// How many of `bytes` are one of `of`, plus one: a bound on the fields they separate.
pub const fn separated_at_most(bytes: &[u8], of: &[u8]) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        let mut j = 0;
        while j < of.len() {
            if bytes[i] == of[j] {
                n += 1;
                break;
            }
            j += 1;
        }
        i += 1;
    }
    n
}

/// The slots a table of the lines of `data` needs: a power of two, twice the lines at most.
pub const fn slots_for_lines(data: &str) -> usize {
    slots_for(count(data.as_bytes(), Entries::Lines))
}

/// The slots a table of the words of `data` needs: a power of two, twice the words at most.
pub const fn slots_for_words(data: &str) -> usize {
    slots_for(count(data.as_bytes(), Entries::Words))
}

/// The slots a table of at most `entries_at_most` entries needs: a power of two, twice as many.
pub const fn slots_for(entries_at_most: usize) -> usize {
    (entries_at_most * 2).next_power_of_two()
}

/// A bound on the entries of `bytes`: its lines, or its white-space separated pieces.
const fn count(bytes: &[u8], entries: Entries) -> usize {
    let mut n = 1;
    let mut i = 0;
    while i < bytes.len() {
        let separates = match entries {
            Entries::Lines | Entries::Keyed(_) => bytes[i] == b'\n',
            Entries::Words => is_space(bytes[i]),
        };
        n += separates as usize;
        i += 1;
    }
    n
}

/// Asserts that each named [`WordTable`] reads its list as the run-time reader does
/// ([`WordTable::reads_as_at_run_time`]), naming the first that does not: the test each module of
/// tables carries.
#[macro_export]
macro_rules! assert_tables_read_as_at_run_time {
    ($($table:expr),+ $(,)?) => {
        $(assert!($table.reads_as_at_run_time(), "{}", stringify!($table));)+
    };
}

/// Makes a `static` [`WordTable`] of a word list's lines or words:
/// `word_table!(pub static NAME = lines include_str!("..."));` (or `= words ...`, or
/// `= keyed "key" in ...` for the entries of the lines `key: entry`).
#[macro_export]
macro_rules! word_table {
    ($(#[$meta:meta])* $vis:vis static $name:ident = lines $data:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::table::WordTable<{ $crate::table::slots_for_lines($data) }> =
            $crate::table::WordTable::lines($data);
    };
    ($(#[$meta:meta])* $vis:vis static $name:ident = keyed $key:literal in $data:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::table::WordTable<{ $crate::table::slots_for_lines($data) }> =
            $crate::table::WordTable::keyed($data, $key);
    };
    ($(#[$meta:meta])* $vis:vis static $name:ident = words $data:expr) => {
        $(#[$meta])*
        $vis static $name: $crate::table::WordTable<{ $crate::table::slots_for_words($data) }> =
            $crate::table::WordTable::words($data);
    };
}

/// The bit of [`WordTable`]'s `lengths` for an entry of `len` bytes.
#[inline]
const fn length_bit(len: usize) -> u64 {
    1 << if len < 63 { len } else { 63 }
}

/// White space between entries. Word lists are ASCII text apart from their words; a test checks
/// every table against the runtime reading of its list, which trims any Unicode white space.
const fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0b' | b'\x0c')
}

/// `bytes[start..end]` without white space at either end, as a range.
const fn trimmed(bytes: &[u8], mut start: usize, mut end: usize) -> (usize, usize) {
    while start < end && is_space(bytes[start]) {
        start += 1;
    }
    while end > start && is_space(bytes[end - 1]) {
        end -= 1;
    }
    (start, end)
}

const fn same(
    a: &[u8],
    a_start: usize,
    a_end: usize,
    b: &[u8],
    b_start: usize,
    b_end: usize,
) -> bool {
    if a_end - a_start != b_end - b_start {
        return false;
    }
    let mut i = 0;
    while i < a_end - a_start {
        if a[a_start + i] != b[b_start + i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A multiplicative hash of `bytes[start..end]`, eight bytes at a step (the scheme of rustc's
/// own FxHash): fast for short words, and usable in a `const fn`.
#[inline]
const fn word_hash(bytes: &[u8], start: usize, end: usize) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = (end - start) as u64;
    let mut i = start;
    while i < end {
        let mut chunk = [0u8; 8];
        let mut j = 0;
        while j < 8 && i + j < end {
            chunk[j] = bytes[i + j];
            j += 1;
        }
        h = (h.rotate_left(26) ^ u64::from_le_bytes(chunk)).wrapping_mul(K);
        i += 8;
    }
    h
}

/// [`word_hash`] of a whole word, as a lookup computes it: the same value, read eight bytes at a
/// time where the `const fn` must copy byte by byte.
#[inline]
fn hash_of(word: &[u8]) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let mut h = word.len() as u64;
    for piece in word.chunks(8) {
        let mut chunk = [0u8; 8];
        chunk[..piece.len()].copy_from_slice(piece);
        h = (h.rotate_left(26) ^ u64::from_le_bytes(chunk)).wrapping_mul(K);
    }
    h
}

/// The slot of a hash: its top bits, which a multiplicative hash mixes best.
#[inline]
const fn slot_of(hash: u64, slots: usize) -> usize {
    if slots <= 1 {
        return 0;
    }
    (hash >> (64 - slots.trailing_zeros())) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(data: &'static str, expected: &[&str]) {
        let table: WordTable<64> = WordTable::lines(data);
        let mut got: Vec<&str> = table.iter().collect();
        got.sort_unstable();
        assert_eq!(got, expected, "{data:?}");
        for e in expected {
            assert!(table.contains(e), "{e}");
        }
        assert_eq!(table.len(), expected.len());
        assert!(table.reads_as_at_run_time());
    }

    #[test]
    fn lines_are_trimmed_and_comments_and_blanks_left_out() {
        check(
            "# head\n\n  told this paper \r\nsaid\n#x\nsaid\n",
            &["said", "told this paper"],
        );
        check("", &[]);
        check("\n\n", &[]);
        check("ünter\nStraße", &["Straße", "ünter"]);
    }

    #[test]
    fn a_table_finds_only_its_entries() {
        word_table!(static T = words "a an the\nof  to\tin\n# not words\nsaid");
        for w in ["a", "an", "the", "of", "to", "in", "said"] {
            assert!(T.contains(w), "{w}");
        }
        for w in ["", "A", "th", "thee", "not", "#", "words", "saidx", "sai"] {
            assert!(!T.contains(w), "{w}");
        }
        assert_eq!(T.len(), 7);
        assert!(!T.is_empty());
    }

    /// A lookup hashes a word as the build does.
    #[test]
    fn a_lookup_hashes_as_the_build_does() {
        let mut word = String::new();
        for c in "abcdefghijklmnopqrstuvwxyzäöüß0123456789-' "
            .chars()
            .cycle()
            .take(120)
        {
            let w = word.as_bytes();
            assert_eq!(hash_of(w), word_hash(w, 0, w.len()), "{word:?}");
            word.push(c);
        }
    }

    /// Words of a length no entry has are no entry; the longest lengths share one bit.
    #[test]
    fn lengths_turn_away_only_what_no_entry_could_be() {
        const DATA: &str =
            "ab\nabcd\naaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
        word_table!(static T = lines DATA);
        let long = "a".repeat(70);
        assert!(T.contains("ab") && T.contains("abcd") && T.contains(&long));
        for w in [
            "a",
            "abc",
            "abcde",
            "a".repeat(63).as_str(),
            "a".repeat(71).as_str(),
        ] {
            assert!(!T.contains(w), "{w}");
        }
        assert_eq!(
            T.lengths,
            length_bit(2) | length_bit(4) | length_bit(70),
            "{:b}",
            T.lengths
        );
        assert_eq!(length_bit(63), length_bit(700));
    }

    #[test]
    fn long_entries_hash_by_every_byte() {
        word_table!(static T = lines "gegenüber unserer Redaktion\ngegenüber unserer Zeitung");
        assert!(T.contains("gegenüber unserer Redaktion"));
        assert!(!T.contains("gegenüber unserer Redaktiox"));
        assert!(!T.contains("gegenüber unserer"));
    }

    #[test]
    fn a_keyed_table_holds_the_entries_of_its_key() {
        const DATA: &str =
            "# k: v\nreader: you\nreader : your \noutlet: us\nreaders: ye\nreader:\nnone\n";
        word_table!(static READER = keyed "reader" in DATA);
        let mut got: Vec<&str> = READER.iter().collect();
        got.sort_unstable();
        assert_eq!(got, ["you", "your"]);
        assert!(READER.reads_as_at_run_time());
        word_table!(static OUTLET = keyed "outlet" in DATA);
        assert!(OUTLET.contains("us") && !OUTLET.contains("you"));
    }

    #[test]
    fn an_empty_list_makes_an_empty_table() {
        word_table!(static T = lines "# nothing\n");
        assert!(T.is_empty());
        assert!(!T.contains(""));
    }
}
