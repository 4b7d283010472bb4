//! What `cargo xtask dist` does to the site after trunk: makes it strict-CSP clean and
//! adds the embedding files.
//!
//! 1. Trunk starts the app with an inline `<script type="module">`, which the page's
//!    Content-Security-Policy (`script-src 'self'`, index.html) refuses. Its text moves
//!    to `start.js` beside index.html, loaded by a `<script src>` in its place. After
//!    this step no inline script is left in index.html: the build fails otherwise.
//! 2. `web/site/*` (embed.js, the sample tutorial page and its files) is copied into
//!    the site's root, beside index.html, which is where embed.js expects the playground.

use std::path::Path;

use crate::{Failure, Result, root};

/// The file the inline start-up script moves to.
const START: &str = "start.js";

/// The directory whose files are copied into the site as they are.
const SITE_FILES: &str = "web/site";

/// Finishes the site trunk wrote into `dist`.
pub fn finish(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    let html = read(&index)?;
    let (html, start) = externalise_inline_script(&html)?;
    write(&dist.join(START), &start)?;
    write(&index, &html)?;
    copy_site_files(dist)
}

/// Moves the one inline `<script>` of `html` out: returns the page with a
/// `<script type="module" src="./start.js">` in its place, and the script's text.
pub fn externalise_inline_script(html: &str) -> Result<(String, String)> {
    let inline: Vec<(usize, usize, usize)> = scripts(html)
        .filter(|&(open, body, _)| !html[open..body].contains(" src="))
        .collect();
    let [(open, body, close)] = inline.as_slice() else {
        return Err(Failure(format!(
            "index.html: trunk wrote {} inline scripts, xtask moves exactly one to {START}; see xtask/src/finish.rs",
            inline.len()
        )));
    };
    let tag = &html[*open..*body];
    if !tag.contains("type=\"module\"") {
        return Err(Failure(format!(
            "index.html: trunk's inline script `{tag}` is not a module; see xtask/src/finish.rs"
        )));
    }
    let text = html[*body..*close].to_string();
    let end = close + "</script>".len();
    let page = format!(
        "{}<script type=\"module\" src=\"./{START}\"></script>{}",
        &html[..*open],
        &html[end..]
    );
    Ok((page, text))
}

/// Every `<script ...>...</script>` of `html`: the offsets of `<script`, of its text and
/// of its `</script>`.
fn scripts(html: &str) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let mut from = 0;
    std::iter::from_fn(move || {
        let open = from + html[from..].find("<script")?;
        let body = open + html[open..].find('>')? + 1;
        let close = body + html[body..].find("</script>")?;
        from = close;
        Some((open, body, close))
    })
}

fn copy_site_files(dist: &Path) -> Result<()> {
    let dir = root().join(SITE_FILES);
    let entries = std::fs::read_dir(&dir)
        .map_err(|e| Failure(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if let Some(name) = path.file_name().filter(|_| path.is_file()) {
            std::fs::copy(&path, dist.join(name)).map_err(|e| {
                Failure(format!("cannot copy {} into the site: {e}", path.display()))
            })?;
        }
    }
    Ok(())
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| Failure(format!("cannot read {}: {e}", path.display())))
}

fn write(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).map_err(|e| Failure(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<html><head><meta charset=\"utf-8\">\
        <link rel=\"modulepreload\" href=\"./app-1.js\">\
        <script type=\"module\">\nimport init from './app-1.js';\nawait init();\n</script>\
        </head><body><script src=\"./other.js\"></script></body></html>";

    #[test]
    fn the_inline_script_moves_to_start_js() {
        let (page, text) = externalise_inline_script(TRUNK).unwrap();
        assert_eq!(text, "\nimport init from './app-1.js';\nawait init();\n");
        assert!(page.contains("<script type=\"module\" src=\"./start.js\"></script></head>"));
        assert!(page.contains("<script src=\"./other.js\"></script>"));
        assert_eq!(
            scripts(&page)
                .filter(|&(o, b, _)| !page[o..b].contains(" src="))
                .count(),
            0
        );
    }

    #[test]
    fn anything_but_one_inline_module_fails_the_build() {
        let none = "<html><script src=\"a.js\"></script></html>";
        let two = "<script type=\"module\">a()</script><script type=\"module\">b()</script>";
        let classic = "<script>a()</script>";
        for html in [none, two, classic] {
            let Failure(why) = externalise_inline_script(html).unwrap_err();
            assert!(why.contains("finish.rs"), "{why}");
        }
    }
}
