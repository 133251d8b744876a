//! The store on SQLite and on PostgreSQL: migrations, idempotent batches, stories, briefs, search
//! and paging. Each test body runs on both backends (`sqlite::NAME` and `postgres::NAME`); the
//! PostgreSQL ones need `PARALLAX_TEST_POSTGRES` (see `deploy/postgres-test.sh`).
#![allow(clippy::unwrap_used)] // Tests may unwrap: a panic there is a failed assertion.

#[macro_use]
mod common;

use chrono::NaiveDate;
use common::{article, brief_of, Backend, ByFirstWord, TempDir};
use parallax_store::{
    ingest, refresh_brief, BriefState, Cursor, PostgresStore, SearchQuery, SqliteStore, Store,
    StoreError, StoryQuery, POSTGRES_SCHEMA_VERSION, SCHEMA_VERSION,
};

on_both_backends!(
    the_same_article_is_stored_once,
    regrouping_keeps_story_ids_and_bumps_versions_of_changed_stories,
    briefs_are_cached_per_story_version,
    search_ranks_highlights_and_filters,
    hostile_queries_never_fail,
    stories_page_newest_first_with_cursors,
    stories_are_listed_by_latest_publication_undated_last,
    readers_are_never_locked_out_by_a_writer,
    nul_characters_and_other_languages_are_stored_and_found,
);

#[test]
fn migrations_set_the_version_and_reopening_keeps_data() {
    let dir = TempDir::new("migrate");
    {
        let mut store = SqliteStore::open(dir.db()).unwrap();
        store
            .add_articles(&[article("a", "X", "Fire", "A fire broke out.")])
            .unwrap();
    }
    let store = SqliteStore::open(dir.db()).unwrap();
    assert_eq!(store.counts().unwrap().articles, 1);
    let conn = rusqlite::Connection::open(dir.db()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    drop(store);
    let err = SqliteStore::open(dir.db()).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("test.db"), "{err}");
}

#[test]
fn postgres_migrations_record_their_version_and_refuse_a_newer_schema() {
    let Some(backend) = Backend::postgres() else {
        return;
    };
    let db = backend.fresh("pg_migrate");
    let location = db.location();
    // Processes opening a new database at once migrate it once.
    let opens: Vec<_> = (0..4)
        .map(|_| {
            let location = location.clone();
            std::thread::spawn(move || PostgresStore::open(&location).map(|_| ()))
        })
        .collect();
    for open in opens {
        open.join().unwrap().unwrap();
    }
    db.open()
        .add_articles(&[article("a", "X", "Fire", "A fire broke out.")])
        .unwrap();
    assert_eq!(db.open().counts().unwrap().articles, 1);
    let mut client = ::postgres::Client::connect(&location, ::postgres::NoTls).unwrap();
    let versions: Vec<i64> = client
        .query("SELECT version FROM schema_version ORDER BY version", &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, (1..=POSTGRES_SCHEMA_VERSION).collect::<Vec<_>>());
    client
        .execute(
            "INSERT INTO schema_version (version) VALUES ($1)",
            &[&(POSTGRES_SCHEMA_VERSION + 1)],
        )
        .unwrap();
    let err = PostgresStore::open(&location).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
    assert!(err.to_string().contains("search_path"), "{err}");
}

#[test]
fn a_server_that_cannot_be_reached_is_an_error_without_the_password() {
    let err = PostgresStore::open("postgres://desk:s3cret@127.0.0.1:1/parallax").unwrap_err();
    assert!(matches!(err, StoreError::Connect { .. }), "{err}");
    assert!(!err.to_string().contains("s3cret"), "{err}");
    assert!(err.to_string().contains("desk:***@127.0.0.1:1"), "{err}");
}

fn nul_characters_and_other_languages_are_stored_and_found(backend: &Backend) {
    let db = backend.fresh("nul");
    let mut store = db.open();
    let mut odd = article("1", "A\0B", "Fire\0 at sea", "A fire\0 broke out at sea.");
    odd.url = Some("https://x.example/\0".into());
    let mut french = article(
        "2",
        "Le Quotidien",
        "Incendie au port",
        "Les pompiers ont combattu les incendies toute la nuit.",
    );
    french.language = "fr".into();
    let added = store.add_articles(&[odd, french]).unwrap();
    assert_eq!(added.added.len(), 2);
    let stored = store.article(added.added[0]).unwrap().unwrap();
    assert!(
        stored.article.text.contains("fire\0"),
        "the article itself keeps its text"
    );
    assert_eq!(search(&*store, "sea").len(), 1);
    assert_eq!(search(&*store, "incendie").len(), 1);
    assert_eq!(search(&*store, "pompier").len(), 1);
}

fn the_same_article_is_stored_once(backend: &Backend) {
    let db = backend.fresh("idempotent");
    let mut store = db.open();
    let mut a = article(
        "a",
        "X",
        "Fire at the harbour",
        "A fire broke out at the harbour.",
    );
    a.url = Some("https://x.example/fire".into());
    let b = article("b", "Y", "Harbour blaze", "Flames were seen at the port.");
    let first = store.add_articles(&[a.clone(), b.clone()]).unwrap();
    assert_eq!((first.added.len(), first.duplicates), (2, 0));
    let again = store.add_articles(&[a.clone(), b.clone()]).unwrap();
    assert_eq!((again.added.len(), again.duplicates), (0, 2));

    // Same URL, other text: a duplicate. Same content, other id and source: a duplicate.
    let mut same_url = article("c", "X", "Fire (updated)", "Updated text.");
    same_url.url = a.url.clone();
    let mut same_text = b.clone();
    same_text.id = "zz".into();
    same_text.source = "elsewhere.txt".into();
    same_text.text = format!("  {}\n", same_text.text.replace(' ', "  "));
    // Twice in one batch: stored once.
    let fresh = article("d", "Z", "New", "Something new.");
    let mixed = store
        .add_articles(&[same_url, same_text, fresh.clone(), fresh])
        .unwrap();
    assert_eq!((mixed.added.len(), mixed.duplicates), (1, 3));
    assert_eq!(store.counts().unwrap().articles, 3);

    let stored = store.article(first.added[0]).unwrap().unwrap();
    assert_eq!(stored.article.id, first.added[0].to_string());
    assert_eq!(stored.input_id, "a");
    assert_eq!(stored.article.source, a.source);
    assert_eq!(stored.content_hash.len(), 64);
    assert!(stored.ingested_at.ends_with('Z'));
    assert!(store.article(9999).unwrap().is_none());
}

fn regrouping_keeps_story_ids_and_bumps_versions_of_changed_stories(backend: &Backend) {
    let db = backend.fresh("stories");
    let mut store = db.open();
    let ids = store
        .add_articles(&[
            article("1", "A", "Fire one", "one"),
            article("2", "B", "Fire two", "two"),
            article("3", "C", "Quake three", "three"),
        ])
        .unwrap()
        .added;
    let created = store
        .set_stories(&[vec![ids[0], ids[1]], vec![ids[2]]])
        .unwrap();
    assert_eq!(created.len(), 2);
    let fire = store.article(ids[0]).unwrap().unwrap().story.unwrap();
    let quake = store.article(ids[2]).unwrap().unwrap().story.unwrap();
    let summary = store.story(fire).unwrap().unwrap();
    assert_eq!(
        (summary.articles, summary.outlets.clone(), summary.version),
        (2, vec!["A".into(), "B".into()], 1)
    );

    // Unchanged partition: nothing touched.
    assert!(store
        .set_stories(&[vec![ids[1], ids[0]], vec![ids[2]]])
        .unwrap()
        .is_empty());

    // Article 2 moves to the quake story: both change, both keep their ids.
    let changed = store
        .set_stories(&[vec![ids[0]], vec![ids[1], ids[2]]])
        .unwrap();
    assert_eq!(changed.len(), 2);
    assert_eq!(store.article(ids[0]).unwrap().unwrap().story, Some(fire));
    assert_eq!(store.article(ids[1]).unwrap().unwrap().story, Some(quake));
    assert_eq!(store.story(fire).unwrap().unwrap().version, 2);

    // Merged into one: the other story is gone.
    store.set_stories(std::slice::from_ref(&ids)).unwrap();
    assert_eq!(store.counts().unwrap().stories, 1);
}

fn briefs_are_cached_per_story_version(backend: &Backend) {
    let db = backend.fresh("briefs");
    let mut store = db.open();
    let report = ingest(
        &mut *store,
        &ByFirstWord,
        &[
            article("1", "A", "Fire one", "one"),
            article("2", "B", "Fire two", "two"),
        ],
    )
    .unwrap();
    assert_eq!((report.added.len(), report.stories_touched), (2, 1));
    let story = store
        .article(report.added[0])
        .unwrap()
        .unwrap()
        .story
        .unwrap();
    let cached = store.brief(story).unwrap().unwrap();
    assert_eq!(cached.version, 1);
    let json: serde_json::Value = serde_json::from_str(&cached.json).unwrap();
    assert_eq!(json["id"], story);
    assert_eq!(json["schema"], "parallax/brief/v1");
    assert_eq!(json["articles"].as_array().unwrap().len(), 2);
    assert_eq!(store.story(story).unwrap().unwrap().title, "Fire one");

    // Re-ingesting the same: nothing changes, the brief stays.
    let again = ingest(
        &mut *store,
        &ByFirstWord,
        &[article("1", "A", "Fire one", "one")],
    )
    .unwrap();
    assert_eq!(
        (again.added.len(), again.duplicates, again.stories_touched),
        (0, 1, 0)
    );
    assert_eq!(store.brief(story).unwrap().unwrap(), cached);

    // A new member: the story gets version 2 and a new brief.
    let grown = ingest(
        &mut *store,
        &ByFirstWord,
        &[article("3", "C", "Fire three", "three")],
    )
    .unwrap();
    assert_eq!(grown.stories_touched, 1);
    let cached = store.brief(story).unwrap().unwrap();
    assert_eq!(cached.version, 2);
    assert!(cached.json.contains("three"));

    // A brief made for an old version is refused; a stale cache is remade on demand.
    let old = brief_of(&[article("x", "X", "stale", "stale")]);
    assert_eq!(store.put_briefs(&[(story, 1, &old)]).unwrap(), 0);
    store.set_stories(&[vec![1], vec![2, 3]]).unwrap();
    assert!(!store.stale_briefs().unwrap().is_empty());
    assert!(matches!(
        store.current_brief(story).unwrap(),
        Some(BriefState::Stale(Some(_)))
    ));
    assert_eq!(store.current_brief(12345).unwrap(), None);
    let fresh = refresh_brief(&mut *store, &ByFirstWord, story)
        .unwrap()
        .unwrap();
    assert_eq!(fresh.version, store.story(story).unwrap().unwrap().version);
    assert!(
        matches!(store.current_brief(story).unwrap(), Some(BriefState::Current(b)) if b == fresh)
    );
    assert!(refresh_brief(&mut *store, &ByFirstWord, 12345)
        .unwrap()
        .is_none());
}

fn search(store: &dyn Store, text: &str) -> Vec<parallax_store::Hit> {
    store
        .search(&SearchQuery {
            text: text.into(),
            outlet: None,
            since: None,
            limit: 20,
        })
        .unwrap()
}

fn search_ranks_highlights_and_filters(backend: &Backend) {
    let db = backend.fresh("search");
    let mut store = db.open();
    let mut a = article(
        "1",
        "Herald",
        "Harbour fire destroys warehouses",
        "Firefighters fought the blaze for hours.",
    );
    a.published = NaiveDate::from_ymd_opt(2024, 3, 1);
    let mut b = article(
        "2",
        "Courier",
        "Council meets",
        "The council discussed the harbour fire briefly.",
    );
    b.published = NaiveDate::from_ymd_opt(2024, 3, 5);
    let c = article("3", "Courier", "Football", "The match ended in a draw.");
    store.add_articles(&[a, b, c]).unwrap();

    let hits = search(&*store, "harbour fire");
    assert_eq!(hits.len(), 2);
    assert_eq!(
        hits[0].title.as_deref(),
        Some("Harbour fire destroys warehouses"),
        "title match ranks first"
    );
    assert!(
        hits[1]
            .snippet
            .marked("[", "]")
            .contains("[harbour] [fire]"),
        "{:?}",
        hits[1].snippet
    );
    assert!(hits[0].snippet.to_html().contains("<mark>"));

    // Stemming: "fires" finds "fire".
    assert_eq!(search(&*store, "fires").len(), 2);
    let only = store
        .search(&SearchQuery {
            text: "harbour".into(),
            outlet: Some("courier".into()),
            since: None,
            limit: 20,
        })
        .unwrap();
    assert_eq!(only.len(), 1);
    let recent = store
        .search(&SearchQuery {
            text: "harbour".into(),
            outlet: None,
            since: NaiveDate::from_ymd_opt(2024, 3, 2),
            limit: 20,
        })
        .unwrap();
    assert_eq!(recent.len(), 1);
    assert_eq!(search(&*store, "\"fire destroys\"").len(), 1);
    assert_eq!(search(&*store, "warehou*").len(), 1);
}

fn hostile_queries_never_fail(backend: &Backend) {
    let db = backend.fresh("hostile");
    let mut store = db.open();
    store
        .add_articles(&[article(
            "1",
            "A",
            "O'Brien said \"no\"",
            "A (bracketed) remark; DROP TABLE articles; -- fire*",
        )])
        .unwrap();
    let hostile = [
        "",
        " ",
        "\"",
        "\"\"\"",
        "*",
        "**",
        "fire*",
        "*fire",
        "(",
        ")",
        "((fire",
        "fire)",
        "AND",
        "OR",
        "NOT",
        "fire AND",
        "NEAR(fire, 2)",
        "fire NEAR",
        "title:fire",
        "text:",
        "^fire",
        "-fire",
        "+",
        "'",
        "' OR 1=1 --",
        "'; DROP TABLE articles; --",
        "\\",
        "%",
        "_",
        "\0",
        "{fire}",
        "[fire]",
        "fire:*",
        "\u{2}\u{3}",
        "ÅÄÖ 中文 🔥",
        &"a ".repeat(5000),
        &"(".repeat(1000),
    ];
    for q in hostile {
        let hits = store.search(&SearchQuery {
            text: q.into(),
            outlet: Some(q.into()),
            since: None,
            limit: 5,
        });
        assert!(hits.is_ok(), "{q:?}: {hits:?}");
        let hits = store.search(&SearchQuery {
            text: q.into(),
            outlet: None,
            since: None,
            limit: 5,
        });
        assert!(hits.is_ok(), "{q:?}: {hits:?}");
    }
    assert_eq!(search(&*store, "'; DROP TABLE articles; --").len(), 1);
    assert_eq!(store.counts().unwrap().articles, 1);
    assert_eq!(search(&*store, "O'Brien").len(), 1);
}

/// Every story, page by page (`limit` a page), as the listing orders them: their titles.
fn listed_titles(store: &dyn Store, limit: usize) -> Vec<String> {
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store
            .stories(&StoryQuery {
                since: None,
                limit,
                cursor,
            })
            .unwrap();
        seen.extend(page.stories.iter().map(|s| s.title.clone()));
        match page.next {
            Some(next) => cursor = Some(next.to_string().parse::<Cursor>().unwrap()),
            None => return seen,
        }
    }
}

fn stories_are_listed_by_latest_publication_undated_last(backend: &Backend) {
    let db = backend.fresh("by_published");
    let mut store = db.open();
    // (title, publication days of its articles): the order of creation is not the order wanted.
    let stories: [(&str, &[Option<&str>]); 6] = [
        ("Late", &[Some("2022-01-01"), Some("2024-06-01")]),
        ("Undated1", &[None]),
        ("Tied1", &[Some("2024-05-02")]),
        ("Old", &[Some("2023-12-31")]),
        ("Tied2", &[Some("2024-05-02"), None]),
        ("Undated2", &[None, None]),
    ];
    let mut groups = Vec::new();
    for (title, days) in stories {
        let articles: Vec<_> = days
            .iter()
            .enumerate()
            .map(|(n, day)| {
                let mut a = article(&format!("{title}{n}"), "A", title, &format!("{title} {n}"));
                a.published = day.map(|d| d.parse().unwrap());
                a
            })
            .collect();
        groups.push(store.add_articles(&articles).unwrap().added);
        // One regrouping per story, so that update order differs from publication order.
        store.set_stories(&groups).unwrap();
    }
    // "Old" changes last; it stays where its day puts it.
    let old = store
        .add_articles(&[article("Old9", "A", "Old", "Old 9")])
        .unwrap();
    groups[3].extend(old.added);
    store.set_stories(&groups).unwrap();
    let expected = ["Late", "Tied2", "Tied1", "Old", "Undated2", "Undated1"];
    for limit in [1, 2, 4, 6, 10] {
        assert_eq!(listed_titles(&*store, limit), expected, "pages of {limit}");
    }
}

fn stories_page_newest_first_with_cursors(backend: &Backend) {
    let db = backend.fresh("paging");
    let mut store = db.open();
    let mut ids = Vec::new();
    for i in 0..7 {
        let batch = store
            .add_articles(&[article(
                &i.to_string(),
                "A",
                &format!("Story{i}"),
                &format!("text {i}"),
            )])
            .unwrap();
        ids.push(batch.added[0]);
        // One regrouping per article, so each story is newer than the last.
        let groups: Vec<Vec<i64>> = ids.iter().map(|i| vec![*i]).collect();
        store.set_stories(&groups).unwrap();
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    let mut pages = 0;
    loop {
        let page = store
            .stories(&StoryQuery {
                since: None,
                limit: 3,
                cursor,
            })
            .unwrap();
        pages += 1;
        seen.extend(page.stories.iter().map(|s| s.title.clone()));
        match page.next {
            Some(next) => cursor = Some(next.to_string().parse::<Cursor>().unwrap()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    let expected: Vec<String> = (0..7).rev().map(|i| format!("Story{i}")).collect();
    assert_eq!(seen, expected);
    // Exactly a page's worth: no empty next page.
    let page = store
        .stories(&StoryQuery {
            since: None,
            limit: 7,
            cursor: None,
        })
        .unwrap();
    assert_eq!((page.stories.len(), page.next), (7, None));
    for bad in ["", "x", "1-", "-1-2", "9999999999999999999999-1"] {
        assert!(bad.parse::<Cursor>().is_err(), "{bad}");
    }
    let since = store
        .stories(&StoryQuery {
            since: NaiveDate::from_ymd_opt(2020, 1, 1),
            limit: 10,
            cursor: None,
        })
        .unwrap();
    assert!(
        since.stories.is_empty(),
        "undated stories are not 'since' any date"
    );
}

fn readers_are_never_locked_out_by_a_writer(backend: &Backend) {
    let db = backend.fresh("concurrent");
    let mut writer = db.open();
    writer
        .add_articles(&[article("seed", "A", "Seed fire", "seed text")])
        .unwrap();
    let handle = std::thread::spawn(move || {
        for round in 0..20 {
            let batch: Vec<_> = (0..200)
                .map(|i| {
                    article(
                        &format!("{round}-{i}"),
                        "B",
                        &format!("Fire {round} {i}"),
                        &format!("body {round} {i} fire"),
                    )
                })
                .collect();
            writer.add_articles(&batch).unwrap();
        }
    });
    let reader = db.open();
    let mut last = 0;
    while !handle.is_finished() {
        let n = reader.counts().unwrap().articles;
        assert!(
            n >= last && (n - 1).is_multiple_of(200),
            "a reader saw a partial batch: {n}"
        );
        last = n;
        search(&*reader, "fire");
        reader.stories(&StoryQuery::default()).unwrap();
    }
    handle.join().unwrap();
    assert_eq!(reader.counts().unwrap().articles, 4001);
}

/// Processes that open one new database at the same moment all get it: switching it to WAL
/// needs a lock that SQLite reports busy at once, without the busy timeout.
#[test]
fn many_opening_one_new_database_at_once_all_open_it() {
    for round in 0..20 {
        let dir = TempDir::new(&format!("open-at-once-{round}"));
        let path = dir.db();
        let start = std::sync::Arc::new(std::sync::Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (path, start) = (path.clone(), start.clone());
                std::thread::spawn(move || {
                    start.wait();
                    SqliteStore::open(&path).map(|_| ())
                })
            })
            .collect();
        for h in handles {
            h.join().unwrap().unwrap();
        }
    }
}
