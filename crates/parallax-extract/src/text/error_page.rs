//! A site's error page: the page asked for does not exist, and the text says so ("404 Page Not
//! Found", "Seite nicht gefunden", "Página no encontrada"). Servers often answer such a page as
//! if it were the article (a soft 404); what it holds is the site's apology and its links, no
//! story, and a brief that read it as one would cite a dead link.

use std::sync::LazyLock;

use crate::lexicon::Phrases;

/// The phrases of `data/error_pages.txt`.
static NOT_FOUND: LazyLock<Phrases> = LazyLock::new(|| {
    Phrases::new(parallax_text::lines(include_str!(
        "../../data/error_pages.txt"
    )))
});

/// An error page's text is a few lines: one this long or longer is an article, whatever its
/// headline says (a story on broken links, "Page not found: why the web forgets").
const MAX_WORDS: usize = 150;

/// The first lines of a text where an error page says what it is (after a login box's fields).
const LEADING_LINES: usize = 4;

/// Whether a short text is a site's error page: its headline or one of the first lines of its
/// `body` (paragraphs parted by blank lines) says the page asked for is not there.
pub(crate) fn is_error_page(title: Option<&str>, body: &str) -> bool {
    !super::words_exceed(body, MAX_WORDS - 1)
        && title
            .into_iter()
            .chain(body.split("\n\n").take(LEADING_LINES))
            .any(says_not_found)
}

/// Whether a line says the page is not found: one of [`NOT_FOUND`], or the bare status "404".
fn says_not_found(line: &str) -> bool {
    let line = line.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    line.trim_matches(|c: char| !c.is_alphanumeric()) == "404" || NOT_FOUND.is_match(&line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title: Option<&str>, text: &str, expected: bool) {
        assert_eq!(is_error_page(title, text), expected, "{title:?} / {text:?}");
    }

    #[test]
    fn an_error_page_says_so_in_seven_languages() {
        check(
            Some("404 : Page Not Found"),
            "The page you requested has moved.\n\nGo to the home page.",
            true,
        );
        check(
            None,
            "Login\n\nPassword\n\nPage not found\n\nWe are sorry.",
            true,
        );
        check(
            Some("Fehler"),
            "Die Seite wurde nicht gefunden.\n\nZur Startseite",
            true,
        );
        check(Some("Oups !"), "Cette page n’existe pas ou plus.", true);
        check(Some("Error"), "Lo sentimos: página no encontrada.", true);
        check(Some("Ops"), "Pagina non trovata", true);
        check(
            Some("Erro"),
            "Página não encontrada. Volte ao início.",
            true,
        );
        check(Some("Błąd"), "Nie znaleziono strony, której szukasz.", true);
        check(Some("404"), "Back to the start", true);
        check(None, "百科错误页\n\n抱歉，您所访问的页面不存在...", true);
    }

    #[test]
    fn an_article_about_a_missing_page_is_no_error_page() {
        let long = "The web forgets what it once published, and readers pay for it. ".repeat(15);
        check(Some("Page not found: how the web forgets"), &long, false);
        check(
            Some("Flight 404 lands safely"),
            "The plane landed at noon.",
            false,
        );
        check(
            Some("Storm cuts power"),
            "Thousands were left without power.",
            false,
        );
        // The phrase past the first lines is a story's, not the page's.
        check(
            None,
            "One.\n\nTwo.\n\nThree.\n\nFour.\n\nThe page you are looking for, he said.",
            false,
        );
    }
}
