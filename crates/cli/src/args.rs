//! Command-line arguments of `goroscope`, parsed by hand (the grammar is tiny), with
//! messages that say what was wrong and how to call it.

/// The usage text, printed on `--help` and after an argument error.
pub const USAGE: &str = "\
usage: goroscope <command> FILE.go [flags]

commands:
  check FILE.go                 print compile errors (exit 1 if any)
  disasm FILE.go                print the bytecode
  run FILE.go [--procs N] [--seed S] [--race]
                                run the program like a Go binary
  trace FILE.go [--procs N] [--seed S]
                                run it and write its events as JSON lines on stdout
  bench [DIR] [--runs N]        time every DIR/*.go (default bench/programs) as a child
                                process, beside `go build` when go is on PATH

flags:
  --procs N   GOMAXPROCS at start, 1-256 (default 4)
  --seed S    the seed of every scheduling choice (default 1)
  --race      enable the race detector
  --runs N    runs per benchmark program; the median is shown (default 5)
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// A command about one Go program.
    Program(ProgramCommand),
    /// Time the benchmark programs of a directory.
    Bench,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProgramCommand {
    Check,
    Disasm,
    Run,
    Trace,
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Args {
    pub command: Command,
    pub file: String,
    pub procs: usize,
    pub seed: u64,
    pub race: bool,
    pub runs: usize,
}

/// What to do instead of running a command.
#[derive(Debug, PartialEq, Eq)]
pub enum ArgsError {
    /// `--help`: print the usage and succeed.
    Help,
    /// A mistake, explained in one line.
    Bad(String),
}

pub const DEFAULT_PROCS: usize = 4;
/// Where `goroscope bench` finds its programs, relative to the repository root.
pub const DEFAULT_BENCH_DIR: &str = "bench/programs";
pub const MAX_PROCS: usize = 256;

/// Parses the arguments after the program name.
pub fn parse(argv: &[String]) -> Result<Args, ArgsError> {
    let mut it = argv.iter();
    let command = match it.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Err(ArgsError::Help),
        Some("check") => Command::Program(ProgramCommand::Check),
        Some("disasm") => Command::Program(ProgramCommand::Disasm),
        Some("run") => Command::Program(ProgramCommand::Run),
        Some("trace") => Command::Program(ProgramCommand::Trace),
        Some("bench") => Command::Bench,
        Some(other) => return Err(ArgsError::Bad(format!("unknown command {other:?}"))),
    };
    let mut args = Args { command, file: String::new(), procs: DEFAULT_PROCS, seed: 1, race: false, runs: 5 };
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--procs" => args.procs = number(it.next(), "--procs")?,
            "--seed" => args.seed = number(it.next(), "--seed")?,
            "--race" => args.race = true,
            "--runs" => args.runs = number(it.next(), "--runs")?,
            flag if flag.starts_with('-') => return Err(ArgsError::Bad(format!("unknown flag {flag:?}"))),
            file if args.file.is_empty() => args.file = file.to_string(),
            extra => return Err(ArgsError::Bad(format!("unexpected argument {extra:?}: one file only"))),
        }
    }
    if args.file.is_empty() && command == Command::Bench {
        args.file = DEFAULT_BENCH_DIR.into();
    }
    if args.file.is_empty() {
        return Err(ArgsError::Bad("missing FILE.go".into()));
    }
    if !(1..=MAX_PROCS).contains(&args.procs) {
        return Err(ArgsError::Bad(format!("--procs must be between 1 and {MAX_PROCS}")));
    }
    Ok(args)
}

fn number<T: std::str::FromStr>(value: Option<&String>, flag: &str) -> Result<T, ArgsError> {
    let value = value.ok_or_else(|| ArgsError::Bad(format!("{flag} needs a number")))?;
    value.parse().map_err(|_| ArgsError::Bad(format!("{flag} needs a number, not {value:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn run_with_flags() {
        let a = parse(&argv("run prog.go --procs 2 --seed 7")).unwrap();
        assert_eq!(a, Args { command: Command::Program(ProgramCommand::Run), file: "prog.go".into(), procs: 2, seed: 7, race: false, runs: 5 });
    }

    #[test]
    fn bench_defaults_to_the_bench_directory() {
        let a = parse(&argv("bench --runs 3")).unwrap();
        assert_eq!((a.command, a.file.as_str(), a.runs), (Command::Bench, DEFAULT_BENCH_DIR, 3));
    }

    #[test]
    fn defaults() {
        let a = parse(&argv("check x.go")).unwrap();
        assert_eq!((a.procs, a.seed, a.race), (DEFAULT_PROCS, 1, false));
    }

    #[test]
    fn mistakes_are_explained() {
        assert_eq!(parse(&argv("run")), Err(ArgsError::Bad("missing FILE.go".into())));
        assert_eq!(parse(&argv("fly x.go")), Err(ArgsError::Bad("unknown command \"fly\"".into())));
        assert_eq!(parse(&argv("run x.go --procs")), Err(ArgsError::Bad("--procs needs a number".into())));
        assert_eq!(parse(&argv("run x.go --procs 0")), Err(ArgsError::Bad("--procs must be between 1 and 256".into())));
        assert_eq!(parse(&argv("run x.go y.go")), Err(ArgsError::Bad("unexpected argument \"y.go\": one file only".into())));
        assert_eq!(parse(&argv("--help")), Err(ArgsError::Help));
    }
}
