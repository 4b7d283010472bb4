//! Goroutines, channels, select, sync and time on hand-assembled programs, through the
//! scheduler model.

mod common;

use common::*;
use goroscope_compiler::bytecode::Instr::*;
use goroscope_compiler::bytecode::*;

fn ret0() -> Instr {
    Return { src: r(0), n: 0 }
}

/// main sends i to a worker, which answers i+1, `rounds` times; prints the last answer.
fn ping_pong(rounds: i32) -> Program {
    let mut p = Prog::new();
    let worker = p.func(
        "main.worker",
        2,
        0,
        3,
        vec![
            Recv {
                dst: r(2),
                ch: r(0),
            },
            AddIntImm {
                dst: r(2),
                a: r(2),
                imm: 1,
            },
            Send {
                ch: r(1),
                src: r(2),
            },
            Jump { target: 0 },
        ],
    );
    let mut code = vec![
        LoadInt { dst: r(2), imm: 0 },
        MakeChan {
            dst: r(0),
            ty: CHAN_INT,
            cap: r(2),
        },
        MakeChan {
            dst: r(1),
            ty: CHAN_INT,
            cap: r(2),
        },
        MakeFunc {
            dst: r(2),
            callee: Callee::Func(worker),
        },
        Move {
            dst: r(3),
            src: r(0),
        },
        Move {
            dst: r(4),
            src: r(1),
        },
        Go {
            f: r(2),
            base: r(3),
            nargs: 2,
        },
        LoadInt { dst: r(5), imm: 0 },
        LoadInt { dst: r(6), imm: 0 },
        LoadInt {
            dst: r(7),
            imm: rounds,
        },
        // pc 10
        Send {
            ch: r(0),
            src: r(6),
        },
        Recv {
            dst: r(6),
            ch: r(1),
        },
        AddIntImm {
            dst: r(5),
            a: r(5),
            imm: 1,
        },
        JumpIfLtInt {
            a: r(5),
            b: r(7),
            target: 10,
        },
    ];
    code.extend(println(&mut p, &[(r(6), INT)], 8));
    code.push(ret0());
    p.main(12, code);
    p.p
}

#[test]
fn unbuffered_ping_pong_under_several_procs_and_seeds() {
    for procs in [1, 2, 8] {
        for seed in 1..4 {
            let out = run_with(ping_pong(1000), procs, seed);
            assert_eq!(
                out.stdout, "1000\n",
                "procs {procs} seed {seed}: {}",
                out.stderr
            );
            assert_eq!(out.exit.code, 0);
        }
    }
}

#[test]
fn receiving_forever_is_a_deadlock_with_a_goroutine_dump() {
    let mut p = Prog::new();
    p.main(
        3,
        vec![
            LoadInt { dst: r(2), imm: 0 },
            MakeChan {
                dst: r(0),
                ty: CHAN_INT,
                cap: r(2),
            },
            Recv {
                dst: r(1),
                ch: r(0),
            },
            ret0(),
        ],
    );
    let out = run(p.p);
    assert_eq!(out.exit.code, 2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "fatal error: all goroutines are asleep - deadlock!"
    );
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "goroutine 1 [chan receive]:");
    assert_eq!(lines[3], "main.main()");
    assert!(lines[4].starts_with("\t/tmp/prog.go:3 +0x"), "{}", lines[4]);
}

/// Ten goroutines add 1 to a shared counter 100 times each under a mutex; main waits on
/// a WaitGroup.
fn mutex_counter() -> Program {
    let mut p = Prog::new();
    let lock = p.native("sync.(*Mutex).Lock");
    let unlock = p.native("sync.(*Mutex).Unlock");
    let add = p.native("sync.(*WaitGroup).Add");
    let done = p.native("sync.(*WaitGroup).Done");
    let wait = p.native("sync.(*WaitGroup).Wait");
    let worker = p.func(
        "main.worker",
        3,
        0,
        7,
        vec![
            LoadInt { dst: r(3), imm: 0 },
            LoadInt {
                dst: r(4),
                imm: 100,
            },
            // pc 2
            Move {
                dst: r(5),
                src: r(1),
            },
            CallNative {
                native: lock,
                base: r(5),
                nargs: 1,
            },
            Load {
                dst: r(6),
                ptr: r(2),
            },
            AddIntImm {
                dst: r(6),
                a: r(6),
                imm: 1,
            },
            Store {
                ptr: r(2),
                src: r(6),
            },
            Move {
                dst: r(5),
                src: r(1),
            },
            CallNative {
                native: unlock,
                base: r(5),
                nargs: 1,
            },
            AddIntImm {
                dst: r(3),
                a: r(3),
                imm: 1,
            },
            JumpIfLtInt {
                a: r(3),
                b: r(4),
                target: 2,
            },
            Move {
                dst: r(5),
                src: r(0),
            },
            CallNative {
                native: done,
                base: r(5),
                nargs: 1,
            },
            ret0(),
        ],
    );
    let mut code = vec![
        New {
            dst: r(0),
            ty: WAITGROUP,
        },
        New {
            dst: r(1),
            ty: MUTEX,
        },
        LoadInt { dst: r(2), imm: 0 },
        NewCell {
            dst: r(2),
            src: r(2),
        },
        MakeFunc {
            dst: r(3),
            callee: Callee::Func(worker),
        },
        LoadInt { dst: r(4), imm: 0 },
        LoadInt { dst: r(5), imm: 10 },
        Move {
            dst: r(6),
            src: r(0),
        },
        LoadInt { dst: r(7), imm: 10 },
        CallNative {
            native: add,
            base: r(6),
            nargs: 2,
        },
        // pc 10
        Move {
            dst: r(6),
            src: r(0),
        },
        Move {
            dst: r(7),
            src: r(1),
        },
        Move {
            dst: r(8),
            src: r(2),
        },
        Go {
            f: r(3),
            base: r(6),
            nargs: 3,
        },
        AddIntImm {
            dst: r(4),
            a: r(4),
            imm: 1,
        },
        JumpIfLtInt {
            a: r(4),
            b: r(5),
            target: 10,
        },
        Move {
            dst: r(6),
            src: r(0),
        },
        CallNative {
            native: wait,
            base: r(6),
            nargs: 1,
        },
        Load {
            dst: r(9),
            ptr: r(2),
        },
    ];
    code.extend(println(&mut p, &[(r(9), INT)], 10));
    code.push(ret0());
    p.main(14, code);
    p.p
}

#[test]
fn waitgroup_and_mutex_protect_a_counter() {
    for procs in [1, 4] {
        for seed in 1..4 {
            let out = run_with(mutex_counter(), procs, seed);
            assert_eq!(
                out.stdout, "1000\n",
                "procs {procs} seed {seed}: {}",
                out.stderr
            );
        }
    }
}

#[test]
fn sleepers_wake_in_duration_order_on_virtual_time() {
    let mut p = Prog::new();
    let sleep = p.native("time.Sleep");
    let long = p.str("long");
    let short = p.str("short");
    let mut body = vec![
        Move {
            dst: r(3),
            src: r(0),
        },
        CallNative {
            native: sleep,
            base: r(3),
            nargs: 1,
        },
    ];
    body.extend(println(&mut p, &[(r(1), STRING)], 4));
    body.push(ret0());
    let sleeper = p.func("main.sleeper", 2, 0, 8, body);
    let mut code = vec![
        MakeFunc {
            dst: r(0),
            callee: Callee::Func(sleeper),
        },
        LoadConst {
            dst: r(1),
            k: ConstId(0),
        },
        Move {
            dst: r(3),
            src: r(1),
        },
        LoadConst {
            dst: r(1),
            k: ConstId(1),
        },
        Move {
            dst: r(4),
            src: r(1),
        },
    ];
    p.p.consts.insert(0, Const::Int(20_000_000));
    p.p.consts.insert(1, Const::Int(10_000_000));
    // Shift the string constants we made before inserting the ints.
    let (long, short) = (ConstId(long.0 + 2), ConstId(short.0 + 2));
    code.extend([
        Move {
            dst: r(5),
            src: r(3),
        },
        LoadConst { dst: r(6), k: long },
        Go {
            f: r(0),
            base: r(5),
            nargs: 2,
        },
        Move {
            dst: r(5),
            src: r(4),
        },
        LoadConst {
            dst: r(6),
            k: short,
        },
        Go {
            f: r(0),
            base: r(5),
            nargs: 2,
        },
        LoadInt {
            dst: r(5),
            imm: 50_000_000,
        },
        CallNative {
            native: sleep,
            base: r(5),
            nargs: 1,
        },
        ret0(),
    ]);
    p.main(8, code);
    for procs in [1, 2] {
        let out = run_with(p.p.clone(), procs, 1);
        assert_eq!(out.stdout, "short\nlong\n", "{}", out.stderr);
    }
}

#[test]
fn select_takes_default_when_nothing_is_ready_and_a_ready_case_otherwise() {
    let mut p = Prog::new();
    let none = p.str("none");
    let got = p.str("got");
    let mut code = vec![
        LoadInt { dst: r(1), imm: 1 },
        MakeChan {
            dst: r(0),
            ty: CHAN_INT,
            cap: r(1),
        },
        // pc 2: select { case v := <-ch: print got v ; default: print none }
        Select { table: 0 },
    ];
    let default_pc = code.len() as u32;
    code.push(LoadConst { dst: r(3), k: none });
    code.extend(println(&mut p, &[(r(3), STRING)], 6));
    code.push(LoadInt { dst: r(4), imm: 7 });
    code.push(Send {
        ch: r(0),
        src: r(4),
    });
    code.push(Select { table: 1 });
    let end_jump = code.len();
    code.push(Jump { target: 0 });
    let case_pc = code.len() as u32;
    code.push(LoadConst { dst: r(3), k: got });
    code.extend(println(&mut p, &[(r(3), STRING), (r(2), INT)], 6));
    code.push(ret0());
    code[end_jump] = Jump { target: case_pc };
    let m = p.main(12, code);
    let recv = SelectCase {
        op: SelectOp::Recv {
            ch: r(0),
            val: Some(r(2)),
            ok: None,
        },
        target: case_pc,
    };
    p.p.funcs[m.0 as usize].select_tables = vec![
        SelectTable {
            cases: vec![recv],
            default: Some(default_pc),
        },
        SelectTable {
            cases: vec![recv],
            default: Some(default_pc),
        },
    ];
    let out = run(p.p);
    assert_eq!(out.stdout, "none\ngot 7\n", "{}", out.stderr);
}

#[test]
fn send_on_closed_channel_panics() {
    let mut p = Prog::new();
    p.main(
        3,
        vec![
            LoadInt { dst: r(1), imm: 1 },
            MakeChan {
                dst: r(0),
                ty: CHAN_INT,
                cap: r(1),
            },
            Close { ch: r(0) },
            Send {
                ch: r(0),
                src: r(1),
            },
            ret0(),
        ],
    );
    let out = run(p.p);
    assert_eq!(
        out.stderr.lines().next(),
        Some("panic: send on closed channel")
    );
    assert_eq!(out.exit.code, 2);
}

#[test]
fn a_daisy_chain_of_goroutines_passes_a_value_along() {
    // for i := 0; i < n; i++ { right := make(chan int); go f(left, right); left = right }
    // where f(l, r) { l <- 1 + <-r }; then go { right <- 1 }; print <-leftmost
    let n = 2000;
    let mut p = Prog::new();
    let f = p.func(
        "main.f",
        2,
        0,
        3,
        vec![
            Recv {
                dst: r(2),
                ch: r(1),
            },
            AddIntImm {
                dst: r(2),
                a: r(2),
                imm: 1,
            },
            Send {
                ch: r(0),
                src: r(2),
            },
            ret0(),
        ],
    );
    let mut code = vec![
        LoadInt { dst: r(9), imm: 0 },
        MakeChan {
            dst: r(0),
            ty: CHAN_INT,
            cap: r(9),
        },
        Move {
            dst: r(1),
            src: r(0),
        },
        MakeFunc {
            dst: r(2),
            callee: Callee::Func(f),
        },
        LoadInt { dst: r(3), imm: 0 },
        LoadInt { dst: r(4), imm: n },
        // pc 6
        MakeChan {
            dst: r(5),
            ty: CHAN_INT,
            cap: r(9),
        },
        Move {
            dst: r(6),
            src: r(1),
        },
        Move {
            dst: r(7),
            src: r(5),
        },
        Go {
            f: r(2),
            base: r(6),
            nargs: 2,
        },
        Move {
            dst: r(1),
            src: r(5),
        },
        AddIntImm {
            dst: r(3),
            a: r(3),
            imm: 1,
        },
        JumpIfLtInt {
            a: r(3),
            b: r(4),
            target: 6,
        },
        LoadInt { dst: r(8), imm: 1 },
        Send {
            ch: r(1),
            src: r(8),
        },
        Recv {
            dst: r(8),
            ch: r(0),
        },
    ];
    code.extend(println(&mut p, &[(r(8), INT)], 10));
    code.push(ret0());
    p.main(14, code);
    for procs in [1, 4] {
        let out = run_with(p.p.clone(), procs, 2);
        assert_eq!(out.stdout, format!("{}\n", n + 1), "{}", out.stderr);
    }
}

#[test]
fn the_same_seed_records_the_same_trace() {
    let record = |seed| {
        let cfg = goroscope_runtime::Config {
            procs: 2,
            seed,
            record_events: true,
            ..Default::default()
        };
        let mut m = goroscope_runtime::Machine::new(ping_pong(50), cfg).expect("loads");
        assert_eq!(m.run().code, 0);
        m.take_events()
    };
    let (a, b) = (record(7), record(7));
    assert!(a.len() > 100, "only {} events", a.len());
    assert_eq!(a, b);
    assert!(
        a.iter()
            .any(|e| matches!(e.kind, goroscope_trace::EventKind::GoLine { .. }))
    );
    assert!(a.iter().any(|e| matches!(
        &e.kind,
        goroscope_trace::EventKind::ChanMake { line: Some(2), .. }
    )));
}
