//! Drafts: what the page opens with, given the address's link and the stored drafts, and
//! how a corrupt or foreign stored value is handled.

use goroscope_web::drafts::{Draft, Drafts, Opening, VERSION, open};
use goroscope_web::share::{self, Shared};
use proptest::prelude::*;

fn draft(code: &str) -> Draft {
    Draft {
        code: code.into(),
        procs: 4,
        seed: 1,
    }
}

fn defaults() -> Draft {
    draft("hello")
}

/// The page opened at `fragment` with `stored` under the drafts key.
fn open_at(fragment: &str, stored: Option<&Drafts>) -> Opening {
    let json = stored.map(Drafts::to_json);
    open(
        fragment,
        share::decode(fragment),
        json.as_deref(),
        defaults(),
    )
}

fn link(code: &str, procs: u8, seed: u64) -> String {
    share::encode(&Shared {
        code: code.into(),
        procs: Some(procs),
        seed: Some(seed),
    })
}

#[test]
fn a_fresh_page_opens_the_defaults() {
    let opening = open_at("", None);
    assert_eq!(opening.drafts, Drafts::new(defaults()));
    assert!(!opening.opened_link);
    assert_eq!((opening.notice, opening.unreadable), (None, None));
}

#[test]
fn a_reload_restores_the_stored_draft_and_settings() {
    let mut stored = Drafts::new(defaults());
    stored.edit(Draft {
        code: "mine".into(),
        procs: 2,
        seed: 9,
    });
    let opening = open_at("", Some(&stored));
    assert_eq!(opening.drafts, stored);
    assert_eq!(opening.notice, None);
}

#[test]
fn a_link_opens_over_a_draft_and_keeps_it_as_previous() {
    let stored = Drafts::new(draft("mine"));
    let fragment = link("shared", 2, 7);
    let opening = open_at(&format!("#{fragment}"), Some(&stored));
    assert!(opening.opened_link);
    let drafts = opening.drafts;
    assert_eq!(
        drafts.current,
        Draft {
            code: "shared".into(),
            procs: 2,
            seed: 7
        }
    );
    assert_eq!(drafts.previous, Some(draft("mine")));
    assert_eq!(drafts.link.as_deref(), Some(fragment.as_str()));
}

#[test]
fn the_previous_draft_button_swaps_back_and_forth() {
    let mut drafts = open_at(&link("shared", 2, 7), Some(&Drafts::new(draft("mine")))).drafts;
    let shared = drafts.current.clone();
    assert_eq!(drafts.swap(), Some(&draft("mine")));
    assert_eq!(drafts.previous.as_ref(), Some(&shared));
    assert_eq!(drafts.swap(), Some(&shared));
    assert_eq!(drafts.previous, Some(draft("mine")));
    let mut alone = Drafts::new(draft("x"));
    assert_eq!(alone.swap(), None);
    assert_eq!(alone, Drafts::new(draft("x")));
}

#[test]
fn a_link_equal_to_the_draft_displaces_nothing() {
    let fragment = link("same", 4, 1);
    let opening = open_at(&fragment, Some(&Drafts::new(draft("same"))));
    assert_eq!(opening.drafts.current, draft("same"));
    assert_eq!(opening.drafts.previous, None);
}

#[test]
fn a_link_without_settings_takes_the_defaults() {
    let fragment = share::encode(&Shared {
        code: "bare".into(),
        procs: None,
        seed: None,
    });
    assert_eq!(open_at(&fragment, None).drafts.current, draft("bare"));
}

#[test]
fn reloading_a_link_keeps_the_edits_made_since() {
    let fragment = link("shared", 2, 7);
    let mut drafts = open_at(&fragment, Some(&Drafts::new(draft("mine")))).drafts;
    drafts.edit(Draft {
        code: "shared, edited".into(),
        procs: 3,
        seed: 7,
    });
    let reload = open_at(&fragment, Some(&drafts));
    assert_eq!(reload.drafts, drafts, "the same link again is a reload");
    assert!(reload.opened_link);
}

#[test]
fn link_after_link_keeps_the_users_own_draft_one_click_away() {
    let first = open_at(&link("one", 4, 1), Some(&Drafts::new(draft("mine")))).drafts;
    let second = open_at(&link("two", 4, 1), Some(&first)).drafts;
    assert_eq!(second.current.code, "two");
    assert_eq!(second.previous, Some(draft("mine")));

    let mut edited = first;
    edited.edit(draft("one, edited"));
    let third = open_at(&link("two", 4, 1), Some(&edited)).drafts;
    assert_eq!(third.previous, Some(draft("one, edited")));
}

#[test]
fn a_broken_link_leaves_the_draft_untouched_and_says_so() {
    let stored = Drafts::new(draft("mine"));
    for broken in ["#code=not*base64", "#code=AAAA", "#procs=2"] {
        let opening = open_at(broken, Some(&stored));
        assert_eq!(opening.drafts, stored, "{broken}");
        assert!(!opening.opened_link);
        let notice = opening.notice.unwrap();
        assert!(
            notice.starts_with("This share link is broken: ")
                && notice.ends_with("shows your draft."),
            "{notice}"
        );
    }
    let fresh = open_at("#code=not*base64", None);
    assert!(
        fresh
            .notice
            .unwrap()
            .ends_with("shows the default program.")
    );
}

#[test]
fn a_truncated_link_opens_nothing_over_the_draft() {
    let fragment = link(&"fmt.Println(i) // ".repeat(20), 2, 7);
    let stored = Drafts::new(draft("mine"));
    let truncated = &fragment[..fragment.find('&').unwrap() - 5];
    let opening = open_at(truncated, Some(&stored));
    assert_eq!(opening.drafts, stored);
    assert!(opening.notice.is_some());
}

#[test]
fn a_corrupt_stored_value_is_set_aside_not_overwritten_silently() {
    for (stored, why) in [
        ("{not json", "it is not JSON"),
        (
            r#"{"current":{"code":"x","procs":4,"seed":1}}"#,
            "no format version",
        ),
        (r#"{"version":1,"current":{"code":"x"}}"#, "it is malformed"),
        (
            r#"{"version":1,"current":{"code":"x","procs":0,"seed":1},"previous":null,"link":null}"#,
            "GOMAXPROCS",
        ),
        ("[]", "no format version"),
    ] {
        let opening = open("", Ok(None), Some(stored), defaults());
        assert_eq!(opening.drafts, Drafts::new(defaults()), "{stored}");
        assert_eq!(opening.unreadable.as_deref(), Some(stored));
        let notice = opening.notice.unwrap();
        assert!(notice.contains(why), "{stored}: {notice}");
        assert!(notice.contains("set aside"), "{notice}");
    }
}

#[test]
fn a_value_from_a_later_version_is_foreign() {
    let mut later = serde_json::to_value(Drafts::new(draft("future"))).unwrap();
    later["version"] = (VERSION + 1).into();
    let stored = later.to_string();
    let opening = open(
        &link("shared", 2, 7),
        share::decode(&link("shared", 2, 7)),
        Some(&stored),
        defaults(),
    );
    assert_eq!(opening.drafts.current.code, "shared");
    assert_eq!(opening.drafts.previous, None);
    assert_eq!(opening.unreadable.as_deref(), Some(stored.as_str()));
    assert!(
        opening
            .notice
            .unwrap()
            .contains("later Goroscope (format version 2)")
    );
}

#[test]
fn share_pressed_makes_the_draft_a_reload_of_its_link() {
    let mut drafts = Drafts::new(draft("mine"));
    let fragment = link("mine", 4, 1);
    drafts.published(&fragment);
    let reload = open_at(&fragment, Some(&drafts));
    assert_eq!(reload.drafts, drafts);
}

proptest! {
    #[test]
    fn stored_drafts_read_back(code in ".{0,200}", procs in 1u8..=8, seed in any::<u64>(), previous in proptest::option::of(".{0,50}")) {
        let mut drafts = Drafts::new(Draft { code, procs, seed });
        drafts.previous = previous.map(|p| draft(&p));
        prop_assert_eq!(Drafts::from_json(&drafts.to_json()), Ok(drafts));
    }

    #[test]
    fn no_stored_value_or_fragment_makes_open_panic(stored in ".{0,120}", fragment in ".{0,60}") {
        let opening = open(&fragment, share::decode(&fragment), Some(&stored), defaults());
        prop_assert!(opening.unreadable.is_some() || Drafts::from_json(&stored).is_ok());
    }
}
