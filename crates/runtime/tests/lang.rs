//! Language semantics on hand-assembled programs: arithmetic, calls, closures, defers,
//! panics and recover, value semantics of structs, slices sharing backing arrays, maps.

mod common;

use common::*;
use goroscope_compiler::bytecode::Instr::*;
use goroscope_compiler::bytecode::*;

fn ret0() -> Instr {
    Return { src: r(0), n: 0 }
}

#[test]
fn arithmetic_and_println() {
    let mut p = Prog::new();
    let mut code = vec![
        LoadInt { dst: r(0), imm: 6 },
        LoadInt { dst: r(1), imm: 7 },
        MulInt {
            dst: r(2),
            a: r(0),
            b: r(1),
        },
        Wrap {
            dst: r(3),
            src: r(2),
            kind: IntKind::I8,
        },
        LoadInt {
            dst: r(4),
            imm: 100,
        },
        AddInt {
            dst: r(4),
            a: r(4),
            b: r(4),
        },
        Wrap {
            dst: r(4),
            src: r(4),
            kind: IntKind::I8,
        },
    ];
    code.extend(println(
        &mut p,
        &[(r(2), INT), (r(3), INT), (r(4), INT)],
        10,
    ));
    code.push(ret0());
    p.main(16, code);
    let out = run(p.p);
    assert_eq!(out.stdout, "42 42 -56\n");
    assert_eq!(out.exit.code, 0);
}

/// func fib(n int) int { if n < 2 { return n }; return fib(n-1) + fib(n-2) }
fn fib_program(n: i32) -> Program {
    let mut p = Prog::new();
    let fib = p.declare("main.fib");
    p.define(
        fib,
        1,
        1,
        4,
        vec![
            LoadInt { dst: r(1), imm: 2 },
            JumpIfLtInt {
                a: r(0),
                b: r(1),
                target: 8,
            },
            AddIntImm {
                dst: r(2),
                a: r(0),
                imm: -1,
            },
            Call {
                func: fib,
                base: r(2),
            },
            AddIntImm {
                dst: r(3),
                a: r(0),
                imm: -2,
            },
            Call {
                func: fib,
                base: r(3),
            },
            AddInt {
                dst: r(1),
                a: r(2),
                b: r(3),
            },
            Return { src: r(1), n: 1 },
            Return { src: r(0), n: 1 },
        ],
    );
    let mut code = vec![
        LoadInt { dst: r(0), imm: n },
        Call {
            func: fib,
            base: r(0),
        },
    ];
    code.extend(println(&mut p, &[(r(0), INT)], 2));
    code.push(ret0());
    p.main(6, code);
    p.p
}

#[test]
fn recursive_calls() {
    assert_eq!(run(fib_program(20)).stdout, "6765\n");
}

#[test]
fn closures_capture_variables_not_values() {
    let mut p = Prog::new();
    let inc = p.func(
        "main.counter.func1",
        0,
        1,
        1,
        vec![
            GetUpval { dst: r(0), idx: 0 },
            AddIntImm {
                dst: r(0),
                a: r(0),
                imm: 1,
            },
            SetUpval { idx: 0, src: r(0) },
            Return { src: r(0), n: 1 },
        ],
    );
    let counter = p.func(
        "main.counter",
        0,
        1,
        3,
        vec![
            LoadInt { dst: r(0), imm: 0 },
            NewCell {
                dst: r(1),
                src: r(0),
            },
            MakeClosure {
                dst: r(2),
                func: inc,
                base: r(1),
                n: 1,
            },
            Return { src: r(2), n: 1 },
        ],
    );
    let mut code = vec![
        Call {
            func: counter,
            base: r(0),
        },
        CallClosure {
            f: r(0),
            base: r(1),
            nargs: 0,
        },
        CallClosure {
            f: r(0),
            base: r(1),
            nargs: 0,
        },
        Call {
            func: counter,
            base: r(2),
        },
        CallClosure {
            f: r(2),
            base: r(3),
            nargs: 0,
        },
    ];
    code.extend(println(&mut p, &[(r(1), INT), (r(3), INT)], 5));
    code.push(ret0());
    p.main(10, code);
    assert_eq!(run(p.p).stdout, "2 1\n");
}

#[test]
fn defers_run_lifo_and_recover_stops_a_runtime_panic() {
    let mut p = Prog::new();
    let println_n = p.native("fmt.Println");
    let label = p.str("recovered:");
    // func() { if r := recover(); r != nil { fmt.Println("recovered:", r) } }
    let handler = p.func(
        "main.safeDiv.func1",
        0,
        0,
        6,
        vec![
            Recover { dst: r(0) },
            IsNil {
                dst: r(1),
                src: r(0),
            },
            JumpIfTrue {
                cond: r(1),
                target: 8,
            },
            LoadConst {
                dst: r(2),
                k: label,
            },
            MakeIface {
                dst: r(4),
                src: r(2),
                ty: STRING,
            },
            Move {
                dst: r(5),
                src: r(0),
            },
            MakeSliceFrom {
                dst: r(3),
                base: r(4),
                n: 2,
            },
            CallNative {
                native: println_n,
                base: r(3),
                nargs: 1,
            },
            ret0(),
        ],
    );
    let sd = p.func(
        "main.safeDiv",
        2,
        1,
        4,
        vec![
            MakeFunc {
                dst: r(2),
                callee: Callee::Func(handler),
            },
            Defer {
                f: r(2),
                base: r(3),
                nargs: 0,
            },
            DivInt {
                dst: r(3),
                a: r(0),
                b: r(1),
            },
            RunDefers,
            Return { src: r(3), n: 1 },
            RunDefers,
            LoadInt { dst: r(3), imm: -1 },
            Return { src: r(3), n: 1 },
        ],
    );
    p.p.funcs[sd.0 as usize].recover_pc = Some(5);
    let mut code = vec![
        LoadInt { dst: r(0), imm: 10 },
        LoadInt { dst: r(1), imm: 0 },
        Call {
            func: sd,
            base: r(0),
        },
    ];
    code.extend(println(&mut p, &[(r(0), INT)], 4));
    code.extend([
        LoadInt { dst: r(0), imm: 10 },
        LoadInt { dst: r(1), imm: 2 },
        Call {
            func: sd,
            base: r(0),
        },
    ]);
    code.extend(println(&mut p, &[(r(0), INT)], 4));
    code.push(ret0());
    p.main(8, code);
    let out = run(p.p);
    assert_eq!(
        out.stdout,
        "recovered: runtime error: integer divide by zero\n-1\n5\n"
    );
    assert_eq!(out.exit.code, 0);
}

#[test]
fn unrecovered_index_panic_prints_go_report_and_exits_2() {
    let mut p = Prog::new();
    p.main(
        8,
        vec![
            LoadInt { dst: r(1), imm: 1 },
            LoadInt { dst: r(2), imm: 2 },
            LoadInt { dst: r(3), imm: 3 },
            MakeSliceFrom {
                dst: r(0),
                base: r(1),
                n: 3,
            },
            LoadInt { dst: r(4), imm: 5 },
            IndexSlice {
                dst: r(5),
                slice: r(0),
                idx: r(4),
            },
            ret0(),
        ],
    );
    let out = run(p.p);
    assert_eq!(out.exit.code, 2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "panic: runtime error: index out of range [5] with length 3"
    );
    assert_eq!(lines[1], "");
    assert_eq!(lines[2], "goroutine 1 [running]:");
    assert_eq!(lines[3], "main.main()");
    assert!(lines[4].starts_with("\t/tmp/prog.go:6 +0x"), "{}", lines[4]);
}

#[test]
fn panic_with_custom_string_and_nil_map_write() {
    let mut p = Prog::new();
    p.main(
        6,
        vec![
            LoadNil { dst: r(0) },
            LoadConst {
                dst: r(1),
                k: ConstId(0),
            },
            LoadInt { dst: r(2), imm: 1 },
            MapSet {
                map: r(0),
                key: r(1),
                src: r(2),
            },
            ret0(),
        ],
    );
    p.str("k");
    let out = run(p.p);
    assert_eq!(
        out.stderr.lines().next(),
        Some("panic: assignment to entry in nil map")
    );
    assert_eq!(out.exit.code, 2);
}

#[test]
fn struct_values_are_copied_and_pointers_alias() {
    let mut p = Prog::new();
    let mut code = vec![
        LoadInt { dst: r(1), imm: 1 },
        LoadInt { dst: r(2), imm: 2 },
        MakeAgg {
            dst: r(0),
            base: r(1),
            n: 2,
        },
        Move {
            dst: r(3),
            src: r(0),
        },
        LoadInt { dst: r(4), imm: 10 },
        SetField {
            dst: r(3),
            field: 0,
            src: r(4),
        },
        GetField {
            dst: r(5),
            src: r(0),
            field: 0,
        },
        GetField {
            dst: r(6),
            src: r(3),
            field: 0,
        },
        // pp := &p; pp.Y = 5; p2 := *pp
        NewCell {
            dst: r(7),
            src: r(0),
        },
        LoadInt { dst: r(4), imm: 5 },
        StoreField {
            ptr: r(7),
            field: 1,
            src: r(4),
        },
        // q := &pp.X; *q = 7
        AddrField {
            dst: r(8),
            ptr: r(7),
            field: 0,
        },
        LoadInt { dst: r(4), imm: 7 },
        Store {
            ptr: r(8),
            src: r(4),
        },
        Load {
            dst: r(9),
            ptr: r(7),
        },
    ];
    code.extend(println(
        &mut p,
        &[(r(5), INT), (r(6), INT), (r(9), POINT), (r(0), POINT)],
        10,
    ));
    code.push(ret0());
    p.main(16, code);
    assert_eq!(run(p.p).stdout, "1 10 {7 5} {1 2}\n");
}

#[test]
fn appends_share_spare_capacity_like_go() {
    let mut p = Prog::new();
    let mut code = vec![
        LoadInt { dst: r(1), imm: 3 },
        LoadInt { dst: r(2), imm: 6 },
        MakeSlice {
            dst: r(0),
            ty: INT_SLICE,
            len: r(1),
            cap: r(2),
        },
        LoadInt { dst: r(5), imm: 4 },
        Append {
            dst: r(3),
            slice: r(0),
            base: r(5),
            n: 1,
            ty: INT_SLICE,
        },
        LoadInt { dst: r(5), imm: 40 },
        Append {
            dst: r(4),
            slice: r(0),
            base: r(5),
            n: 1,
            ty: INT_SLICE,
        },
        // full := []int{1,2}; grown := append(full, 3); grown[0] = -1
        LoadInt { dst: r(6), imm: 1 },
        LoadInt { dst: r(7), imm: 2 },
        MakeSliceFrom {
            dst: r(8),
            base: r(6),
            n: 2,
        },
        LoadInt { dst: r(5), imm: 3 },
        Append {
            dst: r(9),
            slice: r(8),
            base: r(5),
            n: 1,
            ty: INT_SLICE,
        },
        LoadInt { dst: r(5), imm: 0 },
        LoadInt { dst: r(6), imm: -1 },
        SetIndexSlice {
            slice: r(9),
            idx: r(5),
            src: r(6),
        },
        // window := r3[1:3]; len, cap
        LoadInt { dst: r(5), imm: 1 },
        LoadInt { dst: r(6), imm: 3 },
        Slice {
            dst: r(10),
            src: r(3),
            lo: r(5),
            hi: r(6),
        },
        Cap {
            dst: r(11),
            src: r(10),
        },
    ];
    code.extend(println(
        &mut p,
        &[
            (r(3), INT_SLICE),
            (r(4), INT_SLICE),
            (r(8), INT_SLICE),
            (r(9), INT_SLICE),
            (r(10), INT_SLICE),
            (r(11), INT),
        ],
        12,
    ));
    code.push(ret0());
    p.main(20, code);
    assert_eq!(
        run(p.p).stdout,
        "[0 0 0 40] [0 0 0 40] [1 2] [-1 2 3] [0 0] 5\n"
    );
}

#[test]
fn maps_insert_lookup_delete_and_print_sorted() {
    let mut p = Prog::new();
    let a = p.str("a");
    let b = p.str("b");
    let mut code = vec![
        LoadInt { dst: r(1), imm: 0 },
        MakeMap {
            dst: r(0),
            ty: MAP_STR_INT,
            hint: r(1),
        },
        LoadConst { dst: r(2), k: b },
        LoadInt { dst: r(3), imm: 2 },
        MapSet {
            map: r(0),
            key: r(2),
            src: r(3),
        },
        LoadConst { dst: r(2), k: a },
        LoadInt { dst: r(3), imm: 1 },
        MapSet {
            map: r(0),
            key: r(2),
            src: r(3),
        },
        Len {
            dst: r(4),
            src: r(0),
        },
    ];
    code.extend(println(&mut p, &[(r(0), MAP_STR_INT), (r(4), INT)], 10));
    code.extend([
        MapDelete {
            map: r(0),
            key: r(2),
        },
        MapGetOk {
            dst: r(5),
            map: r(0),
            key: r(2),
            ty: MAP_STR_INT,
        },
    ]);
    code.extend(println(
        &mut p,
        &[(r(5), INT), (r(6), BOOL), (r(0), MAP_STR_INT)],
        10,
    ));
    code.push(ret0());
    p.main(16, code);
    assert_eq!(run(p.p).stdout, "map[a:1 b:2] 2\n0 false map[b:2]\n");
}

#[test]
fn map_range_visits_every_entry_in_a_seeded_order() {
    // Sum the values of a 10-entry map while ranging; the order varies by seed, the sum not.
    let mut p = Prog::new();
    let int_map = p.ty(
        "map[int]int",
        TypeKind::Map {
            key: INT,
            value: INT,
        },
    );
    let mut code = vec![
        LoadInt { dst: r(1), imm: 0 },
        MakeMap {
            dst: r(0),
            ty: int_map,
            hint: r(1),
        },
        LoadInt { dst: r(2), imm: 10 },
        // for i := 0; i < 10; i++ { m[i] = i*i }   (pc 3)
        MulInt {
            dst: r(3),
            a: r(1),
            b: r(1),
        },
        MapSet {
            map: r(0),
            key: r(1),
            src: r(3),
        },
        AddIntImm {
            dst: r(1),
            a: r(1),
            imm: 1,
        },
        JumpIfLtInt {
            a: r(1),
            b: r(2),
            target: 3,
        },
        LoadInt { dst: r(4), imm: 0 },
        MapIter {
            dst: r(5),
            map: r(0),
        },
        // pc 9
        MapIterNext {
            iter: r(5),
            key: r(6),
            val: r(7),
            done: 12,
        },
        AddInt {
            dst: r(4),
            a: r(4),
            b: r(7),
        },
        Jump { target: 9 },
    ];
    code.extend(println(&mut p, &[(r(4), INT)], 10));
    code.push(ret0());
    p.main(16, code);
    for seed in 1..4 {
        assert_eq!(run_with(p.p.clone(), 1, seed).stdout, "285\n");
    }
}

#[test]
fn type_assertion_failure_uses_go_words() {
    let mut p = Prog::new();
    let hello = p.str("hello");
    p.main(
        4,
        vec![
            LoadConst {
                dst: r(0),
                k: hello,
            },
            MakeIface {
                dst: r(1),
                src: r(0),
                ty: STRING,
            },
            TypeAssertOk {
                dst: r(2),
                ok: r(3),
                src: r(1),
                ty: INT,
            },
            TypeAssert {
                dst: r(2),
                src: r(1),
                ty: INT,
                src_ty: ANY,
            },
            ret0(),
        ],
    );
    let out = run(p.p);
    assert_eq!(
        out.stderr.lines().next(),
        Some("panic: interface conversion: interface {} is string, not int")
    );
}

#[test]
fn deep_recursion_is_a_stack_overflow() {
    let mut p = Prog::new();
    let f = p.declare("main.f");
    p.define(
        f,
        0,
        0,
        1,
        vec![
            Call {
                func: f,
                base: r(0),
            },
            ret0(),
        ],
    );
    p.main(
        1,
        vec![
            Call {
                func: f,
                base: r(0),
            },
            ret0(),
        ],
    );
    let out = run(p.p);
    assert_eq!(out.exit.code, 2);
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(
        lines[0],
        "runtime: goroutine stack exceeds 1000000000-byte limit"
    );
    assert_eq!(lines[1], "fatal error: stack overflow");
}

#[test]
fn strings_concat_index_and_range_decode_runes() {
    let mut p = Prog::new();
    let s = p.str("héllo");
    let mut code = vec![
        LoadConst { dst: r(0), k: s },
        ConcatStr {
            dst: r(1),
            a: r(0),
            b: r(0),
        },
        Len {
            dst: r(2),
            src: r(1),
        },
        // count runes: for i < len { DecodeRune; i += w; n++ }  (pc 5)
        LoadInt { dst: r(3), imm: 0 },
        LoadInt { dst: r(4), imm: 0 },
        DecodeRune {
            rune: r(5),
            width: r(6),
            s: r(1),
            idx: r(3),
        },
        AddInt {
            dst: r(3),
            a: r(3),
            b: r(6),
        },
        AddIntImm {
            dst: r(4),
            a: r(4),
            imm: 1,
        },
        JumpIfLtInt {
            a: r(3),
            b: r(2),
            target: 5,
        },
        LoadInt { dst: r(7), imm: 1 },
        IndexStr {
            dst: r(8),
            s: r(0),
            idx: r(7),
        },
    ];
    code.extend(println(
        &mut p,
        &[(r(1), STRING), (r(2), INT), (r(4), INT), (r(8), INT)],
        10,
    ));
    code.push(ret0());
    p.main(16, code);
    assert_eq!(run(p.p).stdout, "héllohéllo 12 10 195\n");
}

#[test]
fn os_exit_skips_defers_and_sets_the_code() {
    let mut p = Prog::new();
    let exit = p.native("os.Exit");
    let println_n = p.native("fmt.Println");
    let m = p.main(
        4,
        vec![
            MakeFunc {
                dst: r(0),
                callee: Callee::Native(println_n),
            },
            MakeSliceFrom {
                dst: r(1),
                base: r(2),
                n: 0,
            },
            Defer {
                f: r(0),
                base: r(1),
                nargs: 1,
            },
            LoadInt { dst: r(2), imm: 3 },
            CallNative {
                native: exit,
                base: r(2),
                nargs: 1,
            },
            RunDefers,
            ret0(),
        ],
    );
    p.p.funcs[m.0 as usize].recover_pc = Some(5);
    let out = run(p.p);
    assert_eq!(out.exit.code, 3);
    assert_eq!(out.stdout, "");
}
