//! Times parse + check + compile of a generated ~2,000-line program (the front-end's
//! speed target is under 20 ms natively). Run with
//! `cargo run --release -p goroscope-compiler --example compile_time`.

use std::fmt::Write;
use std::time::{Duration, Instant};

/// A program of `n` small functions mixing loops, closures, maps, structs, methods,
/// goroutines and channels, plus a `main` calling them all.
fn program(n: usize) -> String {
    let mut s = String::from(
        "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\ntype Acc struct {\n\tmu sync.Mutex\n\tn  map[string]int\n}\n\nfunc (a *Acc) Add(k string, v int) {\n\ta.mu.Lock()\n\tdefer a.mu.Unlock()\n\ta.n[k] += v\n}\n",
    );
    for i in 0..n {
        let _ = write!(
            s,
            "
func work{i}(a *Acc, xs []int) int {{
	total := 0
	for j, x := range xs {{
		if x%2 == 0 {{
			total += x * j
		}} else {{
			total -= x
		}}
	}}
	ch := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {{
		defer wg.Done()
		ch <- total + {i}
	}}()
	wg.Wait()
	v := <-ch
	a.Add(fmt.Sprint(\"k\", v%7), v)
	return v
}}
"
        );
    }
    s.push_str("\nfunc main() {\n\ta := &Acc{n: map[string]int{}}\n\txs := []int{1, 2, 3, 4, 5}\n\tsum := 0\n");
    for i in 0..n {
        let _ = writeln!(s, "\tsum += work{i}(a, xs)");
    }
    s.push_str("\tfmt.Println(sum, len(a.n))\n}\n");
    s
}

fn main() {
    let src = program(95);
    let lines = src.lines().count();
    let runs = 20u32;
    let (mut parse, mut check, mut compile) = (Duration::ZERO, Duration::ZERO, Duration::ZERO);
    for _ in 0..runs {
        let t = Instant::now();
        let parsed = goroscope_syntax::parse_file(&src);
        parse += t.elapsed();
        let t = Instant::now();
        let checked = goroscope_types::check(&parsed.file);
        check += t.elapsed();
        let t = Instant::now();
        if let Err(e) = goroscope_compiler::compile(&parsed.file, &checked, &src) {
            eprintln!("does not compile: {e:?}");
            std::process::exit(1);
        }
        compile += t.elapsed();
    }
    let (parse, check, compile) = (parse / runs, check / runs, compile / runs);
    println!(
        "{lines} lines, mean of {runs} runs: parse {parse:?} + check {check:?} + compile {compile:?} = {:?}",
        parse + check + compile
    );
}
