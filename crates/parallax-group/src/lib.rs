//! Grouping: finds which articles report the same story. A story is one developing event: the
//! happening and its follow-ups over days or weeks; two happenings of one kind (two storms, two
//! rulings of one court) are two stories ("What a story is" in ARCHITECTURE.md).
//!
//! Two jobs, both sans-IO:
//! - **copies**: MinHash over word shingles with LSH banding marks wire copies and lightly
//!   edited or trimmed reprints, each pointing at its original (`duplicate_of`);
//! - **stories**: TF-IDF vectors of stemmed content words (only those of two articles or more,
//!   for an article most of whose words others use too: a word of one article links it to
//!   none) plus capitalised names and numbers, compared only along candidate edges found
//!   through an inverted index, are merged by average link into broad topics; within each
//!   topic the vectors are re-weighted by the topic's own frequencies (so what the whole topic
//!   shares stops counting, what one article of a topic of six or more says alone counts for
//!   nothing, what tells two similar events apart counts most, and the day of the week a
//!   report's lead names counts as a name) and merged again into events; a last pass moves
//!   loosely attached articles to their nearest story centroid, and a small story joins a
//!   larger neighbour only if that one names its key names (the people, places and figures its
//!   articles repeat): a few reports of another happening of the same kind share the words,
//!   not those. Two small stories close in words and time that name each
//!   other's key names are one (a short story split into its first day and the next).
//!   Dates, when known, lower similarity with distance in time.
//!
//! [`group`] does a whole batch and does not depend on input order; [`StoryIndex`] takes
//! articles one at a time and forgets stories that fall out of its time window; its
//! [`StoryIndex::settle`] regroups the remembered window with the batch algorithm.
//!
//! ```
//! use parallax_group::{group, GroupConfig, GroupDoc};
//! let docs = [
//!     GroupDoc { id: "a", title: None, text: "Fire destroys harbour warehouse in Bergen.", published: None },
//!     GroupDoc { id: "b", title: None, text: "Bergen harbour warehouse destroyed by fire.", published: None },
//! ];
//! let grouping = group(&docs, &GroupConfig::default());
//! assert_eq!(grouping.placements.len(), 2);
//! ```

mod agglo;
mod batch;
mod config;
mod dedup;
mod doc;
mod error;
mod features;
mod graph;
mod key_names;
mod minhash;
mod stream;
mod text;
mod vector;

pub use batch::{copies, group};
pub use config::GroupConfig;
pub use doc::{GroupDoc, Grouping, Placement, Story};
pub use error::GroupError;
pub use stream::{StoryIndex, StreamPlacement};
