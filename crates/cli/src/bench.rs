//! `goroscope bench`: the speed figures the issues ask for, measured the way a user meets
//! them. Each program of the bench directory runs as a child process (`goroscope run`),
//! several times; the table shows the median wall time and the peak resident memory the
//! kernel reports for the child (wait4's ru_maxrss). When a Go toolchain is on PATH, the
//! same programs built by `go build` are measured the same way, as the reference column.
//! The front end (parse + check + compile of a generated 2,000-line program) is timed
//! in-process.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// One measured program.
pub struct Measurement {
    pub median: Duration,
    pub peak_rss_kib: u64,
}

/// Runs `cmd` `runs` times with its output discarded; `Err` if it ever fails.
pub fn measure(cmd: &mut Command, runs: usize) -> Result<Measurement, String> {
    let mut times = Vec::with_capacity(runs);
    let mut peak = 0;
    for _ in 0..runs.max(1) {
        cmd.stdout(Stdio::null()).stderr(Stdio::piped());
        let start = Instant::now();
        let child = cmd.spawn().map_err(|e| format!("cannot start {cmd:?}: {e}"))?;
        let (status, rss) = wait_with_rusage(child)?;
        times.push(start.elapsed());
        peak = peak.max(rss);
        if status != 0 {
            return Err(format!("{cmd:?} exited with status {status}"));
        }
    }
    times.sort();
    Ok(Measurement { median: times[times.len() / 2], peak_rss_kib: peak })
}

/// Waits for `child`, returning its exit status and its peak resident set in KiB.
fn wait_with_rusage(child: std::process::Child) -> Result<(i32, u64), String> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: `rusage` is plain old data, fully written by wait4 on success; `pid` is our
    // own child, not yet reaped (std's Child only reaps in wait/try_wait, never called).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    std::mem::forget(child);
    if r != pid {
        return Err(format!("wait4 failed: {}", std::io::Error::last_os_error()));
    }
    let code = if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 128 + libc::WTERMSIG(status) };
    Ok((code, usage.ru_maxrss as u64))
}

/// The `.go` programs of `dir`, sorted.
pub fn programs(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .collect();
    out.sort();
    Ok(out)
}

/// Builds `program` with the Go toolchain `go` into `out_dir`; `None` if it fails.
pub fn go_build(go: &Path, program: &Path, out_dir: &Path) -> Option<PathBuf> {
    let exe = out_dir.join(program.file_stem()?);
    let program = std::fs::canonicalize(program).ok()?;
    let status = Command::new(go)
        .arg("build")
        .arg("-o")
        .arg(&exe)
        .arg(&program)
        .current_dir(out_dir)
        .env("GO111MODULE", "off")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .ok()?;
    status.success().then_some(exe)
}

/// A gofmt-style program of at least `lines` lines using the constructs tutorials use
/// (structs, methods, closures, loops, switch, select, goroutines), for the front-end
/// benchmark. Deterministic: the same `lines` gives the same text.
pub fn synthetic_program(lines: usize) -> String {
    let mut src = String::from("package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\n");
    let mut n = 0;
    while src.lines().count() < lines {
        src.push_str(&format!(
            "type item{n} struct {{\n\tid   int\n\tname string\n}}\n\n\
             func (it *item{n}) label(k int) string {{\n\tswitch {{\n\tcase k < 0:\n\t\treturn \"neg\"\n\tcase k%2 == 0:\n\t\treturn fmt.Sprintf(\"%s-%d\", it.name, k)\n\tdefault:\n\t\treturn it.name\n\t}}\n}}\n\n\
             func work{n}(xs []int, out chan<- int, wg *sync.WaitGroup) {{\n\tdefer wg.Done()\n\tsum := 0\n\tfor i, x := range xs {{\n\t\tif x%3 == 0 {{\n\t\t\tcontinue\n\t\t}}\n\t\tsum += x * i\n\t}}\n\tadd := func(v int) int {{ return v + sum }}\n\tselect {{\n\tcase out <- add({n}):\n\tdefault:\n\t}}\n}}\n\n"
        ));
        n += 1;
    }
    src.push_str("func main() {\n\tvar wg sync.WaitGroup\n\tout := make(chan int, 1024)\n\txs := []int{1, 2, 3, 4, 5, 6}\n");
    for i in 0..n {
        src.push_str(&format!("\twg.Add(1)\n\tgo work{i}(xs, out, &wg)\n\tfmt.Println((&item{i}{{id: {i}, name: \"x\"}}).label({i}))\n"));
    }
    src.push_str("\twg.Wait()\n}\n");
    src
}

/// Median time of `runs` front-end passes over `src`.
pub fn time_front_end(src: &str, runs: usize) -> Result<Duration, String> {
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        crate::compile("bench.go", src).map_err(|d| d.join("\n"))?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times[times.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::synthetic_program;

    #[test]
    fn synthetic_program_compiles() {
        let src = synthetic_program(2000);
        assert!(src.lines().count() >= 2000);
        if let Err(d) = crate::compile("bench.go", &src) {
            panic!("the front-end benchmark's program must compile:\n{}", d.join("\n"));
        }
    }
}
