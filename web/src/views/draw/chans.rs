//! The channels panel: each channel's hchan (ring, sendx/recvx, wait queues, closed)
//! and one line per Mutex, RWMutex and WaitGroup.
//!
//! Each channel is a keyed component whose props are what it draws ([`ChanProps`]), so a
//! frame redraws only the channels that changed: with 100 channels, a step touches one.

use goroscope_trace::{EventKind, WaiterSnap};
use yew::prelude::*;

use super::chip::{Chip, Marks};
use crate::views::channels::{ChanView, Touch, touch};

/// A wait queue's chips: `G4 (7)` for a sender of 7.
fn queue_chips(q: &[WaiterSnap], marks: &Marks) -> Vec<Chip> {
    q.iter()
        .map(|w| match &w.value {
            Some(v) => marks.chip_data(w.g, format!("G{} ({v})", w.g)),
            None => marks.chip_data(w.g, format!("G{}", w.g)),
        })
        .collect()
}

/// A wait queue, drawn only when someone waits: `sendq (2) G4 (7) G9 (8)`.
fn waiters(name: &str, q: &[Chip], more: usize) -> Html {
    if q.is_empty() {
        return Html::default();
    }
    html! {
        <div class={format!("waitq {name}")}>
            <span class="key">{format!("{name} ({})", q.len() + more)}</span>
            // One child list of keyed chips (`for` would mix them with the siblings); a
            // select may wait on one channel twice, so the key counts a goroutine's chips.
            {q.iter().enumerate().map(|(i, c)| {
                let again = q[..i].iter().filter(|d| d.g == c.g).count();
                c.keyed(format!("{}/{again}", c.g))
            }).collect::<Html>()}
            if more > 0 { <span class="more">{format!("… {more} more")}</span> }
        </div>
    }
}

/// Everything one channel draws.
#[derive(Properties, PartialEq)]
struct ChanProps {
    chan: ChanView,
    /// What the event just applied did to this channel.
    touched: Option<Touch>,
    sendq: Vec<Chip>,
    recvq: Vec<Chip>,
}

/// One channel: a head line, the ring (one element per slot; sendx/recvx are classes
/// whose words views.css writes under the slot), and the non-empty wait queues.
#[function_component]
fn Chan(props: &ChanProps) -> Html {
    let (c, touched) = (&props.chan, props.touched);
    let mut class = String::from("chan");
    if c.closed {
        class.push_str(" closed");
    }
    match touched {
        Some(Touch::Direct) => class.push_str(" touched direct"),
        Some(_) => class.push_str(" touched"),
        None => {}
    }
    let count = match (c.cap, c.closed) {
        (0, false) => String::from("unbuffered"),
        (0, true) => String::from("unbuffered, closed"),
        (cap, closed) => format!(
            "{}/{cap} buffered{}",
            c.qcount,
            if closed { ", closed" } else { "" }
        ),
    };
    html! {
        <li {class} data-testid={format!("chan-{}", c.id)}>
            <div class="chan-head">{c.label.clone()}<span class="chan-count">{count}</span></div>
            if c.cap > 0 {
                <ol class="ring" aria-label={format!("buffer: sendx {} recvx {}", c.sendx, c.recvx)}>
                    {for c.slots.iter().map(|s| {
                        let mut class = String::from("slot");
                        if s.value.is_some() { class.push_str(" full"); }
                        if s.sendx { class.push_str(" sendx"); }
                        if s.recvx { class.push_str(" recvx"); }
                        if touched == Some(Touch::Written(s.index)) { class.push_str(" written"); }
                        if touched == Some(Touch::Read(s.index)) { class.push_str(" read"); }
                        html! { <li {class}>{s.value.clone().unwrap_or_default()}</li> }
                    })}
                    if c.more_slots > 0 { <li class="more">{format!("… {} more slots", c.more_slots)}</li> }
                </ol>
            }
            {waiters("sendq", &props.sendq, c.more_senders)}
            {waiters("recvq", &props.recvq, c.more_receivers)}
        </li>
    }
}

pub fn channels(
    chans: Vec<ChanView>,
    more: usize,
    sync: &[String],
    marks: &Marks,
    last: Option<&EventKind>,
) -> Html {
    let total = chans.len() + more;
    html! {
        <section class="panel channels" aria-label="Channels">
            <h2>{format!("Channels ({})", total)}</h2>
            if total == 0 { <p class="empty">{"no channel made yet"}</p> }
            <ul class="chan-list">
                {for chans.into_iter().map(|c| {
                    let (id, touched) = (c.id, last.and_then(|k| touch(&c, k)));
                    let (sendq, recvq) = (queue_chips(&c.sendq, marks), queue_chips(&c.recvq, marks));
                    html! { <Chan key={id} chan={c} {touched} {sendq} {recvq} /> }
                })}
            </ul>
            if more > 0 { <p class="more">{format!("… {more} more channels")}</p> }
            if !sync.is_empty() {
                <h3>{"Sync"}</h3>
                <ul class="sync-list">{for sync.iter().map(|l| html! { <li>{l.clone()}</li> })}</ul>
            }
        </section>
    }
}
