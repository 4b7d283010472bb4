//! The timeline panel: one SVG lane per P, a bar per goroutine run (coloured by
//! goroutine, titled and, when wide enough, labelled with its id), letters for blocks,
//! wake-ups, steals and preemptions, the cursor's time as a line; zoom by buttons or
//! the wheel. Geometry is in percentages of the width, so text never stretches.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::chip::COLOURS;
use crate::views::label::go_title;
use crate::views::recording::Recording;
use crate::views::timeline::{Bar, MarkKind, format_time};

/// Bars and marks drawn per lane at most.
const CAP_PER_LANE: usize = 240;
/// Lane height and gap, in pixels.
const LANE: u32 = 22;
const GAP: u32 = 6;
/// The deepest zoom (a factor of the whole run's span).
const MAX_ZOOM: u64 = 1 << 20;
/// A bar wider than this share of the width (percent) gets its id written in it.
const LABEL_WIDTH: f64 = 4.0;

#[derive(Properties, Clone)]
pub struct TimelineProps {
    pub recording: Rc<RefCell<Recording>>,
    pub cursor: usize,
    pub revision: u64,
    pub selected: Option<u64>,
    /// The time of the snapshot at the cursor.
    pub now: u64,
}

impl PartialEq for TimelineProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.recording, &other.recording)
            && self.cursor == other.cursor
            && self.revision == other.revision
            && self.selected == other.selected
            && self.now == other.now
    }
}

/// The window `[t0, t1)` shown at `zoom` around `now` in a run spanning `[0, end]`.
pub fn window(end: u64, now: u64, zoom: u64) -> (u64, u64) {
    let total = end.saturating_add(1);
    let span = (total / zoom.max(1)).max(1);
    let t0 = now.saturating_sub(span / 2).min(total - span.min(total));
    (t0, t0 + span)
}

fn pct(t: u64, t0: u64, t1: u64) -> f64 {
    (t.saturating_sub(t0)) as f64 * 100.0 / (t1 - t0).max(1) as f64
}

fn mark_letter(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::Block => "B",
        MarkKind::Wake => "W",
        MarkKind::Steal => "S",
        MarkKind::Preempt => "P",
    }
}

#[function_component]
pub fn Timeline(props: &TimelineProps) -> Html {
    let zoom = use_state(|| 1u64);
    let recording = props.recording.borrow();
    let index = recording.timeline();
    let snap = recording.current();
    let (t0, t1) = window(index.t_max, props.now, *zoom);
    let lanes = index.window(props.cursor, props.now, t0, t1, CAP_PER_LANE);
    let height = (lanes.len() as u32).max(1) * (LANE + GAP);

    let set = |f: fn(u64) -> u64| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| zoom.set(f(*zoom).clamp(1, MAX_ZOOM)))
    };
    let zoom_in = set(|z| z * 2);
    let zoom_out = set(|z| z / 2);
    let fit = set(|_| 1);
    let onwheel = {
        let zoom = zoom.clone();
        Callback::from(move |e: WheelEvent| {
            if e.ctrl_key() || e.shift_key() {
                e.prevent_default();
                let z = if e.delta_y() < 0.0 { *zoom * 2 } else { *zoom / 2 };
                zoom.set(z.clamp(1, MAX_ZOOM));
            }
        })
    };

    let bar = |y: u32, p: usize, b: &Bar| -> Html {
        let x = pct(b.start, t0, t1);
        let w = (pct(b.end, t0, t1) - x).max(0.15);
        let span = format!("{}–{}", format_time(b.start), format_time(b.end));
        if b.runs > 1 {
            return html! {
                <rect class="bar many" x={format!("{x:.3}%")} y={y.to_string()} width={format!("{w:.3}%")} height={LANE.to_string()}>
                    <title>{format!("P{p}: {} runs, {span} (zoom in to tell them apart)", b.runs)}</title>
                </rect>
            };
        }
        let mut class = format!("bar g-c{}", b.g % COLOURS);
        if props.selected == Some(b.g) {
            class.push_str(" sel");
        }
        let label = snap.goroutines.get(&b.g).map_or_else(|| format!("G{}", b.g), go_title);
        html! {
            <g class="run" data-g={b.g.to_string()} data-testid={format!("goroutine-{}", b.g)}>
                <rect {class} x={format!("{x:.3}%")} y={y.to_string()} width={format!("{w:.3}%")} height={LANE.to_string()}>
                    <title>{format!("{label} on P{p}, {span}")}</title>
                </rect>
                if w >= LABEL_WIDTH {
                    <text class="bar-label" x={format!("{:.3}%", x + 0.4)} y={(y + LANE - 7).to_string()}>{format!("G{}", b.g)}</text>
                }
            </g>
        }
    };

    html! {
        <section class="panel timeline" aria-label="Timeline" data-testid="timeline">
            <div class="timeline-head">
                <h2>{"Timeline"}</h2>
                <span class="timeline-span">{format!("{} – {} (now {})", format_time(t0), format_time(t1), format_time(props.now))}</span>
                <button type="button" aria-label="Zoom in" title="Zoom in (or Ctrl+wheel)" onclick={zoom_in}>{"+"}</button>
                <button type="button" aria-label="Zoom out" title="Zoom out" onclick={zoom_out}>{"−"}</button>
                <button type="button" aria-label="Fit the whole run" title="Show the whole run" onclick={fit}>{"Fit"}</button>
                <span class="legend">{"B blocks · W woken · S steal · P preempted"}</span>
            </div>
            <div class="timeline-body">
                <ol class="timeline-procs">
                    {for lanes.iter().map(|l| html! { <li>{format!("P{}", l.p)}</li> })}
                </ol>
                <svg class="timeline-svg" width="100%" height={height.to_string()} role="img"
                    aria-label={format!("Runs per P from {} to {}", format_time(t0), format_time(t1))} {onwheel}>
                    {for lanes.iter().enumerate().map(|(row, l)| {
                        let y = row as u32 * (LANE + GAP) + GAP / 2;
                        html! {
                            <g class="tl-lane">
                                <rect class="lane-bg" x="0" y={y.to_string()} width="100%" height={LANE.to_string()} />
                                {for l.bars.iter().map(|b| bar(y, l.p as usize, b))}
                                {for l.marks.iter().map(|m| html! {
                                    <text class={format!("mark mark-{}", m.kind.class())} x={format!("{:.3}%", pct(m.t, t0, t1))} y={(y + 9).to_string()}>
                                        {mark_letter(m.kind)}
                                        <title>{format!("G{} {} on P{} at {}", m.g, m.kind.name(), l.p, format_time(m.t))}</title>
                                    </text>
                                })}
                            </g>
                        }
                    })}
                    <line class="cursor" x1={format!("{:.3}%", pct(props.now, t0, t1))} x2={format!("{:.3}%", pct(props.now, t0, t1))} y1="0" y2={height.to_string()} />
                </svg>
            </div>
        </section>
    }
}
