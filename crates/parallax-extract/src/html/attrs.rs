//! The attributes extraction reads on an element, read in one pass over its attribute list.
//!
//! `scraper`'s `Element::attr` interns the name it is asked for on every call; asking a dozen
//! names of every element of a page cost more than walking each element's few attributes once.

/// An element's attributes that extraction reads; `None` where the element has none.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    /// A microdata item's schema.org type (`https://schema.org/DiscussionForumPosting`).
    pub itemtype: Option<&'a str>,
    pub hidden: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    /// A dialog's `aria-modal`: a modal dialog is shown only when a script opens it.
    pub aria_modal: Option<&'a str>,
    /// A popover's: hidden until a script or button shows it.
    pub popover: Option<&'a str>,
    /// A `<dialog>`'s or `<details>`' open state.
    pub open: Option<&'a str>,
    pub style: Option<&'a str>,
    pub name: Option<&'a str>,
    pub rel: Option<&'a str>,
    pub content: Option<&'a str>,
    /// Left by the prescan only when it holds a script (`javascript:`), not a target.
    pub href: Option<&'a str>,
    /// The ids of the elements a control opens or shows (a disclosure button's panel).
    pub aria_controls: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    /// Reads the attributes of `el`. The parser keeps the first of repeated attributes, so each
    /// name is met at most once. Names are told apart by their interned atoms (one comparison of
    /// words each), not by their text.
    pub fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (name, value) in el.attrs.iter() {
            let Some(slot) = a.slot(&name.local) else {
                continue;
            };
            if slot.is_none() {
                *slot = Some(&**value);
            }
        }
        a
    }

    /// The field an attribute of this (local) name is read into, if extraction reads it.
    fn slot(&mut self, name: &html5ever::LocalName) -> Option<&mut Option<&'a str>> {
        use html5ever::local_name;
        let slot = if *name == local_name!("class") {
            &mut self.class
        } else if *name == local_name!("id") {
            &mut self.id
        } else if *name == local_name!("role") {
            &mut self.role
        } else if *name == local_name!("itemprop") {
            &mut self.itemprop
        } else if *name == local_name!("itemtype") {
            &mut self.itemtype
        } else if *name == local_name!("hidden") {
            &mut self.hidden
        } else if *name == local_name!("aria-hidden") {
            &mut self.aria_hidden
        } else if *name == local_name!("aria-modal") {
            &mut self.aria_modal
        } else if *name == local_name!("popover") {
            &mut self.popover
        } else if *name == local_name!("open") {
            &mut self.open
        } else if *name == local_name!("style") {
            &mut self.style
        } else if *name == local_name!("name") {
            &mut self.name
        } else if *name == local_name!("rel") {
            &mut self.rel
        } else if *name == local_name!("content") {
            &mut self.content
        } else if *name == local_name!("href") {
            &mut self.href
        } else if *name == local_name!("aria-controls") {
            &mut self.aria_controls
        } else {
            return None;
        };
        Some(slot)
    }
}

/// The value of `el`'s attribute named `name` in no namespace and with no prefix: what
/// `Element::attr` finds (the parser keeps one attribute of a name), without interning the name
/// it is asked for on every call.
pub(crate) fn attr<'a>(
    el: &'a scraper::node::Element,
    name: &html5ever::LocalName,
) -> Option<&'a str> {
    el.attrs
        .iter()
        .find(|(n, _)| n.local == *name && n.prefix.is_none() && n.ns == html5ever::ns!())
        .map(|(_, value)| &**value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `Attrs::of` as first written: each attribute told by its name's text.
    fn of_plainly(el: &scraper::node::Element) -> Attrs<'_> {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            let slot = match name {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "itemtype" => &mut a.itemtype,
                "hidden" => &mut a.hidden,
                "aria-hidden" => &mut a.aria_hidden,
                "aria-modal" => &mut a.aria_modal,
                "popover" => &mut a.popover,
                "open" => &mut a.open,
                "style" => &mut a.style,
                "name" => &mut a.name,
                "rel" => &mut a.rel,
                "content" => &mut a.content,
                "href" => &mut a.href,
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        a
    }

    #[test]
    fn attributes_are_read_as_by_their_names_text() {
        let names = [
            "class",
            "CLASS",
            "id",
            "role",
            "itemprop",
            "itemtype",
            "hidden",
            "aria-hidden",
            "aria-modal",
            "popover",
            "open",
            "style",
            "name",
            "rel",
            "content",
            "href",
            "data-x",
            "classy",
            "xml:lang",
            "lang",
            "Href",
            "aria-label",
            "src",
        ];
        // A fixed-seed generator: the same elements every run.
        let mut below = crate::testing::below(0x2545_f491_4f6c_dd1d);
        let mut page = String::from("<body>");
        for i in 0..400 {
            let tag = ["div", "p", "a", "span", "svg", "math", "section"][below(7)];
            page.push_str(&format!("<{tag}"));
            for _ in 0..below(6) {
                page.push_str(&format!(" {}=\"v{}\"", names[below(names.len())], below(9)));
            }
            page.push_str(&format!(">t{i}</{tag}>"));
        }
        let doc = scraper::Html::parse_document(&page);
        check_attr(&doc, &names);
        let mut elements = 0;
        for node in doc.tree.nodes() {
            if let Some(el) = node.value().as_element() {
                elements += 1;
                assert_eq!(
                    format!("{:?}", Attrs::of(el)),
                    format!("{:?}", of_plainly(el)),
                    "{el:?}"
                );
            }
        }
        assert!(elements > 400);
    }

    /// `attr` finds on every element of `doc` what `Element::attr` finds, for each of `names`.
    fn check_attr(doc: &scraper::Html, names: &[&str]) {
        for node in doc.tree.nodes() {
            if let Some(el) = node.value().as_element() {
                for name in names {
                    assert_eq!(
                        attr(el, &html5ever::LocalName::from(*name)),
                        el.attr(name),
                        "{name} on {el:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn an_attribute_is_found_as_element_attr_finds_it() {
        let page = r##"<html lang="en" xml:lang="en-GB"><body>
            <svg xlink:href="#a" xml:lang="fr" class="icon"><use xlink:href="#b" href="#c"/></svg>
            <math definitionURL="x" class="m"><mi xlink:href="#d">x</mi></math>
            <time datetime="2026-12-01" pubdate>1 December</time>
            <meta property="og:title" content="A title" name="n" itemprop="p">
            <p CLASS="a" class="b" Content="c" data-x="1">text</p></body></html>"##;
        let doc = scraper::Html::parse_document(page);
        check_attr(
            &doc,
            &[
                "lang",
                "xml:lang",
                "href",
                "xlink:href",
                "class",
                "datetime",
                "pubdate",
                "content",
                "property",
                "name",
                "itemprop",
                "type",
                "definitionurl",
                "data-x",
            ],
        );
    }
}
