//! The machine's speed targets (issue 4): five programs timed natively with event
//! recording off. `cargo run --release -p goroscope-runtime --example speed [NAME]`.
//! Wall-clock time is measured here, outside the machine, which never sees it.
//! `speed FILE.go` times that program instead (smaller variants for callgrind);
//! `RUNS=n` sets the number of runs (default 3, the median is printed).

use std::time::Instant;

use goroscope_runtime::{Config, Machine};

const FIB: &str = "package main
import \"fmt\"
func fib(n int) int {
    if n < 2 {
        return n
    }
    return fib(n-1) + fib(n-2)
}
func main() { fmt.Println(fib(30)) }
";

const LOOP: &str = "package main
import \"fmt\"
func main() {
    sum := 0
    for i := 0; i < 50000000; i++ {
        sum += i & 7
    }
    fmt.Println(sum)
}
";

const PING_PONG: &str = "package main
import \"fmt\"
func main() {
    ping, pong := make(chan int), make(chan int)
    go func() {
        for v := range ping {
            pong <- v + 1
        }
    }()
    v := 0
    for i := 0; i < 1000000; i++ {
        ping <- v
        v = <-pong
    }
    fmt.Println(v)
}
";

const DAISY: &str = "package main
import \"fmt\"
func f(left, right chan int) { left <- 1 + <-right }
func main() {
    const n = 100000
    leftmost := make(chan int)
    right := leftmost
    left := leftmost
    for i := 0; i < n; i++ {
        right = make(chan int)
        go f(left, right)
        left = right
    }
    go func(c chan int) { c <- 1 }(right)
    fmt.Println(<-leftmost)
}
";

const POOL: &str = "package main
import (
    \"fmt\"
    \"sync\"
)
func main() {
    jobs := make(chan int, 100)
    results := make(chan int, 100)
    var wg sync.WaitGroup
    for w := 0; w < 8; w++ {
        wg.Add(1)
        go func() {
            defer wg.Done()
            for j := range jobs {
                results <- j * 2
            }
        }()
    }
    go func() {
        for i := 0; i < 200000; i++ {
            jobs <- i
        }
        close(jobs)
    }()
    go func() { wg.Wait(); close(results) }()
    sum := 0
    for r := range results {
        sum += r
    }
    fmt.Println(sum)
}
";

fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    if only.ends_with(".go") {
        match std::fs::read_to_string(&only) {
            Ok(src) => time(&only, &src),
            Err(e) => println!("{only}: {e}"),
        }
        return;
    }
    for (name, src) in [
        ("fib30", FIB),
        ("loop50M", LOOP),
        ("pingpong1M", PING_PONG),
        ("daisy100k", DAISY),
        ("pool8x200k", POOL),
    ] {
        if name.contains(&only) {
            time(name, src);
        }
    }
}

/// Compiles `src` and prints the median wall time of its runs.
fn time(name: &str, src: &str) {
    let program = match goroscope_compiler::compile_source("prog.go", src) {
        Ok(p) => p,
        Err(e) => {
            println!("{name}: compile error {e:?}");
            return;
        }
    };
    if std::env::var_os("DISASM").is_some() {
        println!("{program}");
    }
    let mut times = Vec::new();
    for _ in 0..env("RUNS", 3).max(1) {
        let mut config = Config {
            procs: env("PROCS", 4) as usize,
            ..Config::default()
        };
        config.sched.quantum_ns = env("QUANTUM", config.sched.quantum_ns);
        let mut m = Machine::new(program.clone(), config).expect("loads");
        let start = Instant::now();
        let exit = m.run();
        times.push(start.elapsed().as_secs_f64());
        let out: Vec<u8> = m.take_output().into_iter().flat_map(|o| o.bytes).collect();
        if exit.code != 0 {
            println!(
                "{name}: exit {} {}",
                exit.code,
                String::from_utf8_lossy(&out)
            );
        }
    }
    times.sort_by(f64::total_cmp);
    println!("{name:12} median {:.3} s", times[times.len() / 2]);
}

/// A numeric knob from the environment, for experiments.
fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
