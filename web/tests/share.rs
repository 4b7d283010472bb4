//! Share links: the round trip, and clear errors for every way a link can be broken.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use goroscope_protocol::MAX_PROCS;
use goroscope_web::share::{MAX_PROGRAM, ShareError, Shared, decode, encode};
use proptest::prelude::*;

fn program(code: &str) -> Shared {
    Shared {
        code: code.into(),
        procs: None,
        seed: None,
    }
}

proptest! {
    #[test]
    fn a_link_reads_back_as_what_was_shared(
        code in ".{0,400}",
        procs in proptest::option::of(1..=MAX_PROCS),
        seed in proptest::option::of(any::<u64>()),
    ) {
        let shared = Shared { code, procs, seed };
        let fragment = encode(&shared);
        prop_assert!(fragment.starts_with("code="));
        prop_assert!(fragment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_=&".contains(&b)));
        prop_assert_eq!(decode(&fragment), Ok(Some(shared.clone())));
        prop_assert_eq!(decode(&format!("#{fragment}")), Ok(Some(shared)));
    }

    #[test]
    fn no_fragment_makes_decode_panic(fragment in ".{0,200}") {
        let _ = decode(&fragment);
    }

    #[test]
    fn a_truncated_link_is_an_error_not_a_different_program(
        code in "[a-z ]{20,200}",
        cut in 1usize..10,
    ) {
        let fragment = encode(&program(&code));
        let truncated = &fragment[..fragment.len() - cut];
        prop_assert_ne!(decode(truncated), Ok(Some(program(&code))));
    }
}

#[test]
fn the_format_is_designs_deflate_then_base64url() {
    let fragment = encode(&Shared {
        code: "package main\n".into(),
        procs: Some(2),
        seed: Some(7),
    });
    let (code, rest) = fragment
        .strip_prefix("code=")
        .unwrap()
        .split_once('&')
        .unwrap();
    assert_eq!(rest, "procs=2&seed=7");
    let raw = URL_SAFE_NO_PAD.decode(code).unwrap();
    assert_eq!(
        miniz_oxide::inflate::decompress_to_vec(&raw).unwrap(),
        b"package main\n"
    );
    assert!(!code.contains('='), "no padding");
}

#[test]
fn an_empty_fragment_is_no_link() {
    assert_eq!(decode(""), Ok(None));
    assert_eq!(decode("#"), Ok(None));
}

#[test]
fn unknown_parts_are_ignored() {
    let fragment = format!("{}&view=trace", encode(&program("x")));
    assert_eq!(decode(&fragment), Ok(Some(program("x"))));
}

#[test]
fn broken_links_say_what_is_wrong() {
    let good = encode(&program("package main\n"));
    assert_eq!(decode("procs=2"), Err(ShareError::NoCode));
    assert_eq!(decode("code=!!!"), Err(ShareError::NotBase64));
    assert_eq!(decode("code=AAAA="), Err(ShareError::NotBase64));
    assert_eq!(decode("code=____"), Err(ShareError::NotDeflate));
    assert_eq!(
        decode(&format!("{good}&procs=0")),
        Err(ShareError::BadProcs("0".into()))
    );
    assert_eq!(
        decode(&format!("{good}&procs=99")),
        Err(ShareError::BadProcs("99".into()))
    );
    assert_eq!(
        decode(&format!("{good}&procs=x")),
        Err(ShareError::BadProcs("x".into()))
    );
    assert_eq!(
        decode(&format!("{good}&seed=-1")),
        Err(ShareError::BadSeed("-1".into()))
    );
    let not_text = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe], 6));
    assert_eq!(
        decode(&format!("code={not_text}")),
        Err(ShareError::NotText)
    );
    assert!(ShareError::NotDeflate.to_string().contains("truncated"));
}

#[test]
fn a_program_over_one_mebibyte_is_refused() {
    let at_limit = "a".repeat(MAX_PROGRAM);
    assert_eq!(
        decode(&encode(&program(&at_limit))),
        Ok(Some(program(&at_limit)))
    );
    let over = "a".repeat(MAX_PROGRAM + 1);
    assert_eq!(
        decode(&encode(&program(&over))),
        Err(ShareError::ProgramTooLarge)
    );
    let too_long = format!("code={}", "A".repeat(3 << 20));
    assert_eq!(decode(&too_long), Err(ShareError::FragmentTooLong));
}

/// Issue 6: "a 60-line program gives a link under 2,000 characters". Every corpus and
/// gallery program, cut to its first 60 lines (real Go, comments included), makes a link
/// of under 2,000 characters with GOMAXPROCS, the largest seed and a 60-character page
/// address in front.
#[test]
fn a_sixty_line_program_makes_a_link_under_two_thousand_characters() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut checked = 0;
    for dir in ["examples", "tests/corpus/patterns", "tests/corpus/lang", "tests/corpus/sync"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("directory exists").flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "go") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            let lines: Vec<&str> = text.lines().take(60).collect();
            if lines.len() < 60 {
                continue;
            }
            let fragment = encode(&Shared {
                code: lines.join("\n") + "\n",
                procs: Some(MAX_PROCS),
                seed: Some(u64::MAX),
            });
            let link = format!("https://goroscope.example.org/tutorials/playground/#{fragment}");
            assert!(link.len() < 2000, "{}: {} characters", path.display(), link.len());
            checked += 1;
        }
    }
    assert!(checked >= 5, "only {checked} programs have 60 lines");
}
