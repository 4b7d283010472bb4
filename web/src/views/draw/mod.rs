//! The Yew components that draw the views (wasm only): [`Views`] mounts the "what just
//! happened" caption, the scheduler, goroutines and channels panels and the timeline.
//!
//! Rendering is a function of the props: the recording is sought to `cursor`, the pure
//! models are derived from that snapshot, and the components draw them. Goroutine chips
//! carry `data-g`; one delegated listener on the root turns a hover or click on any of
//! them into `on_select`, so thousands of chips cost no closure each.

mod chans;
mod chip;
mod sched;
mod timeline;

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::channels::{chan_views, sync_lines};
use super::goroutines::GoList;
use super::recording::Recording;
use super::scheduler::SchedView;
use chip::Marks;

/// The props fixed by the contract with the page (WEB.md).
#[derive(Properties, Clone)]
pub struct ViewsProps {
    pub recording: Rc<RefCell<Recording>>,
    /// Events applied in what is shown.
    pub cursor: usize,
    /// Bumped whenever events were pushed.
    pub revision: u64,
    /// The highlighted goroutine.
    pub selected: Option<u64>,
    /// Called when the user hovers or clicks a goroutine.
    pub on_select: Callback<Option<u64>>,
}

impl PartialEq for ViewsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.recording, &other.recording)
            && self.cursor == other.cursor
            && self.revision == other.revision
            && self.selected == other.selected
            && self.on_select == other.on_select
    }
}

/// The goroutine a pointer event is about: the `data-g` of the chip under it.
fn goroutine_at(event: &Event) -> Option<u64> {
    let target = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let chip = target.closest("[data-g]").ok()??;
    chip.get_attribute("data-g")?.parse().ok()
}

#[function_component]
pub fn Views(props: &ViewsProps) -> Html {
    let mut recording = props.recording.borrow_mut();
    recording.seek(props.cursor);
    let recording = &*recording;
    let snap = recording.current();
    let happened = recording.last_happened(props.cursor);
    let moved: BTreeSet<u64> = happened
        .iter()
        .flat_map(|h| h.moved.iter().copied())
        .collect();
    let marks = Marks {
        snap,
        selected: props.selected,
        moved: &moved,
    };

    let on_select = props.on_select.clone();
    let selected = props.selected;
    let onclick = Callback::from(move |e: MouseEvent| {
        if let Some(g) = goroutine_at(&e) {
            on_select.emit(if selected == Some(g) { None } else { Some(g) });
        }
    });
    let on_select = props.on_select.clone();
    let onmouseover = Callback::from(move |e: MouseEvent| {
        if let Some(g) = goroutine_at(&e).filter(|g| Some(*g) != selected) {
            on_select.emit(Some(g));
        }
    });

    let caption = match &happened {
        Some(h) => html! {
            <p class={format!("happened happened-{}", h.kind.class())} aria-live="polite">
                <span class="happened-n">{format!("event {}", h.index + 1)}</span>
                {h.caption.clone()}
            </p>
        },
        None => html! { <p class="happened">{"Nothing has happened yet: press Run or Step."}</p> },
    };
    let sched = SchedView::new(snap);
    let goroutines = GoList::new(snap, props.selected);
    let (chans, more_chans) = chan_views(snap);
    let sync = sync_lines(snap);
    let last_event = happened.as_ref().and_then(|h| recording.event(h.index));
    let last = last_event.as_ref().map(|e| &e.kind);
    html! {
        <section class="views" aria-label="The run" {onclick} {onmouseover}>
            {caption}
            <div class="views-grid">
                {sched::scheduler(&sched, &marks, happened.as_ref())}
                {sched::goroutines(goroutines, &marks)}
                {chans::channels(chans, more_chans, &sync, &marks, last)}
            </div>
            <timeline::Timeline
                recording={props.recording.clone()}
                cursor={props.cursor}
                revision={props.revision}
                selected={props.selected}
                now={snap.t}
            />
        </section>
    }
}
