//! A goroutine chip: `G7`, coloured by goroutine, titled with its label and state,
//! `data-testid="goroutine-7"`, highlighted when selected or just moved.

use std::collections::BTreeSet;

use goroscope_trace::Snapshot;
use yew::prelude::*;
use yew::virtual_dom::Key;

use crate::views::label::{go_id, go_title};
use crate::views::scheduler::Shown;

/// Number of goroutine colours in views.css (`g-c0` .. `g-c9`).
pub const COLOURS: u64 = 10;

/// A chip as drawn: everything its markup depends on, so that a memoised row can compare
/// its chips with the last frame's instead of redrawing them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    pub g: u64,
    pub text: String,
    pub title: String,
    pub class: String,
}

impl Chip {
    pub fn html(&self) -> Html {
        let g = self.g;
        html! {
            <button type="button" class={self.class.clone()} data-testid={format!("goroutine-{g}")}
                data-g={g.to_string()} title={self.title.clone()}>{self.text.clone()}</button>
        }
    }

    /// The chip as one of a list's, known by `key`: when a goroutine leaves the head of a
    /// queue, the chips after it are moved, not all rewritten. `key` is unique in the list.
    pub fn keyed(&self, key: impl Into<Key>) -> Html {
        let mut node = self.html();
        if let Html::VTag(tag) = &mut node {
            std::rc::Rc::make_mut(tag).key = Some(key.into());
        }
        node
    }
}

/// What every chip needs to know about the moment shown.
pub struct Marks<'a> {
    pub snap: &'a Snapshot,
    pub selected: Option<u64>,
    /// Goroutines the last event moved.
    pub moved: &'a BTreeSet<u64>,
}

impl Marks<'_> {
    /// The classes of goroutine `g`'s shapes: colour, selection, movement.
    pub fn classes(&self, base: &str, g: u64) -> String {
        let mut class = format!("{base} g-c{}", g % COLOURS);
        if self.selected == Some(g) {
            class.push_str(" sel");
        }
        if self.moved.contains(&g) {
            class.push_str(" moved");
        }
        class
    }

    pub fn title(&self, g: u64) -> String {
        self.snap
            .goroutines
            .get(&g)
            .map_or_else(|| go_id(g), go_title)
    }

    /// What a chip for `g` with `text` (`G7`, or a longer label) draws.
    pub fn chip_data(&self, g: u64, text: String) -> Chip {
        Chip {
            g,
            text,
            title: self.title(g),
            class: self.classes("g", g),
        }
    }

    /// A chip for `g` with `text` (`G7`, or a longer label).
    pub fn chip_with(&self, g: u64, text: String) -> Html {
        self.chip_data(g, text).html()
    }

    pub fn chip(&self, g: u64) -> Html {
        self.chip_with(g, go_id(g))
    }

    /// The chip, or a dash for an empty slot.
    pub fn chip_or_empty(&self, g: Option<u64>) -> Html {
        match g {
            Some(g) => self.chip(g),
            None => html! { <span class="empty" aria-label="empty">{"—"}</span> },
        }
    }

    /// A capped list of chips, `… 900 more` after them; `empty` when there are none.
    pub fn chips(&self, gs: &Shown, empty: &str) -> Html {
        if gs.total() == 0 {
            return html! { <span class="empty">{empty.to_owned()}</span> };
        }
        html! {
            <span class="chips">
                // One child list of keyed chips (`for` would mix them with the siblings).
                {gs.shown.iter().map(|&g| self.chip_data(g, go_id(g)).keyed(g)).collect::<Html>()}
                if gs.more > 0 { <span class="more">{format!("… {} more", gs.more)}</span> }
            </span>
        }
    }
}
