//! The examples menu: the gallery of `examples/*.go`, compiled in by `build.rs`.
//!
//! Each file starts with directive lines (`// want:`, `// schedule:`, `// teaches:`,
//! `// title:`, in any order), one blank line, then the program. The menu shows `title`,
//! the line beside it shows `teaches`, and the editor gets `program`: the file without
//! its header, exactly as a learner would type it.

/// The gallery's files as `(name, source)`, in file-name order.
const SOURCES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/examples.rs"));

/// The directives an example's header may hold.
const DIRECTIVES: [&str; 4] = ["want", "schedule", "teaches", "title"];

/// One example of the gallery.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Example<'a> {
    /// The file name without `.go`: the menu option's value.
    pub name: &'a str,
    pub title: &'a str,
    /// One line saying what the example shows.
    pub teaches: &'a str,
    /// The source without its directive header and the blank line after it.
    pub program: &'a str,
}

/// Splits `source` into its header directives and its program.
///
/// Errors: a header line that is not a known directive, a missing `title` or `teaches`,
/// or no blank line between header and program.
pub fn parse<'a>(name: &'a str, source: &'a str) -> Result<Example<'a>, String> {
    let (mut title, mut teaches) = (None, None);
    let mut rest = source;
    loop {
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.is_empty() {
            rest = after;
            break;
        }
        let directive = line
            .strip_prefix("// ")
            .and_then(|d| d.split_once(':'))
            .filter(|(key, _)| DIRECTIVES.contains(key));
        let Some((key, value)) = directive else {
            return Err(format!(
                "{name}.go: `{line}` is not a directive; the header ends with a blank line"
            ));
        };
        match key {
            "title" => title = Some(value.trim()),
            "teaches" => teaches = Some(value.trim()),
            _ => {}
        }
        if after.is_empty() {
            return Err(format!("{name}.go: no program after the header"));
        }
        rest = after;
    }
    Ok(Example {
        name,
        title: title.ok_or_else(|| format!("{name}.go: no `// title:` line"))?,
        teaches: teaches.ok_or_else(|| format!("{name}.go: no `// teaches:` line"))?,
        program: rest,
    })
}

/// The whole gallery, or the first malformed file's error (a test keeps it well-formed).
pub fn gallery() -> Result<Vec<Example<'static>>, String> {
    SOURCES
        .iter()
        .map(|(name, source)| parse(name, source))
        .collect()
}
