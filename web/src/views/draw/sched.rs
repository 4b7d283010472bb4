//! The scheduler panel (P lanes, global queue, netpoller, syscalls, parked goroutines)
//! and the goroutines panel, whose rows are keyed components that redraw only when
//! their goroutine changed.

use yew::prelude::*;

use super::chip::{Chip, Marks};
use crate::views::goroutines::{GoList, GoRow};
use crate::views::happened::Happened;
use crate::views::scheduler::{Lane, SchedView};

fn lane(l: &Lane, marks: &Marks, happened: Option<&Happened>) -> Html {
    let mut class = String::from("lane");
    if l.m.is_none() {
        class.push_str(" idle");
    }
    if let Some(h) = happened.filter(|h| h.procs.contains(&l.p)) {
        class.push_str(" touched happened-");
        class.push_str(h.kind.class());
    }
    html! {
        <li {class} data-testid={format!("proc-{}", l.p)} aria-label={format!("P{}", l.p)}>
            <span class="lane-p">{format!("P{}", l.p)}</span>
            <span class="lane-m">{l.m.map_or("idle".to_owned(), |m| format!("M{m}"))}</span>
            <span class="field running"><span class="key">{"running"}</span>{marks.chip_or_empty(l.running)}</span>
            <span class="field runnext"><span class="key">{"runnext"}</span>{marks.chip_or_empty(l.runnext)}</span>
            <span class="field local"><span class="key">{format!("local ({})", l.local.total())}</span>{marks.chips(&l.local, "empty")}</span>
            if let Some(g) = l.syscall {
                <span class="field syscall"><span class="key">{"in syscall"}</span>{marks.chip(g)}</span>
            }
        </li>
    }
}

pub fn scheduler(view: &SchedView, marks: &Marks, happened: Option<&Happened>) -> Html {
    html! {
        <section class="panel sched" aria-label="Scheduler">
            <h2>{"Scheduler"}</h2>
            <ol class="lanes">{for view.lanes.iter().map(|l| lane(l, marks, happened))}</ol>
            <div class="queue-row" data-testid="grq">
                <span class="key">{format!("global run queue ({})", view.global.total())}</span>
                {marks.chips(&view.global, "empty")}
            </div>
            <div class="queue-row netpoller" data-testid="netpoller">
                <span class="key">{"netpoller"}</span>
                {marks.chips(&view.netpoller, "no goroutines waiting (the machine has no network)")}
            </div>
            <div class="queue-row syscalls">
                <span class="key">{format!("in system calls ({})", view.syscall.total())}</span>
                {marks.chips(&view.syscall, "none")}
            </div>
            <div class="parked">
                <h3>{"Parked"}</h3>
                if view.parked.is_empty() { <span class="empty">{"no goroutine is waiting"}</span> }
                <ul>
                    {for view.parked.iter().map(|p| html! {
                        <li class="queue-row" data-reason={p.reason.clone()}>
                            <span class="key">{format!("{} ({})", p.reason, p.gs.total())}</span>
                            {marks.chips(&p.gs, "")}
                        </li>
                    })}
                </ul>
            </div>
        </section>
    }
}

/// Everything one goroutine's row draws.
#[derive(Properties, PartialEq)]
struct RowProps {
    row: GoRow,
    chip: Chip,
}

#[function_component]
fn Row(props: &RowProps) -> Html {
    let r = &props.row;
    html! {
        <li class={format!("go-row {}", r.class)}>
            {props.chip.html()}
            <span class="go-state">{r.state.clone()}</span>
            if let Some(line) = r.line { <span class="go-line">{format!("line {line}")}</span> }
        </li>
    }
}

pub fn goroutines(list: GoList, marks: &Marks) -> Html {
    html! {
        <section class="panel goroutines" aria-label="Goroutines">
            <h2>{format!("Goroutines ({} live, {} finished)", list.live, list.finished)}</h2>
            <ul class="go-list">
                {for list.rows.into_iter().map(|row| {
                    let (id, chip) = (row.id, marks.chip_data(row.id, row.label.clone()));
                    html! { <Row key={id} {row} {chip} /> }
                })}
            </ul>
            if list.more > 0 { <p class="more">{format!("… {} more goroutines", list.more)}</p> }
        </section>
    }
}
