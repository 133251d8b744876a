//! The plain data that flows between Parallax's stages.
//!
//! Each stage of the pipeline (`ingest -> extract -> analyze -> group -> fuse -> render`) is a
//! function from one of these types to the next. They are all `serde`-serializable, so any
//! intermediate can be dumped for debugging, and none of them holds a handle to the outside world.

mod analyzed;
mod article;
mod brief;
pub mod calendar;
mod diagnostic;
mod raw;

pub use analyzed::{
    Analyzed, DateExpr, DateMention, DatePrecision, Direction, EntityKind, EntityMention, Figure,
    FigureKind, Quote, Sentence, Speaker,
};
pub use article::{Article, Removed};
pub use brief::{
    Brief, BriefArticle, BriefEntity, BriefFigure, BriefQuote, Exclusive, FigureMention,
    FigureStatus, QuoteAttribution, QuoteVariant, SummarySentence, TimelineEntry, BRIEF_SCHEMA,
};
pub use diagnostic::{Diagnostic, Level};
pub use raw::{Format, RawDoc, SourceMeta};
