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
}

impl<'a> Attrs<'a> {
    /// Reads the attributes of `el`. The parser keeps the first of repeated attributes, so each
    /// name is met at most once.
    pub fn of(el: &'a scraper::node::Element) -> Self {
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
}
