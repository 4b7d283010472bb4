//! The examples menu's gallery: every file in `examples/` is compiled in and its header
//! parses; the program handed to the editor is the file without its header.

use goroscope_web::examples::{gallery, parse};

#[test]
fn every_example_file_is_in_the_gallery_with_a_title_and_a_lesson() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../examples");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().into_string().ok())
        .filter_map(|name| name.strip_suffix(".go").map(str::to_owned))
        .collect();
    files.sort();
    let gallery = gallery().unwrap();
    let names: Vec<&str> = gallery.iter().map(|e| e.name).collect();
    assert_eq!(names, files);
    assert_eq!(gallery.len(), 15);
    for example in &gallery {
        assert!(!example.title.is_empty(), "{}", example.name);
        assert!(!example.teaches.is_empty(), "{}", example.name);
        assert!(
            example.program.starts_with("package main\n"),
            "{}",
            example.name
        );
        assert!(!example.program.contains("// title:"), "{}", example.name);
    }
}

#[test]
fn the_program_is_the_file_without_its_header_and_blank_line() {
    let source = "// want: exit=0\n// schedule: any\n// teaches: wait for goroutines\n\
                  // title: WaitGroup\n\npackage main\n\nfunc main() {}\n";
    let example = parse("wg", source).unwrap();
    assert_eq!(example.name, "wg");
    assert_eq!(example.title, "WaitGroup");
    assert_eq!(example.teaches, "wait for goroutines");
    assert_eq!(example.program, "package main\n\nfunc main() {}\n");
}

#[test]
fn the_menu_entry_matches_the_file() {
    let gallery = gallery().unwrap();
    let wg = gallery.iter().find(|e| e.name == "waitgroup").unwrap();
    assert_eq!(wg.title, "Waiting for goroutines with WaitGroup");
    let source = include_str!("../../examples/waitgroup.go");
    assert!(source.ends_with(wg.program));
    assert_eq!(
        source.len() - wg.program.len(),
        source.find("\n\n").unwrap() + 2
    );
}

#[test]
fn malformed_headers_are_errors() {
    let no_title = "// want: exit=0\n// teaches: x\n\npackage main\n";
    assert!(parse("a", no_title).unwrap_err().contains("title"));
    let no_teaches = "// title: x\n\npackage main\n";
    assert!(parse("b", no_teaches).unwrap_err().contains("teaches"));
    let no_blank = "// title: x\n// teaches: y\npackage main\n";
    assert!(
        parse("c", no_blank)
            .unwrap_err()
            .contains("not a directive")
    );
    let unknown = "// author: me\n\npackage main\n";
    assert!(parse("d", unknown).is_err());
    assert!(parse("e", "// title: x\n// teaches: y").is_err());
    assert!(parse("f", "").is_err());
}
