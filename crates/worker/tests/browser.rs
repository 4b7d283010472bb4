//! The worker's session compiled to wasm and run in Chromium (wasm-bindgen-test, run by
//! `cargo xtask test`): the parser and the wire format behave as they do natively.
#![cfg(target_arch = "wasm32")]

use goroscope_protocol::{Outcome, Request, Response, RunConfig, Status, encode};
use goroscope_worker::Session;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_run_is_answered_in_the_browser_as_natively() {
    let mut session = Session::new();
    let code = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar wg sync.WaitGroup\n\nfunc main() {\n\tfmt.Println(`hi`, 0x1F, 'x')\n}\n";
    let request = encode(&Request::Run(RunConfig {
        code: code.into(),
        procs: 8,
        seed: u64::MAX,
    }));
    assert_eq!(
        session.receive(&request),
        vec![Response::Status(Status::Running)]
    );
    let out = session.slice();
    assert!(
        matches!(&out[0], Response::Note(n) if n.contains("package main with 2 imports and 2 declarations")),
        "{out:?}"
    );
    assert_eq!(
        out[1],
        Response::Finished {
            outcome: Outcome::Checked,
            exit_code: 0
        }
    );
    assert!(!session.is_busy());
}

#[wasm_bindgen_test]
fn spin_stays_busy_in_the_browser() {
    let mut session = Session::new();
    session.receive(&encode(&Request::Spin));
    for _ in 0..3 {
        assert!(session.slice().is_empty());
        assert!(session.is_busy());
    }
}
