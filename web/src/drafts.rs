//! Drafts: what the editor holds (program, GOMAXPROCS, seed) survives a reload, and a
//! shared link never silently replaces it.
//!
//! Everything lives in one localStorage value ([`KEY`]), JSON with a `version`:
//! `{"version":1,"current":DRAFT,"previous":DRAFT|null,"link":"code=…"|null}` where
//! DRAFT is `{"code":"…","procs":N,"seed":S}`. `current` is what the editor holds;
//! `previous` is the draft a shared link displaced (one click brings it back, see
//! [`Drafts::swap`]); `link` is the fragment `current` was opened from, so reloading a
//! page whose address still carries that link restores the edited draft instead of
//! opening the link over it again.
//!
//! Invariants:
//! - Opening a page never loses a readable draft: [`open`] either shows it or keeps it as
//!   `previous`.
//! - A stored value this build cannot read (corrupt, or written by a later version) is
//!   never overwritten silently: [`open`] reports it as [`Opening::unreadable`], and the
//!   page sets it aside under [`UNREADABLE_KEY`] before saving anything.
//!
//! This module is pure (natively tested); [`browser`] is the localStorage and editor glue.

use goroscope_protocol::MAX_PROCS;
use serde::{Deserialize, Serialize};

use crate::share::{self, ShareError, Shared};

#[cfg(target_arch = "wasm32")]
pub mod browser;

/// The localStorage key of the drafts.
pub const KEY: &str = "goroscope.drafts";

/// Where a stored value that could not be read is set aside, so that nothing is lost.
pub const UNREADABLE_KEY: &str = "goroscope.drafts.unreadable";

/// The stored format's version; a value with another version is not read.
pub const VERSION: u32 = 1;

/// What the editor holds.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub code: String,
    pub procs: u8,
    pub seed: u64,
}

impl Draft {
    /// The playground `shared` describes, with `defaults`' settings where it has none.
    pub fn from_shared(shared: &Shared, defaults: &Draft) -> Draft {
        Draft {
            code: shared.code.clone(),
            procs: shared.procs.unwrap_or(defaults.procs),
            seed: shared.seed.unwrap_or(defaults.seed),
        }
    }

    /// The share link's fragment for this program and its settings.
    pub fn share_fragment(&self) -> String {
        share::encode(&Shared {
            code: self.code.clone(),
            procs: Some(self.procs),
            seed: Some(self.seed),
        })
    }
}

/// The stored state: see the module doc for its JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drafts {
    pub version: u32,
    pub current: Draft,
    pub previous: Option<Draft>,
    pub link: Option<String>,
}

impl Drafts {
    pub fn new(current: Draft) -> Drafts {
        Drafts {
            version: VERSION,
            current,
            previous: None,
            link: None,
        }
    }

    /// The JSON stored under [`KEY`].
    pub fn to_json(&self) -> String {
        // A struct of strings and integers always serialises.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a stored value; the error says why it is unreadable.
    pub fn from_json(stored: &str) -> Result<Drafts, String> {
        let version = serde_json::from_str::<serde_json::Value>(stored)
            .map_err(|e| format!("it is not JSON ({e})"))?
            .get("version")
            .and_then(serde_json::Value::as_u64);
        if version != Some(u64::from(VERSION)) {
            return Err(match version {
                Some(v) => format!("it was written by a later Goroscope (format version {v})"),
                None => "it has no format version".into(),
            });
        }
        let drafts: Drafts =
            serde_json::from_str(stored).map_err(|e| format!("it is malformed ({e})"))?;
        let settings_ok = |d: &Draft| (1..=MAX_PROCS).contains(&d.procs);
        if !settings_ok(&drafts.current) || !drafts.previous.as_ref().is_none_or(settings_ok) {
            return Err(format!("its GOMAXPROCS is not in 1..={MAX_PROCS}"));
        }
        Ok(drafts)
    }

    /// Records an edit: the editor now holds `draft`.
    pub fn edit(&mut self, draft: Draft) {
        self.current = draft;
    }

    /// The previous-draft button: `previous` goes back into the editor, and what the
    /// editor held becomes `previous` (so a second click swaps back). Returns the draft
    /// to show, or `None` (and changes nothing) without a previous draft.
    pub fn swap(&mut self) -> Option<&Draft> {
        let previous = self.previous.take()?;
        self.previous = Some(std::mem::replace(&mut self.current, previous));
        Some(&self.current)
    }

    /// The page published `fragment` as the link of `current` (Share was pressed).
    pub fn published(&mut self, fragment: &str) {
        self.link = Some(fragment.into());
    }
}

/// What the page opens with: the drafts to show and store, and what to tell the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opening {
    pub drafts: Drafts,
    /// Whether the address's share link was opened (the editor shows the shared program).
    pub opened_link: bool,
    /// A sentence for the console (a broken link, an unreadable stored draft).
    pub notice: Option<String>,
    /// A stored value that could not be read, to set aside under [`UNREADABLE_KEY`].
    pub unreadable: Option<String>,
}

/// Decides what the page opens with, from the address's fragment (`link` is
/// `share::decode(fragment)`), the value stored under [`KEY`] (if any) and the
/// playground's defaults.
///
/// - No link: the stored draft, else the defaults.
/// - A broken link: the same, with a notice saying what is wrong with it.
/// - A link: the shared program. The stored draft, if it differs, becomes `previous`;
///   but a reload (the stored draft was opened from this very link) shows the stored,
///   maybe edited, draft again.
///
/// There is one `previous` slot. Opening link after link without editing keeps the
/// user's own draft there rather than the second-to-last link (which its link still
/// holds); an edited shared program displaced by a newer link takes the slot.
pub fn open(
    fragment: &str,
    link: Result<Option<Shared>, ShareError>,
    stored: Option<&str>,
    defaults: Draft,
) -> Opening {
    let (stored, unreadable, unreadable_notice) = match stored.map(Drafts::from_json) {
        None => (None, None, None),
        Some(Ok(drafts)) => (Some(drafts), None, None),
        Some(Err(why)) => (
            None,
            stored.map(String::from),
            Some(format!(
                "Your saved draft could not be read: {why}. It was set aside (localStorage key {UNREADABLE_KEY})."
            )),
        ),
    };
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (drafts, opened_link, link_notice) = match link {
        Ok(None) => (stored.unwrap_or_else(|| Drafts::new(defaults)), false, None),
        Err(why) => {
            let shows = if stored.is_some() {
                "your draft"
            } else {
                "the default program"
            };
            let notice = format!("This share link is broken: {why}. The editor shows {shows}.");
            (
                stored.unwrap_or_else(|| Drafts::new(defaults)),
                false,
                Some(notice),
            )
        }
        Ok(Some(shared)) => {
            let opened = Draft::from_shared(&shared, &defaults);
            let drafts = match stored {
                Some(drafts) if drafts.link.as_deref() == Some(fragment) => drafts,
                Some(mut drafts) => {
                    let unedited_link = drafts
                        .link
                        .as_deref()
                        .and_then(|l| crate::share::decode(l).ok().flatten())
                        .is_some_and(|s| Draft::from_shared(&s, &defaults) == drafts.current);
                    if drafts.current != opened && !(unedited_link && drafts.previous.is_some()) {
                        drafts.previous = Some(drafts.current.clone());
                    }
                    drafts.current = opened;
                    drafts.link = Some(fragment.into());
                    drafts
                }
                None => Drafts {
                    link: Some(fragment.into()),
                    ..Drafts::new(opened)
                },
            };
            (drafts, true, None)
        }
    };
    let notice = match (unreadable_notice, link_notice) {
        (Some(a), Some(b)) => Some(format!("{a}\n{b}")),
        (a, b) => a.or(b),
    };
    Opening {
        drafts,
        opened_link,
        notice,
        unreadable,
    }
}
