//! A tiny assembler for hand-written bytecode programs, and a runner (of those or of Go
//! source) that collects stdout, stderr and the exit of a whole run.

#![allow(dead_code)]

use goroscope_compiler::bytecode::*;
use goroscope_runtime::{Config, Exit, Machine, Stream};

/// Shorthand for register `n`.
pub fn r(n: u16) -> Reg {
    Reg(n)
}

/// Type ids every test program has (in this order).
pub const INT: TypeId = TypeId(0);
pub const STRING: TypeId = TypeId(1);
pub const ANY: TypeId = TypeId(2);
pub const ANY_SLICE: TypeId = TypeId(3);
pub const INT_SLICE: TypeId = TypeId(4);
pub const CHAN_INT: TypeId = TypeId(5);
pub const MAP_STR_INT: TypeId = TypeId(6);
pub const POINT: TypeId = TypeId(7);
pub const WAITGROUP: TypeId = TypeId(8);
pub const MUTEX: TypeId = TypeId(9);
pub const BOOL: TypeId = TypeId(10);

/// A program under construction.
pub struct Prog {
    pub p: Program,
}

impl Prog {
    pub fn new() -> Prog {
        let t = |name: &str, kind: TypeKind| TypeDesc {
            name: name.into(),
            kind,
            methods: Vec::new(),
        };
        let uintptr = TypeId(11);
        let types = vec![
            t("int", TypeKind::Int(IntKind::I64)),
            t("string", TypeKind::String),
            t(
                "interface {}",
                TypeKind::Interface {
                    methods: Vec::new(),
                },
            ),
            t("[]interface {}", TypeKind::Slice { elem: ANY }),
            t("[]int", TypeKind::Slice { elem: INT }),
            t(
                "chan int",
                TypeKind::Chan {
                    dir: ChanDir::Both,
                    elem: INT,
                },
            ),
            t(
                "map[string]int",
                TypeKind::Map {
                    key: STRING,
                    value: INT,
                },
            ),
            t(
                "main.Point",
                TypeKind::Struct {
                    fields: vec![
                        Field {
                            name: "X".into(),
                            ty: INT,
                            embedded: false,
                        },
                        Field {
                            name: "Y".into(),
                            ty: INT,
                            embedded: false,
                        },
                    ],
                },
            ),
            t(
                "sync.WaitGroup",
                TypeKind::Struct {
                    fields: vec![Field {
                        name: "#h".into(),
                        ty: uintptr,
                        embedded: false,
                    }],
                },
            ),
            t(
                "sync.Mutex",
                TypeKind::Struct {
                    fields: vec![Field {
                        name: "#h".into(),
                        ty: uintptr,
                        embedded: false,
                    }],
                },
            ),
            t("bool", TypeKind::Bool),
            t("uintptr", TypeKind::Int(IntKind::U64)),
        ];
        Prog {
            p: Program {
                file: "/tmp/prog.go".into(),
                types,
                ..Program::default()
            },
        }
    }

    pub fn native(&mut self, key: &str) -> NativeId {
        if let Some(i) = self.p.natives.iter().position(|n| n == key) {
            return NativeId(i as u32);
        }
        self.p.natives.push(key.into());
        NativeId(self.p.natives.len() as u32 - 1)
    }

    pub fn str(&mut self, s: &str) -> ConstId {
        self.p.consts.push(Const::Str(s.as_bytes().to_vec()));
        ConstId(self.p.consts.len() as u32 - 1)
    }

    pub fn float(&mut self, f: f64) -> ConstId {
        self.p.consts.push(Const::Float(f));
        ConstId(self.p.consts.len() as u32 - 1)
    }

    pub fn ty(&mut self, name: &str, kind: TypeKind) -> TypeId {
        self.p.types.push(TypeDesc {
            name: name.into(),
            kind,
            methods: Vec::new(),
        });
        TypeId(self.p.types.len() as u32 - 1)
    }

    pub fn sym(&mut self, name: &str) -> SymId {
        if let Some(s) = self.p.symbol(name) {
            return s;
        }
        self.p.symbols.push(name.into());
        SymId(self.p.symbols.len() as u32 - 1)
    }

    /// Adds a function; instruction i gets source line i+1 (so a test can predict lines).
    pub fn func(
        &mut self,
        name: &str,
        nparams: u16,
        nresults: u16,
        nregs: u16,
        code: Vec<Instr>,
    ) -> FuncId {
        let lines = (0..code.len())
            .map(|i| Pos {
                line: i as u32 + 1,
                col: 1,
            })
            .collect();
        self.p.funcs.push(FuncProto {
            name: name.into(),
            nparams,
            nresults,
            nregs,
            code,
            lines,
            ..FuncProto::default()
        });
        FuncId(self.p.funcs.len() as u32 - 1)
    }

    /// Declares a function now and fills it later (for recursion and closures).
    pub fn declare(&mut self, name: &str) -> FuncId {
        self.func(name, 0, 0, 1, vec![Instr::Return { src: Reg(0), n: 0 }])
    }

    pub fn define(
        &mut self,
        id: FuncId,
        nparams: u16,
        nresults: u16,
        nregs: u16,
        code: Vec<Instr>,
    ) {
        let lines = (0..code.len())
            .map(|i| Pos {
                line: i as u32 + 1,
                col: 1,
            })
            .collect();
        let f = &mut self.p.funcs[id.0 as usize];
        f.nparams = nparams;
        f.nresults = nresults;
        f.nregs = nregs;
        f.code = code;
        f.lines = lines;
    }

    pub fn main(&mut self, nregs: u16, code: Vec<Instr>) -> FuncId {
        let id = self.func("main.main", 0, 0, nregs, code);
        self.p.main = id;
        id
    }
}

/// What a run produced.
#[derive(Debug)]
pub struct Run {
    pub stdout: String,
    pub stderr: String,
    pub exit: Exit,
    /// Instructions executed (bulk work included).
    pub instructions: u64,
}

pub fn run_with(p: Program, procs: usize, seed: u64) -> Run {
    run_config(
        p,
        Config {
            procs,
            seed,
            max_instructions: 50_000_000,
            ..test_config()
        },
    )
}

/// Compiles Go source (`prog.go`) and runs it under `cfg`.
pub fn run_source(src: &str, cfg: Config) -> Run {
    let program = goroscope_compiler::compile_source("prog.go", src).expect("compiles");
    run_config(program, cfg)
}

/// The default configuration of tests: in debug builds the scheduler's invariants are
/// checked after every scheduling step (off in release builds, which measure speed).
pub fn test_config() -> Config {
    Config {
        check_invariants: cfg!(debug_assertions),
        ..Config::default()
    }
}

/// Runs `p` to its end under `cfg`, collecting both streams. With
/// `cfg.check_invariants`, a broken scheduler invariant fails the test.
pub fn run_config(p: Program, cfg: Config) -> Run {
    let check_invariants = cfg.check_invariants;
    let mut m = Machine::new(p, cfg).expect("program loads");
    let exit = m.run();
    if check_invariants {
        let sched = m.scheduler();
        let broken = sched.invariant_violation().map(str::to_owned);
        if let Some(e) = broken.or_else(|| sched.check_invariants().err()) {
            panic!("scheduler invariant broken: {e}");
        }
    }
    let mut stdout = String::new();
    let mut stderr = String::new();
    for o in m.take_output() {
        let text = String::from_utf8_lossy(&o.bytes).into_owned();
        match o.stream {
            Stream::Stdout => stdout.push_str(&text),
            Stream::Stderr => stderr.push_str(&text),
        }
    }
    Run {
        stdout,
        stderr,
        exit,
        instructions: m.instructions(),
    }
}

pub fn run(p: Program) -> Run {
    run_with(p, 1, 1)
}

/// Code that prints the values in registers `regs` (each boxed with its type) with
/// `fmt.Println`, using scratch registers from `scratch` up.
pub fn println(prog: &mut Prog, args: &[(Reg, TypeId)], scratch: u16) -> Vec<Instr> {
    let n = prog.native("fmt.Println");
    let mut code = Vec::new();
    for (i, (reg, ty)) in args.iter().enumerate() {
        code.push(Instr::MakeIface {
            dst: Reg(scratch + 1 + i as u16),
            src: *reg,
            ty: *ty,
        });
    }
    code.push(Instr::MakeSliceFrom {
        dst: Reg(scratch),
        base: Reg(scratch + 1),
        n: args.len() as u16,
    });
    code.push(Instr::CallNative {
        native: n,
        base: Reg(scratch),
        nargs: 1,
    });
    code
}
