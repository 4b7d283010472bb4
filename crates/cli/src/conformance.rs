//! Conformance cases in the corpus's shape (tests/corpus/README.md): `NAME.go` whose first
//! lines are `// want:`, `// schedule:` and `// teaches:` directives, `NAME.out` with the
//! exact stdout and, for failing programs, `NAME.err` with the one stderr line that matters.
//! The corpus and the examples gallery are both checked through [`Case::check`].

use std::path::{Path, PathBuf};

use crate::{RunOutcome, run_source};

/// What a case must do, from its `// want:` directive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Want {
    /// Exit with this status (0, 1 for compile errors, 2 for panics, N for os.Exit(N)).
    Exit(i32),
    /// A real data race. Without the race detector the program runs as a normal build
    /// does: same stdout, exit 0.
    Race,
}

/// Under which schedules the expected output holds, from `// schedule:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Schedule {
    /// Every legal schedule and every GOMAXPROCS.
    Any,
    /// Only with one P (the program calls runtime.GOMAXPROCS(1) itself).
    GomaxprocsOne,
}

/// One case: a program and what real Go did with it.
#[derive(Clone, Debug)]
pub struct Case {
    /// `folder/name`, for messages.
    pub name: String,
    pub file_name: String,
    pub source: String,
    pub want: Want,
    pub schedule: Schedule,
    pub stdout: Vec<u8>,
    /// The key stderr line (see [`key_stderr_line`]); `None` when the case has no `.err`.
    pub stderr_line: Option<String>,
}

impl Case {
    /// Reads `path` (a `.go` file) and its expected files.
    pub fn load(path: &Path, root: &Path) -> Result<Case, String> {
        let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let directive = |key: &str| {
            source
                .lines()
                .take_while(|l| l.starts_with("//"))
                .find_map(|l| l.strip_prefix("// ")?.strip_prefix(key)?.strip_prefix(':').map(str::trim))
                .ok_or_else(|| format!("{}: no `// {key}:` directive", path.display()))
        };
        let want = match directive("want")? {
            "race" => Want::Race,
            w => Want::Exit(
                w.strip_prefix("exit=")
                    .and_then(|n| n.parse().ok())
                    .ok_or_else(|| format!("{}: bad want directive {w:?}", path.display()))?,
            ),
        };
        let schedule = match directive("schedule")? {
            "any" => Schedule::Any,
            "gomaxprocs=1" => Schedule::GomaxprocsOne,
            s => return Err(format!("{}: bad schedule directive {s:?}", path.display())),
        };
        let stdout = std::fs::read(path.with_extension("out")).map_err(|e| format!("{}.out: {e}", path.display()))?;
        let stderr_line = std::fs::read_to_string(path.with_extension("err")).ok().map(|s| s.trim_end().to_string());
        let name = path.strip_prefix(root).unwrap_or(path).with_extension("").to_string_lossy().into_owned();
        let file_name = path.file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(Case { name, file_name, source, want, schedule, stdout, stderr_line })
    }

    /// The (GOMAXPROCS, seed) pairs the case is run under: three seeds for each of
    /// GOMAXPROCS 1, 2 and 8 when any schedule must give the same result.
    pub fn configurations(&self) -> Vec<(usize, u64)> {
        let procs: &[usize] = match (self.want, self.schedule) {
            (Want::Exit(1), _) => &[4],
            (_, Schedule::Any) => &[1, 2, 8],
            // The program sets GOMAXPROCS(1) itself; start it as `go run` would on 4 CPUs.
            (_, Schedule::GomaxprocsOne) => &[4],
        };
        procs.iter().flat_map(|&p| [1, 2, 3].map(|seed| (p, seed))).collect()
    }

    /// Runs the case under every configuration; `Err` describes the first mismatch.
    pub fn check(&self) -> Result<(), String> {
        for (procs, seed) in self.configurations() {
            let got = run_source(&self.file_name, &self.source, procs, seed);
            self.compare(&got).map_err(|why| format!("{} (procs={procs} seed={seed}): {why}", self.name))?;
        }
        Ok(())
    }

    fn compare(&self, got: &RunOutcome) -> Result<(), String> {
        let want_code = match self.want {
            Want::Exit(n) => n,
            Want::Race => 0,
        };
        let stderr = String::from_utf8_lossy(&got.stderr);
        if got.code != want_code {
            return Err(format!("exit {} instead of {want_code}; stderr:\n{}", got.code, clip(&stderr)));
        }
        if got.stdout != self.stdout {
            return Err(format!(
                "stdout differs\n--- want\n{}--- got\n{}--- stderr\n{}",
                clip(&String::from_utf8_lossy(&self.stdout)),
                clip(&String::from_utf8_lossy(&got.stdout)),
                clip(&stderr)
            ));
        }
        if let (Some(want), Want::Exit(_)) = (&self.stderr_line, self.want) {
            let line = key_stderr_line(&stderr);
            if line != Some(want.as_str()) {
                return Err(format!("key stderr line {line:?} instead of {want:?}; stderr:\n{}", clip(&stderr)));
            }
        }
        Ok(())
    }
}

/// The corpus's rule for the stderr line that matters: the first line starting with
/// `panic: ` or `fatal error: ` or equal to `WARNING: DATA RACE`; failing that, the first
/// non-empty line.
pub fn key_stderr_line(stderr: &str) -> Option<&str> {
    stderr
        .lines()
        .find(|l| l.starts_with("panic: ") || l.starts_with("fatal error: ") || *l == "WARNING: DATA RACE")
        .or_else(|| stderr.lines().find(|l| !l.is_empty()))
}

/// Keeps failure messages readable.
fn clip(s: &str) -> String {
    const MAX: usize = 2000;
    if s.len() <= MAX {
        return s.to_string();
    }
    let mut end = MAX;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n... ({} more bytes)\n", &s[..end], s.len() - end)
}

/// Checks every case below `dir`: how many there are, and a description of each failure.
pub fn check_all(dir: &Path) -> Result<(usize, Vec<String>), String> {
    let cases = cases_below(dir)?;
    Ok((cases.len(), cases.iter().filter_map(|c| c.check().err()).collect()))
}

/// Every `.go` case below `dir`, sorted by path.
pub fn cases_below(dir: &Path) -> Result<Vec<Case>, String> {
    let mut files = Vec::new();
    collect_go_files(dir, &mut files).map_err(|e| format!("{}: {e}", dir.display()))?;
    files.sort();
    files.iter().map(|f| Case::load(f, dir)).collect()
}

fn collect_go_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_go_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "go") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::key_stderr_line;

    #[test]
    fn key_line_prefers_panics_and_fatal_errors() {
        assert_eq!(key_stderr_line("\ngoroutine 1\npanic: boom\n"), Some("panic: boom"));
        assert_eq!(key_stderr_line("x\nfatal error: all goroutines are asleep - deadlock!\n"), Some("fatal error: all goroutines are asleep - deadlock!"));
        assert_eq!(key_stderr_line("\n\nbye\n"), Some("bye"));
        assert_eq!(key_stderr_line(""), None);
    }
}
