//! Extraction checks on small pages built here: what must be kept, what must go, and bad input.

use std::time::Instant;

use super::*;

/// Extracts `html` and checks that every `keep` is in the text and no `drop` is.
fn check(html: &str, keep: &[&str], drop: &[&str]) -> HtmlPage {
    let page = extract_html(html);
    let text = page.blocks.join("\n");
    for k in keep {
        assert!(text.contains(k), "missing {k:?} in:\n{text}");
    }
    for d in drop {
        assert!(!text.contains(d), "kept {d:?} in:\n{text}");
    }
    page
}

const PARAS: [&str; 4] = [
    "The harbour authority said on Tuesday that the fire, which started in a warehouse, was under control by noon.",
    "Firefighters from three towns worked through the night, and no one was hurt, a spokeswoman said.",
    "The warehouse held timber, paint and, according to the owner, several tonnes of fertiliser.",
    "Investigators will begin work on Wednesday, once the site has cooled, the authority added.",
];

fn news_page(lang: &str, paras: &[&str], heading: &str) -> String {
    format!(
        r##"<!doctype html><html lang="{lang}"><head><title>Fire at the harbour | Daily Planet</title>
        <meta property="og:site_name" content="Daily Planet"></head><body>
        <div id="cookie-consent">We use cookies to improve your experience. Accept all cookies.</div>
        <header class="site-header"><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav></header>
        <main><article class="story">
          <h1>Fire at the harbour</h1>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
          <div class="article-body">
            <p>{p0}</p><p>{p1}</p><h2>{heading}</h2><p>{p2}</p>
            <div class="newsletter-signup"><p>Sign up for our morning newsletter, delivered to your inbox every day.</p></div>
            <p>{p3}</p>
          </div>
          <aside class="related-stories"><h3>Related</h3><ul>
            <li><a href="/a">Warehouse fires are rising across the region, figures show</a></li>
            <li><a href="/b">Port expansion plan approved after long debate in council</a></li></ul></aside>
        </article>
        <section id="comments"><div class="comment"><p>Reader one: this is a disgrace, and somebody, surely, must answer for it.</p></div></section>
        </main><footer><p>© 2024 Daily Planet. All rights reserved. Terms of use, privacy policy.</p></footer></body></html>"##,
        p0 = paras[0],
        p1 = paras[1],
        p2 = paras[2],
        p3 = paras[3],
    )
}

#[test]
fn keeps_the_article_and_drops_the_chrome() {
    let page = check(
        &news_page("en", &PARAS, "What was stored"),
        &[PARAS[0], PARAS[1], "What was stored", PARAS[2], PARAS[3]],
        &[
            "cookies",
            "Home",
            "Share on",
            "Sign up",
            "Warehouse fires are rising",
            "Reader one",
            "All rights reserved",
        ],
    );
    assert_eq!(page.meta.title.as_deref(), Some("Fire at the harbour"));
    assert_eq!(page.meta.outlet.as_deref(), Some("Daily Planet"));
    assert_eq!(page.language.as_deref(), Some("en"));
    // The headline is metadata, not body text.
    assert!(!page.blocks.iter().any(|b| b == "Fire at the harbour"));
}

/// A page of a site builder names each of its modules a widget, the article's too (here in two
/// modules, neither holding most of the page): the strict pass, which leaves out everything
/// named chrome, keeps only a box of related posts named by both (its "blog" says content), a
/// small part of the page's prose; the lenient pass finds the article.
#[test]
fn an_article_in_a_widget_is_not_lost_to_a_related_box() {
    let paragraphs: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "{} Step {i} of the plan was set out in detail.",
                PARAS[i % 4]
            )
        })
        .collect();
    let widget = |part: &[String]| {
        let part: String = part.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<div class="cms_wrapper cms_wrapper_widget"><div class="only-content">{part}</div></div>"#
        )
    };
    let teaser = "A long teaser of another post on the same blog, with a sentence or two that sums it up for the reader, and more, since a teaser on such a page, written by the editors, runs on for a while.";
    let html = format!(
        r##"<html><body><main><div class="post-space"><div class="content-wrapper">
        <nav class="toc"><a href="#one">Part one</a> <a href="#two">Part two</a></nav>
        <div class="content side-content">{}{}</div></div></div>
        <section class="blog-related-posts"><h2>Related Reads</h2>
        <div><h3><a href="/a">One</a></h3><p>{teaser}</p></div>
        <div><h3><a href="/b">Two</a></h3><p>{teaser} Two.</p></div>
        <div><h3><a href="/c">Three</a></h3><p>{teaser} Three.</p></div>
        <div><h3><a href="/d">Four</a></h3><p>{teaser} Four.</p></div></section></main></body></html>"##,
        widget(&paragraphs[..20]),
        widget(&paragraphs[20..]),
    );
    let keep: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    check(&html, &keep, &["Related Reads", "A long teaser"]);
}

/// A page of two stories one after the other, the next one longer, each `<article>` with its
/// own `<h1>`; the page's title is the first story's.
fn endless_scroll_page(first_h1: &str, next_h1: &str) -> String {
    let next: String = (0..12)
        .map(|i| {
            format!(
                "<p>{} The council met again on day {i}, and the vote, once more, was put off.</p>",
                PARAS[i % 4]
            )
        })
        .collect();
    format!(
        r#"<html><head><title>Fire at the harbour is under control | Daily Planet</title></head><body>
        <div class="stories">
          <article class="story"><h1>{first_h1}</h1>
            <div class="story-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p>
            <p>The port reopened to ships on Thursday morning, a day earlier than planned.</p></div></article>
          <article class="story"><h1>{next_h1}</h1><div class="story-body">{next}</div></article>
        </div></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    )
}

#[test]
fn of_stories_one_after_another_the_one_under_the_title_is_read() {
    check(
        &endless_scroll_page(
            "Fire at the harbour is under control",
            "Council puts off the vote on the new bridge",
        ),
        &[PARAS[0], PARAS[3], "The port reopened"],
        &["The council met again"],
    );
}

#[test]
fn a_longer_story_under_the_title_stays_read() {
    // The longer story is the one the title names: nothing changes.
    check(
        &endless_scroll_page(
            "Council puts off the vote on the new bridge",
            "Fire at the harbour is under control",
        ),
        &[
            "The council met again on day 0",
            "The council met again on day 11",
        ],
        &[],
    );
}

#[test]
fn a_headline_over_the_article_in_a_box_of_its_own_is_not_an_article() {
    // The title's `<h1>` in a header box with a dek, the body beside it under a second `<h1>`
    // (a template's): the header holds under 400 characters of prose, no story of its own, so
    // the body stays read.
    let body: String = (0..6).map(|i| format!("<p>{}</p>", PARAS[i % 4])).collect();
    let dek = "The blaze that closed the port for two days is out, the authority says, and the ships that waited in the bay may come in from tomorrow, once the quays are checked.";
    let html = format!(
        r#"<html><head><title>Fire at the harbour is under control</title></head><body>
        <div class="header"><h1>Fire at the harbour is under control</h1><p>{dek}</p></div>
        <div class="main"><h1>News</h1><div class="body">{body}</div></div></body></html>"#
    );
    check(&html, &[PARAS[0], PARAS[3]], &[]);
}

#[test]
fn works_the_same_in_other_languages() {
    let de = [
        "Die Hafenbehörde teilte am Dienstag mit, das Feuer, das in einem Lagerhaus ausbrach, sei gegen Mittag unter Kontrolle gewesen.",
        "Feuerwehrleute aus drei Orten arbeiteten die ganze Nacht, verletzt wurde niemand, sagte eine Sprecherin.",
        "In dem Lager befanden sich Holz, Farbe und, nach Angaben des Besitzers, mehrere Tonnen Dünger.",
        "Die Ermittler beginnen am Mittwoch mit der Arbeit, sobald der Ort abgekühlt ist, hieß es weiter.",
    ];
    check(
        &news_page("de", &de, "Was gelagert war"),
        &de,
        &["cookies", "Sign up", "Reader one"],
    );
    let ja = [
        "港湾当局は火曜日、倉庫で発生した火災が正午までに鎮火したと発表した。けが人はいなかった。",
        "三つの町の消防士が夜通し消火活動にあたり、広報担当者によると負傷者はいなかったという。",
        "倉庫には木材や塗料、所有者によれば数トンの肥料が保管されていた。",
        "調査は現場が冷えた後、水曜日に始まる予定だと当局は付け加えた。",
    ];
    check(
        &news_page("ja", &ja, "保管されていたもの"),
        &ja,
        &["Share on", "Reader one"],
    );
}

#[test]
fn truncated_and_malformed_html_still_yield_text() {
    let full = news_page("en", &PARAS, "What was stored");
    let cut = &full[..full.find(PARAS[2]).unwrap() + 40];
    let page = extract_html(cut);
    assert!(page.blocks.join(" ").contains(PARAS[0]));
    let malformed = format!(
        "<html><body><div class=body><p>{}<p>{}<b><i>{}</b></i></span></div></div><p {}",
        PARAS[0], PARAS[1], PARAS[2], "<<>>\"'"
    );
    check(&malformed, &[PARAS[0], PARAS[1]], &[]);
    for junk in [
        "",
        "<",
        "<<<>>>",
        "</p></div>",
        "<html",
        "\u{0}\u{1}<p>\u{fffd}</p>",
        "<!--",
        "<script>",
    ] {
        let _ = extract_html(junk);
    }
}

#[test]
fn a_page_nested_100000_levels_deep_is_quick() {
    for tag in ["div", "span", "section", "table", "a"] {
        let page = format!(
            "<html><body>{}<p>{}</p></body></html>",
            format!("<{tag}>").repeat(100_000),
            PARAS[0]
        );
        let start = Instant::now();
        let out = extract_html(&page);
        // Generous for debug builds on a busy machine; without the depth guard `div` takes minutes.
        assert!(
            start.elapsed().as_secs() < 20,
            "{tag}: {:?}",
            start.elapsed()
        );
        if tag != "a" {
            assert!(out.blocks.join(" ").contains("harbour authority"), "{tag}");
        }
    }
}

#[test]
fn a_20_mb_page_is_read_whole() {
    let mut page = String::from("<html><body><article>");
    let mut n = 0;
    while page.len() < 20 << 20 {
        page.push_str("<p>");
        page.push_str(PARAS[n % 4]);
        page.push_str("</p>\n");
        n += 1;
    }
    let out = extract_html(&page);
    assert_eq!(out.blocks.len(), n);
}

/// A page of `body` inside a plain layout with a menu and a footer.
/// `count` paragraphs of [`PARAS`], in turn.
fn paragraphs(count: usize) -> String {
    PARAS
        .iter()
        .cycle()
        .take(count)
        .map(|p| format!("<p>{p}</p>"))
        .collect()
}

fn plain_page(body: &str) -> String {
    format!(
        r#"<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <div id="page">{body}</div><footer><p>Contact and imprint of the site.</p></footer></body></html>"#
    )
}

#[test]
fn a_section_anchored_by_its_heading_is_not_named_chrome() {
    // The id is the heading's words ("sharing"), not a name for a share bar.
    let body = format!(
        r#"<div class="body"><p>{}</p><p>{}</p><p>{}</p><div class="section" id="sharing-the-load-with-a-second-crew"><h2>Sharing the load with a second crew</h2><p>{}</p></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Home"]);
}

#[test]
fn a_subheading_anchored_for_a_table_of_contents_is_not_named_chrome() {
    // A table of contents links to each subheading by an id spelled from its words, here after
    // a "nav" prefix: the heading is the section's title, not a menu.
    let body = format!(
        r#"<div class="body"><p>{}</p><p>{}</p><h3 class="subheading" id="nav_fire_crews__0">Fire crews from three towns</h3><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &["Fire crews from three towns", PARAS[2]],
        &["Home"],
    );
}

#[test]
fn a_folded_part_of_the_article_is_kept_and_its_link_is_not() {
    let rest = [
        "The owner said the building had passed an inspection in the spring, and that the alarms worked.",
        "Neighbours were told to keep their windows closed overnight, as smoke drifted over the old town.",
        "The council will meet on Thursday to discuss whether the harbour needs a fire station of its own.",
        "Insurance assessors are expected at the site next week, once investigators have finished their work.",
        "A second warehouse on the same quay, which holds grain, was not touched by the flames at all.",
    ];
    let before = "The harbour reopened to ferries in the afternoon, though the quay itself stays closed for now.";
    let body = format!(
        r#"<div class="story-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{before}</p><div class="read-more-link"><a href="/next">Read more</a></div><div id="read-more"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], rest[0], rest[1], rest[2], rest[3], rest[4]
    );
    check(&plain_page(&body), &rest, &["Read more"]);
}

#[test]
fn an_article_split_by_an_ad_keeps_both_parts_named_alike() {
    let filler =
        "A sentence that only makes this part of the story longer, and longer, and longer still.";
    let body = format!(
        r#"<article><div class="column"><div class="story-body story-body-1"><p>{}</p></div></div><div class="ad-slot-wrapper"><p>Advertisement</p></div><div class="column"><span class="anchor"></span><div class="story-body story-body-2"><p>{}</p><p>{}</p><p>{}</p><p>{filler}</p><p>{filler}</p><p>{filler}</p></div></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Advertisement"]);
}

#[test]
fn an_article_in_sections_of_one_template_keeps_its_short_introduction() {
    // A page builder's post: each part in a box of boxes of its own section, the introduction
    // one short paragraph, far below the best-scored part.
    let intro =
        "This guide explains what the fire at the harbour cost the port and what it will change.";
    let section = |paras: &[&str]| {
        let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<section class="sb-section"><div class="sb-container"><div class="sb-row"><div class="sb-column"><div class="sb-spacer"></div><div class="sb-element">{paras}</div></div></div></div></section>"#
        )
    };
    let body = format!(
        r#"<div class="sb-page">{}{}{}{}</div>"#,
        section(&[intro]),
        section(&PARAS),
        section(&PARAS[..2]),
        section(&PARAS[2..]),
    );
    check(&plain_page(&body), &[intro, PARAS[0], PARAS[2]], &[]);
}

#[test]
fn chrome_is_named_in_the_page_authors_language_too() {
    let de = [
        "Die Feuerwehr war mit drei Zügen vor Ort, und der Brand war, wie ein Sprecher sagte, am Mittag gelöscht.",
        "Verletzt wurde niemand, die Ursache, so die Polizei, ist noch unklar, die Ermittlungen laufen.",
        "Das Lager, in dem Holz, Farbe und Dünger lagerten, gehört einer Firma aus der Stadt, hieß es.",
    ];
    let chatter = "Leser eins: Das ist ein Skandal, und jemand, ganz sicher, muss dafür geradestehen, oder nicht?";
    let body = format!(
        r#"<div class="artikel-inhalt"><p>{}</p><p>{}</p><p>{}</p></div>
        <div class="kommentare"><p>{chatter}</p><p>{chatter}</p></div>
        <div class="compartir-enlaces"><p>Compartir en Facebook, en X, en WhatsApp, en Telegram o, si lo prefiere, por correo.</p><p>Copiar el enlace, guardar, imprimir, o enviar a un amigo, o a una amiga.</p></div>"#,
        de[0], de[1], de[2]
    );
    check(&plain_page(&body), &de, &["Leser eins", "Compartir"]);
}

#[test]
fn a_named_anchor_left_open_is_no_link() {
    // Old pages open `<a name="top">` and never close it: the parser carries it over every
    // paragraph after it, and counted as a link it would make the whole article link text.
    let body = format!(
        r#"<a name="top"><table><tr><td><p>{}</p><p>{}</p><p>{}</p><p>{}</p></td></tr></table>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &[]);
}

#[test]
fn a_thread_of_comments_that_is_the_page_is_kept() {
    // A forum page: the posts are all the prose there is, in elements named as comments, while
    // menus and link lists make up most of the characters.
    let menu: String = (0..40)
        .map(|i| format!(r#"<li><a href="/board/{i}">Board number {i} of the forum</a></li>"#))
        .collect();
    let body = format!(
        r#"<ul class="boards">{menu}</ul><div class="comments-thread"><div class="message"><p>{}</p><p>{}</p></div><div class="message"><p>{}</p><p>{}</p></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Board number"]);
}

#[test]
fn a_wrapper_named_like_a_sign_up_box_or_a_pop_up_is_judged_by_what_it_holds() {
    let extra = "The mayor, speaking at the scene, said the town would pay for the clean-up, and that the port would reopen on Friday.";
    let teaser =
        "A short summary of another story from this site that runs on for a line or two of text";
    let page = |class: &str| {
        format!(
            r#"<html><body><div class="column"><p>{teaser} one.</p><p>{teaser} two.</p><p>{teaser} three.</p><p>{teaser} four.</p><p>{teaser} five.</p></div>
            <div class="{class}"><div class="main"><div class="post"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{extra}</p></div></div></div>
            <div class="{class}-box"><p>Create an account to save stories for later.</p></div></body></html>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    for class in ["register", "modal-slideshow"] {
        check(
            &page(class),
            &[PARAS[0], PARAS[1], PARAS[2], PARAS[3], extra],
            &["Create an account"],
        );
    }
}

#[test]
fn a_post_printed_only_for_readers_without_scripts_is_read() {
    // A blog whose script draws the post from a template, and prints it in `<noscript>` too.
    let post = format!("<p>{}</p><p>{}</p><p>{}</p>", PARAS[0], PARAS[1], PARAS[2]);
    let body = format!(
        r#"<div class="post"><script type="text/template">{post}</script><noscript>{post}</noscript></div>"#
    );
    check(&plain_page(&body), &PARAS[..3], &[]);
    // One without paragraphs (a counting pixel, a notice) stays out.
    let body = format!(
        r#"<div class="post"><p>{}</p><noscript><div><img src="p.gif"></div>Turn on scripts to see the gallery</noscript><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &PARAS[..3], &["Turn on scripts"]);
    // In the head, a `<noscript>` stays what it is.
    let page = format!(
        "<html><head><title>T</title><noscript><link rel=stylesheet href=a.css></noscript></head><body><p>{}</p><p>{}</p><p>{}</p></body></html>",
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&page, &PARAS[..3], &[]);
}

/// A fifth paragraph, for pages that need a longer article.
const EXTRA: &str = "The mayor, speaking at the scene, said the town would pay for the clean-up, and that the port would reopen on Friday.";

#[test]
fn a_comment_thread_longer_than_the_post_beside_it_is_not_the_article() {
    let comment = "I have been reading this blog for years, and this is, by far, the best thing you have written about it.";
    let comments: String = (0..12)
        .map(|i| format!(r#"<dt>Reader {i} wrote</dt><dd><p>{comment} Number {i}.</p></dd>"#))
        .collect();
    let body = format!(
        r#"<div id="content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{EXTRA}</p><div id="comments"><dl>{comments}</dl></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA],
        &["best thing you have written"],
    );
}

#[test]
fn every_post_of_a_thread_in_table_rows_is_kept() {
    // An old forum: one table row per post, author in one cell and the post in another, the
    // cells' classes alternating; the posts differ in length, so none scores near the longest.
    let posts = [
        format!("{} {} {} {}", PARAS[0], PARAS[1], PARAS[2], PARAS[3]),
        "Thanks, that helps; I will try it on the weekend and report back here.".to_string(),
        format!("{} {}", PARAS[1], EXTRA),
        "Same problem here, and the update, sadly, did not fix it for me.".to_string(),
    ];
    let rows: String = posts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let class = if i % 2 == 0 { "row1" } else { "row2" };
            format!(r#"<tr><td class="{class}">user{i}</td><td class="{class}"><table><tr><td><span class="postbody">{p}</span></td></tr></table></td></tr>"#)
        })
        .collect();
    let body = format!(r#"<table class="forumline">{rows}</table>"#);
    check(
        &plain_page(&body),
        &[PARAS[0], "Thanks, that helps", EXTRA, "Same problem here"],
        &[],
    );
}

#[test]
fn a_forum_thread_of_row_groups_keeps_every_post() {
    // Each post a `<tbody>` of its own, unnamed: a header row (who, when) and a body row; the
    // opening post long, the replies a few lines each.
    let opening = [PARAS, PARAS, PARAS].concat().join("<br><br>");
    let replies = [
        format!("{} {}", PARAS[1], EXTRA),
        "Thanks, that helps; I will try it on the weekend and report back here, if the weather, as they say, holds.".to_string(),
        format!("{} The ferry, too, was late.", PARAS[3]),
        "Same problem here, and the update, sadly, did not fix it for me, nor for my neighbour.".to_string(),
    ];
    let groups: String = std::iter::once(&opening)
        .chain(&replies)
        .enumerate()
        .map(|(i, p)| {
            format!(r#"<tbody><tr><td class="bold l pu"><a href="/t#{i}">Re: The fire</a> by <a href="/u{i}">user{i}</a>: 9:4{i}pm</td></tr><tr><td class="l w pd"><div class="narrow">{p}</div><div class="s"><a href="/like/{i}">Like</a> <a href="/share/{i}">Share</a></div></td></tr></tbody>"#)
        })
        .collect();
    let body = format!(
        r#"<nav><a href="/">Forum</a> <a href="/news">News</a></nav><main><div><table summary="posts">{groups}</table></div></main>"#
    );
    check(
        &plain_page(&body),
        &[
            PARAS[0],
            "Thanks, that helps",
            EXTRA,
            "ferry, too",
            "Same problem here",
        ],
        &[],
    );
}

#[test]
fn a_quotation_in_a_post_is_kept_and_a_sidebar_is_not() {
    let post = |quote: &str, text: &str| {
        format!(
            r#"<div class="message"><div class="author">Ana</div><blockquote class="messageText">
            <aside><div class="attribution">Zitat von Jan:</div><blockquote>{quote}</blockquote></aside>{text}</blockquote></div>"#
        )
    };
    let html = format!(
        r#"<html><body><nav><a href="/">Forum</a></nav><div class="thread">{}{}{}</div>
        <aside><h3>Neue Themen</h3><p>Die besten Tipps rund um den Garten und das Haus für jeden Tag.</p></aside></body></html>"#,
        post(
            "Darf ich als Schleswig-Holsteiner nun an die Küste fahren?",
            PARAS[0]
        ),
        post(
            "Hat man ein Recht auf einen Test, wenn man Symptome hat?",
            PARAS[1]
        ),
        post(
            "Wie lange dauert die Quarantäne für Kontaktpersonen?",
            PARAS[2]
        ),
    );
    check(
        &html,
        &["Zitat von Jan:", "an die Küste fahren?", PARAS[0], PARAS[2]],
        &["Die besten Tipps"],
    );
}

#[test]
fn every_item_of_a_page_built_from_one_template_is_kept() {
    // A page of news briefs: each story in a table of its own, the tables side by side under
    // the body, so that no element holds them all but the page itself; the first story is the
    // longest, the others score a little over half of it.
    let story = |head: &str, paras: &[&str]| {
        let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<div><center><table><tr><td class="side">&nbsp;</td><td><p><b>{head}</b></p>{paras}</td></tr></table></center></div>"#
        )
    };
    let html = format!(
        r#"<html><body><div><ul><li><a href="/">Home</a></li><li><a href="/region">Region</a></li><li><a href="/sport">Sport</a></li></ul></div>{}{}{}</body></html>"#,
        story("Fire at the harbour", &PARAS),
        story("Warehouse contents", &[PARAS[2], EXTRA]),
        story("Inquiry next week", &[EXTRA, PARAS[1]]),
    );
    check(
        &html,
        &[
            "Fire at the harbour",
            PARAS[0],
            "Warehouse contents",
            "Inquiry next week",
            EXTRA,
        ],
        &["Region"],
    );
}

#[test]
fn an_article_in_two_rows_of_a_layout_table_is_kept_whole() {
    // The text in one cell, a photograph's row between, and the rest of the text in the same
    // column two rows down, scoring well under the first part.
    let menu = r#"<a href="/">Home</a> <a href="/region">Region</a> <a href="/sport">Sport</a>"#;
    const LATER: &str = "By evening, the last of the crews had gone home.";
    let body = format!(
        r#"<table><tr><td>{menu}</td><td><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{EXTRA}</p></td></tr><tr><td></td><td><img src="a.jpg"></td></tr><tr><td></td><td><p>{LATER}</p><p>{}</p><p>{}</p></td></tr></table>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &[PARAS[0], EXTRA, LATER], &["Region"]);
}

/// Long sentences without commas: paragraphs that score little each.
const PLAIN: [&str; 4] = [
    "Tickets for the spring concert go on sale at the town hall from nine in the morning on the first Monday of March and cost five pounds for adults and two pounds for children under twelve.",
    "The choir rehearses every Thursday evening in the church hall behind the library and new singers of every age are welcome to come along and listen before they decide to join us.",
    "Parking near the hall is limited on concert nights so we ask visitors who live in the village to walk or share a car and to leave the spaces by the gate for those who cannot.",
    "Our thanks go to the parish council for the grant that paid for the new piano and to the families who baked for the interval at every concert of the last two seasons.",
];

#[test]
fn paragraphs_elsewhere_on_an_old_page_that_names_no_article_are_kept() {
    // The best container holds under a third of the page's prose; the rest lies in cells and
    // boxes of other shapes, none named.
    let elsewhere = format!(
        r#"<center><font>{}</font></center><blockquote><font>{}</font></blockquote>
        <table><tr><td><font>{}</font></td></tr></table><dl><dd>{}</dd></dl>"#,
        PLAIN[0], PLAIN[1], PLAIN[2], PLAIN[3]
    );
    let html = format!(
        r#"<html><body><table><tr><td><a href="/">Home</a> <a href="/concerts">Concerts</a> <a href="/choir">Choir</a></td>
        <td><div><p>{}</p><p>{}</p><p>{}</p></div></td></tr></table>{elsewhere}{elsewhere}</body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(
        &html,
        &[PARAS[0], PLAIN[0], PLAIN[1], PLAIN[3]],
        &["Concerts"],
    );
}

#[test]
fn paragraphs_outside_an_article_the_page_names_are_not_kept() {
    // The same shape, twice the prose outside, but the page names its article: what lies
    // outside it (readers' comments in unnamed boxes) is not its text.
    let elsewhere = format!(
        r#"<center><font>{}</font></center><blockquote><font>{}</font></blockquote>
        <table><tr><td><font>{}</font></td></tr></table><dl><dd>{}</dd></dl>"#,
        PLAIN[0], PLAIN[1], PLAIN[2], PLAIN[3]
    );
    let html = format!(
        r#"<html><body><div class="article-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{EXTRA}</p></div>{elsewhere}{elsewhere}</body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&html, &[PARAS[0], EXTRA], &[PLAIN[0], PLAIN[3]]);
}

#[test]
fn the_columns_of_a_layout_are_no_thread() {
    let teaser =
        "A short summary of another story from this site that runs on for a line or two of text.";
    let body = format!(
        r#"<div id="left"><p>{teaser}</p></div><div id="center"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div><div id="right"><p>{teaser}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["A short summary"]);
}

#[test]
fn every_row_of_a_table_of_entries_is_kept() {
    // Minutes, a log, a list of entries: one table row each, the first far longer than the rest,
    // so that no other row scores near it.
    let rows: String = [
        format!(
            "{} {} {} {} {EXTRA}",
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        ),
        "Item two, the budget, was moved and carried.".to_string(),
        "Item three, the road report, was deferred to June.".to_string(),
    ]
    .iter()
    .map(|r| format!("<tr><td><p>{r}</p></td></tr>"))
    .collect();
    let body = format!("<table>{rows}</table>");
    check(
        &plain_page(&body),
        &[
            PARAS[0],
            "Item two, the budget",
            "Item three, the road report",
        ],
        &[],
    );
}

#[test]
fn a_script_link_around_paragraphs_is_no_link_and_one_around_a_control_is() {
    // `<a href="javascript:">` wrapping the text leads nowhere: the paragraphs are the page's.
    let body = format!(
        r#"<a href="javascript:"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></a>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &[]);
    // Around a few words it is a control, as much chrome as a link.
    let body = format!(
        r#"<div><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div><div><a href="javascript:void(0)">Switch the autoplay of every video on this site</a></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["autoplay"]);
}

#[test]
fn a_sidebar_longer_than_the_article_named_beside_it_is_not_the_page() {
    // A live feed in the sidebar holds more prose than the story, which the page names; its
    // items being named content too does not make the feed the article.
    let feed: String = (0..30)
        .map(|i| format!(r#"<li><div class="item-content"><p>Update number {i} of the feed, on another story of the day, runs on for a line or two, and then some more.</p></div></li>"#))
        .collect();
    let body = format!(
        r#"<div class="main"><div itemprop="articleBody"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div><aside role="complementary"><ul>{feed}</ul></aside>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[0]
    );
    check(&plain_page(&body), &PARAS, &["Update number"]);
}

/// A blog's sidebar of widgets, an "about me" box holding more prose than a short post.
fn blog_page(post: &str, lang: &str) -> String {
    let about: String = (0..6)
        .map(|i| format!("<p>Line {i} about the author of this blog, who writes on boats, harbours and the sea, and has done so, on and off, for many years.</p>"))
        .collect();
    format!(
        r#"<!doctype html><html lang="{lang}"><head><title>A post</title></head><body>
        <div class="main-column"><div class="post hentry"><h3 class="post-title">A post</h3>
        <div class="post-body entry-content">{post}</div>
        <div class="post-footer">Posted by the author at 2:30 PM</div></div></div>
        <div class="columns"><div class="sidebar left"><div class="widget Profile"><h2>About me</h2>{about}</div></div>
        <div class="sidebar right"><div class="widget Text"><h2>Elsewhere</h2>{about}</div></div></div></body></html>"#
    )
}

/// A post of two sentences in the element the page names its article is the page's text, not
/// the sidebar's longer "about me" box: read leniently, the page's prose is in that box, which
/// leaves the post out.
#[test]
fn a_short_post_named_the_article_is_kept_over_a_longer_sidebar() {
    let (first, second) = (
        "Trailer for the documentary about the old ferry that crossed the bay for sixty years.",
        "Every day fewer of the people who sailed on it are left to tell its story!",
    );
    let post = format!("<b>{first}</b><br><br>{second}<br>");
    check(
        &blog_page(&post, "en"),
        &[first, second],
        &["about the author"],
    );
    // Longer than the pass's minimum, the post still holds under a quarter of the page's prose.
    let (third, fourth) = (
        "Le traversier a navigué sur la baie pendant soixante ans, été comme hiver, sans jamais manquer un jour.",
        "Les derniers marins qui l'ont connu se réunissent encore chaque année sur le quai du port.",
    );
    let post = format!("{first}<br>{second}<br>{third}<br>{fourth}");
    check(
        &blog_page(&post, "fr"),
        &[first, fourth],
        &["about the author"],
    );
}

/// A post of a few short lines, each with a linked word, set in the blog's column named content
/// beside its sidebar, whose "about me" is one long `<p>` named for its text: that paragraph is
/// no article the sidebar holds, and the post, a tenth of the sidebar's prose or more, is the
/// page's text though shorter than an article.
#[test]
fn a_post_of_short_lines_is_kept_over_a_sidebar_s_long_about_me() {
    let lines = [
        "Five harbour towns that still build wooden boats.",
        "The oldest <a href=\"/f\">ferry</a> on the coast, and why it still sails.",
        "A lighthouse keeper's <a href=\"/l\">logbook</a> from the winter of storms.",
        "How the fish market's <a href=\"/b\">bell</a> got its crack.",
    ];
    let about = "I write about boats, harbours and the sea, and have done so for many years; before that I sailed on cargo ships, mended nets, kept a lighthouse for a winter and ran a small chandlery by the quay. ".repeat(5);
    let previous: String = (0..10)
        .map(|i| format!(r#"<li><a href="/p{i}">Five harbour links of week {i}</a></li>"#))
        .collect();
    let html = format!(
        r#"<!doctype html><html lang="en"><head><title>Harbour notes: five links</title></head><body>
        <div id="content"><div id="sidebar"><div id="sidebar2"><div id="profile-container"><h2>About me</h2>
        <p class="profile-textblock">{about}</p></div><h2>Previous posts</h2><ul>{previous}</ul></div></div>
        <div id="main"><div id="main2"><h2 class="date-header">Sunday, March 3</h2>
        <div class="post"><h3 class="post-title">Five links</h3>
        <div class="post-body"><div class="separator"><img src="a.jpg"></div>{}<br></div>
        <p class="post-footer">posted by the author at 2:23 PM</p></div></div></div></div></body></html>"#,
        lines.join("<br>\n")
    );
    check(
        &html,
        &["Five harbour towns", "why it still sails", "got its crack"],
        &["lighthouse for a winter"],
    );
}

#[test]
fn the_standfirst_before_the_body_is_kept_and_a_caption_is_not() {
    let standfirst = "The port reopened on Friday. Traders, who had waited a week, said the delay cost them dearly.";
    let caption = "Smoke rising over the warehouse district of the harbour on Tuesday evening.";
    let body = format!(
        r#"<div class="story"><div class="top"><p>{standfirst}</p></div><div class="photo"><p>{caption}</p></div><div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[0], PARAS[1]
    );
    check(&plain_page(&body), &[standfirst, PARAS[3]], &[caption]);
}

#[test]
fn the_standfirst_in_the_article_s_header_is_kept_and_its_byline_is_not() {
    let standfirst = "Ein Feuer hat am Dienstag den Hafen lahmgelegt. Die Feuerwehr war die ganze Nacht im Einsatz.";
    let caption = "Rauch über dem Hafen am Dienstagabend. Das Feuer brannte stundenlang.";
    let body = format!(
        r#"<article><header class="kopf"><h1>Brand im Hafen</h1><p>{standfirst}</p><p>Von Anna Roth</p></header>
        <figure><img src="a.jpg"><figcaption>{caption}</figcaption></figure>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[standfirst, PARAS[0], PARAS[3]],
        &["Von Anna Roth", caption],
    );
}

#[test]
fn a_standfirst_of_one_sentence_under_the_headline_is_kept_and_a_notice_of_one_is_not() {
    let standfirst = "La mairie a fermé le port mardi soir après l'incendie d'un entrepôt rempli de bois et de peinture.";
    let notice = "Cette vidéo ne peut être lue que si JavaScript est activé dans le navigateur de l'ordinateur.";
    let body = format!(
        r#"<article><header class="entete"><h1>Incendie au port</h1><p>{standfirst}</p><p>Par Anna Roth</p></header>
        <div class="media"><p>{notice}</p></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[standfirst, PARAS[0], PARAS[3]],
        &["Par Anna Roth", notice],
    );
}

#[test]
fn a_breadcrumb_trail_in_the_article_s_header_does_not_hide_its_standfirst() {
    // The trail's five blocks would make the header too long for one holding a standfirst.
    let standfirst = "Ein Feuer hat am Dienstag den Hafen lahmgelegt. Die Feuerwehr war die ganze Nacht im Einsatz.";
    let body = format!(
        r#"<article><header class="kopf"><nav><span>Sie befinden sich hier:</span><ol><li><a href="/">Startseite</a></li>
        <li><a href="/panorama">Panorama</a></li><li><strong>Brand im Hafen</strong></li></ol></nav>
        <h1>Brand im Hafen</h1><p>{standfirst}</p><div>Von Anna Roth</div><p><time>Heute, 12:37 Uhr</time></p></header>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[standfirst, PARAS[0], PARAS[3]],
        &["Von Anna Roth", "Startseite"],
    );
}

#[test]
fn a_busy_header_s_standfirst_set_with_the_headline_in_a_box_of_their_own_is_kept() {
    // The header's trail, byline, date, reading time and buttons make it too long to yield an
    // unnamed lead; the box of the headline and the paragraph under it is read as a header.
    let standfirst = "Reçue mardi à la mairie, la syndicaliste a exposé ses revendications au maire. Elle juge la situation du port grave.";
    let notice = "Une erreur est survenue. Veuillez réessayer plus tard.";
    let header = |under_headline: &str| {
        format!(
            r#"<header class="top"><ul class="trail"><li><a href="/social/">Social</a></li><li><a href="/port/">Port</a></li></ul>
            <div class="titles"><h1>Le port en grève</h1>{under_headline}</div>
            <p class="meta">Par <a href="/auteurs/anna-roth/">Anna Roth</a></p><section><span>Publié le 3 mars 2026 à 14h52</span><p>Lecture 4 min.</p></section>
            <ul class="meta__social"><li><span>Ajouter à vos sélections</span><div class="dropdown"><div>Pour ajouter l’article à vos sélections, identifiez-vous</div><a href="/inscription">S’inscrire gratuitement</a><div>Vous avez déjà un compte ? <a href="/connexion">Se connecter</a></div></div></li>
            <li><span>Partager</span></li><li><span>Partager sur Facebook</span></li><li><span>Envoyer par e-mail</span></li></ul></header>"#
        )
    };
    let page = |header: &str| {
        plain_page(&format!(
            r#"<main><section class="zone">{header}<p class="status">Article réservé aux abonnés</p><section class="wrapper"><article class="content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></article></section><aside class="aside"><p>Les plus lus</p></aside></section></main>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        ))
    };
    check(
        &page(&header(&format!("<p>{standfirst}</p>"))),
        &[standfirst, PARAS[0], PARAS[3]],
        &["Anna Roth", "Partager"],
    );
    // A box whose headline has anything else right under it holds no standfirst.
    check(
        &page(&header(&format!("<span>Suivre</span><p>{notice}</p>"))),
        &[PARAS[0], PARAS[3]],
        &[notice],
    );
}

#[test]
fn a_tooltip_in_the_article_s_header_is_no_standfirst() {
    let tooltip =
        "Save this article to read it later. You need a free account to use this feature.";
    let body = format!(
        r#"<article><header class="top"><h1>Fire at the harbour</h1><div class="bookmark"><button></button>
        <div class="tooltip">{tooltip}</div></div></header>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[PARAS[0], PARAS[3]], &[tooltip]);
}

#[test]
fn a_short_standfirst_set_as_an_h2_named_so_is_kept_and_a_section_title_is_not() {
    // Ten words, short of a dek's twelve: only the class naming it a deck tells it from a title.
    let dek = "Traders count the cost of a week of idle cranes.";
    let page = |class: &str| {
        format!(
            r#"<article><header><h1>Harbour fire closes the port</h1><h2 class="{class}">{dek}</h2><p>By Ann Lee</p></header>
            <div class="article-content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    for class in ["article-deck", "article-subhead", "c-subheading"] {
        check(&plain_page(&page(class)), &[dek, PARAS[0], PARAS[3]], &[]);
    }
    check(
        &plain_page(&page("article-title")),
        &[PARAS[0], PARAS[3]],
        &[dek],
    );
    // A page that sets its header twice (one for each of two tabs) says its dek once.
    let body = format!(
        r#"<div class="tab"><h1>Harbour fire closes the port</h1><h2 class="subhead">{dek}</h2></div>
        <div class="tab"><h1>Harbour fire closes the port</h1><h2 class="subhead">{dek}</h2></div>
        <div class="article-content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &[dek, PARAS[0], PARAS[3]], &[]);
    assert_eq!(page.blocks.iter().filter(|b| b.as_str() == dek).count(), 1);
    // So is a standfirst of two sentences under the byline in each header.
    let lead = "Traders count the cost of a week of idle cranes. The port hopes to open on Friday.";
    let header = format!(
        r#"<div class="tab"><header><h1>Harbour fire closes the port</h1><p>By Ann Lee</p><p>{lead}</p></header></div>"#
    );
    let body = format!(
        r#"{header}{header}<div class="article-content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &[lead, PARAS[0], PARAS[3]], &[]);
    assert_eq!(page.blocks.iter().filter(|b| b.as_str() == lead).count(), 1);
}

/// A `<p>` named the subtitle right after the headline is the standfirst however busy the header
/// around them (a trail, a disclosure box, the author's and the editor's lines): the name and
/// the place settle it; a `<p>` named otherwise there is not read so.
#[test]
fn a_paragraph_named_the_subtitle_right_after_the_headline_is_kept_in_a_busy_header() {
    let dek = "A certificate can make your skills stand out and help you ask for the right pay.";
    let page = |class: &str| {
        let trail: String = ["Home", "Careers", "Training", "Certificates"]
            .iter()
            .map(|step| format!(r#"<div class="crumb"><a href="/{step}">{step}</a></div>"#))
            .collect();
        format!(
            r#"<section class="hero"><div class="hero-inner"><div class="trail">{trail}</div>
            <div class="share"><div><a href="/fb">Share</a></div><div><a href="/x">Post</a></div><div><a href="/mail">Mail</a></div></div>
            <h1>The best certificates for a career in business</h1><p class="{class}">{dek}</p>
            <div class="author"><div>Written by Ann Lee, analyst</div><div>Updated 17 September 2025</div>
            <div>Checked by</div><div>Tom Berg, editor</div><div>Tom checked every figure.</div></div></div></section>
            <div class="page"><div class="content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    let kept = check(
        &plain_page(&page("hero-subtitle")),
        &[dek, PARAS[0], PARAS[3]],
        &["Ann Lee"],
    );
    assert_eq!(kept.blocks.first().map(String::as_str), Some(dek));
    check(
        &plain_page(&page("hero-note")),
        &[PARAS[0], PARAS[3]],
        &[dek],
    );
}

/// The article's `<header>` inside the container that holds the body's parts (a page's `<main>`,
/// named the main part by its role, of one section with the header and two boxes of text) gives
/// its lead; the photo credit beside it and the headline stay out.
#[test]
fn the_lead_in_the_article_s_header_inside_the_container_is_kept() {
    let lead = "Auf dem Arbeitsmarkt hat sich einiges getan, aber vieles bleibt zu tun. Zu viele Menschen arbeiten in unsicheren Jobs.";
    let body = format!(
        r#"<header class="site"><nav><ul><li><a href="/a">Programm</a></li><li><a href="/b">Partei</a></li></ul></nav></header>
        <main class="layout" role="main"><section class="wrap"><header><figure><img src="a.jpg"><figcaption>© Foto: Lena Berg</figcaption></figure>
        <div class="intro-wrapper"><div class="intro-bg"></div><div class="intro"><h1>Gute Arbeit für alle</h1><p>{lead}</p>
        <div class="share"><div class="share-button"></div><div class="share-button"></div></div></div></div></header>
        <div class="box"><div class="inner"><div class="text"><p>{}</p><p>{}</p></div></div></div>
        <div class="box"><div class="inner"><div class="text"><p>{}</p><p>{}</p></div></div></div></section></main>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(
        &plain_page(&body),
        &[lead, PARAS[0], PARAS[3]],
        &["Lena Berg", "Gute Arbeit für alle"],
    );
    assert_eq!(page.blocks.first().map(String::as_str), Some(lead));
}

/// A dek set as an `<h2>` after the headline and the line of its publication time is the
/// standfirst; the date line is no text of the article.
#[test]
fn a_standfirst_set_as_an_h2_after_the_headline_s_date_line_is_kept() {
    let dek = "The old ferry seen through forty years of the harbour town's own photographs, letters and logbooks";
    let body = format!(
        r#"<article><div class="top"><h1>Across the bay</h1><p class="pub_date"><span></span> Published 2 hours ago</p><h2>{dek}</h2></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[dek, PARAS[0], PARAS[3]],
        &["Published 2 hours ago"],
    );
}

#[test]
fn a_standfirst_set_as_an_h2_right_after_the_headline_is_kept() {
    // A dek set as a subheading, closing without a stop, before the byline.
    let dek = "Liman, bir depoda çıkan yangının ardından salı gecesi kapatıldı ve itfaiye sabaha kadar çalıştı";
    let body = format!(
        r#"<article><header class="baslik"><h1>Limanda yangın</h1><h2>{dek}</h2><p>Ayşe Demir</p></header>
        <div class="metin"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(
        &plain_page(&body),
        &[dek, PARAS[0], PARAS[3]],
        &["Ayşe Demir"],
    );
    assert_eq!(page.blocks.first().map(String::as_str), Some(dek));
    // Set as an `<h3>` too (a tabloid's standfirst, a newsletter's subtitle).
    let dek = "A fire in a warehouse closed the harbour on Tuesday night, and firefighters worked until dawn.";
    let body = format!(
        r#"<article><header><h1>Harbour fire</h1><h3>{dek}</h3><div class="author">By Anna Roth</div></header>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[dek, PARAS[0], PARAS[3]],
        &["Anna Roth"],
    );
    // An `<h2>` under an `<h1>` that is no sibling of it (a trail's last step as the headline,
    // the article's own headline after it), a short one (a section's title) and a linked one
    // (a teaser's) are no standfirst.
    let headline = "Der Hafen bleibt nach dem Brand in einem Lagerhaus bis mindestens Freitag für alle Schiffe gesperrt";
    let section = "Feuer legt den Hafen für einen Tag lahm";
    let teaser =
        "Neue Pläne für den Hafen werden nach dem Brand im Rat der Stadt am Montag beraten";
    let body = format!(
        r#"<article><div class="pfad"><h1>Panorama</h1></div><header class="kopf"><h2>{headline}</h2><p>Von Anna Roth</p></header>
        <div class="kopf2"><h1>Brand im Hafen</h1><h2>{section}</h2></div>
        <div class="kopf3"><h1>Brand im Hafen</h1><h2><a href="/plan">{teaser}</a></h2></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[3]],
        &[headline, section, teaser],
    );
    // A blog's name, linked, over its tagline: no headline, and no standfirst under it.
    let tagline =
        "Notes from a harbour town on boats, weather, the people who work the docks and their dogs";
    let body = format!(
        r#"<div class="kopf"><h1><a href="/">Harbour Notes</a></h1><h2>{tagline}</h2></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[PARAS[0], PARAS[3]], &[tagline]);
    // A dek the body opens with again is said once.
    let body = format!(
        r#"<article><header class="kopf"><h1>Fire at the harbour</h1><h2>{}</h2></header>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &[PARAS[0], PARAS[3]], &[]);
    assert_eq!(
        page.blocks.iter().filter(|b| b.contains(PARAS[0])).count(),
        1
    );
}

#[test]
fn sentences_written_without_spaces_are_read_as_sentences() {
    let paras = [
        "火曜日の夜、港の倉庫で火災が起き、消防は三つの町から駆けつけて夜通し消火に当たった。",
        "倉庫には木材や塗料のほか、所有者によると数トンの肥料が保管されていたという。",
        "けが人はなく、港湾当局は水曜日の正午までに火はほぼ消し止められたと発表した。",
        "調査は現場が冷えてから、水曜日の午後に始まる予定だと当局は付け加えた。",
    ];
    // Two short sentences with no space between them: the standfirst under the byline.
    let standfirst = "港が一時閉鎖された。再開は金曜日の見通しだ。";
    // A paragraph that is mostly a link, among the others: a sentence of its own.
    let linked = "港湾当局が水曜日に出した発表の全文";
    let body = format!(
        r#"<article><header class="midashi"><h1>港で火災</h1><p>山田花子</p><p>{standfirst}</p></header>
        <div class="honbun"><p>{}</p><p>{}</p><p><a href="/a">{linked}</a>。</p><p>{}</p><p>{}</p></div></article>"#,
        paras[0], paras[1], paras[2], paras[3]
    );
    check(
        &plain_page(&body),
        &[standfirst, linked, paras[0], paras[3]],
        &["山田花子"],
    );
}

#[test]
fn the_key_points_before_the_body_are_kept_and_a_list_of_teasers_is_not() {
    let points = [
        "Ein Feuer hat am Dienstag den Hafen für einen Tag lahmgelegt.",
        "Verletzt wurde nach Angaben der Feuerwehr niemand.",
        "Die Ermittler suchen ab Mittwoch nach der Ursache des Brandes.",
    ];
    let body = format!(
        r#"<div class="artikel"><div class="teaser-liste"><ul><li><a href="/a">Neue Pläne für den Hafen werden im Rat beraten.</a></li><li><a href="/b">Die Fähre fährt wieder nach dem neuen Fahrplan.</a></li></ul></div>
        <div class="kurz"><h2>Das Wichtigste in Kürze</h2><ul><li>{}</li><li>{}</li><li>{}</li></ul></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
        points[0], points[1], points[2], PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[points[0], points[2], PARAS[0], PARAS[3]],
        &["Neue Pläne", "Die Fähre"],
    );
    // Bullets that leave out their stops are key points when they are long enough to be
    // sentences; a menu's short lines are not.
    let points = [
        "Kitchen and bathroom refits cost the most because of the plumbing and wiring work",
        "Cutting the scope of the project lowers its cost but may mean living with older fittings",
    ];
    let body = format!(
        r#"<div class="article"><div class="takeaways"><h4>Key takeaways</h4><ol><li>{}</li><li>{}</li></ol></div>
        <div class="menu"><ul><li>Kitchens</li><li>Bathrooms</li></ul></div>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>"#,
        points[0], points[1], PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[points[0], points[1], PARAS[0], PARAS[3]],
        &["Bathrooms"],
    );
}

#[test]
fn a_list_or_table_between_two_parts_of_the_article_is_kept_and_a_list_of_links_is_not() {
    let paras = [
        "Die Hafenbehörde teilte am Dienstag mit, das Feuer, das in einer Lagerhalle ausgebrochen war, sei gegen Mittag unter Kontrolle gewesen.",
        "Feuerwehrleute aus drei Städten arbeiteten die ganze Nacht, verletzt wurde niemand, sagte eine Sprecherin.",
        "In der Halle lagerten Holz, Farbe und, nach Angaben des Besitzers, mehrere Tonnen Dünger.",
        "Die Ermittler wollen am Mittwoch mit der Arbeit beginnen, sobald die Brandstelle abgekühlt ist.",
    ];
    let html = format!(
        r#"<html><body><nav><a href="/">Home</a></nav><div class="post">
        <div class="text"><p>{}</p><p>{}</p></div>
        <ul><li>Holz</li><li>Farbe in Dosen</li></ul>
        <table><tr><th>Länge</th><td>20 m</td></tr></table>
        <ul><li><a href="/a">Brände im Hafen</a></li><li><a href="/b">Neue Pläne</a></li></ul>
        <div class="text"><p>{}</p><p>{}</p></div></div></body></html>"#,
        paras[0], paras[1], paras[2], paras[3]
    );
    check(
        &html,
        &[
            paras[1],
            "Holz",
            "Farbe in Dosen",
            "Länge",
            "20 m",
            paras[2],
        ],
        &["Brände im Hafen"],
    );
}

#[test]
fn a_lead_named_a_teaser_is_kept_and_a_teaser_of_another_story_is_not() {
    let lead = "Ein Feuer hat am Dienstag den Hafen lahmgelegt. Die Feuerwehr war die ganze Nacht im Einsatz.";
    let body = format!(
        r#"<article><h1>Brand im Hafen</h1><p class="teaser">{lead}</p>
        <div class="text"><p>{}</p><p>{}</p><p>{}</p></div></article>
        <div class="teaser"><p><a href="/b">Neue Pläne für den Hafen. Der Rat entscheidet im Mai.</a></p></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &[lead, PARAS[0]], &["Neue Pläne"]);
}

#[test]
fn a_list_of_links_among_the_paragraphs_is_kept_and_one_after_them_is_not() {
    let page = |list: &str| {
        format!(
            r#"<html><body><div class="post"><p>{}</p>{list}<p>{}</p>
            <ul><li><a href="/x">Older post on harbour safety rules</a></li>
            <li><a href="/y">Newer post on the warehouse district</a></li></ul></div></body></html>"#,
            PARAS[0], PARAS[1]
        )
    };
    // A reading list: each entry a linked title and its author.
    let reading = r#"<ul><li><a href="/a">Notes on port fires</a> by Ann Weller</li>
        <li><a href="/b">Timber in storage</a> by Piet Osman</li></ul>"#;
    check(
        &page(reading),
        &[
            "Notes on port fires by Ann Weller",
            "Timber in storage by Piet Osman",
        ],
        &["Older post", "Newer post"],
    );
    // Links only, however placed, are a menu or headlines.
    let menu = r#"<ul><li><a href="/a">Harbour news from the whole region</a></li>
        <li><a href="/b">Weather warnings for the coming week</a></li></ul>"#;
    check(
        &page(menu),
        &[PARAS[0], PARAS[1]],
        &["Harbour news", "Weather warnings"],
    );
    // A table of entries whose names are links and whose years are not.
    let table = r#"<table><tr><td><a href="/c">The Long Quay</a></td><td>1961</td></tr>
        <tr><td><a href="/d">Night at the Docks</a></td><td>1974</td></tr></table>"#;
    check(
        &page(table),
        &["The Long Quay", "Night at the Docks"],
        &["Older post"],
    );
}

#[test]
fn a_linked_sentence_among_the_paragraphs_is_kept() {
    let linked = r#"<p>So in August I asked <a href="/a">readers to send their own photographs of the harbour</a>.</p>"#;
    let teaser =
        r#"<p><a href="/b">Warehouse fires are rising across the region, figures show</a></p>"#;
    let html = format!(
        "<html><body><div class=\"entry-content\"><p>{}</p><p>{}</p>{linked}{teaser}<p>{}</p><p>{}</p></div></body></html>",
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[
            PARAS[0],
            "So in August I asked readers to send their own photographs of the harbour.",
            PARAS[3],
        ],
        &["Warehouse fires are rising"],
    );
}

/// A line among the paragraphs that introduces an embedded post, mostly links, closes with a
/// colon: it is the article's sentence; a label of two words ("Read more:") is not.
#[test]
fn a_linked_introduction_closing_on_a_colon_among_the_paragraphs_is_kept() {
    let label = r#"<div><a href="/c">Read more</a>:</div>"#;
    for (intro, said, after) in [
        (
            r#"<div>According to <a href="/a">the harbour authority's weekly bulletin</a>, it began with this message from <a href="/b">the night watchman on duty at the quay</a>:</div><div><img src="post.png"></div>"#,
            "it began with this message from the night watchman on duty at the quay:",
            PARAS[3],
        ),
        // A short one, most of it its link, before a list of the article's points.
        (
            r#"<p>Some of the <a href="/a">benefits of the harbour plan</a> include:</p><ul><li>Fewer idle cranes on the quay</li><li>Shorter queues for the lorries</li></ul>"#,
            "Some of the benefits of the harbour plan include:",
            "Fewer idle cranes on the quay",
        ),
    ] {
        let html = format!(
            "<html><body><div class=\"entry-content\"><p>{}</p><p>{}</p>{intro}<p>{}</p>{label}<p>{}</p></div></body></html>",
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        );
        check(&html, &[PARAS[0], said, after, PARAS[3]], &["Read more"]);
    }
}

/// A post that presents numbered entries written as lines broken by `<br>`, each mostly its
/// link, keeps them: the author numbered them. Linked lines without numbers after the article
/// are further reading.
#[test]
fn numbered_lines_of_links_after_the_first_paragraph_are_kept() {
    let entries = r#"<p>1. <a href="/a">The ferry's first crossing</a> (May 6, 2004)<br>2. <a href="/b">A winter of storms on the bay</a> (May 8, 2004)<br>3. <a href="/c">Why the quay was rebuilt</a> (May 11, 2004)</p>"#;
    let further = r#"<p><a href="/d">Warehouse fires are rising across the region</a><br><a href="/e">Port expansion plan approved by the council</a></p>"#;
    let html = format!(
        "<html><body><div class=\"entry-content\"><p>{}</p><p>{}</p>{entries}{further}</div></body></html>",
        PARAS[0], PARAS[1]
    );
    check(
        &html,
        &[
            PARAS[1],
            "1. The ferry's first crossing (May 6, 2004)",
            "3. Why the quay was rebuilt (May 11, 2004)",
        ],
        &["Warehouse fires are rising", "Port expansion plan"],
    );
}

#[test]
fn a_linked_sentence_closing_on_a_quotation_mark_among_the_paragraphs_is_kept() {
    let linked =
        r#"<p>The port's board <a href="/a">called the damage "serious but repairable."</a></p>"#;
    let html = format!(
        "<html><body><div class=\"entry-content\"><p>{}</p><p>{}</p>{linked}<p>{}</p><p>{}</p></div></body></html>",
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[
            PARAS[0],
            "called the damage \"serious but repairable.\"",
            PARAS[3],
        ],
        &[],
    );
}

#[test]
fn a_linked_sentence_opening_or_closing_the_paragraphs_is_kept_and_a_bare_pointer_is_not() {
    // The post's first and last paragraphs, mostly a link to what they report, say something of
    // their own; "Via <a>…</a>." only points elsewhere.
    let first = r#"<p>The port authority this week <a href="/a">approved the payments to the owners of the burnt warehouse and its neighbours</a>.</p>"#;
    let last = r#"<p>Also ahead of the hearing on Thursday, <a href="/b">the council set out its own account of the night at the harbour</a>.</p>"#;
    let via =
        r#"<p>Via <a href="/c">the weekly harbour newsletter of the regional trade board</a>.</p>"#;
    let html = format!(
        "<html><body><div class=\"entry-content\">{first}<p>{}</p><p>{}</p><p>{}</p><p>{}</p>{last}{via}</div></body></html>",
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[
            "The port authority this week approved the payments",
            PARAS[3],
            "Also ahead of the hearing on Thursday, the council set out",
        ],
        &["Via the weekly"],
    );
}

#[test]
fn a_linked_subheading_among_the_paragraphs_is_kept_and_a_teaser_box_is_not() {
    let html = format!(
        r#"<html><body><div class="entry-content"><p>{}</p><p>{}</p>
        <h3>2) <a href="/films/square"><em>The Square</em></a></h3><p>{}</p>
        <div class="more"><h3><a href="/b">Warehouse fires are rising across the region</a></h3></div>
        <p>{}</p></div></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[PARAS[0], "2) The Square", PARAS[2], PARAS[3]],
        &["Warehouse fires are rising"],
    );
}

#[test]
fn a_linked_title_over_its_description_in_one_paragraph_is_kept() {
    let html = format!(
        r#"<html><body><div class="entry-content"><p>{}</p><p>{}</p>
        <p><a href="/a">Preparing for the worst</a><br>Ine looks at the doomsday scenarios shown on television this week.</p>
        <p>{}</p><p>{}</p></div>
        <div class="widget"><p><a href="/b">Archives</a><br><a href="/c">October 2012</a></p></div></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[
            PARAS[0],
            "Preparing for the worst",
            "Ine looks at",
            PARAS[3],
        ],
        &["Archives", "October 2012"],
    );
}

#[test]
fn a_list_of_linked_items_with_words_of_their_own_does_not_sink_the_article() {
    let item = |name: &str, price: &str| {
        format!(
            r#"<li><a href="/deal">{name} portable drive with USB 3.0 and a case</a> for {price} with free shipping</li>"#
        )
    };
    let items: String = [
        ("Two terabyte", "$161.99"),
        ("One terabyte", "$89.99"),
        ("Four terabyte", "$219.99"),
        ("Rugged two terabyte", "$179.99"),
        ("Slim one terabyte", "$79.99"),
        ("Compact half terabyte", "$49.99"),
    ]
    .iter()
    .map(|(n, p)| item(n, p))
    .collect();
    let html = format!(
        r#"<html><body>
        <main><article><div class="entry"><div class="deals-content"><p>{}</p><p>{}</p><p>{}</p><ul>{items}</ul></div></div></article></main>
        <ul class="follow"><li><div class="social-pop-content"><p>Our weekly letter, written by the editors, brings the week's best stories, reviews and guides, every Friday, to you.</p></div></li></ul>
        </body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&html, &[PARAS[0], PARAS[1], PARAS[2]], &["weekly letter"]);
}

#[test]
fn a_comment_scoring_best_inside_the_post_does_not_stand_for_it() {
    let para = |n: u32| {
        format!(
            "<p>Section {n} of the harbour report describes how the crews from the three towns moved the timber and the paint out of the burning warehouse, and how the owner kept a record of every tonne of fertiliser that had been stored there during the long summer months.</p>"
        )
    };
    let post: String = (1..=8).map(para).collect();
    // A reader's comment of many commas outscores any one paragraph of the post around it.
    let comment = "Well, well, well, I, for one, think, frankly, that the plan, the port, the warehouse, the timber, the paint, the fertiliser, the fire, the night, the crews, the towns, the owner, the council, the mayor, the harbour, the docks, the ships, the cranes, and, yes, the gulls, all deserve far better than this sorry state of affairs, really.";
    let reply = "I agree with the first reader that the harbour deserves far better than this.";
    let html = format!(
        r#"<html><body><div class="block"><span class="desc">{post}
        <div><div id="c_div"><div class="note"><p>{comment}</p></div><div class="note"><p>{reply}</p></div></div></div>
        </span></div></body></html>"#
    );
    check(
        &html,
        &["Section 1 of the harbour", "Section 8 of the harbour"],
        &[],
    );
}

#[test]
fn a_post_scoring_a_little_below_a_comment_inside_it_is_taken() {
    let para = |n: u32| {
        format!(
            "<p>Part {n} of the canal survey explains how the lock keepers from the two villages cleared the silt and the reeds from the old basin, and how the trust logged every barge that passed there during the wet spring weeks.</p>"
        )
    };
    // Nine paragraphs of the post score some 0.87 of the comment's many commas.
    let post: String = (1..=9).map(para).collect();
    let comment = "Yes, yes, yes, I, for my part, say, plainly, that the lock, the basin, the silt, the reeds, the barges, the keepers, the trust, the villages, the towpath, the bridge, the boats, the ducks, the weeds, the mud, the rain, the spring, and, truly, the herons, all merit far more care than this poor state of the canal, honestly.";
    let reply = "I agree with the first reader that the canal merits far more care.";
    let html = format!(
        r#"<html><body><div class="block"><span class="desc">{post}
        <div><div id="c_div"><div class="note"><p>{comment}</p></div><div class="note"><p>{reply}</p></div></div></div>
        </span></div></body></html>"#
    );
    check(&html, &["Part 1 of the canal", "Part 9 of the canal"], &[]);
}

#[test]
fn a_heading_linked_to_a_place_in_the_page_is_kept_and_a_jump_link_is_not() {
    // A manual's section headings link back to its table of contents; each section ends with a
    // short jump to the top, and a bar of letters jumps between sections.
    let heading = "Clearing the old basin of silt";
    let body = format!(
        r##"<h3><a href="#s1">A</a> <a href="#s2">B</a> <a href="#s3">C</a></h3>
        <p>{}</p><p>{}</p>
        <h2><a class="toc-backref" href="#toc-2">{heading}</a><a class="headerlink" href="#s2">¶</a></h2>
        <p>{}</p><p>{}</p><h5><a href="#top">Back to top</a></h5>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[heading, PARAS[3]],
        &["Back to top", "A B C"],
    );
}

#[test]
fn a_section_named_for_its_jump_links_is_kept_for_its_paragraphs_and_its_menu_is_not() {
    // A guide splits its text into sections, each reached from a menu of links at the top; the
    // page names the whole block, menu and sections, after the links. A quote form beside it
    // is shorter than the guide.
    let extra = "The mayor, speaking at the scene, said the town would pay for the clean-up, and that the port would reopen on Friday.";
    let body = format!(
        r##"<div class="paragraph--type--jump-link"><div class="jump-link-menu"><ul>
        <li><a href="#one">Where the fire started</a></li><li><a href="#two">What was stored</a></li></ul></div>
        <div class="jump-link-items"><div id="one"><h2>Where the fire started</h2><p>{}</p><p>{}</p><p>{extra}</p></div>
        <div id="two"><h2>What was stored</h2><p>{}</p><p>{}</p></div></div></div>
        <div class="quote-form"><h2>Get a free quote today</h2><p>One of our advisers will call you back within a day to talk through what your home needs.</p>
        <form><p>By sending this form you agree that we may call or text you about our offers at the number you give, that calls may be recorded, and that you can stop them at any time by replying STOP.</p>
        <ol><li>You agree to receive our disclosures by email.</li><li>You agree that we may keep your details for a year.</li></ol>
        <label>First and last name</label><input name="n"><label>Phone</label><input name="p"></form></div>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &PARAS, &["free quote"]);
    assert_eq!(
        page.blocks
            .iter()
            .filter(|b| b.contains("What was stored"))
            .count(),
        1,
        "the menu's link is kept beside the heading: {:?}",
        page.blocks
    );
}

/// How many of a page's blocks hold `text`.
fn times_read(page: &HtmlPage, text: &str) -> usize {
    page.blocks.iter().filter(|b| b.contains(text)).count()
}

#[test]
fn a_part_laid_out_again_for_another_screen_is_read_once() {
    let section = format!("<p>{}</p><p>{}</p><p>{}</p>", PARAS[0], PARAS[1], PARAS[2]);
    // A site builder's copy per breakpoint, and a slider's cloned slide.
    for (first, second) in [
        ("ssr-variant hidden-a1b2c3", "ssr-variant hidden-d4e5f6"),
        ("desktop", "mobile"),
        ("slide", "slide slide-cloned"),
    ] {
        let body = format!(
            r#"<div class="story"><div class="{first}">{section}</div><div class="{second}">{section}</div><p>{}</p></div>"#,
            PARAS[3]
        );
        let page = check(&plain_page(&body), &PARAS, &[]);
        assert_eq!(
            times_read(&page, PARAS[1]),
            1,
            "{first} / {second}: {:?}",
            page.blocks
        );
    }
    // The copy the page names its article is the one read, not the one it names hidden.
    let body = format!(
        r#"<div class="main"><div class="article story hidden">{section}</div><div class="article story">{section}</div></div>"#
    );
    let page = check(&plain_page(&body), &PARAS[..3], &[]);
    assert_eq!(times_read(&page, PARAS[0]), 1, "{:?}", page.blocks);
}

#[test]
fn a_page_s_own_repeats_are_all_read() {
    // Posts of one class quoting the same words, and a headline saying what a caption says.
    let quote = format!("{} {}", PARAS[0], PARAS[1]);
    let body = format!(
        r#"<div class="thread"><div class="post"><p>{quote}</p></div><div class="post"><p>{quote}</p></div><div class="post"><p>{}</p><p>{}</p></div></div>"#,
        PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &PARAS, &[]);
    assert_eq!(times_read(&page, PARAS[0]), 2, "{:?}", page.blocks);
}

#[test]
fn metadata_in_the_attributes_of_ordinary_elements_survives_the_prescan() {
    let body = PARAS.map(|p| format!("<p>{p}</p>")).concat();
    let page = extract_html(&format!(
        r#"<html><head><title>Fire at the harbour</title></head><body><article>
        <h1>Fire at the harbour</h1><address><a href="/staff/ann" rel="author">Ann Lee</a></address>
        <span itemprop="datePublished" content="2024-03-05T09:00:00Z">5 March</span>
        {body}</article></body></html>"#
    ));
    assert_eq!(page.meta.authors, ["Ann Lee"]);
    assert_eq!(page.meta.published.as_deref(), Some("2024-03-05T09:00:00Z"));
}

#[test]
fn a_list_right_after_the_article_is_kept_and_a_list_of_links_there_is_not() {
    let body = format!(
        r#"<div class="product"><div class="description"><p>{}</p><p>{}</p><p>{}</p></div>
        <ul><li>Wasserdicht bis 50 m</li><li>Akku für zwei Wochen</li><li>Gewicht 48 g</li></ul>
        <ul><li><a href="/a">Ähnliche Uhren</a></li><li><a href="/b">Zubehör</a></li></ul></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(
        &plain_page(&body),
        &[PARAS[2], "Wasserdicht bis 50 m", "Gewicht 48 g"],
        &["Ähnliche Uhren", "Zubehör"],
    );
}

#[test]
fn the_article_after_an_inline_widget_goes_on_in_a_part_built_like_the_first() {
    let last = "Die Ermittler wollen am Mittwoch mit der Arbeit beginnen, sobald die Brandstelle abgekühlt ist, sagte die Behörde.";
    let body = format!(
        r#"<div class="wrap"><div><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>
        <div class="ad-slot"><a href="/x">Anzeige</a></div>
        <div><p>{last}</p></div>
        <div><form><p>Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen alle Nachrichten.</p><input type="email"></form></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[PARAS[3], last], &["Newsletter"]);
}

#[test]
fn a_gallery_inside_the_article_body_does_not_stand_for_the_article() {
    // Slides whose captions score more, together, than the article's paragraphs around them.
    let slide = |n: usize| {
        format!(
            "<li>Bild {n}: Ein Feuerwehrmann, müde, steht am Morgen vor der Halle, im Hintergrund der Hafen, die Kräne, die Schiffe und, ganz hinten, die Stadt.</li>"
        )
    };
    let slides: String = (1..=10).map(slide).collect();
    let paragraphs = paragraphs(12);
    let body = format!(
        r#"<div itemprop="articleBody">{paragraphs}
        <div class="gallery"><div class="scroller"><div class="images"><p>10 Bilder</p><ul>{slides}</ul></div></div></div></div>"#
    );
    check(&plain_page(&body), &[PARAS[2], PARAS[3]], &[]);
}

#[test]
fn paragraphs_hidden_from_screen_readers_only_after_the_articles_are_read() {
    // A paywall marks the article's rest `aria-hidden`: it still shows. An icon's label or a
    // loading note so marked, no sentence, stays out, and so does a paragraph hidden by its style.
    let rest = "The authority will publish its report on the cause of the fire before the end of the month.";
    let body = format!(
        r#"<article><h1>Fire at the harbour</h1><p>{}</p><p>{}</p><a id="x"></a><aside class="embed"></aside>
        <p class="paywall" aria-hidden="true">{rest}</p><p aria-hidden="true">Loading…</p>
        <p class="paywall" aria-hidden="true">{}</p><p style="display:none">Subscribe now to read every story in full, wherever you are.</p></article>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(
        &plain_page(&body),
        &[PARAS[0], rest, PARAS[2]],
        &["Loading", "Subscribe now"],
    );
}

#[test]
fn a_main_landmark_hidden_from_screen_readers_while_a_dialog_shows_is_read() {
    // A page saved while its consent box was open: the script that opened it marked the page's
    // `<main>` `aria-hidden`, which hides nothing from the eye. A box so marked inside it still
    // stays out.
    let body = format!(
        r#"<div role="dialog" aria-modal="true"><p>We use cookies to run this site and to measure its audience.</p></div>
        <main aria-hidden="true"><h1>Fire at the harbour</h1>{}<div aria-hidden="true"><p>Share this story with your friends by email.</p></div></main>"#,
        paragraphs(3)
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[2]],
        &["Share this story", "We use cookies"],
    );
    let role = body
        .replace("<main aria-hidden", "<div role=\"main\" aria-hidden")
        .replace("</main>", "</div>");
    check(
        &plain_page(&role),
        &[PARAS[0], PARAS[2]],
        &["Share this story"],
    );
}

#[test]
fn a_page_streamed_in_hidden_segments_is_read_and_other_hidden_text_is_not() {
    // React's streaming render: the article comes last, hidden, for a script to move it into its
    // placeholder; a hidden element of another id is still hidden.
    let body = format!(
        r#"<main><template id="P:1"></template></main>
        <div hidden id="S:1"><article><p>{}</p><p>{}</p><p>{}</p><p>{}</p></article></div>
        <div hidden id="menu"><p>Subscribe today and read every story of the week without limits, from anywhere.</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Subscribe today"]);
}

#[test]
fn a_standfirst_of_one_sentence_named_so_is_kept_and_an_unnamed_one_is_not() {
    // After the byline, not under the headline: only its name tells the lead of one sentence.
    let lead = "Der Brand im Hafen hat am Dienstag den Verkehr auf dem Fluss für einen ganzen Tag lahmgelegt.";
    let notice =
        "Dieses Video kann erst abgespielt werden, wenn JavaScript im Browser aktiviert ist.";
    let body = format!(
        r#"<article><div class="row"><div class="col"><h1>Brand im Hafen</h1><ul class="info"><li>Von Anna Roth</li></ul>
        <div class="wrapper-summary"><p>{lead}</p></div>
        <div class="wrapper-body"><div class="media"><p>{notice}</p></div><div class="text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></div></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[lead, PARAS[0], PARAS[3]],
        &["Von Anna Roth", notice],
    );
    // The page may set it as a subheading.
    let body = format!(
        r#"<article><h1>Incendie au port</h1><h2 class="c-article-summary">Le port a fermé mardi soir après l'incendie d'un entrepôt rempli de bois et de peinture.</h2>
        <div class="c-article-content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &["Le port a fermé mardi soir", PARAS[0]],
        &[],
    );
}

#[test]
fn a_standfirst_named_so_is_kept_in_a_header_that_holds_the_lead_image_and_buttons() {
    let lead = "Die Fähre fiel nach einem Defekt am Ruder aus. Pendler warten seit dem Morgen.";
    let caption = "Die Fähre liegt am Anleger fest. Techniker prüfen das Ruder seit Montag.";
    let header = |lead_class: &str| {
        format!(
            r#"<article><hgroup class="story-header"><div class="story-title"><span class="label">Verkehr</span><div><h1>Die Fähre über den Fluss fällt aus</h1></div></div>
            <h2 class="{lead_class}">{lead}</h2>
            <figure><img src="/f.jpg" alt=""><figcaption>{caption}</figcaption><span>Foto: Archiv</span></figure>
            <div class="byline"><span>Anna Roth</span><span>Redakteurin</span><time>16:30</time></div>
            <div class="tools"><button>Anhören</button><button>Teilen</button></div></hgroup>
            <div class="article-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    check(
        &plain_page(&header("story-intro")),
        &[lead, PARAS[0], PARAS[3]],
        &[caption, "Anhören"],
    );
    // Unnamed, a paragraph among that many blocks may be any box's: none is the lead.
    check(
        &plain_page(&header("story-text")),
        &[PARAS[0]],
        &[lead, caption],
    );
}

#[test]
fn a_standfirst_named_so_may_close_without_a_stop() {
    // As Italian and Spanish ones often do. A lead image's caption, named after it, is none.
    let lead = "Il comune chiude per lavori il ponte sul fiume da lunedì, con deviazioni per autobus e biciclette";
    let caption =
        "Operai al lavoro sulle arcate del ponte nella mattinata di venerdì (Foto di redazione)";
    let body = format!(
        r#"<article><header><h1>Il ponte sul fiume chiude per lavori</h1>
        <div class="lead-image"><img src="/a.jpg" alt=""><p class="lead-image-caption">{caption}</p></div>
        <div class="story__summary"><p>{lead}</p></div></header>
        <div class="story__toolbar"><a href="/share">Condividi</a></div>
        <div class="story__text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[lead, PARAS[0], PARAS[3]],
        &["Condividi", "Operai al lavoro"],
    );
}

#[test]
fn a_standfirst_under_the_headline_is_found_a_few_layouts_above_the_body_and_a_notice_is_not() {
    let lead = "Los vecinos del barrio denuncian la duración de las fiestas, que un año más se alargan dos semanas.";
    let notice = "Está usando un navegador antiguo. Actualícelo para leer mejor esta página.";
    let body = format!(
        r#"<div class="s0"><h1>Las fiestas del barrio</h1><div class="sum"><p>{lead}</p></div><div class="aviso"><p>{notice}</p></div>
        <div class="x1"><span>Lectura: 6 min</span><div class="x2"><span>Publicidad</span><div class="x3"><span>Compartir</span><div class="x4"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></div></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &[lead, PARAS[0], PARAS[3]], &[notice]);
}

#[test]
fn a_teaser_is_read_whole_from_the_article_body_its_json_ld_states() {
    // A paywall shows the opening cut short; the JSON-LD states the whole text.
    let stated = [PARAS, PARAS].concat().join("\\n");
    let teaser = &PARAS[0][..60];
    let page = |ld_body: &str| {
        format!(
            r#"<html><head><script type="application/ld+json">{{"@type":"NewsArticle","headline":"Fire at the harbour","articleBody":"{ld_body}"}}</script></head>
            <body><article><h1>Fire at the harbour</h1><div class="body"><p>{teaser} ...</p>
            <div class="paywall"><p>Subscribe to read on.</p></div></div></article></body></html>"#
        )
    };
    check(&page(&stated), &PARAS, &["Subscribe"]);
    // A stated text that the shown one does not open is another text: the page's stays.
    let other = [
        PARAS[1], PARAS[2], PARAS[3], PARAS[1], PARAS[2], PARAS[3], PARAS[2],
    ]
    .join("\\n");
    check(&page(&other), &[teaser], &[PARAS[3]]);
    // A stated text of escaped markup is not the text.
    let escaped = stated.replace("fertiliser", "fertili&amp;szlig;er");
    check(&page(&escaped), &[teaser], &[PARAS[3]]);
}

#[test]
fn a_listing_of_linked_cards_is_read_with_its_links_and_its_menu_is_not() {
    // Each card is one link around its title and description; the menu's items, among the
    // cards, are bare links.
    let cards = [
        ("Ferry timetable changes from Monday", "Two crossings move to the evening, and the early boat on Sundays is dropped for the winter."),
        ("Library reopens after the flood repairs", "The reading room, closed since March, has new shelves, a ramp and longer hours on Thursdays."),
        ("Market square to lose its parking spaces", "Traders worry about deliveries, while the council says the square will host more stalls."),
        ("Choir wins the regional contest again", "Forty singers, the youngest twelve, took the prize with two songs written by their director."),
    ];
    let items: String = cards
        .iter()
        .map(|(t, d)| format!(r#"<div class="card"><a href="/n"><h3>{t}</h3><p>{d}</p></a></div>"#))
        .collect();
    let body = format!(
        r#"<h1>Latest from the valley</h1><div class="grid">
        <ul><li><a href="/">Home</a></li><li><a href="/town">Town</a></li><li><a href="/sport">Sport</a></li></ul>{items}</div>"#
    );
    check(
        &plain_page(&body),
        &[cards[0].0, cards[0].1, cards[3].0, cards[3].1],
        &["Sport"],
    );
}

#[test]
fn a_listing_of_linked_headings_outweighs_its_cookie_line() {
    // A publication's posts: each card a link around its title set as a heading, its date and
    // reading time outside the link; the one sentence on the page is the site's line on its
    // data policy, which neither makes the page an article nor outscores the cards.
    let titles = [
        "How we moved our nightly builds onto spare machines",
        "Measuring the queue before we tuned the workers",
        "Notes from a year of running our own search cluster",
        "Why the billing service now writes to two stores",
        "A smaller image for every service we deploy",
    ];
    let items: String = titles
        .iter()
        .map(|t| {
            format!(
                r#"<article><div><div><div><a href="/p"><h2>{t}</h2></a></div><div><span>3d ago</span><span>6 min read</span></div></div></div></article>"#
            )
        })
        .collect();
    for policy in [
        "While you read here we keep a record of your visits; by staying, you accept our privacy terms and cookie policy.",
        "Solange Sie hier lesen, speichern wir Ihre Besuche; wer bleibt, nimmt unsere Datenschutzhinweise und Cookies an.",
    ] {
        let body = format!(
            r#"<div><h2>Latest</h2><div><div>{items}</div></div></div>
            <div><div>{policy}</div></div>"#
        );
        check(
            &plain_page(&body),
            &[titles[0], titles[2], titles[4]],
            &[&policy[..30]],
        );
    }
}

#[test]
fn a_recipe_for_cookies_is_no_data_policy_beside_its_teasers() {
    // Every paragraph of the recipe speaks of cookies, none of privacy or consent: it stays the
    // page's text, not the sidebar's linked teasers.
    let teasers: String = (0..8)
        .map(|i| {
            format!(
                r#"<li><a href="/r{i}">A slow weekend bake number {i}: rye loaves, a starter kept going for a month and the crumb it gave</a></li>"#
            )
        })
        .collect();
    let body = format!(
        r#"<article><h1>Brown butter cookies</h1>
        <p>These cookies start with butter browned in a pale pan until it smells of toasted nuts, then cooled for ten minutes.</p>
        <p>Chill the cookie dough for an hour, or overnight, so the cookies keep their shape and crisp edges in the oven.</p>
        <p>Bake the cookies for eleven minutes, turning the tray once, until the rims are golden and the middles still soft.</p>
        <p>Leave the cookies on the tray for five minutes before moving them to a rack; they keep for a week in a tin.</p></article>
        <aside><ul>{teasers}</ul></aside>"#
    );
    check(
        &plain_page(&body),
        &[
            "butter browned",
            "Chill the cookie dough",
            "Bake the cookies",
        ],
        &["slow weekend bake"],
    );
}

#[test]
fn a_chrome_word_only_in_a_modifier_does_not_make_chrome() {
    // `node--promoted` is a node shown as promoted (a shop's product), not a promotion; the
    // element of `grid--adrail` is no rail either. A modifier that is a chrome name, whole
    // (`block--footer`), still names the element.
    let body = format!(
        r#"<article class="node node--promoted"><h1>Fire at the harbour</h1><p>{}</p><p>{}</p>
        <div class="grid grid--adrail"><p>{}</p><p>{}</p></div>
        <div class="block block--footer"><p>Contact the newsroom, our imprint and the terms of this website.</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Contact the newsroom"]);
    // A modifier of many parts: read run by run, a few parts at most, and still matched.
    let many = format!("{}footer", "x-".repeat(200));
    let body = format!(
        r#"<article class="node"><h1>Fire at the harbour</h1><p>{}</p><p>{}</p>
        <div class="grid"><p>{}</p><p>{}</p></div>
        <div class="block block--{many}"><p>Contact the newsroom, our imprint and the terms of this website.</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["Contact the newsroom"]);
}

/// Checks what the markup says a `<div>` of this class is.
#[track_caller]
fn check_class(class: &str, expected: patterns::Chrome) {
    let attrs = attrs::Attrs {
        class: Some(class),
        ..Default::default()
    };
    assert_eq!(patterns::classify("div", &attrs), expected, "{class}");
}

#[test]
fn a_state_class_does_not_name_its_box() {
    // A site builder's columns laid out "in the sidebar style" hold the article in their wide
    // column: `is-style-sidebar` says how the block looks, not that it is a sidebar. A box
    // whose own class names the sidebar still is chrome, and so is one hidden by its class.
    check_class(
        "wp-block-columns alignfull is-style-sidebar is-layout-flex",
        patterns::Chrome::Neutral,
    );
    check_class("IS-STICKY-HEADER wp-block-group", patterns::Chrome::Neutral);
    check_class("sidebar is-layout-flow", patterns::Chrome::Weak);
    check_class("widget-area sidebar", patterns::Chrome::Weak);
    // A shop's product card that may be bought on subscription is no subscription box; a box
    // named a subscription box still is, and so is a sharing bar whose sharing is enabled.
    check_class(
        "card-wrapper product-card-wrapper Subscription-Eligible",
        patterns::Chrome::Neutral,
    );
    check_class("subscription-box", patterns::Chrome::Strong);
    check_class("sharedaddy sd-sharing-enabled", patterns::Chrome::Strong);
}

#[test]
fn a_box_that_stays_on_screen_is_named_by_what_it_is() {
    // "Sticky" says a box stays on screen as the page scrolls, not what it holds: a shop's
    // column of the product's name and description is sticky in many themes. A sticky header, a
    // sticky bar of share buttons, footer or advertisement is chrome by its other name, and so
    // is a bar of controls.
    check_class("tm-sticky-column", patterns::Chrome::Neutral);
    check_class(
        "product__info-container product__info-container--sticky",
        patterns::Chrome::Neutral,
    );
    check_class("bg-dark sticky top-0", patterns::Chrome::Neutral);
    check_class("sticky-header", patterns::Chrome::Weak);
    // A sticky bar of a ranking's filters is chrome as its controls.
    check_class("rank-controls-sticky", patterns::Chrome::Weak);
    check_class("carousel-controls", patterns::Chrome::Weak);
    check_class("sticky-share-bar", patterns::Chrome::Strong);
    check_class("sticky-footer", patterns::Chrome::Weak);
    check_class("sticky-advertisement", patterns::Chrome::Strong);
}

#[test]
fn a_part_whose_class_says_where_or_how_it_is_hidden_is_shown() {
    // "overflow-hidden" clips the box and "hidden-xs" hides it on small screens only: their text
    // is shown. A box whose class is "hidden" is not, nor one a CSS framework's "hide" hides.
    let body = format!(
        r#"<article><h1>Fire at the harbour</h1><div class="intro"><p>{}</p><p>{}</p></div>
        <div class="rounded overflow-hidden"><p>{}</p><p>{}</p></div>
        <div class="note hidden-xs"><p>{}</p></div>
        <div class="hidden"><p>Thank you, your message to the newsroom has been sent.</p></div>
        <div class="box hide"><p>The ferry company said its boats would wait in the bay until the harbour reopened.</p></div></article>"#,
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3],
        "The port reopens to ships on Friday morning, and ferries run again from Saturday."
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[3], "The port reopens"],
        &["Thank you", "wait in the bay"],
    );
}

#[test]
fn a_grid_of_linked_products_stands_for_a_page_whose_other_text_is_no_prose() {
    let notes = [
        "Walking boots for every season and every trail",
        "Waterproof leather and breathable fabric uppers",
        "Free delivery on all orders over fifty pounds",
        "Returns accepted for sixty days after delivery",
        "Sizes from three to thirteen, wide fits too",
        "Resoling service for boots bought in our stores",
        "Gift cards in any amount, sent by post or email",
        "Price match on identical boots from other shops",
    ];
    let notes: String = notes.iter().map(|n| format!("<p>{n}</p>")).collect();
    let grid: String = (1..=30)
        .map(|i| {
            format!(r#"<li class="item"><a href="/p{i}">Hillwalker model {i} boot in waterproof leather</a><span>£{i}9.00</span></li>"#)
        })
        .collect();
    let page = |text: &str| {
        plain_page(&format!(
            r#"<h1>Walking boots</h1><div class="notes">{text}</div><ul class="products">{grid}</ul>"#
        ))
    };
    check(
        &page(&notes),
        &["Hillwalker model 1 boot", "Hillwalker model 30 boot"],
        &[],
    );
    // Beside an article's paragraphs, however short, a grid of links is not the page's text.
    let article: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
    check(&page(&article), &PARAS, &["Hillwalker model 1 boot"]);
}

#[test]
fn the_linked_names_of_a_grid_of_products_are_kept_and_a_menu_and_teasers_are_not() {
    // Each tile of the shop's grid links its product's name, above a price and features of its
    // own: the name is the tile's, not a link away. The menu's items are links only.
    let products = [
        ("Summit daypack, 20 litres", "20 litres", "900 grams"),
        ("Ridge rucksack, 45 litres", "45 litres", "1,400 grams"),
        ("Valley tote in waxed cotton", "12 litres", "600 grams"),
        ("Harbour dry bag with roll top", "30 litres", "350 grams"),
    ];
    let tiles: String = products
        .iter()
        .enumerate()
        .map(|(i, (name, volume, weight))| {
            format!(
                r#"<li class="tile"><div class="badge">Top rated</div><h3><a href="/p{i}">{name}</a></h3>
                <div class="price">£{i}9.00</div><ul class="specs"><li>Capacity: {volume}</li><li>Weight: {weight}</li></ul></li>"#
            )
        })
        .collect();
    let body = format!(
        r#"<h1>Backpacks</h1><div class="listing"><ul class="sort"><li><a href="?s=p">Sort by price</a></li>
        <li><a href="?s=n">Sort by name</a></li><li><a href="?s=r">Sort by rating</a></li></ul>
        <ul class="grid">{tiles}</ul></div>"#
    );
    check(
        &plain_page(&body),
        &[products[0].0, products[3].0, "Capacity: 45 litres"],
        &["Sort by"],
    );
    // Under an article, tiles of other stories (a label and a linked headline) stay out.
    let article: String = PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
    let teasers: String = products
        .iter()
        .map(|(name, _, _)| {
            format!(r#"<li class="teaser"><span class="label">From the region</span><a href="/t">{name} is back</a></li>"#)
        })
        .collect();
    check(
        &plain_page(&format!(
            r#"<h1>Fire</h1><div class="body">{article}<ul class="more">{teasers}</ul></div>"#
        )),
        &PARAS,
        &["is back"],
    );
}

#[test]
fn a_grids_names_are_kept_however_deep_in_their_tiles_and_a_closing_button_is_no_name() {
    // A shop's theme wraps each tile's name in a wrapper, a card, its content and its
    // information box: the name lies six levels under the tile and still names it.
    let products = [
        ("Lakeside enamel mug, blue", "£12.00"),
        ("Lakeside enamel mug, green", "£12.00"),
        ("Campfire kettle, one litre", "£34.50"),
        ("Folding stove", "£58.00"),
    ];
    let tiles: String = products
        .iter()
        .enumerate()
        .map(|(i, (name, price))| {
            format!(
                r#"<li class="grid__item"><div class="card-wrapper"><div class="card"><div class="card__content">
                <div class="card__information"><h3 class="card__heading"><a href="/p{i}">{name}</a></h3>
                <div class="card__price">{price}</div><div class="card__note">Ships within two days</div>
                </div></div></div></div></li>"#
            )
        })
        .collect();
    check(
        &plain_page(&format!(
            r#"<h1>Camp kitchen</h1><div class="collection"><ul class="grid">{tiles}</ul></div>"#
        )),
        &[products[0].0, products[3].0, "£34.50"],
        &[],
    );
    // A card that closes with a link to elsewhere ("See the route map") holds its name in its
    // heading; the button after its own text names nothing.
    let cards: String = products
        .iter()
        .enumerate()
        .map(|(i, (name, price))| {
            format!(
                r#"<div class="cta"><h2>{name}</h2><div class="desc">Price: {price}<br>Stock: {i} left</div>
                <a class="cta-button" href="/map{i}">See the route map</a></div>"#
            )
        })
        .collect();
    check(
        &plain_page(&format!(
            r#"<h1>Camp kitchen</h1><div class="cards">{cards}</div>"#
        )),
        &[products[0].0, "Stock: 3 left"],
        &["See the route map"],
    );
}

#[test]
fn a_products_description_opening_the_main_part_is_kept_above_its_details() {
    // The page names its boxes "content"; the best-scored one holds the product's details, and
    // the description opens the page's `<main>` above it, in a box of its own. What follows the
    // details there (a note on the maker) is not the page's opening.
    let description = [
        "A light daypack for long walks in the hills, with a padded back, two side pockets and a sleeve for water.",
        "Its fabric, woven from recycled bottles, keeps the rain out, and the straps adjust in seconds, even with gloves on.",
        "It weighs 900 grams, holds 20 litres, and comes in three colours: moss, slate and a bright orange for the fog.",
    ];
    let details = [
        "The back panel is made of a breathable mesh, which keeps air moving between the pack and the walker, even uphill.",
        "The main compartment opens wide, so that a jacket, a flask and lunch fit in without a struggle, and stay dry.",
        "A small pocket on the hip belt holds a phone or a map, and the chest strap carries a whistle, for emergencies.",
        "Two loops at the bottom take walking poles, and a hook inside keeps the keys where they can be found at once.",
        "The seams are taped, the zips are covered, and a rain cover folds into its own pocket under the lid, out of sight.",
    ];
    let html = format!(
        r#"<html><body><nav><a href="/">Home</a> <a href="/bags">Bags</a></nav><main class="site">
        <div class="hero"><h1>Summit daypack</h1><div class="intro"><p>{}</p><p>{}</p><p>{}</p></div><div class="price">£49.00</div></div>
        <div class="tabs"><h2>Details</h2><div class="tab-content"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>
        <div class="maker"><p>Our workshop in the valley has sewn bags for walkers since 1982, and repairs them too.</p></div>
        </main><footer><p>© 2026 Valley Packs</p></footer></body></html>"#,
        description[0],
        description[1],
        description[2],
        details[0],
        details[1],
        details[2],
        details[3],
        details[4]
    );
    check(
        &html,
        &[description[0], description[1], details[0], details[2]],
        &["Our workshop", "Valley Packs"],
    );
}

#[test]
fn an_element_of_the_main_role_is_the_pages_main_part() {
    // A shop wraps its product in `<div role="main">`, not `<main>`: ARIA's main part is HTML's.
    // The description opening it, deep in boxes of its own above the best-scored box of
    // details, is the page's text; what follows the details there (a note on the maker) is not
    // its opening, on a page typing its product.
    let description = [
        "A light daypack for long walks in the hills, with a padded back, two side pockets and a sleeve for water.",
        "Its fabric, woven from recycled bottles, keeps the rain out, and the straps adjust in seconds, even with gloves on.",
    ];
    let details = [
        "The back panel is made of a breathable mesh, which keeps air moving between the pack and the walker, even uphill.",
        "The main compartment opens wide, so that a jacket, a flask and lunch fit in without a struggle, and stay dry.",
        "A small pocket on the hip belt holds a phone or a map, and the chest strap carries a whistle, for emergencies.",
        "Two loops at the bottom take walking poles, and a hook inside keeps the keys where they can be found at once.",
    ];
    let boxes = |part: &str, text: &str| {
        format!(
            r#"<div class="{part}-a"><div class="{part}-b"><div class="{part}-c"><div class="{part}-d"><div class="{part}-e">{text}</div></div></div></div><div class="side">Ships in two days</div></div>"#
        )
    };
    let paragraphs = |texts: &[&str]| {
        texts
            .iter()
            .map(|t| format!("<p>{t}</p>"))
            .collect::<String>()
    };
    let html = format!(
        r#"<html><head><script type="application/ld+json">{{"@type":"Product","name":"Summit daypack"}}</script></head>
        <body><nav><a href="/">Home</a> <a href="/bags">Bags</a></nav><div id="dp" role="main"><h1>Summit daypack</h1>{}{}{}</div>
        <footer><p>© 2026 Valley Packs</p></footer></body></html>"#,
        boxes("intro", &paragraphs(&description)),
        boxes("details", &paragraphs(&details)),
        boxes("maker", "<p>Our workshop in the valley has sewn bags for walkers since 1982, and repairs them too, for free.</p>"),
    );
    check(
        &html,
        &[description[0], description[1], details[0], details[3]],
        &["Our workshop", "Valley Packs"],
    );
}

#[test]
fn the_parts_of_a_box_named_both_ways_are_judged_with_it() {
    // A box named content and a pop-up ("details" and "modal") holds paragraphs, so it is the
    // page's text; its paragraphs bear its BEM block's name and, one by one, are short: they are
    // its parts, kept with it. A box named so that holds little is still left out.
    let html = r#"<html><body><main><h1>Oak shelf unit</h1>
        <div class="product-details-modal"><h2 class="product-details-modal__title">Product details</h2>
          <p class="product-details-modal__paragraph">The plain design with straight lines makes the shelf easy to place in any room.</p>
          <p class="product-details-modal__paragraph">Stand it upright as a bookcase, or lay it on its side and use it as a low bench.</p>
          <p class="product-details-modal__paragraph">Fill the open shelves with books, or add boxes to keep small things out of sight.</p>
          <div class="product-details-modal__section"><p class="product-details-modal__paragraph">Each shelf carries up to thirteen kilograms, evenly spread across its width.</p>
          <p class="product-details-modal__paragraph">Wipe it with a damp cloth and a mild soap, then dry it with a clean cloth.</p></div></div>
        <div class="newsletter-modal"><p class="newsletter-modal__text">Get ten per cent off your first order today.</p></div>
        </main></body></html>"#;
    check(
        html,
        &[
            "plain design with straight lines",
            "lay it on its side",
            "add boxes",
            "thirteen kilograms",
            "mild soap",
        ],
        &["ten per cent off"],
    );
}

#[test]
fn a_panel_folded_behind_a_toggle_is_read_and_a_hidden_menu_is_not() {
    // A shop folds its description and specifications into accordion sections and tabs, hidden
    // until a reader opens them: their text is the page's. A menu hidden the same way is not,
    // nor a popover or a dialog not open, even around a panel.
    let html = r#"<html><body><main><h1>Cedar garden bench</h1>
        <p class="price">$249.00</p>
        <div class="accordion"><button aria-expanded="false">Description</button>
          <div class="accordion__panel" style="display: none"><p>Our bench is built from untreated cedar, which weathers to a soft silver grey and needs no oil.</p>
          <p>It seats three adults, and the slatted seat lets rain run off, so it dries quickly after a shower.</p></div>
          <button aria-expanded="false">Dimensions</button>
          <div id="specs" role="tabpanel" hidden><ul><li>Width: 150 cm</li><li>Depth: 55 cm</li><li>Weight: 21 kg</li></ul></div>
          <div class="answer-collapse" aria-hidden="true"><p>Delivery takes five working days, and the bench arrives fully assembled.</p></div></div>
        <div class="menu" style="display:none"><p>Browse every bench, table and parasol of the new garden season in one place.</p></div>
        <div popover id="install"><div class="tab-content" role="tabpanel"><p>Add this shop to your home screen, then open it from there to get our offers first.</p></div></div>
        <dialog class="sign-in"><p>Sign in to your account to see the orders you placed with us over the past year.</p></dialog>
        </main></body></html>"#;
    check(
        html,
        &[
            "untreated cedar",
            "slatted seat",
            "Width: 150 cm",
            "arrives fully assembled",
        ],
        &["Browse every bench", "home screen", "Sign in"],
    );
}

#[test]
fn a_panel_folded_in_another_language_s_accordion_is_read() {
    // The accordions and FAQ answers of German, French, Spanish, Italian, Portuguese and Polish
    // pages, named in their languages and hidden until a reader opens them.
    let panels = [
        (
            "akkordeon-inhalt",
            "Die Bank ist aus unbehandeltem Zedernholz gebaut und braucht kein Öl.",
        ),
        (
            "accordeon-contenu",
            "Le banc est fait de cèdre brut, qui grisonne sans jamais demander d'huile.",
        ),
        (
            "acordeon-panel",
            "El banco está hecho de cedro sin tratar y no necesita aceite nunca.",
        ),
        (
            "fisarmonica-pannello",
            "La panca è fatta di cedro grezzo e non ha mai bisogno di olio.",
        ),
        (
            "faq-resposta",
            "O banco é feito de cedro natural e nunca precisa de óleo nenhum.",
        ),
        (
            "akordeon-tresc",
            "Ławka jest zrobiona z surowego cedru i nigdy nie potrzebuje oleju.",
        ),
    ];
    let body: String = panels
        .iter()
        .map(|(class, text)| {
            format!(r#"<button aria-expanded="false">Mehr</button><div class="{class}" style="display: none"><p>{text}</p></div>"#)
        })
        .collect();
    let html = format!(
        r#"<html><body><main><h1>Cedar garden bench</h1><p>{}</p><p>{}</p><p>{}</p>{body}</main></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    let keep: Vec<&str> = panels.iter().map(|(_, text)| *text).collect();
    check(&html, &keep, &[]);
}

#[test]
fn a_page_hidden_by_its_wrapper_until_a_script_shows_it_is_read() {
    // The whole page sits in a wrapper an inline style hides until the page's scripts load.
    let html = format!(
        r#"<html><body><div id="app" style="visibility: hidden; min-height: 100vh">
        <nav><a href="/">Home</a> <a href="/docs">Docs</a></nav>
        <main><h1>Getting started</h1><p>{}</p><p>{}</p><p>{}</p></main>
        <div class="menu" style="display:none">Open menu</div></div></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    let page = check(&html, &[PARAS[0], PARAS[1], PARAS[2]], &[]);
    assert!(page.visible_chars > 250);
    // A page with text shown keeps what its styles hide hidden.
    let shown = format!(
        r#"<html><body><main><p>{}</p><p>{}</p><p>{}</p>
        <div style="display:none"><p>{}</p></div></main></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&shown, &[PARAS[0], PARAS[1], PARAS[2]], &[PARAS[3]]);
}

#[test]
fn a_main_or_a_page_shown_by_a_script_from_hidden_boxes_is_read() {
    // A shop's header and footer show, but its `<main>` sits in a box an inline style hides
    // until an app has checked the visitor (beside the notice it shows when that fails): the
    // catalogue is the page's text.
    let nav: String = [
        "Benches", "Tables", "Parasols", "Planters", "Lighting", "Sale",
    ]
    .iter()
    .map(|n| format!(r#"<a href="/{n}">{n}</a> "#))
    .collect();
    let footer = "Cedar & Co. makes garden furniture by hand in a small workshop by the river, from wood of the valley's own forests. Orders leave within two working days, and returns are free for thirty days.";
    let tiles: String = (1..=6)
        .map(|n| {
            format!(
                r#"<li class="grid__item"><div class="card"><h3><a href="/p/{n}">Cedar bench, model {n}</a></h3>
                <div class="price">Regular price ${n}49.00</div></div></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><header><nav>{nav}</nav></header>
        <main><div class="lock-notice" style="display:none"><p>Access denied.</p></div>
        <div class="locked-content" style="display:none"><h1>Garden benches</h1><p>{}</p><p>{}</p>
        <ul class="grid">{tiles}</ul></div></main>
        <footer><p>{footer}</p><p>{footer}</p></footer></body></html>"#,
        PARAS[0], PARAS[1]
    );
    let page = check(&html, &[PARAS[0], PARAS[1], "Regular price $149.00"], &[]);
    assert!(page.visible_chars >= 250);
    // A page that shows a tenth of its text or less, its parts sent in hidden boxes that a
    // script moves into place: those parts are its text.
    let parts: String = (0..12)
        .map(|_| {
            format!(
                r#"<div style="display: none"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>"#,
                PARAS[0], PARAS[1], PARAS[2], PARAS[3]
            )
        })
        .collect();
    let links: String = (0..7).map(|_| nav.clone()).collect();
    let html = format!(
        r#"<html><body><header><nav>{links}</nav></header><div id="placeholder"></div>{parts}</body></html>"#
    );
    let page = check(&html, &[PARAS[0], PARAS[3]], &[]);
    assert!(page.visible_chars >= 250);
}

#[test]
fn a_shops_thread_of_customer_reviews_is_not_its_product_description() {
    let review = |n: usize| {
        format!(
            r#"<div class="customer-review"><div class="review-text">I bought this kettle {n} months ago and, honestly, it has been great: it boils fast, the handle stays cool, and the lid closes well.</div>
            <div class="review-text">My only complaint, after using it every morning, is that the base is a little light, so it slides on the counter.</div></div>"#
        )
    };
    let reviews: String = (1..=3).map(review).collect();
    let html = format!(
        r#"<html><body><main><h1>Steel kettle, 1.7 l</h1>
        <div class="product-description"><p>A brushed steel kettle that boils a full litre in under three minutes, with a concealed element.</p>
        <p>The lid opens wide for filling and cleaning, and the limescale filter lifts out to be rinsed.</p>
        <p>A light on the handle shows when it is heating, and it switches itself off once the water boils.</p>
        <p>The base turns all the way round, so it sits as well for the left-handed as for the right-handed.</p>
        <p>It comes with a two-year guarantee, and spare filters can be ordered separately from the shop.</p>
        <p>The cord winds into the base, and the spout pours cleanly without dripping onto the counter.</p>
        <ul><li>Capacity: 1.7 litres</li><li>Power: 2,200 watts</li><li>Weight: 1.1 kg</li></ul></div>
        <div class="product-reviews-content"><h2>Customer reviews</h2>{reviews}</div></main></body></html>"#
    );
    check(
        &html,
        &[
            "A brushed steel kettle",
            "The lid opens wide",
            "Capacity: 1.7 litres",
        ],
        &["I bought this kettle"],
    );
    // A few testimonials among a service's sections are its text.
    let html = format!(
        r#"<html><body><main><h1>Movers near you</h1><div class="intro"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>
        <div class="reviews-section">{}</div></main></body></html>"#,
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3],
        review(1)
    );
    check(&html, &[PARAS[0], "I bought this kettle 1 months ago"], &[]);
    // A blog's post filed under reviews is the post.
    let html = format!(
        r#"<html><body><main><article class="post category-reviews"><h1>A manual, tested</h1>
        <p>{}</p><p>{}</p><p>{}</p><p>{}</p></article>
        <div class="more"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></main></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[3], PARAS[2], PARAS[1], PARAS[0], PARAS[3]
    );
    let page = check(&html, &[PARAS[0], PARAS[1]], &[]);
    assert!(page.blocks.iter().filter(|b| *b == PARAS[0]).count() == 2);
    // So is one whose class names the term after a part naming the post, its readers' comments
    // below it and a sidebar beside it.
    let comment = |p: &str| format!(r#"<div class="comment"><p>{p}</p></div>"#);
    let html = format!(
        r#"<html><body><div id="alpha"><div class="entry entry-category-book_reviews entry-type-post"><h1>A manual, tested</h1>
        <div class="entry-body"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div>
        <div class="comments">{}{}{}{}{}</div></div>
        <div id="beta"><h2>Books</h2><ul><li><a href="/a">The manual</a></li><li><a href="/b">The sequel</a></li></ul>
        <p>Book the author for your next event</p></div></body></html>"#,
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3],
        comment(PARAS[3]),
        comment(PARAS[2]),
        comment(PARAS[3]),
        comment(PARAS[2]),
        comment(PARAS[3])
    );
    check(&html, &[PARAS[0], PARAS[1]], &["Book the author"]);
}

#[test]
fn a_manuals_introduction_set_in_the_header_box_is_its_opening() {
    let section = |h: &str, p: &str| {
        format!(r#"<section class="content-section"><h2>{h}</h2><p>{p}</p><p>{p}</p></section>"#)
    };
    let html = format!(
        r#"<html><body><main><div class="layout-header"><h1>The table element</h1>
        <div class="toolbar"><a href="/edit">Edit this page</a></div>
        <section class="content-section"><p>The table element holds data laid out in rows and columns, one record a row, with a caption that says what it shows.</p></section></div>
        <div class="layout-body">{}{}{}</div></main></body></html>"#,
        section("Attributes", PARAS[0]),
        section("Layout", PARAS[1]),
        section("Examples", PARAS[2])
    );
    check(
        &html,
        &["The table element holds data", PARAS[0], PARAS[2]],
        &["Edit this page"],
    );
}

#[test]
fn a_description_in_a_box_named_a_header_is_kept_and_a_news_header_is_not() {
    // A shop's summary beside its picture, in a box its page names a header, above the box of
    // its details: two sentences, no links.
    let description = "A sturdy kettle of brushed steel that boils a litre in three minutes. Its handle stays cool to the touch.";
    let shop = format!(
        r#"<div class="shop"><div class="top-area">
        <div class="crumbs"><a href="/">Home</a> <a href="/k">Kitchen</a> <a href="/k/k">Kettles</a></div>
        <div class="title-area"><div class="name">Steel Kettle</div></div>
        <div class="media"><div class="rightcol"><div class="item_header_box"><img src="k.jpg">
        <div class="blurb">{description}</div></div>
        <div class="price">49.00</div><div class="stock">In stock</div><div class="ship">Ships in two days</div></div></div>
        </div>
        <div class="details"><div class="about"><h2>About this item</h2><p>{}</p><p>{}</p><p>{}</p></div></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&shop), &[description, PARAS[0]], &["In stock"]);
    // An article's header holds its headline: its prose, byline and share bar stay out (a
    // standfirst the page names so is kept: `a_standfirst_named_so_is_kept_in_a_header_that_...`).
    let deck =
        "Les pompiers ont lutté toute la nuit contre le feu. Le port restera fermé jusqu'à lundi.";
    let news = format!(
        r#"<div class="page"><div class="top-area">
        <div class="crumbs"><a href="/">Accueil</a> <a href="/r">Région</a> <a href="/r/p">Port</a></div>
        <div class="col"><div class="story-header"><h1>Incendie au port</h1><div class="blurb">{deck}</div>
        <div class="by">Par Anna Roth</div><div class="when">3 décembre 2026</div><div class="tools">Partager</div>
        <div class="tools">Imprimer</div></div></div>
        </div>
        <div class="main"><div class="text"><p>{}</p><p>{}</p><p>{}</p></div></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&news), &[PARAS[0]], &[deck, "Par Anna Roth"]);
}

#[test]
fn a_byte_order_mark_inside_the_page_is_no_text() {
    // A template's included part opens with a byte-order mark: no block of its own, and no
    // sentence opens with it.
    let page = check(
        &format!(
            "<html><body><article><p>{}</p><p>{bom}</p><p>{bom} {}</p><p>{}</p></article></body></html>",
            PARAS[0],
            PARAS[1],
            PARAS[2],
            bom = '\u{feff}'
        ),
        &[PARAS[0], PARAS[1], PARAS[2]],
        &["\u{feff}"],
    );
    assert_eq!(page.blocks.len(), 3, "{:?}", page.blocks);
    assert_eq!(page.blocks[1], PARAS[1]);
}

#[test]
fn a_paragraph_of_zero_width_characters_is_no_block() {
    // A theme spaces its paragraphs with `<p>&zwj;</p>` or a zero-width space; inside a word or
    // an emoji's sequence the character stays.
    let family = "The family emoji \u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} was added to the keyboard in the update, said the maker.";
    let page = check(
        &format!(
            "<html><body><article><p>{}</p><p>&zwj;</p><p>{}</p><p>{zwsp} </p><p>{family}</p></article></body></html>",
            PARAS[0],
            PARAS[1],
            zwsp = '\u{200b}',
        ),
        &[PARAS[0], PARAS[1], family],
        &[],
    );
    assert_eq!(page.blocks.len(), 3, "{:?}", page.blocks);
}

#[test]
fn a_standfirst_named_so_is_found_five_layouts_above_the_body() {
    // The header stands beside a wrapper of the body's wrappers: row, column, layer, story, and
    // the content the text is chosen from, five levels below the article.
    let lead = "Le conseil municipal a voté mardi soir la fermeture du vieux port aux bateaux de plaisance";
    let body = format!(
        r#"<main><article class="story"><header class="story__hero"><div class="story__header"><div class="story__header__content">
        <h1>Le vieux port ferme</h1><em>par <a href="/a">Anne Roy</a></em></div>
        <figure><img src="/p.jpg" alt=""></figure>
        <div class="story__summary"><p>{lead}</p></div></div></header>
        <div class="story__toolbar"><time datetime="2026-03-03">3 mars 2026</time><span>2 minutes de lecture</span></div>
        <div class="bottom-wrapper"><div class="main-content"><div class="story__layer"><div class="story__wrapper">
        <div class="share"><ul><li><a href="/f">Facebook</a></li><li><a href="/x">X</a></li></ul></div>
        <div class="story__content"><div class="story__text">
        <p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></div></div></div></div></article></main>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[lead, PARAS[0], PARAS[3]], &[]);
}

#[test]
fn a_post_s_footnotes_are_kept_and_the_site_s_footer_is_not() {
    let note = "The figure counts only the boats registered in the harbour itself, not those moored there for the season.";
    let body = format!(
        r##"<article class="post"><div class="post-entry"><p>{}</p><p>{}</p><p>{}</p><p>{}<sup><a href="#fn1">1</a></sup></p>
        <hr class="footnotes-sep"><section class="footnotes"><ol class="footnotes-list">
        <li id="fn1" class="footnote-item"><p>{note} <a href="#fnref1">↩</a></p></li></ol></section></div></article>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[PARAS[3], note],
        &["Contact and imprint of the site."],
    );
}

#[test]
fn a_table_s_header_cells_are_kept_whatever_their_names_say() {
    // "header" names the page's header elsewhere; in a table it heads a row or a column.
    let body = format!(
        r#"<article><div class="text"><p>{}</p><p>{}</p>
        <table class="figures"><thead class="slanted-headers"><tr><th></th><th>Length</th><th>Crew</th></tr></thead>
        <tr><th class="row-header">Ferry</th><td>80 m</td><td>12</td></tr>
        <tr><th class="row-header">Tug</th><td>20 m</td><td>3</td></tr></table>
        <p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &["Length", "Crew", "Ferry", "80 m", "Tug", PARAS[2]],
        &[],
    );
}

#[test]
fn a_section_heading_named_a_subheader_is_kept_and_a_sub_header_bar_is_not() {
    // A news CMS names the article's section headings "subheader"; a site names the bar under
    // its header so.
    let body = format!(
        r#"<div class="sub-header"><a href="/">Home</a> <a href="/news">News</a> <span>Edition: the harbour and the coast</span></div>
        <article><div class="article__content"><p>{}</p><p>{}</p>
        <h2 class="subheader">What the firefighters found</h2><p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &["What the firefighters found", PARAS[2]],
        &["Edition: the harbour and the coast"],
    );
}

#[test]
fn a_video_player_in_the_article_is_left_out_with_its_ad_feedback_label() {
    // A player set between two paragraphs shows the video's headline and a link to report its
    // advert; neither is the article's text.
    let body = format!(
        r#"<article><div class="article__content"><p>{}</p><p>{}</p>
        <div class="video-resource"><div class="video-resource__headline">Watch the firefighters reach the warehouse at dawn</div>
        <div class="ad-feedback-link"><div class="ad-feedback-link__label">Video Ad Feedback</div></div></div>
        <p>{}</p><p>{}</p></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[PARAS[1], PARAS[2]],
        &[
            "Watch the firefighters reach the warehouse",
            "Video Ad Feedback",
        ],
    );
}

#[test]
fn a_modal_dialog_is_hidden_until_opened() {
    // A shop's policy, sent in a modal dialog that its link opens, is longer than the product's
    // description set in widgets; ARIA says the dialog is modal, shown only when opened.
    let policy = "This policy explains, in some detail, how the company collects, stores, shares and deletes the personal information of its customers, visitors and partners.";
    let page = format!(
        r#"<html><body><div class="widget"><p>{}</p></div><div class="widget"><p>{}</p></div><div class="widget"><p>{}</p></div><div class="widget"><p>{}</p></div>
        <div id="modal-policy" role="dialog" aria-modal="true"><div class="prose">{}</div></div></body></html>"#,
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3],
        format!("<p>{policy}</p>").repeat(8)
    );
    check(&page, &PARAS, &[policy]);
}

#[test]
fn a_box_named_a_sidebar_around_the_named_article_is_no_sidebar() {
    // A theme wraps its post in a box named a sidebar's container; beside it, a list of teasers
    // named posts holds prose too, but less than the article the box holds: the box is read.
    let teaser =
        "A short summary of another story from this site that runs on for a line or two of text";
    let page = format!(
        r#"<html><body><div class="layout"><div class="sidebar-container"><div class="post-content">{}</div></div>
        <div class="post-list">{}</div></div></body></html>"#,
        PARAS.map(|p| format!("<p>{p}</p>")).concat().repeat(4),
        format!("<p>{teaser}.</p>").repeat(8)
    );
    check(&page, &PARAS, &[]);
}

#[test]
fn an_author_s_bio_is_chrome_in_seven_languages() {
    for class in [
        "author-bio",
        "author-description",
        "autor-bio",
        "autorenbox",
        "ueber-den-autor",
        "bio-auteur",
        "a-propos-de-l-auteur",
        "sobre-el-autor",
        "bio-autore",
        "sull-autore",
        "sobre-o-autor",
        "o-autorze",
    ] {
        check_class(class, patterns::Chrome::Strong);
    }
}

#[test]
fn an_author_box_is_no_article() {
    // A site builder sets each part of a post in a widget of its own, and the author's box is
    // one more: its text, named as the box's text, is not the article's.
    let bio = "Sam Ellery is a planner who began his career in 2000 and writes about retirement, savings and taxes for families and owners of small businesses across the region.";
    let widget = |p: &str| {
        format!(
            r#"<section class="section"><div class="column"><div class="widget-wrap"><div class="widget widget-text"><div class="widget-container"><p>{p}</p></div></div></div></div></section>"#
        )
    };
    let page = format!(
        r#"<html><body><div class="location-single post">{}<section class="section"><div class="column"><div class="widget-wrap"><div class="widget widget-author-box"><div class="author-box"><div class="author-box__text"><p>{bio}</p></div></div></div></div></div></section></div></body></html>"#,
        PARAS.map(widget).concat()
    );
    check(&page, &[PARAS[0]], &[bio]);
}

#[test]
fn sections_of_a_post_named_by_hashes_are_kept_together() {
    // A page builder names every box with a hash: each section of the post is one box in a
    // section in two wrappers of its own, four levels under the element they share.
    let section = |head: &str, paras: &[&str]| {
        let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<div class="e7a1c302"><div class="b90d4f1a"><section class="d3c8e215 a0b1f4e9"><h2>{head}</h2><div class="c4e19a07">{paras}</div></section></div></div>"#
        )
    };
    let body = format!(
        r#"<div class="f1d2e3a4">{}{}{}</div>"#,
        section(
            "What happened",
            &[PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA]
        ),
        section("What was stored", &[PARAS[2], EXTRA, PARAS[1]]),
        section("What comes next", &[EXTRA, PARAS[1], PARAS[3]]),
    );
    check(
        &plain_page(&body),
        &[PARAS[0], "What was stored", "What comes next", EXTRA],
        &["Contact and imprint"],
    );
}

#[test]
fn sections_of_one_template_at_different_depths_are_kept_together() {
    // The post's first section wrapped in three boxes more than the others (its opening
    // layout, under the headline): each is the same chain of boxes, but they meet the first
    // four levels up.
    let section = |paras: &[&str]| {
        let paras: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<section class="outer"><div class="column"><div class="post-section"><div class="post-text">{paras}</div></div></div></section>"#
        )
    };
    let body = format!(
        r#"<div class="post-body"><div class="post-top"><div class="post-wrap"><div class="post-inner"><h1>Fire at the harbour</h1>{}</div></div></div>{}{}</div>"#,
        section(&[PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA]),
        section(&[PARAS[2], EXTRA]),
        section(&[EXTRA, PARAS[3]]),
    );
    let page = check(&plain_page(&body), &[PARAS[0]], &["Contact and imprint"]);
    let text = page.blocks.join("\n");
    assert_eq!(text.matches(EXTRA).count(), 3, "{text}");
}

#[test]
fn a_long_listing_of_code_does_not_outscore_a_manuals_prose() {
    // A manual's page: its sections of prose, and one long listing whose commas are syntax.
    let code: String = (0..80)
        .map(|i| format!("value_{i} = combine(first, second, third, fourth)\n"))
        .collect();
    let entry =
        |name: &str, para: &str| format!("<dl><dt>{name}(a, b)</dt><dd><p>{para}</p></dd></dl>");
    let body = format!(
        r#"<div class="body"><section><h1>Tools</h1><p>{}</p><p>{}</p><section><h2>Functions</h2>{}{}{}{}</section><section><h2>Recipes</h2><p>{EXTRA}</p><div class="highlight"><pre>{code}</pre></div></section></section></div>"#,
        PARAS[0],
        PARAS[1],
        entry("gather", PARAS[2]),
        entry("spread", PARAS[3]),
        entry("merge", PARAS[1]),
        entry("split", PARAS[2]),
    );
    check(
        &plain_page(&body),
        &[
            PARAS[0],
            PARAS[1],
            PARAS[2],
            PARAS[3],
            EXTRA,
            "value_3 = combine",
        ],
        &["Contact and imprint"],
    );
}

#[test]
fn a_part_of_the_article_in_wrappers_of_its_own_is_kept() {
    // Two parts of one article named alike, each under a heading in three wrappers of its own,
    // meeting four levels above the first.
    const LATER: &str =
        "By evening, the last of the crews had gone home, and the road was open again.";
    let body = format!(
        r#"<div class="piece"><div class="wrap-a"><div class="wrap-b"><div class="wrap-c"><h2>The fire</h2><div class="chunk"><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{EXTRA}</p><p>{LATER}</p></div></div></div></div><div class="promo-slot"><a href="/shop">Shop</a></div><div class="wrap-x"><div class="wrap-y"><div class="wrap-z"><h2>The night</h2><div class="chunk"><p>{LATER}</p><p>{EXTRA}</p></div></div></div></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    let page = check(&plain_page(&body), &[PARAS[0]], &["Contact and imprint"]);
    let text = page.blocks.join("\n");
    assert_eq!(text.matches(LATER).count(), 2, "{text}");
}

#[test]
fn replies_are_kept_when_the_first_post_sets_its_text_in_a_box_of_its_own() {
    // A forum's thread: every post the same chain of boxes, five levels under the thread; the
    // first post's text in a box of its own inside the body (beside an empty marker), the
    // replies' text right in theirs.
    let post = |text: &str| {
        format!(
            r#"<div class="msg"><div class="msg-a"><div class="msg-b"><div class="msg-c2"><div class="msg-user">Member since 2019</div><div class="msg-words">{text}</div></div></div></div></div>"#
        )
    };
    let paras = |ps: &[&str]| -> String { ps.iter().map(|p| format!("<p>{p}</p>")).collect() };
    let first = format!(
        r#"<div>{}</div><div class="quote-end"></div>"#,
        paras(&[PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA])
    );
    let body = format!(
        r#"<div class="thread">{}{}{}</div>"#,
        post(&first),
        post(&paras(&[PARAS[2], EXTRA])),
        post(&paras(&[EXTRA, PARAS[3]])),
    );
    let page = check(
        &plain_page(&body),
        &[PARAS[0]],
        &["Contact and imprint", "Member since"],
    );
    let text = page.blocks.join("\n");
    assert_eq!(text.matches(EXTRA).count(), 3, "{text}");
}

#[test]
fn a_forum_post_s_furniture_goes_and_its_words_stay() {
    // Each post of a thread: its writer's title and group, the note of its last edit and the
    // writer's signature beside the post's words. A signature holding paragraphs is kept: a
    // page may name its article so.
    let post = |text: &str| {
        format!(
            r#"<article class="message"><div class="message-user"><h4 class="message-name">harbourfan</h4><h5 class="userTitle message-userTitle">Prominent Member</h5><ul><li class="membergroup">Gold subscribers</li></ul></div><div class="message-main"><div class="bbWrapper">{text}</div><div class="message-lastEdit">Last edited: Mar 27, 2025</div><aside class="message-signature">Boats, bikes and the odd kayak since 1998</aside></div></article>"#
        )
    };
    let body = format!(
        r#"<h1>The harbour fire</h1><div class="thread">{}{}{}</div>"#,
        post(PARAS[0]),
        post(PARAS[1]),
        post(PARAS[2]),
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2]],
        &[
            "Prominent Member",
            "Gold subscribers",
            "Last edited",
            "odd kayak",
        ],
    );
    let body = format!(
        r#"<div class="signature-story"><h1>The harbour fire</h1>{}</div>"#,
        paragraphs(4)
    );
    check(&plain_page(&body), &[PARAS[0], PARAS[3]], &[]);
}

#[test]
fn a_reply_quoting_another_is_kept_with_the_thread() {
    // A forum's thread: the first post's text in a box of its own inside its body, the replies'
    // bodies found as units of that template. A reply quoting another sets its own words as a
    // loose run of text after the quotation's box, its attribution and expander links: it scores
    // far below the others, and is one of the thread's posts all the same.
    let opening = [
        "The shed has been home to the grey box for three winters now, and the fan, the drive and the little lamp on its front have all kept going without a fuss.",
        "Each autumn I clear the leaves from the vent, wipe the dust from the case, and check the cable where it runs under the door, since the mice like it there.",
        "In the coldest weeks the box runs a little slower, which I put down to the drive, though the logs show nothing worse than a few retries before dawn.",
        "Last spring the roof leaked over the corner, so I moved the shelf, raised it on bricks, and laid a sheet of plastic over the top, tucked in at the sides.",
        "My neighbour keeps hers in the garage instead, where it is warmer, but the garage door opens twenty times a day and lets in more dust than my shed ever does.",
        "If I had to do it again, I would buy a case with a filter on the intake, put it on a higher shelf from the start, and run the cable through a proper conduit.",
    ];
    let post = |who: &str, body: &str| {
        format!(
            r#"<article class="message message--post"><div class="message-inner"><div class="message-cell message-cell--user"><h4><a href="/m/{who}">{who}</a></h4></div><div class="message-cell message-cell--main"><div class="message-main"><header class="message-attribution"><a href="/p/1">Jan 2, 2024</a></header><div class="message-content"><div class="message-userContent"><article class="message-body"><div><div class="bbWrapper">{body}</div></div><div class="quote-end">&nbsp;</div></article></div></div></div></div></div></article>"#
        )
    };
    let mut first = opening.join("<br /><br />");
    first.push_str("<br /><br />");
    first.push_str(&opening.join("<br /><br />"));
    let replies = [
        "We put ours on a shelf above the workbench, well away from the floor, and it has been fine ever since.<br /><br />The shelf is oak, screwed into the studs, and the box sits on four rubber feet that soak up the hum of the saw when I use it.",
        "Three winters is a good run for that model, most of the ones I have seen gave up after the second year.<br /><br />The drives in the early batches were the trouble, and yours must be from a later one, since those came with the blue label on the side.",
        "A bag of rice in the corner did more for the damp than any of the costly fixes we tried.<br /><br />We change it every month or so, when it starts to clump, and the old rice goes to the hens, who do not mind it at all.",
    ];
    let quoting = "Quoting you back because this matters: the brick is the weak part, the box itself will outlive it by years, so buy a spare one now while they are still made.";
    let quote = r#"<blockquote class="bbCodeBlock bbCodeBlock--quote"><div class="bbCodeBlock-title"><a href="/goto/7">mole said:</a></div><div class="bbCodeBlock-content"><div class="bbCodeBlock-expandContent">Keep an eye on the brick.</div><div class="bbCodeBlock-expandLink"><a role="button">Click to expand...</a></div></div></blockquote><br />"#;
    let html = format!(
        r#"<html><head><title>Shed box</title></head><body><div class="p-body"><h1>Keeping a box in the shed</h1><div class="block-body">{}{}{}{}{}</div></div></body></html>"#,
        post("wren", &first),
        post("finch", replies[0]),
        post("lark", replies[1]),
        post("mole", &format!("{quote}{quoting}")),
        post("stoat", replies[2]),
    );
    check(
        &html,
        &[
            opening[0],
            replies[0].split("<br").next().unwrap_or_default(),
            quoting,
        ],
        &[],
    );
}

#[test]
fn a_questions_post_above_its_answers_is_kept() {
    // A question's page: the question in a cell of its own above the answers, each answer in a
    // box of one template with its links and comments; every post's body is named alike. The
    // answers are found as units of one template; the question, set apart, is the thread's
    // opening post.
    let question = "Our allotment's shed has a damp corner where the seed trays always go mouldy by March. Is it worth lining that wall with boards, or is a small heater the better fix?";
    let long_answer = [
        "Line the wall first. Boards with a gap of a finger's width behind them let the air move, and the mould will have nothing cold to settle on.",
        "We did ours in an afternoon, with offcuts from the timber yard, and screwed them to battens rather than to the wall itself.",
        "The corner has stayed dry for two winters since, and the trays, which used to grey over in a week, now last the season.",
        "If the boards darken at the foot, the felt above is letting water in, and no lining will help until it is mended.",
        "Once it is mended, paint the inside of the boards with a breathable stain, not a varnish, so that what damp there is can leave again.",
        "Keep the trays off the floor through the worst months, and check the corner after each storm, since the first sign of trouble is always there.",
    ];
    let answers = [
        "A heater only moves the problem to the next cold snap. Find where the water gets in, usually the sill or the felt, and seal it before anything else.",
        "Both answers above are right, but open the door on dry days as well. A shed that breathes stays dry far longer than one shut up all winter.",
        "Raise the trays on slats, an inch off the bench. The mould starts where the wet sits underneath, and air below the trays stops it there.",
    ];
    let meta = r#"<div class="post-meta"><a href="/a/1">Share</a> <a href="/a/1/edit">Edit</a> <a href="/a/1/follow">Follow</a> <a href="/u/1">answered Jan 3 by a long-standing member of the site</a> <a href="/u/1/badges">12 badges</a></div><div class="post-comments"><ul><li><a href="/u/9">a commenter</a> <a href="/c/1">Jan 4</a></li></ul><a href="/a/1/comment">Add a comment</a></div>"#;
    let answer = |paras: &[&str]| {
        let text: String = paras.iter().map(|p| format!("<p>{p}</p>")).collect();
        format!(
            r#"<div class="answer"><div class="post-grid"><div class="vote-cell"><span>3</span></div><div class="answer-cell"><div class="post-text">{text}</div>{meta}</div></div></div>"#
        )
    };
    let body = format!(
        r#"<div class="qa"><h1>Damp corner in a shed</h1><div class="question"><div class="post-grid"><div class="vote-cell"><span>5</span></div><div class="question-cell"><div class="post-text"><p>{question}</p></div><div class="post-meta"><a href="/u/2">Asked by a member</a></div></div></div></div><div class="answers"><h2>4 Answers</h2>{}{}{}{}</div></div>"#,
        answer(&long_answer),
        answer(&answers[..1]),
        answer(&answers[1..2]),
        answer(&answers[2..]),
    );
    check(
        &plain_page(&body),
        &[question, long_answer[0], answers[0], answers[2]],
        &["Contact and imprint"],
    );
}

#[test]
fn a_folded_panels_content_is_not_the_article() {
    // A page builder's post: each part in a text widget of a column, and after them a FAQ whose
    // folded answer is named the accordion's "content". That name is the panel's own part, not
    // the article's: the answer is no article of its own beside the column.
    let widget = |p: &str| format!(r#"<div class="part"><p>{p}</p></div>"#);
    let answer =
        "The crews were drawn from three towns. Each worked a shift of eight hours, and the \
        harbour authority paid for their meals. A second crew stood by through the night, ready to \
        relieve the first. No one was hurt, and the authority thanked every volunteer by letter. \
        The letters were read aloud at the town meeting in the spring.";
    let body = format!(
        r#"<div class="column">{}{}{}{}<div class="faq"><h3>Who fought the fire?</h3><div class="faq-accordion-content"><p>{answer}</p></div></div></div>"#,
        widget(PARAS[0]),
        widget(PARAS[1]),
        widget(PARAS[2]),
        widget(PARAS[3]),
    );
    check(&plain_page(&body), &PARAS, &["Contact and imprint"]);
    check_class("faq-accordion-content", patterns::Chrome::Neutral);
    check_class("tab-content entry-content", patterns::Chrome::Content);
}

#[test]
fn sections_styled_apart_are_one_template() {
    // A site builder's page: each section of the text a box of one template, styled apart (its
    // height, its colour theme), holding blocks of one template of its own. The sections are
    // one level of one template, however their styles differ: the blocks of all are the text,
    // the short one of the last section too.
    let more = [
        "Our training runs for twelve weeks, online, with a live class every Thursday evening.",
        "Each class, taught by an editor who has led a newsroom's product team, lasts two hours.",
        "Graduates join a network of alumni, some three hundred strong, who meet twice a year.",
        "Places are limited to forty a term, and applications, which are free, close a month before.",
    ];
    let section = |style: &str, ps: &[&str]| {
        let blocks: String = ps
            .iter()
            .map(|p| {
                format!(
                    r#"<div class="blk"><div class="blk-html"><div class="blk-inner"><p>{p}</p></div></div></div>"#
                )
            })
            .collect();
        format!(
            r#"<section class="page-section {style}"><div class="wrap"><div class="inner"><div class="grid">{blocks}</div></div></div></section>"#
        )
    };
    let opening = PARAS[..3].join(" ");
    let short = "Apply before the first of May to join the autumn term.";
    let body = format!(
        r#"<div class="sections">{}{}{}{}</div>"#,
        section("height--small white", &[&opening, PARAS[3]]),
        section("height--medium dark", &more[..2]),
        section("height--small", &more[2..]),
        section("height--large", &[short]),
    );
    check(&plain_page(&body), &[short], &["Contact and imprint"]);
}

#[test]
fn a_thread_of_comments_that_is_the_page_keeps_its_comments() {
    // A forum's page is its thread: the list named comments holds all its text, and each post
    // in it is named a comment too. Those are the thread's posts, not a comment box beside it.
    let post = |text: &str, replies: &str| {
        format!(
            r#"<li class="comments-subtree"><div class="comment"><div class="byline">member 1 day ago</div><div class="comment-text"><p>{text}</p></div></div><ol class="comments">{replies}</ol></li>"#
        )
    };
    let body = format!(
        r#"<div class="story"><a href="/s/1">Harbour fire</a></div><ol class="comments">{}{}</ol>"#,
        post(PARAS[0], &post(PARAS[1], "")),
        post(PARAS[2], &post(PARAS[3], &post(EXTRA, ""))),
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA],
        &["Contact and imprint"],
    );
}

#[test]
fn a_page_typed_a_forum_thread_keeps_the_replies_it_names_comments() {
    // A forum's software sets the opening post apart and its replies, built alike, in a
    // thread named comments, each reply's box named a comment: on a page that types itself a
    // forum's thread (JSON-LD or microdata) they are its posts. The same markup on an article
    // untyped so is a comment thread under a post, and stays out.
    let post = |id: &str, text: &str| {
        format!(
            r#"<article class="post"><div id="{id}_wrap" class="post-body"><p>{text}</p></div></article>"#
        )
    };
    let thread = format!(
        r#"{}<div id="comments">{}{}{}</div>"#,
        post("post-16", &format!("{} {}", PARAS[0], PARAS[1])),
        post("comment-17", PARAS[2]),
        post("comment-18", PARAS[3]),
        post("comment-19", EXTRA),
    );
    let typed = [
        format!(
            r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Harbour fire"}}</script>{thread}"#
        ),
        format!(
            r#"<div itemscope itemtype="https://schema.org/DiscussionForumPosting">{thread}</div>"#
        ),
    ];
    for body in typed {
        check(
            &plain_page(&body),
            &[PARAS[0], PARAS[2], PARAS[3], EXTRA],
            &[],
        );
    }
    check(
        &plain_page(&thread),
        &[PARAS[0]],
        &[PARAS[2], PARAS[3], EXTRA],
    );
}

#[test]
fn a_question_s_page_naming_no_answer_keeps_the_replies_it_names_comments() {
    // A page typed a question with its answers (`QAPage`) whose forum software names every
    // reply a comment: the replies are its answers. Where its markup names the answers, the
    // comments are the short lines under each of them, and stay out.
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Mooring in winter?"}}</script>"#;
    let reply = |class: &str, text: &str| {
        format!(r#"<article class="{class}"><div class="body"><p>{text}</p></div></article>"#)
    };
    let forum = format!(
        r#"{ld}<div class="question"><p>{} {}</p></div><section class="comments">{}{}</section>"#,
        PARAS[0],
        PARAS[1],
        reply("js-comment", PARAS[2]),
        reply("js-comment", PARAS[3]),
    );
    check(&plain_page(&forum), &[PARAS[0], PARAS[2], PARAS[3]], &[]);
    let remark = "Thanks, this settled it for our club, and the harbour master agreed with it too.";
    let answers = format!(
        r#"{ld}<div class="question"><p>{} {}</p></div>{}{}"#,
        PARAS[0],
        PARAS[1],
        reply("answer", &format!("{} {}", PARAS[2], PARAS[3])),
        reply("comment", remark),
    );
    check(&plain_page(&answers), &[PARAS[0], PARAS[2]], &[remark]);
    // Untyped, the same forum's replies are a comment thread under a post.
    let untyped = forum.replace(ld, "");
    check(&plain_page(&untyped), &[PARAS[0]], &[PARAS[2], PARAS[3]]);
}

#[test]
fn a_page_typing_no_article_keeps_the_sections_after_its_container() {
    // A service's page sets its text in sections down its `<main>`, each built apart: the one
    // holding most prose is chosen, and the sections after it are the page's text too. A page
    // whose structured data types an article keeps what follows the article in `<main>` out
    // (an author's biography, a note on the archive).
    let storage = "Boats up to twelve metres long can be kept in our dry store over the winter months, and their owners may visit them on weekdays between eight and six.";
    let crews = "Our crews have looked after boats in this port for three generations now, and many of our customers have sailed with us for twenty years or more.";
    let body = format!(
        r#"<main class="main-content"><section class="intro"><div class="container"><div class="row"><div class="col-md-6"><div class="home-section"><h2>Moorings, storage and repairs</h2><p>{}</p><p>{}</p><p>{}</p></div></div><div class="col-md-6"><img src="a.png" alt=""></div></div></div></section><section class="features"><div class="wrapper"><ul class="cards"><li class="card"><div class="card-inner"><h3>Storage</h3><p>{storage}</p></div></li></ul></div></section><section class="community"><div class="band"><figure class="testimonial"><blockquote><div class="quote-inner"><p>{crews}</p></div></blockquote></figure></div></section></main>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &[PARAS[0], storage, crews], &[]);
    let typed = format!(
        r#"<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Harbour services"}}</script>{body}"#
    );
    check(&plain_page(&typed), &[PARAS[0]], &[storage, crews]);
}

#[test]
fn a_class_naming_the_room_around_a_box_does_not_name_it() {
    // A page builder's column `no-extra-padding` is laid out without extra room: "extra" names
    // no supplement box there. A box named so itself still is one.
    check_class(
        "vc_column_container col no-extra-padding",
        patterns::Chrome::Neutral,
    );
    check_class("extra-links", patterns::Chrome::Weak);
}

#[test]
fn a_first_paragraph_in_a_box_of_its_own_before_the_body_is_kept() {
    // A news template sets its paragraphs as `<div>`s, the first as a `<p>` in a box of its own
    // (it carries the dateline), and the most of the story in a box after a "read more" fold:
    // that box is chosen, its `<div>` siblings before it are the story, and so is the wrapped
    // first paragraph.
    let lead = "A fire broke out in a warehouse at the harbour on Tuesday morning, and the smoke could be seen from across the bay.";
    let div = |p: &str| format!(r#"<div class="body__paragraph">{p}</div>"#);
    let before: String = PARAS.iter().map(|p| div(p)).collect();
    let rest: String = (0..4)
        .flat_map(|i| {
            PARAS
                .iter()
                .chain([&EXTRA])
                .map(move |p| div(&format!("{p} ({i})")))
        })
        .collect();
    let body = format!(
        r#"<section class="body-text"><div class="l-container"><div class="el__media el__media--sourced-paragraph"><p class="body__paragraph">{lead}</p></div>{before}<div class="body__read-all">{rest}</div></div></section>"#
    );
    check(&plain_page(&body), &[lead, PARAS[0], EXTRA], &[]);
}

#[test]
fn a_paywall_s_level_of_access_does_not_name_the_article_an_offer() {
    // A newspaper CMS names the article's paragraphs by who may read them: the free preview and
    // the rest kept for subscribers are the story, no box asking to subscribe. The box asking
    // is still chrome, and so is a screen reader's or a printer's hidden text (`sr-only`,
    // `print-only`): only after a word naming the readers does a level of access say so.
    check_class("subscriber-preview", patterns::Chrome::Neutral);
    check_class("subscriber-only", patterns::Chrome::Neutral);
    check_class(
        "asset-content subscriber-premium",
        patterns::Chrome::Content,
    );
    check_class("subscriber-offer", patterns::Chrome::Strong);
    check_class("sr-only", patterns::Chrome::Strong);
    check_class("share-widget__sr-only", patterns::Chrome::Strong);
    check_class("screen-reader-only", patterns::Chrome::Strong);
    check_class("print-only", patterns::Chrome::Strong);
    let body = format!(
        r#"<div class="social-share"><a href="/s">Share</a></div><div itemprop="articleBody" class="asset-content subscriber-premium"><div class="subscriber-preview"><p>{}</p></div><div class="subscriber-only"><p>{}</p></div><div class="subscriber-only"><p>{}</p></div></div><div class="subscription-offer"><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2], "Subscribe today for full access to every story on our site, in print and on the app, for less than a coffee a week."
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2]],
        &["Subscribe today"],
    );
}

#[test]
fn a_heading_holding_paragraphs_is_read_as_one() {
    // An old page sets its paragraphs in `<h4>` for their size, a list's items and then, after a
    // rule, its second part's: two sentences and more in lowercase make no title, and stand
    // beside the list as paragraphs would. A shop's offer in title case stays a heading.
    let long = |a: &str, b: &str| format!("<h4>{a} {b} {}</h4>", PARAS[3]);
    let html = format!(
        r#"<html><body><h1>Looking after the boats</h1><ul><h4><li>{}</li></h4><h4><li>{}</li></h4><h4><li>{}</li></h4><h4><li>{}</li></h4></ul><hr><h1>A new mooring</h1><h3>The ring that turns</h3>{}{}<h4>{}</h4></body></html>"#,
        PARAS[0],
        PARAS[1],
        PARAS[2],
        PARAS[3],
        long(EXTRA, PARAS[0]),
        long(PARAS[1], PARAS[2]),
        "Half Price On Every Mooring Ring This Week. Fits All Boats, New And Old, Big And Small. Order Now From Our Dock Shop, Open Every Day Of The Week. Delivery Is Free On All Orders Over Fifty Pounds, And Every Ring Comes With A Full Five Year Guarantee.",
    );
    let page = check(
        &html,
        &[PARAS[2], EXTRA, &format!("{} {}", PARAS[1], PARAS[2])],
        &["Half Price"],
    );
    assert!(page.blocks.iter().any(|b| b.starts_with(EXTRA)));
}

#[test]
fn a_summary_linked_again_for_the_mouse_is_the_cards_text() {
    // A page of cards links each summary a second time, hidden from screen readers and out of
    // the tab order, beside the title's link: it shows, and reads as the card's words. A label
    // linked so twice is no sentence, and stays hidden.
    let card = |n: usize, summary: &str| {
        format!(
            r#"<article class="river-article"><a href="/s/{n}" aria-hidden="true" tabindex="-1"><img src="/i/{n}.jpg" alt=""></a><header><h2><a href="/s/{n}">Story number {n} of the week</a></h2><p class="river-desc"><a href="/s/{n}" aria-hidden="true" tabindex="-1">{summary}</a></p><a href="/tag/{n}" aria-hidden="true">Harbour news</a></header></article>"#
        )
    };
    let body = format!(
        r#"<h1>Harbour</h1><section class="col-main">{}{}{}{}</section>"#,
        card(1, PARAS[0]),
        card(2, PARAS[1]),
        card(3, PARAS[2]),
        card(4, PARAS[3]),
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2], PARAS[3]],
        &["Harbour news"],
    );
}

#[test]
fn a_carousels_slide_not_shown_yet_is_the_pages_text() {
    // A listing's cards turn through their photos and a remark on each home: the carousel marks
    // the slides it does not show now `aria-hidden`. They show in turn. A slide-in sign-up box
    // hidden so is no slide of a carousel and stays hidden.
    let card = |n: usize, remark: &str| {
        format!(
            r#"<div class="home-card"><ul class="photo-carousel"><li class="carousel__cell"><img src="/h/{n}.jpg" alt=""></li><li class="carousel__cell" aria-hidden="true"><div class="remarks"><p>{remark}</p></div></li></ul><span class="price">$4{n}0,000</span></div>"#
        )
    };
    let body = format!(
        r#"<h1>Homes by the harbour</h1><div class="results">{}{}{}{}</div><div class="slide-in-signup" aria-hidden="true"><p>Sign up to hear of new homes by the harbour before anyone else does, every single week.</p></div>"#,
        card(1, PARAS[0]),
        card(2, PARAS[1]),
        card(3, PARAS[2]),
        card(4, PARAS[3]),
    );
    check(
        &plain_page(&body),
        &[PARAS[0], PARAS[1], PARAS[2], PARAS[3]],
        &["Sign up"],
    );
}

#[test]
fn a_subtitle_paragraph_in_the_headline_group_is_the_standfirst() {
    // `<hgroup>` groups a heading with its subtitle: the `<p>` beside the headline is the
    // article's lead, even in a header crowded with share buttons, a byline and the lead image.
    let lead = "Der Hafen schließt den alten Kai für ein Jahr. Reedereien müssen ausweichen. Die Stadt zahlt einen Ausgleich.";
    let body = format!(
        r##"<article><header class="story-top"><hgroup><h1><span>Hafen</span><span>: </span><span>Der alte Kai schließt</span></h1>
        <p>Der Hafen schließt den alten Kai für ein Jahr. Reedereien müssen ausweichen. Die Stadt zahlt einen Ausgleich.</p></hgroup>
        <ul class="tools"><li><a href="/save">Später lesen</a></li><li><a href="#">merken</a></li><li><button>Artikel teilen</button></li></ul>
        <div class="authors"><span>Artikel</span> <span>veröffentlicht am</span> <time>28. April 2024, 14:26 Uhr</time>, <span><a href="/autor">Anna Roth</a></span></div>
        <figure><img src="/k.jpg" alt=""><figcaption><span>Der alte Kai am Morgen.</span><span>(Bild: Archiv)</span></figcaption></figure></header>
        <div class="formatted"><section><p>{}</p><p>{}</p><p>{}</p><p>{}</p></section></div></article>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[lead, PARAS[0], PARAS[3]], &["merken"]);
}

#[test]
fn a_paragraph_closing_the_article_header_is_the_standfirst() {
    // After the kicker, headline, byline, date and a bar of buttons, right above the body: the
    // lead, though its box is named by a hash only.
    let lead = "Der Hafen gilt als wichtigster Umschlagplatz der Region. Doch wie viel wird dort umgeschlagen? Und wer zahlt den Umbau?";
    let body = format!(
        r#"<h1>Nachrichten</h1><main><div class="swr462h"><div class="se0hen3">FAQ</div><h2><span>Hafen</span><span>:</span><span>Wer zahlt den Umbau?</span></h2>
        <div class="aa0wqkc"><div class="a1qvtegb"><div><picture><img alt="Anna Roth" src="/r.jpg"></picture></div><span>von Anna Roth</span></div>
        <div class="m16233q5"><span><time>22.04.2024 | 15:54</time></span><div><div><button aria-label="Teilen"></button><span>|</span><button aria-label="Merken"></button></div></div></div></div>
        <p class="ikh9v7p">{lead}</p></div>
        <div class="s1am5zo"><div class="c10o8fzf"><div class="bhzzbz9"><picture><img alt="" src="/h.jpg"></picture></div><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></main>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], EXTRA
    );
    check(
        &plain_page(&body),
        &[lead, PARAS[0], PARAS[3]],
        &["von Anna Roth"],
    );
}

#[test]
fn a_banner_under_the_site_name_yields_no_standfirst() {
    // A site's banner names the site in a linked `<h2>` and shows its latest post's excerpt: no
    // headline there, so no lead of the article below.
    let excerpt = "So the crew went from door to door, asking each neighbour for a minute of their time. Most of them said no.";
    let body = format!(
        r#"<div id="header"><div class="logo"><h2><a href="/"><span>Harbour Notes</span></a></h2><ul><li><a href="/about">About</a></li><li><a href="/feed">Feed</a></li></ul></div>
        <div class="latest"><h5>Latest post</h5><a href="/p/1"><img src="/t.jpg" alt=""></a><h3><a href="/p/1">The worst jobs we ever had</a></h3><div class="small"><div class="excerpt">{excerpt}</div></div></div></div>
        <div id="content"><div class="post"><h1>The ferry is back</h1><div class="entry"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></div>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &[PARAS[0], PARAS[3]], &[excerpt]);
}

#[test]
fn a_paragraph_right_under_the_headline_of_a_crowded_header_is_the_standfirst() {
    // The header also holds buttons, the byline, the date and the lead image: the `<p>` right
    // under the headline is still the lead, though its box is named by a hash only.
    let lead = "Les ventes de bateaux neufs affichent en juin un pic depuis trois ans. Mais sur le semestre, la part des moteurs électriques a reculé.";
    let body = format!(
        r#"<article class="sc-a1"><div class="sc-b2"><header class="sc-c3"><div class="sc-d4"><span>Le fil info</span></div><h1 class="sc-e5">Les ventes de bateaux progressent</h1><p class="sc-f6">{lead}</p>
        <div class="sc-g7"><div role="group"><div><button aria-label="Ajouter">Ajouter à mes articles</button></div><div><button>Commenter</button></div><div><button>Partager</button></div></div></div>
        <div class="sc-h8"><div>Par Anne Roy</div><div>Publié le 18 juil. 2024 à 11:39</div><div>Mis à jour le 18 juil. 2024 à 12:10</div></div>
        <figure><img src="/b.jpg" alt=""><figcaption>Le port de plaisance au printemps. Les ventes reprennent.</figcaption></figure></header>
        <div class="sc-i9"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></article>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &[lead, PARAS[0], PARAS[3]],
        &["Commenter"],
    );
}

#[test]
fn a_standfirst_set_as_points_in_a_box_named_so_is_kept_whole() {
    // A news site's deck of subheadings under the headline, each a sentence without a stop; the
    // linked one points to another story. Two paragraphs in a box not named so are no lead.
    let points = [
        "El ayuntamiento cierra el puerto viejo durante un año para reparar el muelle de carga",
        "Las navieras tendrán que desviar sus barcos al puerto nuevo a partir del lunes",
    ];
    let header = |class: &str| {
        format!(
            r#"<article><header class="article_header"><div class="titles"><h1>El puerto viejo cierra por obras</h1><h2 class="epigraph">Puerto</h2></div>
            <div class="{class}"><h2 class="item">{}</h2><h2 class="item">{}</h2><h2 class="item"><a href="/directo">Directo: las obras del puerto</a></h2></div></header>
            <div class="article_content"><div class="article_story"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div></div></article>"#,
            points[0], points[1], PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    check(
        &plain_page(&header("subtitles")),
        &[points[0], points[1], PARAS[0], PARAS[3]],
        &["Directo: las obras"],
    );
    check(
        &plain_page(&header("related")),
        &[PARAS[0], PARAS[3]],
        &[points[0], points[1]],
    );
}

#[test]
fn a_standfirst_of_several_paragraphs_in_a_box_named_so_is_kept_whole() {
    // A box of its own between the headline and the byline, named the summary in camel case,
    // holds a label and the standfirst's paragraphs in a table's cell beside a share button,
    // above a long article.
    let lead = [
        "Setting the fees of a harbour can make or break the town's budget. So how does ours compare?",
        "And on the other side of it, owners of boats need to know what a fair price for a berth is.",
        "Today we bring figures from forty harbours along the coast, gathered by the owners' club.",
    ];
    let notice = "Our editors pick every product we show. We may earn a commission when you buy.";
    let page = |inner: &str| {
        plain_page(&format!(
            r#"<div class="article"><div class="articleDate">October 8, 2026</div><h1>What harbours charge</h1>
            <div class="articleSummary"><table><tr><td><strong>SUMMARY:</strong>{inner}</td><td><a class="share" href="/s">Share</a></td></tr></table></div>
            <div class="articleAuthors">by Ann Cole</div>
            <div class="articleContent"><p>{}</p></div></div>"#,
            PARAS.repeat(16).join("</p><p>")
        ))
    };
    let paragraphs = format!("<p>{}</p><p>{}</p><p>{}</p>", lead[0], lead[1], lead[2]);
    check(
        &page(&paragraphs),
        &[lead[0], lead[1], lead[2], PARAS[3]],
        &[],
    );
    // A notice in a box of its own inside is no part of the standfirst: neither is taken.
    let with_notice = format!(
        r#"<div class="dek"><p>{}</p></div><div class="disclosure"><p>{notice}</p></div>"#,
        lead[0]
    );
    check(&page(&with_notice), &[PARAS[3]], &[notice]);
}

#[test]
fn a_consent_notice_is_never_the_page_text() {
    // A shop's page of a product holds no paragraph but its consent form's, in a box named by
    // its layout only (a `…-text` box in a form ARIA calls a dialog, not a modal one): the
    // notice is left out, however much of the page's prose it holds. In German too.
    let page = |first: &str, second: &str| {
        plain_page(&format!(
            r#"<form role="dialog" id="cc-x1"><div class="cc-text"><h4>Your choices</h4>
            <p>{first}</p><p>{second}</p></div><button>Accept</button></form>
            <div class="product"><h1>Trail kettle</h1><p>Price: 34.90</p><table>
            <tr><th>Material</th><td>Anodised aluminium, with a folding handle of steel</td></tr>
            <tr><th>Capacity</th><td>One litre and a fifth, which boils in about four minutes</td></tr>
            <tr><th>Weight</th><td>Three hundred and ten grams, lid and handle included</td></tr>
            <tr><th>Lid</th><td>A tight lid with a pouring spout and a small vent</td></tr></table></div>"#
        ))
    };
    check(
        &page(
            "We use cookies and similar tools to run this shop, to remember what is in your basket and to learn how visitors move through our pages.",
            "If you agree, we will also use these cookies to show you offers of our partners on other sites and to measure how well those offers work, as our notice explains.",
        ),
        &[],
        &["We use cookies", "If you agree"],
    );
    check(
        &page(
            "Wir verwenden Cookies und ähnliche Werkzeuge, um diesen Laden zu betreiben, Ihren Warenkorb zu speichern und zu verstehen, wie Besucher unsere Seiten nutzen.",
            "Wenn Sie zustimmen, nutzen wir diese Cookies auch, um Ihnen Angebote unserer Partner auf anderen Seiten zu zeigen und deren Wirkung zu messen, wie unser Hinweis erklärt.",
        ),
        &[],
        &["Wir verwenden Cookies", "Wenn Sie zustimmen"],
    );
    // A short page whose wrapper holds the notice beside the article is no notice: the
    // article stays.
    let body = format!(
        r#"<div class="bar"><p>This site uses cookies. By browsing on, you agree to our use of cookies.</p></div><div class="story"><p>{}</p><p>{}</p><p>{}</p></div>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&plain_page(&body), &[PARAS[0], PARAS[2]], &[]);
}

#[test]
fn a_shops_one_data_sheet_is_kept_beside_its_description() {
    // A product's description in one section, its specifications in a box of another: each row
    // a property and its value. The page's one such table is its data sheet; two of them, a
    // comparison, are not taken so, nor is a table whose cells are only links.
    let sheet = |name: &str| {
        format!(
            r#"<section class="pd-features"><h2>Specifications</h2><div class="c-box__body"><table class="{name}">
            <tr><th>Frame</th><td>Folded steel</td></tr><tr><th>Grate</th><td>Cast iron, 40 cm</td></tr>
            <tr><th>Fuel</th><td>Charcoal</td></tr><tr><th>Wheels</th><td>Two and a foot</td></tr></table></div></section>"#
        )
    };
    let page = |sheets: &str| {
        plain_page(&format!(
            r#"<div class="pd-sections"><div class="pd-section"><div id="description"><div class="desc"><div class="row long">
            <p>{}</p><p>{}</p><p>{}</p></div></div></div></div>
            <div class="pd-section pd-section--small"><div id="details">{sheets}</div></div></div>"#,
            PARAS[0], PARAS[1], PARAS[2]
        ))
    };
    check(
        &page(&sheet("data-sheet")),
        &[PARAS[0], PARAS[2], "Folded steel", "Two and a foot"],
        &[],
    );
    check(
        &page(&format!("{}{}", sheet("one"), sheet("two"))),
        &[PARAS[0], PARAS[2]],
        &["Folded steel"],
    );
    let linked = sheet("links")
        .replace("<td>", "<td><a href=\"/x\">")
        .replace("</td>", "</a></td>");
    check(&page(&linked), &[PARAS[0], PARAS[2]], &["Folded steel"]);
}

#[test]
fn the_rest_of_a_post_after_its_fold_is_the_article_s() {
    // A blog's post split at its fold: the body, then an unnamed box holding the rest, right
    // after it under the same parent.
    let rest = "The second half of the evening was given over to the harbour choir, which sang until the lights went out.";
    let page = |next: &str| {
        format!(
            r#"<html><head><title>Harbour night</title></head><body>
            <div class="sidebar"><ul><li><a href="/a">Archive</a></li><li><a href="/b">About</a></li></ul></div>
            <div class="post"><h1>Harbour night</h1>
              <div class="body"><p>{}</p><p>{}</p><p>{}</p></div>
              {next}
              <div class="related"><ul><li><a href="/x">Another evening at the quay</a></li></ul></div>
            </div></body></html>"#,
            PARAS[0], PARAS[1], PARAS[2]
        )
    };
    check(
        &page(&format!(r#"<div id="more"><p>---</p><p>{rest}</p></div>"#)),
        &[PARAS[0], PARAS[2], rest],
        &["Another evening at the quay"],
    );
    // A box named otherwise, or not right after the body, is no part of it.
    check(
        &page(&format!(
            r#"<div class="promo"><p>{rest}</p></div><div id="more"><p>{}</p></div>"#,
            PARAS[3]
        )),
        &[PARAS[0], PARAS[2]],
        &[rest, PARAS[3]],
    );
}

#[test]
fn a_list_of_links_in_a_cell_of_the_article_s_table_is_its_entries() {
    // A week's news set as a table among the post's paragraphs: each row a day, its date beside
    // a list of linked items.
    let page = |first_cell: &str| {
        format!(
            r#"<html><head><title>The week at the harbour</title></head><body>
            <div class="menu"><ul><li><a href="/a">Home</a></li><li><a href="/b">Archive</a></li></ul></div>
            <div class="post"><h1>The week at the harbour</h1><div class="post-body">
              <p>{}</p>
              <table><tbody>
                <tr><td>{first_cell}</td><td><ul><li>The <a href="/1">east pier reopened to ferries after its repairs</a>.</li></ul></td></tr>
                <tr><td>Wednesday, March 4</td><td><ul><li>We <a href="/2">published the new winter timetable for all crossings</a>.</li>
                  <li>The <a href="/3">harbour choir sang at the fish market for the first time</a>.</li></ul></td></tr>
              </tbody></table>
              <p>{}</p><p>{}</p>
            </div></div></body></html>"#,
            PARAS[0], PARAS[1], PARAS[3]
        )
    };
    check(
        &page("Monday, March 2"),
        &[
            PARAS[0],
            "east pier reopened to ferries after its repairs",
            "published the new winter timetable for all crossings",
            PARAS[3],
        ],
        &["Archive"],
    );
    // A table of nothing but links is a menu, whatever stands around it.
    check(
        &page(r#"<a href="/mon">Monday, March 2</a>"#)
            .replace(
                "<td>Wednesday, March 4</td>",
                r#"<td><a href="/wed">Wednesday, March 4</a></td>"#,
            )
            .replace("<li>The <a", "<li><a")
            .replace("<li>We <a", "<li><a")
            .replace("</a>.</li>", "</a></li>"),
        &[PARAS[0], PARAS[3]],
        &["east pier reopened", "winter timetable"],
    );
}

#[test]
fn a_box_around_a_table_between_the_article_s_parts_is_the_article_s() {
    // A report's table of figures set in a box of its own, with the line naming it, between
    // two parts of the article.
    let table_box = |cells: &str| {
        format!(
            r#"<div><p><strong>Crossings by pier:</strong></p><table><tbody>
            <tr><td><p>Pier</p></td><td><p>Crossings</p></td></tr>
            <tr><td><p>{cells}</p></td><td><p>1,204</p></td></tr>
            <tr><td><p>West quay</p></td><td><p>877</p></td></tr>
            <tr><td><p>North breakwater landing</p></td><td><p>412</p></td></tr>
            <tr><td><p>Old fish market steps</p></td><td><p>95</p></td></tr>
            </tbody></table></div>"#
        )
    };
    let page = |middle: &str| {
        format!(
            r#"<html><head><title>Ferry report</title></head><body>
            <div class="nav"><a href="/">Home</a> <a href="/news">News</a></div>
            <div class="report"><h1>Ferry report</h1>
              <div class="part"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>
              {middle}
              <div class="part"><p>{CLOSING}</p></div>
            </div></body></html>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    const CLOSING: &str =
        "The authority expects the number of crossings to double once the east pier's new ramp opens in May.";
    check(
        &page(&table_box("East pier")),
        &[
            PARAS[0],
            "Crossings by pier",
            "East pier",
            "West quay",
            CLOSING,
        ],
        &["News"],
    );
    // A box of links between the parts is not.
    check(
        &page(&table_box(r#"<a href="/east">East pier</a>"#).replace(
            "<p>West quay</p></td><td><p>877</p>",
            r#"<p><a href="/west">West quay timetable and the crossings of the week</a></p></td><td><p><a href="/w">877</a></p>"#,
        )),
        &[PARAS[0], CLOSING],
        &["West quay timetable"],
    );
}

#[test]
fn an_embeds_placeholder_is_left_out_with_the_notice_it_shows() {
    // Where a post from a social network will be shown once the reader consents, the page
    // shows a placeholder: a heading and a notice about the reader's privacy settings, long
    // enough to pass for a paragraph.
    let notice = "Your privacy settings keep us from loading content from other providers (such as charts, tables, sign-in boxes) and social networks (for example videos and posts). To see it, please allow it in the privacy settings.";
    let body = format!(
        r##"<article><h1>Fire at the harbour</h1><p>{}</p>
        <div class="social__embed-placeholder"><h3>Content not available</h3><p>{notice}</p></div>
        <p>{}</p><div class="social__embed-placeholder"><h3>Content not available</h3><p>{notice}</p></div>
        <p>{}</p><p>{}</p></article>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &PARAS,
        &["privacy settings", "Content not available"],
    );
}

#[test]
fn a_paragraph_named_a_placeholder_is_the_text_already_there() {
    // A CMS names every paragraph its editors may change in place an "inline-placeholder"; a
    // box so named still stands where a script will put an embed.
    let body = format!(
        r##"<article><h1>Fire at the harbour</h1><div class="article__content">
        <div class="source inline-placeholder"><cite>WIRE</cite></div>
        <p class="paragraph inline-placeholder">{}</p><p class="paragraph inline-placeholder">{}</p>
        <div class="video-placeholder"><p>Loading the video player of this page takes a moment, please wait while it starts.</p></div>
        <p class="paragraph inline-placeholder">{}</p><p class="paragraph inline-placeholder">{}</p>
        </div></article>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(&plain_page(&body), &PARAS, &["video player"]);
    let attrs = attrs::Attrs {
        class: Some("paragraph inline-placeholder"),
        ..Default::default()
    };
    assert_eq!(patterns::classify("p", &attrs), patterns::Chrome::Neutral);
    assert_eq!(patterns::classify("div", &attrs), patterns::Chrome::Strong);
}

#[test]
fn preformatted_text_is_read_whatever_its_highlighter_names_it() {
    // A manual's code is set in a `<pre>` named a placeholder until a script colours it; a
    // `<pre>` named hidden (a live sample's source, not shown) stays out.
    check_class("sp-pre-placeholder", patterns::Chrome::Strong);
    let attrs = attrs::Attrs {
        class: Some("sp-pre-placeholder"),
        ..Default::default()
    };
    assert_eq!(patterns::classify("pre", &attrs), patterns::Chrome::Neutral);
    let body = format!(
        r##"<article><h1>Reading the tide table</h1><p>{}</p>
        <pre class="sp-pre-placeholder">tide --port velmar --days 3 --format table</pre>
        <p>{}</p><pre class="hidden">tide --port velmar --debug</pre><p>{}</p><p>{}</p></article>"##,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &plain_page(&body),
        &["tide --port velmar --days 3 --format table"],
        &["--debug"],
    );
}

#[test]
fn a_page_builder_s_widget_around_each_part_of_the_article_names_no_chrome() {
    // Every box of the page is a "widget", the article's body among them: the boxes beside it
    // that bear no other chrome name and hold paragraphs only are its parts.
    let intro = "This guide gives the harbour's fees for berths, cranes, storage and fuel, as they are set for the coming year.";
    let rest = "Fees are reviewed every spring, and owners of boats moored all year pay a tenth less than visitors.";
    let page = |last_class: &str, last: &str| {
        format!(
            r#"<html><head><title>Harbour fees</title></head><body>
            <div class="cell">
              <div class="panel widget widget_editor"><p>{intro}</p></div>
              <div class="panel widget widget_text"><p>{}</p><p>{}</p><p>{}</p><p>{}</p></div>
              <div class="{last_class}">{last}</div>
            </div>
            <div class="sidebar"><div class="widget widget_links"><ul><li><a href="/a">Archive</a></li><li><a href="/b">About</a></li></ul></div></div>
            </body></html>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        )
    };
    let last = format!("<p>{rest}</p>");
    check(
        &page("panel widget widget_editor", &last),
        &[intro, PARAS[0], PARAS[3], rest],
        &["Archive"],
    );
    // A box with a chrome name of its own, or holding more than paragraphs (a byline beside
    // its bio), stays out.
    check(
        &page("panel widget sidebar-box", &last),
        &[intro, PARAS[3]],
        &[rest],
    );
    check(
        &page(
            "panel widget widget_editor",
            &format!("<div><b>Ann Cole</b> <span>Harbour writer</span></div><p>{rest}</p>"),
        ),
        &[intro, PARAS[3]],
        &[rest],
    );
}

#[test]
fn an_introduction_in_an_unnamed_wrapper_like_the_body_s_parts_opens_the_article() {
    // An app wraps each part of the article in an unnamed box around a part named alike (the
    // first's name adds a hashed modifier); a product's card splits the opening (two
    // paragraphs and a line of links between them) from the body, and the body goes on in a
    // third box after the second.
    let intro = "How a harbour sets its fees matters to every owner who moors a boat there. Most owners never read the tariff until the bill comes.";
    let second = "So what does each service cost, and who pays less? Here is a look.";
    let opening = format!(
        r#"<p><strong>{intro}</strong></p><ul><li><a href="/g">See our guide to berths</a></li><li><a href="/c">Book a crane slot</a></li><li><a href="/w">Winter storage</a></li></ul><p>{second}</p>"#
    );
    let part = |class: &str, inner: &str| {
        format!(r#"<div style="display:contents"><div class="{class}">{inner}</div></div>"#)
    };
    let body = format!(
        "<h2>Berths and moorings</h2><p>{}</p>",
        PARAS.repeat(3).join("</p><p>")
    );
    let rest = "<h2>Cranes</h2><p>The crane lifts boats of up to twelve tonnes out of the water, by appointment, on weekdays.</p><p>Owners book it at the office a week ahead; the fee is set by the weight of the boat.</p>";
    let card = r#"<div class="ProductList_wrapper__a1b2"><h2><a href="/tours">See our harbour tours</a></h2><ul><li><a href="/t1">Harbour by night</a></li><li><a href="/t2">Lighthouse walk</a></li></ul></div>"#;
    let page = |first_class: &str, inner_class: &str| {
        format!(
            r#"<html><head><title>What the harbour charges</title></head><body><article><div class="Layout_wrapper__x9y8">{}{card}{}{}</div></article>
            <div class="sidebar-box"><ul><li><a href="/a">Archive</a></li></ul></div></body></html>"#,
            part(first_class, &opening),
            part(inner_class, &body),
            part(inner_class, rest)
        )
    };
    check(
        &page(
            "articleWidget_root__dY articleWidget_isFirst__k9",
            "articleWidget_root__dY",
        ),
        &[intro, second, PARAS[3], "by appointment, on weekdays"],
        &["Archive", "Lighthouse walk"],
    );
    // Wrapping unnamed parts (an old page's tables, one of them its ads), the boxes are no
    // template's: the box above the body is not its opening.
    check(&page("", ""), &[PARAS[3]], &[intro, second]);
}

#[test]
fn an_introduction_in_a_box_built_like_the_body_s_opens_the_article() {
    // A page builder sets the introduction in a section of its own above the section of the
    // body, each box named as its twin is (their hashes aside), each text in a widget's
    // container the builder names a widget's.
    let intro = "How a harbour sets its fees matters to every owner who moors a boat there. Most owners never read the tariff until the bill comes.";
    let opening = format!(
        "<p>{intro}</p><p>{}</p><p>{}</p>",
        "The fees fall into berths, cranes, storage and fuel. Each is set by the harbour board in the spring.",
        "This guide goes through them one by one. It also says what owners moored all year pay less."
    );
    let box_of = |hash: &str, inner: &str| {
        format!(
            r#"<div class="builder-element builder-element-{hash} e-con e-parent"><div class="e-con-inner">
            <div class="builder-element builder-element-w{hash} builder-widget builder-widget-text"><div class="builder-widget-container">{inner}</div></div>
            <div class="builder-element builder-element-i{hash} builder-widget builder-widget-image"><div class="builder-widget-container"><img src="/{hash}.jpg" alt=""></div></div>
            </div></div>"#
        )
    };
    let body = format!(
        "<h2>Berths and moorings</h2><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p><p>{}</p>",
        PARAS[0], PARAS[1], PARAS[2], PARAS[3], PARAS[0], PARAS[1]
    );
    let page = |between: &str, first: &str| {
        format!(
            r#"<html><head><title>Harbour fees</title></head><body><div class="column-wide">
            <h1>What the harbour charges</h1><figure><img src="/harbour.jpg" alt=""><figcaption>The harbour at dawn.</figcaption></figure>
            <div class="builder builder-42">{}{between}{}</div></div>
            <div class="sidebar-box"><ul><li><a href="/a">Archive</a></li></ul></div></body></html>"#,
            box_of("98fbbca", first),
            box_of("fb50472", &body)
        )
    };
    check(
        &page("", &opening),
        &[
            intro,
            "what owners moored all year pay less",
            "Berths and moorings",
            PARAS[3],
        ],
        &["Archive"],
    );
    // With a paragraph between the two, or holding more than paragraphs (a line of links under
    // a teaser's title), the box is no opening of the article.
    let aside =
        "<p>Owners can ask the harbour office for a quote before they sail in for the season.</p>";
    check(&page(aside, &opening), &[PARAS[3]], &[intro]);
    let teaser = format!(
        r#"<p>{intro}</p><ul><li><a href="/x">Fees</a></li><li><a href="/y">Berths</a></li><li><a href="/z">Cranes</a></li><li><a href="/w">Fuel and water for boats</a></li><li><a href="/v">Storage over the winter months</a></li><li><a href="/u">Contact the harbour office team</a></li></ul><p>Tags: harbour, fees, berths, cranes, boats, owners, winter</p>"#
    );
    check(&page("", &teaser), &[PARAS[3]], &[intro]);
    // A box holding the page's headline is its header, read by the header's rules (one lead at
    // most), not the article's opening.
    let header = format!(
        "<h1>Harbour fees for the coming year</h1><p>{intro}</p><p>{}</p>",
        "The fees fall into berths, cranes, storage and fuel. Each is set by the harbour board in the spring."
    );
    check(
        &page("", &header),
        &[PARAS[3]],
        &["The fees fall into berths"],
    );
}

#[test]
fn a_short_section_the_page_folds_in_details_is_the_article_s() {
    // A tutorial folds each section in a `<details class="collapsible" open>`; its conclusion
    // is one short paragraph. A box so named that is only a link stays out.
    let conclusion = "The harbour's fees are simple once they are laid out, and owners who moor all year pay least of all.";
    let section = |title: &str, text: &str| {
        format!(
            r#"<details class="collapsible" open><summary><h2>{title}</h2></summary><p>{text}</p></details>"#
        )
    };
    let html = format!(
        r#"<html><head><title>Harbour fees explained</title></head><body><div class="tutorial-body">
        {}{}{}{}<div class="collapsible"><a href="/more">Show all sections</a></div></div>
        <div class="sidebar-box"><ul><li><a href="/a">Archive</a></li></ul></div></body></html>"#,
        section("Berths", &format!("{} {}", PARAS[0], PARAS[1])),
        section("Cranes", &format!("{} {}", PARAS[2], PARAS[3])),
        section(
            "Storage",
            &format!("{} {} {}", PARAS[1], PARAS[2], PARAS[0])
        ),
        section("Conclusion", conclusion),
    );
    check(
        &html,
        &[PARAS[0], "Conclusion", conclusion],
        &["Show all sections", "Archive"],
    );
}

#[test]
fn a_panel_a_button_opens_is_read_whatever_its_name() {
    // A guide's steps and a FAQ's answers sit in boxes of hashed class names, hidden until
    // their button, which names each by `aria-controls`, opens it: the page's text. A box hidden
    // the same way that no control names stays hidden, and a menu its button opens is links.
    let steps = [
        "Measure the berth at low tide first, since the harbour floor is uneven near the old quay wall.",
        "Ask the harbour office for the mooring plan before you order chains, because each berth has its own.",
    ];
    let panels: String = steps
        .iter()
        .enumerate()
        .map(|(n, step)| {
            format!(
                r#"<div class="x7f3k"><a role="button" aria-expanded="false" aria-controls="step_{n}_content">Step {n}</a>
                <div id="step_{n}_content" class="q2m9z" style="display:none"><p>{step}</p></div></div>"#
            )
        })
        .collect();
    let menu: String = ["Berths", "Fees", "Weather", "Contact"]
        .iter()
        .map(|n| format!(r#"<li><a href="/{n}">{n}</a></li>"#))
        .collect();
    let html = format!(
        r#"<html><body><header><button aria-controls="site-menu" aria-expanded="false">Menu</button>
        <nav id="site-menu" style="display:none"><ul>{menu}</ul></nav></header>
        <main><h1>Mooring a boat</h1><p>{}</p><p>{}</p><p>{}</p>{panels}
        <div id="later" class="q2m9z" style="display:none"><p>{}</p></div></main></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[PARAS[0], steps[0], steps[1]],
        &[PARAS[3], "Weather"],
    );
}

#[test]
fn a_list_of_teasers_each_with_its_kicker_among_the_paragraphs_is_left_out() {
    // Between the article's paragraphs, a list of other stories: each item a kicker of a few
    // words closing with a colon or a question mark, then the linked headline. A list of picks
    // that repeats one label before each link, and a reading list naming each title's author
    // after it, are the article's.
    let item = |kicker: &str, headline: &str| {
        format!(r#"<li><strong>{kicker} </strong><a href="/a">{headline}</a></li>"#)
    };
    let teasers = [
        item("Streit im Rathaus:", "Bürgermeister greift den Rat an"),
        item("KI in der Schule?", "Minister will Handys erlauben"),
        item("Neue Fähre:", "Nach Helgoland zweimal täglich"),
    ]
    .concat();
    let picks = [
        item("Our pick:", "The cedar bench"),
        item("Our pick:", "The teak chair"),
    ]
    .concat();
    let reading = r#"<li><a href="/b">The Harbour at Night</a> by Ann Lee</li><li><a href="/c">Ferries of the North Sea</a> by Tom Berg</li>"#;
    let html = format!(
        r#"<html><body><article><h1>Harbour fire</h1><p>{}</p><ul>{teasers}</ul><p>{}</p>
        <ul>{picks}</ul><p>{}</p><ul>{reading}</ul><p>{}</p></article></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2], PARAS[3]
    );
    check(
        &html,
        &[
            PARAS[0],
            PARAS[3],
            "Our pick: The cedar bench",
            "The Harbour at Night by Ann Lee",
        ],
        &["Bürgermeister greift", "KI in der Schule", "Nach Helgoland"],
    );
    // Kickers in Chinese or Japanese script, each character counted as three letters, are read
    // the same.
    let japanese = [
        item("速報：", "倉庫で火災、避難"),
        item("交通：", "フェリー運航再開"),
        item("天気：", "週末は強い雨予報"),
    ]
    .concat();
    let html = format!(
        r#"<html><body><article><h1>Harbour fire</h1><p>{}</p><ul>{japanese}</ul><p>{}</p></article></body></html>"#,
        PARAS[0], PARAS[1]
    );
    check(&html, &[PARAS[0], PARAS[1]], &["倉庫で火災", "フェリー"]);
}

#[test]
fn a_short_answer_folded_in_an_accordion_s_panel_is_the_page_s() {
    // A service page ends on questions and answers, each answer one short paragraph in a
    // collapsible accordion panel, shown or hidden: the answers are the page's text, as they are
    // when a `<details>` folds them. A box so named that holds only its link stays out.
    let answers = [
        "Most moorings are booked for a whole season, and the harbour office keeps a waiting list for the few berths left over.",
        "Owners who stay all year pay a lower daily rate than summer visitors, and the winter months cost them half as much.",
    ];
    let faq: String = answers
        .iter()
        .enumerate()
        .map(|(n, answer)| {
            let hidden = if n == 0 { "" } else { r#" style="display: none""# };
            format!(
                r#"<div class="c-accordion__item"><button type="button">Question {n}</button>
                <div class="c-collapsible c-accordion__panel"{hidden}><div class="c-collapsible__content">{answer}</div></div></div>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><body><main><h1>Moorings</h1><p>{}</p><p>{}</p><p>{}</p>
        <div class="faq"><h2>Questions we are asked</h2><div class="c-accordion">{faq}</div>
        <div class="c-collapsible"><a href="/faq">Show all questions</a></div></div></main></body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(
        &html,
        &[PARAS[0], answers[0], answers[1]],
        &["Show all questions"],
    );
}

#[test]
fn a_part_of_the_article_holding_a_table_of_linked_names_is_the_article_s() {
    // A ranking's introduction and its table of firms, linked to their sites, beside their
    // revenues, then a sign-up box and the ranking's entries in a second box of the same class.
    let intro = "The harbour's firms earned more this year than in any year before, the chamber of commerce said.";
    let firms: String = (1..=12)
        .map(|i| format!(r#"<tr><td><a href="https://firm{i}.example">Quayside Firm {i} Ltd.</a></td><td>${i}.5B</td></tr>"#))
        .collect();
    let entries: String = (1..=16)
        .map(|i| {
            format!(
                "<h3>Entry {i}</h3><p>{}</p><p>{}</p>",
                PARAS[i % 4],
                PARAS[(i + 1) % 4]
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>The harbour's largest firms</title></head><body>
        <div class="post"><div class="rich-text"><p>{intro}</p><p>{intro}</p><div class="embed"><div class="scroll"><table><tr><th>Firm</th><th>Revenue</th></tr>{firms}</table></div></div></div>
        <div class="cta"><p>Download the full list of the harbour's firms.</p><form><input type="email"><button>Send</button></form></div>
        <div class="rich-text">{entries}</div></div>
        </body></html>"#
    );
    check(
        &html,
        &[
            intro,
            "Quayside Firm 12 Ltd.",
            "$12.5B",
            "Entry 16",
            PARAS[0],
        ],
        &["Download the full list"],
    );
}

#[test]
fn a_page_builder_s_section_titles_in_boxes_of_their_own_are_kept() {
    // Each part of the post in a section of its own, built alike, and each section title too.
    let section = |id: &str, inner: &str| {
        format!(
            r#"<section class="pb-section pb-section-{id}"><div class="pb-column"><div class="pb-box">{inner}</div></div></section>"#
        )
    };
    let mut body = String::new();
    for (i, title) in ["The fire", "The night", "The cargo", "The inquiry"]
        .iter()
        .enumerate()
    {
        body.push_str(&section(
            &format!("t{i}"),
            &format!("<h2>{title} at the quay</h2>"),
        ));
        // The first part long, the others a paragraph each.
        let paragraphs: String = (0..if i == 0 { 12 } else { 1 })
            .map(|j| format!("<p>{}</p>", PARAS[(i + j) % 4]))
            .collect();
        body.push_str(&section(&format!("p{i}"), &paragraphs));
    }
    // Below the post, in the same page: a box of teasers and a sign-up form.
    let teasers: String = (1..=8)
        .map(|i| {
            format!(
                r#"<li><a href="/story-{i}">Another story from the harbour, number {i}</a></li>"#
            )
        })
        .collect();
    body.push_str(&format!(r#"<div class="more"><ul>{teasers}</ul></div>"#));
    body.push_str(r#"<div class="signup"><p>Get the harbour news every morning in your inbox, free.</p><form><input type="email"><button>Sign up</button></form></div>"#);
    let html = format!(
        r#"<html><head><title>Harbour fire</title></head><body><div class="menu"><a href="/">Home</a></div>
        <div class="pb-page">{body}</div><div class="footer"><a href="/imprint">Imprint</a></div></body></html>"#
    );
    check(
        &html,
        &[
            "The night at the quay",
            "The cargo at the quay",
            PARAS[0],
            PARAS[3],
        ],
        &["Imprint"],
    );
}

#[test]
fn every_entry_of_a_long_list_built_alike_is_kept() {
    // A long introduction and a list of twenty entries, each in boxes of its own that share a
    // class with the introduction's: the last entries score as well as the first, far down the
    // list of candidates.
    let intro: String = (0..30)
        .map(|i| format!("<p>{}</p>", PARAS[i % 4]))
        .collect();
    let entries: String = (1..=20)
        .map(|i| {
            format!(
                r#"<li><h3>Boat number {i}</h3><div class="box entry"><div class="markup"><p>Boat number {i} is a sturdy harbour launch, and its engine, which was rebuilt last year, runs quietly.</p></div></div></li>"#
            )
        })
        .collect();
    let html = format!(
        r#"<html><head><title>The harbour's best boats</title></head><body><div class="menu"><a href="/">Home</a></div>
        <div class="page"><div class="box intro-box"><div class="intro">{intro}</div></div><ol class="boats">{entries}</ol></div>
        <div class="footer"><a href="/imprint">Imprint</a></div></body></html>"#
    );
    check(
        &html,
        &[
            PARAS[0],
            "Boat number 1 is a sturdy",
            "Boat number 20 is a sturdy",
        ],
        &["Imprint"],
    );
}

#[test]
fn a_list_of_links_a_sentence_of_the_article_introduces_is_kept() {
    // The post's list of the reports it speaks of, each a linked title, after a sentence closing
    // with a colon; a teaser's line introduces other stories.
    let page = |intro: &str| {
        let items: String = (1..=4)
            .map(|i| format!(r#"<li><a href="https://reports.example/{i}">Harbour safety report number {i}</a></li>"#))
            .collect();
        plain_page(&format!(
            r#"<article><p>{}</p><p>{}</p><p>{intro}</p><ul>{items}</ul><p>{}</p><p>{}</p></article>"#,
            PARAS[0], PARAS[1], PARAS[2], PARAS[3]
        ))
    };
    check(
        &page("Four reports on the harbour's safety were published this year:"),
        &[
            PARAS[0],
            "Harbour safety report number 1",
            "Harbour safety report number 4",
            PARAS[3],
        ],
        &[],
    );
    check(
        &page("Mehr zum Thema finden Sie auch in unserem Hafen-Dossier:"),
        &[PARAS[0], PARAS[3]],
        &["Harbour safety report number 1"],
    );
    check(
        &page("Read more:"),
        &[PARAS[0], PARAS[3]],
        &["Harbour safety report number 1"],
    );
}

#[test]
fn a_long_list_of_products_in_the_article_does_not_stand_for_it() {
    // A buyer's guide: an introduction, a list of products under a title whose descriptions
    // together score nearly twice what the element named the article around them does, and a
    // closing section. The list is one part of the article.
    let product = |n: usize| {
        let description = format!("<p>Camera {n} records in sharp detail by day and night, and its app, which is simple to set up, sends alerts quickly.</p>");
        format!("<li><h3>Camera {n}</h3>{}</li>", description.repeat(3))
    };
    let products: String = (1..=24).map(product).collect();
    let section = paragraphs(8);
    let body = format!(
        r#"<div class="content-column"><div class="intro">{section}</div>
        <section class="wrapper"><div class="products"><div class="title"><h2>The cameras we tested</h2></div><ul class="product-list">{products}</ul></div></section>
        <div class="closing">{section}<p>Whichever camera you choose, test it at night first.</p></div></div>"#
    );
    check(
        &plain_page(&body),
        &[PARAS[0], "Camera 24 records", "test it at night first"],
        &[],
    );
}

#[test]
fn a_site_notice_does_not_name_the_article_by_its_content_box() {
    // A notice plugin's bar above the page (`bulletin-content`, once per screen) is no article
    // for saying "content": the page builder's unnamed boxes below it hold the page's text.
    check_class(
        "bulletin-content bulletin-content-main",
        patterns::Chrome::Neutral,
    );
    let notice = "Important update: the clinic on the hill is not part of the new hospital group, and it stays open.";
    let html = format!(
        r#"<html><body><div class="bulletin"><div class="bulletin-content">{notice}</div>
        <div class="bulletin-mobile-content">{notice}</div></div>
        <div id="page-container"><div class="section"><div class="row"><div class="module"><div class="inner"><p>{} {}</p><p>{}</p></div></div></div>
        <div class="row"><div class="module"><h2>Services</h2></div><div class="module"><div class="inner"><ul>
        <li>Screening exams</li><li>Cleanings</li><li>Root canals on select teeth</li></ul></div></div></div></div></div>
        </body></html>"#,
        PARAS[0], PARAS[1], PARAS[2]
    );
    check(&html, &[PARAS[0], PARAS[2]], &["Important update"]);
}
