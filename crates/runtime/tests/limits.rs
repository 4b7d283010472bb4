//! The playground's limits on Go source: the heap cap (`Config::max_heap`, over the
//! estimate `value::meter` documents) and bulk operations charged per element to the
//! instruction budget and to virtual time. Each limit ends the run with exit code 2 and
//! one line on stderr, never an abort.

mod common;

use common::{Run, run_source as run_with};
use goroscope_runtime::Config;

fn with_heap(src: &str, max_heap: u64) -> Run {
    run_with(
        src,
        Config {
            procs: 2,
            max_heap,
            ..common::test_config()
        },
    )
}

fn with_budget(src: &str, max_instructions: u64) -> Run {
    run_with(
        src,
        Config {
            procs: 2,
            max_instructions,
            ..common::test_config()
        },
    )
}

fn assert_oom(r: &Run, want_mib: u64, cap_mib: u64) {
    assert_eq!(r.exit.code, 2, "stderr: {}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "goroscope: out of memory: allocating {want_mib} MiB would take the program's heap past {cap_mib} MiB (the playground's limit; Go itself would report \"fatal error: runtime: out of memory\")\n"
        )
    );
}

#[test]
fn kept_long_strings_reach_the_heap_cap() {
    let r = with_heap(
        r#"package main

import (
	"fmt"
	"strings"
)

func main() {
	var keep []string
	for i := 0; i < 100; i++ {
		keep = append(keep, strings.Repeat("x", 1<<20))
		fmt.Println(i)
	}
}
"#,
        16 << 20,
    );
    assert_oom(&r, 1, 16);
    assert!(
        r.stdout.starts_with("0\n1\n") && r.stdout.lines().count() < 16,
        "{}",
        r.stdout
    );
}

#[test]
fn memory_that_is_dropped_is_given_back() {
    let r = with_heap(
        r#"package main

import "fmt"

func main() {
	total := 0
	for i := 0; i < 50; i++ {
		s := make([]int, 1<<20)
		s[i] = i
		total += len(s) + s[i]
	}
	m := map[int]int{}
	for i := 0; i < 1000; i++ {
		m[i] = i
	}
	clear(m)
	fmt.Println(total, len(m))
}
"#,
        64 << 20,
    );
    assert_eq!(
        (r.stdout.as_str(), r.stderr.as_str(), r.exit.code),
        ("52430025 0\n", "", 0)
    );
}

#[test]
fn a_growing_map_reaches_the_heap_cap() {
    let r = with_heap(
        r#"package main

func main() {
	m := map[int]int{}
	for i := 0; ; i++ {
		m[i] = i
	}
}
"#,
        1 << 20,
    );
    assert_eq!(r.exit.code, 2);
    assert!(
        r.stderr.starts_with(
            "goroscope: out of memory: allocating 1 MiB would take the program's heap past 1 MiB"
        ),
        "{}",
        r.stderr
    );
}

#[test]
fn blocked_goroutines_and_channel_buffers_count() {
    let goroutines = with_heap(
        r#"package main

func main() {
	ch := make(chan int)
	for {
		go func() { <-ch }()
	}
}
"#,
        1 << 20,
    );
    assert_oom(&goroutines, 1, 1);
    let buffer = with_heap(
        "package main\n\nfunc main() {\n\tch := make(chan int, 1<<25)\n\tch <- 1\n}\n",
        512 << 20,
    );
    assert_oom(&buffer, 1024, 512);
}

#[test]
fn copy_and_conversions_are_charged_per_element() {
    let budget = 1_000_000;
    for body in [
        "copy(s, s[1:])",
        "_ = string(b)",
        "_ = []byte(str)",
        "_ = []rune(str)",
        "s = append(s[:0], s...)",
        "clear(s)",
    ] {
        let src = format!(
            "package main\n\nimport \"strings\"\n\nfunc main() {{\n\ts := make([]int, 100000)\n\tb := make([]byte, 100000)\n\tstr := strings.Repeat(\"x\", 100000)\n\t_, _, _ = s, b, str\n\tfor i := 0; i < 1000; i++ {{\n\t\t{body}\n\t}}\n}}\n"
        );
        let r = with_budget(&src, budget);
        assert_eq!(r.exit.code, 2, "{body}: {}", r.stderr);
        assert_eq!(
            r.stderr,
            "goroscope: the program was stopped after 1000000 instructions (the playground's budget)\n",
            "{body}"
        );
        assert!(
            r.instructions <= budget + 100_000,
            "{body}: {}",
            r.instructions
        );
    }
}

#[test]
fn bulk_work_takes_virtual_time() {
    let r = with_budget(
        r#"package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	a := make([]int, 1<<20)
	b := make([]int, 1<<20)
	start := time.Now()
	for i := 0; i < 10; i++ {
		copy(a, b)
	}
	runtime.Gosched() // the clock sees a batch's work when the batch ends
	fmt.Println(time.Since(start) >= 10*(1<<20)*time.Nanosecond)
}
"#,
        1 << 40,
    );
    assert_eq!((r.stdout.as_str(), r.exit.code), ("true\n", 0));
}

#[test]
fn an_array_larger_than_the_cap_is_refused_when_first_made() {
    let global = with_heap(
        "package main\n\nimport \"fmt\"\n\nvar big [1 << 24]int\n\nfunc main() {\n\tbig[1] = 2\n\tfmt.Println(big[1])\n}\n",
        256 << 20,
    );
    assert_oom(&global, 512, 256);
    assert_eq!(global.stdout, "");
    let local = with_heap(
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"start\")\n\tvar rows [4][1 << 22]int\n\trows[3][5] = 1\n\tfmt.Println(rows[3][5])\n}\n",
        256 << 20,
    );
    assert_oom(&local, 512, 256);
    assert_eq!(local.stdout, "start\n");
}

#[test]
fn copy_on_write_copies_of_a_large_array_are_charged() {
    let r = with_budget(
        "package main\n\nfunc main() {\n\tvar a [100000]int\n\tfor i := 0; i < 1000; i++ {\n\t\tb := a\n\t\tb[i] = i\n\t\ta = b\n\t}\n}\n",
        1_000_000,
    );
    assert_eq!(
        (r.stderr.as_str(), r.exit.code),
        (
            "goroscope: the program was stopped after 1000000 instructions (the playground's budget)\n",
            2
        )
    );
    assert!(r.instructions <= 1_200_000, "{}", r.instructions);
}
