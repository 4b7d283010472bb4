//! The drafts in the browser: localStorage, and the autosave timer fed by the editor's
//! edit event ([`crate::editor::EDIT_EVENT`]). The decisions (what to open, what to keep) are `drafts`' pure functions.
//!
//! Invariants:
//! - The stored value is written only through [`Keeper`], after [`Keeper::start`] has set
//!   aside any value it could not read.
//! - An edit is saved [`DEBOUNCE_MS`] after the last change of the text, and at once
//!   when the page is hidden or unloaded (`pagehide`), so a reload never loses typing.
//! - A new fragment in the address bar (`hashchange`) reloads the page, so a link
//!   opened in a tab that already shows the playground goes through `drafts::open`.
//! - Without localStorage (disabled, or a sandboxed frame) the page works and keeps no
//!   draft.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Storage};

use super::{Draft, Drafts, KEY, Opening, UNREADABLE_KEY, open};
use crate::share;

/// How long after the last edit the draft is saved.
pub const DEBOUNCE_MS: i32 = 400;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the page opens with, from its address and localStorage.
pub fn opening(defaults: Draft) -> Opening {
    let fragment = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
    open(
        &fragment,
        share::decode(&fragment),
        stored.as_deref(),
        defaults,
    )
}

/// Keeps the drafts: saves edits (debounced) and serves the previous-draft button.
pub struct Keeper {
    drafts: Rc<RefCell<Drafts>>,
    save: Rc<dyn Fn()>,
    timer: Rc<RefCell<Option<i32>>>,
    listeners: Vec<Listener>,
}

/// An event listener the keeper added, removed when it is dropped.
type Listener = (web_sys::EventTarget, &'static str, Closure<dyn FnMut()>);

impl Keeper {
    /// Starts keeping `opening`'s drafts: sets aside an unreadable stored value, stores
    /// the opening, and saves what `current` reads (the editor and settings) after edits
    /// in `host`.
    pub fn start(
        opening: &Opening,
        host: &Element,
        current: impl Fn() -> Option<Draft> + 'static,
    ) -> Keeper {
        let storage = storage();
        if let (Some(storage), Some(raw)) = (&storage, &opening.unreadable) {
            let _ = storage.set_item(UNREADABLE_KEY, raw);
        }
        let drafts = Rc::new(RefCell::new(opening.drafts.clone()));
        let save: Rc<dyn Fn()> = {
            let drafts = drafts.clone();
            Rc::new(move || {
                let Some(storage) = &storage else { return };
                let mut drafts = drafts.borrow_mut();
                if let Some(draft) = current() {
                    drafts.edit(draft);
                }
                // A full quota (or a refused write) keeps the last saved draft.
                let _ = storage.set_item(KEY, &drafts.to_json());
            })
        };
        save();
        let timer = Rc::new(RefCell::new(None));
        let mut listeners: Vec<Listener> = Vec::new();
        {
            let (save, timer) = (save.clone(), timer.clone());
            let on_edit = Closure::<dyn FnMut()>::new(move || schedule(&save, &timer));
            listeners.push((host.clone().into(), crate::editor::EDIT_EVENT, on_edit));
        }
        if let Some(window) = web_sys::window() {
            let save = save.clone();
            let on_hide = Closure::<dyn FnMut()>::new(move || save());
            listeners.push((window.clone().into(), "pagehide", on_hide));
            // A link pasted into the address bar of an open page changes only the
            // fragment: reload, so that it opens like any link (the draft is saved on
            // `pagehide` first). Share rewrites the fragment with replaceState, which
            // fires no hashchange.
            let reload = window.clone();
            let on_hash = Closure::<dyn FnMut()>::new(move || {
                let _ = reload.location().reload();
            });
            listeners.push((window.into(), "hashchange", on_hash));
        }
        for (target, event, closure) in &listeners {
            let _ =
                target.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
        Keeper {
            drafts,
            save,
            timer,
            listeners,
        }
    }

    /// Saves soon (a setting changed).
    pub fn save_soon(&self) {
        schedule(&self.save, &self.timer);
    }

    /// The previous-draft button: saves what the editor holds, swaps it with the
    /// previous draft, and returns the draft to put in the editor.
    pub fn swap(&self) -> Option<Draft> {
        (self.save)();
        let swapped = self.drafts.borrow_mut().swap().cloned();
        if let Some(storage) = storage() {
            let _ = storage.set_item(KEY, &self.drafts.borrow().to_json());
        }
        swapped
    }

    /// The button's label, or `None` when there is no previous draft.
    pub fn previous_label(&self) -> Option<&'static str> {
        let drafts = self.drafts.borrow();
        let previous = drafts.previous.as_ref()?;
        let shared = drafts
            .link
            .as_deref()
            .and_then(|l| share::decode(l).ok().flatten())
            .is_some_and(|s| s.code == previous.code);
        Some(if shared {
            "Back to the shared program"
        } else {
            "Back to your previous draft"
        })
    }

    /// Share was pressed: reloading the address it wrote restores this draft.
    pub fn published(&self, fragment: &str) {
        self.drafts.borrow_mut().published(fragment);
        (self.save)();
    }
}

/// (Re)starts the debounce timer of `save`.
fn schedule(save: &Rc<dyn Fn()>, timer: &Rc<RefCell<Option<i32>>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(id) = timer.borrow_mut().take() {
        window.clear_timeout_with_handle(id);
    }
    let (save, done) = (save.clone(), timer.clone());
    let fire = Closure::once_into_js(move || {
        done.borrow_mut().take();
        save();
    });
    *timer.borrow_mut() = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(fire.unchecked_ref(), DEBOUNCE_MS)
        .ok();
}

impl Drop for Keeper {
    fn drop(&mut self) {
        for (target, event, closure) in &self.listeners {
            let _ =
                target.remove_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        }
    }
}
