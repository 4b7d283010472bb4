//! How a run is cut into slices never changes it: the same events (with their virtual
//! times), output (including what `time.Since` measures) and instruction count whether
//! it runs in one go or a few instructions at a time, even when a slice ends between the
//! two halves of a superinstruction (a loop's `i++` and its `i < n` test).

use goroscope_runtime::{Config, Machine, SliceResult};

const SRC: &str = r#"package main

import (
	"fmt"
	"time"
)

func sum(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += i & 7
	}
	return s
}

func main() {
	start := time.Now()
	ch := make(chan int)
	done := make(chan bool)
	n := 37
	go func() {
		for v := range ch {
			fmt.Println("got", v)
		}
		done <- true
	}()
	for i := 0; i < 5; i += 2 {
		ch <- sum(n + i)
	}
	for j := 3; j < 40; j++ {
		if j%13 == 0 {
			ch <- j
		}
	}
	close(ch)
	<-done
	fmt.Println(sum(100), time.Since(start))
}
"#;

/// Runs the program in slices of the sizes in `sizes`, cyclically; returns the events,
/// the output and the instructions executed.
fn sliced(sizes: &[u64], procs: usize) -> (Vec<goroscope_trace::Event>, Vec<u8>, u64) {
    let program = goroscope_compiler::compile_source("prog.go", SRC).expect("compiles");
    let cfg = Config {
        procs,
        seed: 3,
        record_events: true,
        ..Config::default()
    };
    let mut m = Machine::new(program, cfg).expect("loads");
    let mut events = Vec::new();
    let mut out = Vec::new();
    for &n in sizes.iter().cycle() {
        let r = m.run_slice(n);
        events.extend(m.take_events());
        out.extend(m.take_output().into_iter().flat_map(|o| o.bytes));
        if let SliceResult::Finished(e) = r {
            assert_eq!(e.code, 0, "{}", String::from_utf8_lossy(&out));
            break;
        }
    }
    (events, out, m.instructions())
}

#[test]
fn a_run_in_small_slices_is_the_run_in_one_slice() {
    for procs in [1, 2] {
        let whole = sliced(&[u64::MAX / 2], procs);
        assert!(
            String::from_utf8_lossy(&whole.1).contains("got 39\n342 "),
            "{}",
            String::from_utf8_lossy(&whole.1)
        );
        for sizes in [&[1][..], &[2], &[3, 1, 4, 1, 5], &[999, 1]] {
            assert_eq!(
                sliced(sizes, procs),
                whole,
                "procs {procs}, slices {sizes:?}"
            );
        }
    }
}
