//! The recording's cost on a 1,000,000-event run with 1,000 goroutines and 100 channels
//! (issue 5: under 150 MB of page memory, any seek redrawn within 100 ms): builds the
//! recording in the worker's batch sizes, then seeks to deterministic pseudo-random
//! positions and one step back from each, and prints the memory it holds (counted by a
//! wrapping allocator) and the seek times. `cargo bench -p goroscope-web --bench seek`.
//!
//! Figures are native (64-bit): in wasm32 pointers and lengths are half as wide, so the
//! page holds less; the times are those of native code, wasm runs about 1.5-2x slower.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use goroscope_web::views::Recording;

/// The system allocator, counting the bytes live.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// 900 producers send over 100 channels to 100 consumers: 1,000 goroutines, 100
/// channels, and about a million events.
const PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var chans [100]chan int
	for i := range 100 {
		chans[i] = make(chan int, 4)
	}
	var producers, consumers sync.WaitGroup
	total := make([]int, 100)
	for c := range 100 {
		consumers.Add(1)
		go func() {
			defer consumers.Done()
			for v := range chans[c] {
				total[c] += v
			}
		}()
	}
	for i := range 900 {
		producers.Add(1)
		go func() {
			defer producers.Done()
			for j := range ROUNDS {
				chans[i%100] <- j
			}
		}()
	}
	producers.Wait()
	for c := range 100 {
		close(chans[c])
	}
	consumers.Wait()
	fmt.Println(total[0], total[99])
}
"#;

fn live_mb(since: usize) -> f64 {
    (LIVE.load(Ordering::Relaxed) as f64 - since as f64) / 1e6
}

fn main() {
    let empty = LIVE.load(Ordering::Relaxed);
    let rounds = std::env::var("ROUNDS").unwrap_or_else(|_| "300".into());
    let program = goroscope_worker::front_end::compile(&PROGRAM.replace("ROUNDS", &rounds))
        .expect("compiles");
    let config = goroscope_runtime::Config {
        procs: 4,
        seed: 1,
        record_events: true,
        ..Default::default()
    };
    let mut machine = goroscope_runtime::Machine::new(program, config).expect("loads");
    machine.run();
    // Through the text form and back, as the page receives them from the worker: every
    // string (wait reasons too) is then its own allocation, as in the page.
    let text = goroscope_trace::to_jsonl(&machine.take_events());
    drop(machine);
    let events = goroscope_trace::from_jsonl(&text).expect("the trace reads back");
    drop(text);
    let n = events.len();
    println!(
        "trace: {n} events, size_of::<Event>() = {} bytes",
        size_of::<goroscope_trace::Event>()
    );

    let as_received = live_mb(empty);
    let mut kinds = std::collections::BTreeMap::<String, usize>::new();
    for e in &events {
        let name = format!("{:?}", e.kind);
        let name = name.split([' ', '{', '(']).next().unwrap_or("").to_owned();
        *kinds.entry(name).or_default() += 1;
    }
    let mut kinds: Vec<_> = kinds.into_iter().collect();
    kinds.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    println!("most frequent: {:?}", &kinds[..kinds.len().min(6)]);
    let batches: Vec<Vec<_>> = events.chunks(10_000).map(<[_]>::to_vec).collect();
    drop(events);
    let start = Instant::now();
    let mut recording = Recording::default();
    for batch in batches {
        recording.push(batch);
    }
    let built = start.elapsed();
    println!(
        "recording: built in {built:?}; {} checkpoints; {:.1} MB live (the events alone, as received: {:.1} MB)",
        recording.checkpoints(),
        live_mb(empty),
        as_received
    );

    let at_end = LIVE.load(Ordering::Relaxed);
    let snapshot = recording.seek(n / 2).clone();
    println!("one snapshot mid-run: {:.2} MB", live_mb(at_end));
    drop(snapshot);

    // Deterministic positions (an LCG), then one step back from each.
    let mut x: u64 = 12345;
    let mut times = Vec::new();
    let mut back = Vec::new();
    for _ in 0..200 {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let at = (x >> 33) as usize % (n + 1);
        let t = Instant::now();
        std::hint::black_box(recording.seek(at));
        times.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(recording.seek(at.saturating_sub(1)));
        back.push(t.elapsed());
    }
    report("seek to a random position", &mut times);
    report("one event back from there", &mut back);
    let index = recording.timeline();
    let mut windows = Vec::new();
    let mut bars = 0;
    for zoom in [1, 2, 4, 16, 256, 4096] {
        let span = (index.t_max + 1) / zoom;
        let t0 = (index.t_max + 1 - span) / 2;
        let t = Instant::now();
        let lanes = index.window(n, recording.current().t, t0, t0 + span, 240);
        windows.push(t.elapsed());
        bars = bars.max(
            lanes
                .iter()
                .map(|l| l.bars.len() + l.marks.len())
                .sum::<usize>(),
        );
    }
    report(
        &format!("timeline window at zooms 1-4096 (at most {bars} shapes)"),
        &mut windows,
    );
}

fn report(what: &str, times: &mut [Duration]) {
    times.sort();
    let median = times[times.len() / 2];
    let worst = times[times.len() - 1];
    println!(
        "{what}: median {median:?}, worst {worst:?} over {} seeks",
        times.len()
    );
}
