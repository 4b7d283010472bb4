//! The worker's session compiled to wasm and run in Chromium (wasm-bindgen-test, run by
//! `cargo xtask test`): the whole pipeline, machine included, behaves as it does natively.
#![cfg(target_arch = "wasm32")]

use goroscope_protocol::{Outcome, Request, Response, RunConfig, Status, Stream, encode};
use goroscope_worker::Session;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_run_is_answered_in_the_browser_as_natively() {
    let mut session = Session::new();
    let code = "package main\n\nimport (\n\t\"fmt\"\n\t\"sync\"\n)\n\nvar wg sync.WaitGroup\n\nfunc main() {\n\twg.Go(func() { fmt.Println(`hi`, 0x1F, 'x') })\n\twg.Wait()\n}\n";
    let request = encode(&Request::Run(RunConfig {
        code: code.into(),
        procs: 8,
        seed: u64::MAX,
    }));
    assert_eq!(
        session.receive(&request),
        vec![Response::Status(Status::Running)]
    );
    let mut out = Vec::new();
    for _ in 0..100 {
        if !session.is_busy() {
            break;
        }
        out.extend(session.slice());
    }
    assert!(
        out.contains(&Response::Output {
            stream: Stream::Stdout,
            text: "hi 31 120\n".into()
        }),
        "{out:?}"
    );
    assert_eq!(
        out.last(),
        Some(&Response::Finished {
            outcome: Outcome::Exited,
            exit_code: 0
        })
    );
    assert!(!session.is_busy());
}

#[wasm_bindgen_test]
fn a_spinning_program_stays_busy_in_the_browser() {
    let mut session = Session::new();
    session.receive(&encode(&Request::Run(RunConfig {
        code: "package main\n\nfunc main() {\n\tfor {\n\t}\n}\n".into(),
        procs: 1,
        seed: 1,
    })));
    for _ in 0..3 {
        // Only progress (events, counters): no output, no end.
        let said = session.slice();
        assert!(
            said.iter()
                .all(|r| matches!(r, Response::Events(_) | Response::Stats(_))),
            "{said:?}"
        );
        assert!(session.is_busy());
    }
}
