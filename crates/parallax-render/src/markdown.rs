//! The brief as Markdown that reads well as it stands in a terminal.

use parallax_core::{Brief, BriefFigure, BriefQuote, Level};

use crate::dates;
use crate::labels::Labels;
use crate::sections::{
    disputed_speakers, entities_by_kind, exclusives_by_article, figure_articles, figure_wordings,
    outlets, quote_articles, quotes_by_speaker, Figures,
};

/// Renders `brief` as Markdown, ending with a newline.
pub fn render_markdown(brief: &Brief) -> String {
    let labels = Labels::new(brief);
    let mut out = String::new();
    let title = one_line(&brief.title);
    out.push_str(&format!(
        "# {}\n",
        if title.is_empty() { "Brief" } else { &title }
    ));
    sources(&mut out, brief);
    summary(&mut out, brief, &labels);
    quotes(&mut out, brief, &labels);
    figures(&mut out, brief, &labels);
    exclusives(&mut out, brief, &labels);
    timeline(&mut out, brief, &labels);
    entities(&mut out, brief);
    diagnostics(&mut out, brief);
    out
}

fn sources(out: &mut String, brief: &Brief) {
    out.push_str("\n## Sources\n\n");
    if brief.articles.is_empty() {
        out.push_str("No article could be read.\n");
        return;
    }
    out.push_str("| id | outlet | wire | date | title |\n|---|---|---|---|---|\n");
    for a in &brief.articles {
        let wire = a.wire.join(", ");
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&a.id),
            cell(a.outlet.as_deref().unwrap_or("")),
            cell(&wire),
            dates::published(a.published),
            cell(a.title.as_deref().unwrap_or("")),
        ));
    }
}

fn summary(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.summary.is_empty() {
        return;
    }
    out.push_str("\n## Summary\n");
    for sentence in &brief.summary {
        let by = labels.list(sentence.sources.iter().map(String::as_str));
        out.push_str(&format!(
            "\n{} [{}]\n",
            one_line(&sentence.text),
            by.join(", ")
        ));
    }
}

fn quotes(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.quotes.is_empty() {
        return;
    }
    out.push_str("\n## Quotes\n");
    for block in quotes_by_speaker(brief) {
        let speaker = block.speaker.map(one_line);
        let mut head = format!("**{}**", speaker.as_deref().unwrap_or("Unattributed"));
        if let Some(title) = block.title {
            head.push_str(&format!(" — {}", one_line(title)));
        }
        if let [quote] = block.quotes.as_slice() {
            let quoted_by = quote_articles(quote).len();
            if quoted_by > 1 {
                head.push_str(&format!(" · quoted by {}", outlets(quoted_by)));
            }
            out.push_str(&format!("\n{head}\n\n"));
            statement(out, quote, labels, "");
            continue;
        }
        head.push_str(&format!(" · {} statements", block.quotes.len()));
        out.push_str(&format!("\n{head}\n\n"));
        for quote in &block.quotes {
            let quoted_by = quote_articles(quote).len();
            if quoted_by > 1 {
                out.push_str(&format!("- Quoted by {}:\n", outlets(quoted_by)));
                statement(out, quote, labels, "  ");
            } else {
                statement(out, quote, labels, "");
            }
        }
    }
}

/// One statement's wordings, each with its outlet, and the speakers outlets dispute.
fn statement(out: &mut String, quote: &BriefQuote, labels: &Labels, indent: &str) {
    for v in &quote.variants {
        out.push_str(&format!(
            "{indent}- “{}” — {}\n",
            one_line(&v.text),
            labels.get(&v.article)
        ));
    }
    if let Some(d) = disputed_speakers(quote, |id| labels.get(id).to_string()) {
        out.push_str(&format!(
            "{indent}- Outlets differ on who said it: {}\n",
            one_line(&d)
        ));
    }
}

fn figures(out: &mut String, brief: &Brief, labels: &Labels) {
    let parts = Figures::of(brief);
    if parts.is_empty() {
        return;
    }
    out.push_str("\n## Figures\n");
    if !parts.agree.is_empty() {
        out.push_str("\n### Where outlets agree\n\n");
        for figure in &parts.agree {
            let ids = figure_articles(figure);
            out.push_str(&format!(
                "- {} — {}: {}\n",
                figure_wordings(figure)
                    .iter()
                    .map(|t| one_line(t))
                    .collect::<Vec<_>>()
                    .join(" / "),
                outlets(ids.len()),
                labels.list(ids).join(", "),
            ));
        }
    }
    figure_mentions(out, "Where they differ", &parts.differ, " vs ", labels);
    figure_mentions(
        out,
        "Updated as the story unfolded",
        &parts.updated,
        " → ",
        labels,
    );
    if !parts.single.is_empty() {
        out.push_str("\n### Reported by one outlet\n\n");
        for figure in &parts.single {
            let by = labels.list(figure_articles(figure));
            let wording = figure_wordings(figure)
                .iter()
                .map(|t| one_line(t))
                .collect::<Vec<_>>();
            out.push_str(&format!("- {} ({})\n", wording.join(" / "), by.join(", ")));
        }
    }
}

/// A section of figure groups, each as its mentions joined by `joiner` ("a vs b", "a → b").
fn figure_mentions(
    out: &mut String,
    heading: &str,
    figures: &[&BriefFigure],
    joiner: &str,
    labels: &Labels,
) {
    if figures.is_empty() {
        return;
    }
    out.push_str(&format!("\n### {heading}\n\n"));
    for figure in figures {
        let each: Vec<String> = figure
            .mentions
            .iter()
            .map(|m| format!("{} ({})", one_line(&m.text), labels.get(&m.article)))
            .collect();
        out.push_str(&format!(
            "- **{}**: {}\n",
            one_line(&figure.about),
            each.join(joiner)
        ));
    }
}

fn exclusives(out: &mut String, brief: &Brief, labels: &Labels) {
    let groups = exclusives_by_article(brief);
    if groups.is_empty() {
        return;
    }
    out.push_str("\n## Only in one outlet\n");
    for (id, texts) in groups {
        out.push_str(&format!("\n### Only in {}\n\n", labels.get(id)));
        for e in texts {
            out.push_str(&format!("- {}", one_line(&e.text)));
            if !e.copies.is_empty() {
                let copies: Vec<&str> = e.copies.iter().map(|c| labels.get(c)).collect();
                out.push_str(&format!(
                    " (also in its wire copies: {})",
                    copies.join(", ")
                ));
            }
            out.push('\n');
        }
    }
}

fn timeline(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.timeline.is_empty() {
        return;
    }
    out.push_str("\n## Timeline\n\n");
    for entry in &brief.timeline {
        let by = labels.list(entry.sources.iter().map(String::as_str));
        out.push_str(&format!(
            "- **{}** — {} [{}]\n",
            dates::timeline(entry.date, entry.precision),
            one_line(&entry.text),
            by.join(", "),
        ));
    }
}

fn entities(out: &mut String, brief: &Brief) {
    let groups = entities_by_kind(brief);
    if groups.is_empty() {
        return;
    }
    out.push_str("\n## Entities\n\n");
    for (heading, list) in groups {
        let names: Vec<String> = list
            .iter()
            .map(|e| match e.titles.first() {
                Some(title) => format!(
                    "{} ({}) ×{}",
                    one_line(&e.name),
                    one_line(title),
                    e.mentions
                ),
                None => format!("{} ×{}", one_line(&e.name), e.mentions),
            })
            .collect();
        out.push_str(&format!("- **{heading}**: {}\n", names.join(", ")));
    }
}

fn diagnostics(out: &mut String, brief: &Brief) {
    if brief.diagnostics.is_empty() {
        return;
    }
    out.push_str("\n## Diagnostics\n\n");
    for d in &brief.diagnostics {
        let level = match d.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        out.push_str(&format!(
            "- {level}: `{}`: {}\n",
            one_line(&d.source),
            one_line(&d.message)
        ));
    }
}

/// Text on one line, since a newline inside a list item or table row would break it, and with
/// `<` escaped, so that markup left in an article is shown rather than run by a Markdown viewer.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('<', "\\<")
}

/// Text for a table cell: on one line, with the column separator escaped.
fn cell(text: &str) -> String {
    let text = one_line(text);
    if text.is_empty() {
        "—".to_string()
    } else {
        text.replace('|', "\\|")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::brief;

    fn md() -> String {
        render_markdown(&brief())
    }

    fn section<'a>(md: &'a str, heading: &str) -> &'a str {
        let start = md
            .find(heading)
            .unwrap_or_else(|| panic!("no {heading} in\n{md}"));
        let rest = &md[start + heading.len()..];
        let end = rest.find("\n## ").unwrap_or(rest.len());
        &rest[..end]
    }

    #[test]
    fn one_block_per_speaker_with_each_statement_and_disputes() {
        use parallax_core::{BriefQuote, QuoteAttribution, QuoteVariant};
        let mut b = brief();
        let variant = |text: &str, article: &str, speaker: &str| QuoteVariant {
            text: text.into(),
            article: article.into(),
            speaker: Some(speaker.into()),
        };
        b.quotes.insert(
            1,
            BriefQuote {
                speaker: Some("Marta Okonkwo".into()),
                speaker_title: None,
                variants: vec![
                    variant("Nobody was hurt", "a1", "Marta Okonkwo"),
                    variant("Nobody was hurt", "a2", "Marta Okonkwo"),
                    variant("Nobody was hurt", "a3", "Ivo Brand"),
                ],
                attributions: vec![
                    QuoteAttribution {
                        speaker: "Marta Okonkwo".into(),
                        articles: vec!["a1".into(), "a2".into()],
                    },
                    QuoteAttribution {
                        speaker: "Ivo Brand".into(),
                        articles: vec!["a3".into()],
                    },
                ],
            },
        );
        let md = render_markdown(&b);
        let quotes = section(&md, "## Quotes");
        assert_eq!(quotes.matches("**Marta Okonkwo**").count(), 1, "{quotes}");
        assert!(
            quotes.contains("**Marta Okonkwo** — Fire Chief · 2 statements\n\n- Quoted by 2 outlets:\n  - “The fire is contained but not out” — The Harbour Gazette\n"),
            "{quotes}"
        );
        assert!(
            quotes.contains("  - Outlets differ on who said it: Marta Okonkwo (The Harbour Gazette, Velmar Post); Ivo Brand (a3)\n"),
            "{quotes}"
        );
        let html = crate::html::render_html(&b);
        assert!(
            html.contains("<span class=\"badge\">2 statements</span>"),
            "{html}"
        );
        assert!(html.contains("<p class=\"disputed\">Outlets differ on who said it: Marta Okonkwo"));
    }

    #[test]
    fn title_and_sources_table() {
        let md = md();
        assert!(md.starts_with("# Warehouse fire at the Port of Velmar\n"));
        let sources = section(&md, "## Sources");
        assert!(sources.contains("| id | outlet | wire | date | title |"));
        assert!(sources.contains(
            "| a1 | The Harbour Gazette | Reuters | 2025-03-04 | Warehouse fire \\| Port of Velmar |"
        ));
        assert!(sources.contains("| a3 | — | — | — | — |"), "{sources}");
    }

    #[test]
    fn summary_sentences_carry_their_outlets() {
        let md = md();
        let summary = section(&md, "## Summary");
        assert!(
            summary.contains("late Monday. [The Harbour Gazette, Velmar Post, a3]"),
            "{summary}"
        );
        assert!(
            summary.contains("said \\<script>alert(1)\\</script> & more. [Velmar Post]"),
            "{summary}"
        );
    }

    #[test]
    fn quote_groups_show_speaker_title_and_each_outlet() {
        let md = md();
        let quotes = section(&md, "## Quotes");
        assert!(
            quotes.contains("**Marta Okonkwo** — Fire Chief · quoted by 2 outlets"),
            "{quotes}"
        );
        assert!(quotes.contains("- “The fire is contained but not out” — The Harbour Gazette"));
        assert!(quotes.contains("- “the fire is contained, but it is not out” — Velmar Post"));
        assert!(quotes.contains("**Unattributed**\n"));
        assert!(!quotes.contains("**Unattributed** · quoted by"));
    }

    #[test]
    fn figures_in_three_parts() {
        let md = md();
        let figures = section(&md, "## Figures");
        let agree = figures.find("### Where outlets agree").unwrap();
        let differ = figures.find("### Where they differ").unwrap();
        let single = figures.find("### Reported by one outlet").unwrap();
        assert!(agree < differ && differ < single);
        assert!(figures.contains(
            "- three firefighters / 3 firefighters — 3 outlets: The Harbour Gazette, Velmar Post, a3"
        ), "{figures}");
        assert!(figures.contains(
            "- **residents**: nearly 400 residents (The Harbour Gazette) vs more than 450 residents (Velmar Post)"
        ));
        assert!(figures.contains("- 12 tonnes of fertiliser (Velmar Post)"));
    }

    #[test]
    fn exclusives_grouped_by_article() {
        let md = md();
        let only = section(&md, "## Only in one outlet");
        assert!(only.contains(
            "### Only in The Harbour Gazette\n\n- The warehouse was built in 1962. (also in its wire copies: a3)\n- Insurers have sent assessors.\n"
        ), "{only}");
        assert!(only.contains("### Only in Velmar Post\n\n- A ferry service was suspended.\n"));
    }

    #[test]
    fn timeline_writes_each_precision() {
        let md = md();
        let timeline = section(&md, "## Timeline");
        assert!(
            timeline.contains("- **February 2025** — An inspection"),
            "{timeline}"
        );
        assert!(timeline.contains(
            "- **Mon 3 Mar 2025** — The fire broke out late Monday. [The Harbour Gazette, Velmar Post]"
        ));
        assert!(timeline.contains("- **week of 10 Mar 2025** — An inquiry"));
    }

    #[test]
    fn entities_by_kind_then_diagnostics_last() {
        let md = md();
        let entities = section(&md, "## Entities");
        assert!(
            entities.contains("- **People**: Marta Okonkwo (Fire Chief) ×5"),
            "{entities}"
        );
        assert!(entities.contains("- **Places**: Velmar ×4"));
        assert!(entities.find("**Organizations**") < entities.find("**Places**"));
        let diagnostics = md.find("## Diagnostics").unwrap();
        assert!(md[diagnostics..].contains("- warning: `stories/a3.txt`: no date found"));
        assert!(!md[diagnostics..].contains("\n## Entities"));
    }

    #[test]
    fn empty_sections_are_left_out() {
        let mut brief = brief();
        brief.summary.clear();
        brief.quotes.clear();
        brief.figures.clear();
        brief.exclusives.clear();
        brief.timeline.clear();
        brief.entities.clear();
        brief.diagnostics.clear();
        brief.title.clear();
        let md = render_markdown(&brief);
        assert!(md.starts_with("# Brief\n"));
        assert_eq!(md.matches("\n## ").count(), 1, "{md}");
    }

    #[test]
    fn line_breaks_in_text_do_not_break_the_layout() {
        let mut brief = brief();
        brief.summary[0].text = "One\nsentence\n\n## not a heading".to_string();
        let md = render_markdown(&brief);
        assert!(md.contains("\nOne sentence ## not a heading ["));
    }
}
