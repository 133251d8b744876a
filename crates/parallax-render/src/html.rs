//! The brief as one standalone HTML page: inline CSS, no script, no external asset.

use parallax_core::{Brief, Level};

use crate::dates;
use crate::labels::Labels;
use crate::sections::{
    disputed_speakers, entities_by_kind, exclusives_by_article, figure_articles, figure_wordings,
    outlets, quote_articles, quotes_by_speaker, Figures,
};

const STYLE: &str = "
:root { color-scheme: light dark; --fg: #1d1f23; --muted: #5d6470; --bg: #fdfdfc; --line: #d9dce1;
  --chip: #e8eef7; --accent: #2b5fab; --warn: #a05a00; --err: #b3261e; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e6e3; --muted: #a3a8b1; --bg: #17191c;
  --line: #33373d; --chip: #263244; --accent: #8db4ef; --warn: #e0a050; --err: #f08078; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.55 -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .25rem; margin-top: 2.25rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
.meta, .role, .count, .when { color: var(--muted); }
.role { font-weight: normal; }
.src { display: inline-block; background: var(--chip); border-radius: .6rem; padding: 0 .5rem;
  margin: 0 .2rem .15rem 0; font-size: .78rem; white-space: nowrap; }
.badge { display: inline-block; border: 1px solid var(--accent); color: var(--accent); border-radius: .6rem;
  padding: 0 .5rem; font-size: .75rem; font-weight: normal; vertical-align: middle; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
ul, ol { padding-left: 1.25rem; }
li { margin: .3rem 0; }
.summary p { margin: .6rem 0; }
.quote { border-left: 3px solid var(--line); padding-left: .9rem; margin: 1rem 0; }
.quote.multi { border-left-color: var(--accent); }
.quote ul { list-style: none; padding: 0; }
.statement { border-left: 2px solid var(--line); padding-left: .7rem; margin: .6rem 0; }
.statement.multi { border-left-color: var(--accent); }
.disputed { color: var(--accent); font-size: .9rem; }
.vs { display: flex; flex-wrap: wrap; gap: .6rem; margin: .3rem 0 1rem; }
.vs div { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .7rem; flex: 1 1 12rem; }
h4 { font-size: .95rem; margin: .9rem 0 .2rem; color: var(--muted); }
.timeline { list-style: none; padding-left: 0; }
.timeline time { font-weight: 600; margin-right: .4rem; }
.diagnostics .warning strong { color: var(--warn); }
.diagnostics .error strong { color: var(--err); }
details { margin: .5rem 0; }
summary { cursor: pointer; }
";

/// Renders `brief` as a standalone HTML page, ending with a newline.
pub fn render_html(brief: &Brief) -> String {
    let labels = Labels::new(brief);
    let title = if brief.title.trim().is_empty() {
        "Brief"
    } else {
        brief.title.trim()
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"parallax\">\n");
    out.push_str(&format!(
        "<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        escape(title)
    ));
    out.push_str(&format!(
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">Brief of {} · {}</p>\n</header>\n",
        escape(title),
        plural(brief.articles.len(), "article"),
        escape(&brief.schema),
    ));
    sources(&mut out, brief);
    summary(&mut out, brief, &labels);
    quotes(&mut out, brief, &labels);
    figures(&mut out, brief, &labels);
    exclusives(&mut out, brief, &labels);
    timeline(&mut out, brief, &labels);
    entities(&mut out, brief);
    diagnostics(&mut out, brief);
    texts(&mut out, brief, &labels);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// Escapes text for use in HTML content and in quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Source chips for `ids`, each article once.
fn chips<'a>(labels: &'a Labels, ids: impl IntoIterator<Item = &'a str>) -> String {
    labels
        .list(ids)
        .iter()
        .map(|label| format!("<span class=\"src\">{}</span>", escape(label)))
        .collect::<Vec<_>>()
        .join("")
}

fn sources(out: &mut String, brief: &Brief) {
    out.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n");
    if brief.articles.is_empty() {
        out.push_str("<p>No article could be read.</p>\n</section>\n");
        return;
    }
    out.push_str("<table>\n<thead><tr><th>id</th><th>outlet</th><th>wire</th><th>date</th><th>title</th></tr></thead>\n<tbody>\n");
    for a in &brief.articles {
        let title = match (&a.title, &a.url) {
            (Some(t), Some(u)) => {
                format!("{}<br><span class=\"meta\">{}</span>", escape(t), escape(u))
            }
            (Some(t), None) => escape(t),
            (None, Some(u)) => format!("<span class=\"meta\">{}</span>", escape(u)),
            (None, None) => "—".to_string(),
        };
        out.push_str(&format!(
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape(&a.id),
            escape(a.outlet.as_deref().unwrap_or("—")),
            if a.wire.is_empty() {
                "—".to_string()
            } else {
                escape(&a.wire.join(", "))
            },
            dates::published(a.published),
            title,
        ));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

fn summary(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.summary.is_empty() {
        return;
    }
    out.push_str("<section id=\"summary\" class=\"summary\">\n<h2>Summary</h2>\n");
    for s in &brief.summary {
        out.push_str(&format!(
            "<p>{} {}</p>\n",
            escape(&s.text),
            chips(labels, s.sources.iter().map(String::as_str))
        ));
    }
    out.push_str("</section>\n");
}

fn quotes(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.quotes.is_empty() {
        return;
    }
    out.push_str("<section id=\"quotes\">\n<h2>Quotes</h2>\n");
    for block in quotes_by_speaker(brief) {
        let single = block.quotes.len() == 1;
        let by_first = block.quotes.first().map_or(0, |q| quote_articles(q).len());
        out.push_str(&format!(
            "<div class=\"speaker quote{}\">\n<h3>",
            if single && by_first > 1 { " multi" } else { "" }
        ));
        out.push_str(&escape(block.speaker.unwrap_or("Unattributed")));
        if let Some(title) = block.title {
            out.push_str(&format!(" <span class=\"role\">— {}</span>", escape(title)));
        }
        if single && by_first > 1 {
            out.push_str(&format!(
                " <span class=\"badge\">quoted by {}</span>",
                outlets(by_first)
            ));
        } else if !single {
            out.push_str(&format!(
                " <span class=\"badge\">{} statements</span>",
                block.quotes.len()
            ));
        }
        out.push_str("</h3>\n");
        for q in &block.quotes {
            let by = quote_articles(q).len();
            if !single {
                out.push_str(&format!(
                    "<div class=\"statement{}\">",
                    if by > 1 { " multi" } else { "" }
                ));
                if by > 1 {
                    out.push_str(&format!(
                        "<span class=\"badge\">quoted by {}</span>",
                        outlets(by)
                    ));
                }
                out.push('\n');
            }
            out.push_str("<ul>\n");
            for v in &q.variants {
                out.push_str(&format!(
                    "<li><q>{}</q> {}</li>\n",
                    escape(&v.text),
                    chips(labels, [v.article.as_str()])
                ));
            }
            out.push_str("</ul>\n");
            if let Some(d) = disputed_speakers(q, |id| labels.get(id).to_string()) {
                out.push_str(&format!(
                    "<p class=\"disputed\">Outlets differ on who said it: {}</p>\n",
                    escape(&d)
                ));
            }
            if !single {
                out.push_str("</div>\n");
            }
        }
        out.push_str("</div>\n");
    }
    out.push_str("</section>\n");
}

fn figures(out: &mut String, brief: &Brief, labels: &Labels) {
    let parts = Figures::of(brief);
    if parts.is_empty() {
        return;
    }
    out.push_str("<section id=\"figures\">\n<h2>Figures</h2>\n");
    if !parts.agree.is_empty() {
        out.push_str("<h3>Where outlets agree</h3>\n<ul>\n");
        for f in &parts.agree {
            let ids = figure_articles(f);
            let wording: Vec<String> = figure_wordings(f).iter().map(|t| escape(t)).collect();
            out.push_str(&format!(
                "<li><strong>{}</strong> <span class=\"count\">{}</span> {}</li>\n",
                wording.join(" / "),
                outlets(ids.len()),
                chips(labels, ids),
            ));
        }
        out.push_str("</ul>\n");
    }
    if !parts.differ.is_empty() {
        out.push_str("<h3>Where they differ</h3>\n");
        for f in &parts.differ {
            out.push_str(&format!(
                "<h4>{}</h4>\n<div class=\"vs\">\n",
                escape(&f.about)
            ));
            for m in &f.mentions {
                out.push_str(&format!(
                    "<div><strong>{}</strong><br>{}</div>\n",
                    escape(&m.text),
                    chips(labels, [m.article.as_str()])
                ));
            }
            out.push_str("</div>\n");
        }
    }
    if !parts.updated.is_empty() {
        out.push_str("<h3>Updated as the story unfolded</h3>\n<ul>\n");
        for f in &parts.updated {
            let each: Vec<String> = f
                .mentions
                .iter()
                .map(|m| {
                    format!(
                        "{} {}",
                        escape(&m.text),
                        chips(labels, [m.article.as_str()])
                    )
                })
                .collect();
            out.push_str(&format!(
                "<li><strong>{}</strong>: {}</li>\n",
                escape(&f.about),
                each.join(" → ")
            ));
        }
        out.push_str("</ul>\n");
    }
    if !parts.single.is_empty() {
        out.push_str("<h3>Reported by one outlet</h3>\n<ul>\n");
        for f in &parts.single {
            let wording: Vec<String> = figure_wordings(f).iter().map(|t| escape(t)).collect();
            out.push_str(&format!(
                "<li>{} {}</li>\n",
                wording.join(" / "),
                chips(labels, figure_articles(f))
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn exclusives(out: &mut String, brief: &Brief, labels: &Labels) {
    let groups = exclusives_by_article(brief);
    if groups.is_empty() {
        return;
    }
    out.push_str("<section id=\"exclusives\">\n<h2>Only in one outlet</h2>\n");
    for (id, texts) in groups {
        out.push_str(&format!(
            "<h3>Only in {}</h3>\n<ul>\n",
            escape(labels.get(id))
        ));
        for e in texts {
            out.push_str(&format!("<li>{}", escape(&e.text)));
            if !e.copies.is_empty() {
                let copies: Vec<&str> = e.copies.iter().map(|c| labels.get(c)).collect();
                out.push_str(&format!(
                    " <span class=\"copies\">(also in its wire copies: {})</span>",
                    escape(&copies.join(", "))
                ));
            }
            out.push_str("</li>\n");
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn timeline(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.timeline.is_empty() {
        return;
    }
    out.push_str("<section id=\"timeline\">\n<h2>Timeline</h2>\n<ol class=\"timeline\">\n");
    for e in &brief.timeline {
        out.push_str(&format!(
            "<li><time datetime=\"{}\" title=\"{}\">{}</time>{} {}</li>\n",
            e.date.format("%Y-%m-%d"),
            escape(&e.when),
            escape(&dates::timeline(e.date, e.precision)),
            escape(&e.text),
            chips(labels, e.sources.iter().map(String::as_str)),
        ));
    }
    out.push_str("</ol>\n</section>\n");
}

fn entities(out: &mut String, brief: &Brief) {
    let groups = entities_by_kind(brief);
    if groups.is_empty() {
        return;
    }
    out.push_str("<section id=\"entities\">\n<h2>Entities</h2>\n");
    for (heading, list) in groups {
        out.push_str(&format!("<h3>{heading}</h3>\n<ul>\n"));
        for e in list {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" title=\"also: {}\"", escape(&e.aliases.join(", ")))
            };
            let role = e
                .titles
                .first()
                .map(|t| format!(" <span class=\"role\">— {}</span>", escape(t)))
                .unwrap_or_default();
            out.push_str(&format!(
                "<li{aliases}>{}{role} <span class=\"count\">×{} in {}</span></li>\n",
                escape(&e.name),
                e.mentions,
                plural(e.sources.len(), "article"),
            ));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");
}

fn diagnostics(out: &mut String, brief: &Brief) {
    if brief.diagnostics.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"diagnostics\" class=\"diagnostics\">\n<h2>Diagnostics</h2>\n<ul>\n",
    );
    for d in &brief.diagnostics {
        let level = match d.level {
            Level::Warning => "warning",
            Level::Error => "error",
        };
        out.push_str(&format!(
            "<li class=\"{level}\"><strong>{level}</strong> <code>{}</code>: {}</li>\n",
            escape(&d.source),
            escape(&d.message)
        ));
    }
    out.push_str("</ul>\n</section>\n");
}

fn texts(out: &mut String, brief: &Brief, labels: &Labels) {
    if brief.articles.iter().all(|a| a.text.trim().is_empty()) {
        return;
    }
    out.push_str("<section id=\"texts\">\n<h2>Clean text of each article</h2>\n");
    for a in &brief.articles {
        let head = match &a.title {
            Some(t) => format!("{} — {}", escape(labels.get(&a.id)), escape(t)),
            None => escape(labels.get(&a.id)),
        };
        out.push_str(&format!("<details>\n<summary>{head}</summary>\n"));
        for paragraph in a.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            out.push_str(&format!("<p>{}</p>\n", escape(paragraph.trim())));
        }
        out.push_str("</details>\n");
    }
    out.push_str("</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::brief;

    #[test]
    fn escape_neutralises_markup() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("Café — plain"), "Café — plain");
    }

    #[test]
    fn page_is_standalone_and_escaped() {
        let html = render_html(&brief());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.ends_with("</html>\n"));
        assert!(html.contains("<style>"));
        assert!(!html.contains("<script"), "a script tag got through");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."));
        for external in ["<link", "src=", "http://", "@import", "url("] {
            assert!(
                !html.contains(external),
                "page refers outside itself: {external}"
            );
        }
    }

    #[test]
    fn sections_carry_the_brief() {
        let html = render_html(&brief());
        assert!(html.contains("<title>Warehouse fire at the Port of Velmar</title>"));
        assert!(html.contains("Marta Okonkwo <span class=\"role\">— Fire Chief</span> <span class=\"badge\">quoted by 2 outlets</span>"));
        assert!(html.contains("<h3>Where outlets agree</h3>"));
        assert!(html.contains("<h4>residents</h4>"));
        assert!(html.contains(
            "<strong>more than 450 residents</strong><br><span class=\"src\">Velmar Post</span>"
        ));
        assert!(html.contains("<h3>Only in The Harbour Gazette</h3>"));
        assert!(html.contains(
            "<time datetime=\"2025-03-10\" title=\"next week\">week of 10 Mar 2025</time>"
        ));
        assert!(html.contains("<li title=\"also: Okonkwo\">Marta Okonkwo"));
        assert!(html.contains(
            "<li class=\"warning\"><strong>warning</strong> <code>stories/a3.txt</code>"
        ));
    }

    #[test]
    fn tags_balance() {
        let html = render_html(&brief());
        for tag in [
            "section", "ul", "ol", "div", "table", "details", "p", "li", "h3", "q",
        ] {
            let open = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            let close = html.matches(&format!("</{tag}>")).count();
            assert_eq!(open, close, "<{tag}> opened {open} times, closed {close}");
        }
    }
}
