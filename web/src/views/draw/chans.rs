//! The channels panel: each channel's hchan (ring, sendx/recvx, wait queues, closed)
//! and one line per Mutex, RWMutex and WaitGroup.

use goroscope_trace::WaiterSnap;
use yew::prelude::*;

use super::chip::Marks;
use crate::views::channels::ChanView;

fn waiters(name: &str, q: &[WaiterSnap], more: usize, marks: &Marks) -> Html {
    html! {
        <div class={format!("waitq {name}")}>
            <span class="key">{format!("{name} ({})", q.len() + more)}</span>
            if q.is_empty() { <span class="empty">{"empty"}</span> }
            {for q.iter().map(|w| html! {
                <span class="waiter">
                    {marks.chip(w.g)}
                    if let Some(v) = &w.value { <span class="value">{v.clone()}</span> }
                </span>
            })}
            if more > 0 { <span class="more">{format!("… {more} more")}</span> }
        </div>
    }
}

fn chan(c: &ChanView, marks: &Marks) -> Html {
    let class = if c.closed { "chan closed" } else { "chan" };
    html! {
        <li {class} data-testid={format!("chan-{}", c.id)}>
            <div class="chan-head">
                <span class="chan-label">{c.label.clone()}</span>
                <span class="chan-count">{if c.cap > 0 { format!("{}/{} buffered", c.qcount, c.cap) } else { "unbuffered".to_owned() }}</span>
                if c.closed { <span class="closed-tag">{"closed"}</span> }
            </div>
            if c.cap > 0 {
                <ol class="ring" aria-label={format!("buffer: sendx {} recvx {}", c.sendx, c.recvx)}>
                    {for c.slots.iter().map(|s| {
                        let mut class = String::from("slot");
                        if s.value.is_some() { class.push_str(" full"); }
                        if s.sendx { class.push_str(" sendx"); }
                        if s.recvx { class.push_str(" recvx"); }
                        html! {
                            <li {class}>
                                <span class="slot-value">{s.value.clone().unwrap_or_default()}</span>
                                <span class="slot-marks">
                                    if s.sendx { <span class="sendx-mark" title="sendx: the next send writes here">{"sendx"}</span> }
                                    if s.recvx { <span class="recvx-mark" title="recvx: the next receive reads here">{"recvx"}</span> }
                                </span>
                            </li>
                        }
                    })}
                    if c.more_slots > 0 { <li class="more">{format!("… {} more slots", c.more_slots)}</li> }
                </ol>
            }
            {waiters("sendq", &c.sendq, c.more_senders, marks)}
            {waiters("recvq", &c.recvq, c.more_receivers, marks)}
        </li>
    }
}

pub fn channels(chans: &[ChanView], more: usize, sync: &[String], marks: &Marks) -> Html {
    html! {
        <section class="panel channels" aria-label="Channels">
            <h2>{format!("Channels ({})", chans.len() + more)}</h2>
            if chans.is_empty() { <p class="empty">{"no channel made yet"}</p> }
            <ul class="chan-list">{for chans.iter().map(|c| chan(c, marks))}</ul>
            if more > 0 { <p class="more">{format!("… {more} more channels")}</p> }
            if !sync.is_empty() {
                <h3>{"Sync"}</h3>
                <ul class="sync-list">{for sync.iter().map(|l| html! { <li>{l.clone()}</li> })}</ul>
            }
        </section>
    }
}
