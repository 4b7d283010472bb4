//! `go` and `defer` of any call: the function value and the arguments are evaluated at
//! the statement (a static callee becomes a `MakeFunc`, an interface method a bound
//! method value); `Go`/`Defer` copy them. A builtin call (`defer close(ch)`) gets a small
//! compiler-made function taking the evaluated arguments (`main.f.deferwrap1`, as Go
//! names them).

use goroscope_syntax::ast::{Expr, ExprKind};
use goroscope_types::info::CallKind;
use goroscope_types::objects::Builtin;
use goroscope_types::types::{Type, TypeId};

use crate::bytecode::{Callee, FuncProto, Instr, Reg};
use crate::call::Target;
use crate::lower::Lower;

impl<'a> Lower<'a> {
    pub fn go_defer(&mut self, call: &Expr, is_go: bool) {
        let call = crate::expr::strip_parens(call);
        let ExprKind::Call { func, args, .. } = &call.kind else {
            return self.error(call.span, "expression in go/defer must be function call");
        };
        let Some(ci) = self.info().call(call.id).cloned() else {
            return self.error(call.span, "internal error: call without type information");
        };
        let (f, base, nargs) = match ci.kind {
            CallKind::Builtin(b) => match self.builtin_wrap(call, b, args, is_go) {
                Some(x) => x,
                None => return,
            },
            CallKind::Conversion(_) => {
                return self.error(
                    call.span,
                    if is_go {
                        "go requires function call, not conversion"
                    } else {
                        "defer requires function call, not conversion"
                    },
                );
            }
            _ => {
                let Some(p) = self.prepare_call(call, func, args, &ci) else {
                    return;
                };
                let f = self.alloc();
                let (base, nargs) = match p.target {
                    Target::Static(id) => {
                        self.emit(Instr::MakeFunc {
                            dst: f,
                            callee: Callee::Func(id),
                        });
                        (p.base, p.nargs)
                    }
                    Target::Native(n) => {
                        self.emit(Instr::MakeFunc {
                            dst: f,
                            callee: Callee::Native(n),
                        });
                        (p.base, p.nargs)
                    }
                    Target::Iface(method) => {
                        self.emit(Instr::BindIfaceMethod {
                            dst: f,
                            recv: p.base,
                            method,
                        });
                        (Reg(p.base.0 + 1), p.nargs.saturating_sub(1))
                    }
                    Target::Value(v) => {
                        self.emit(Instr::Move { dst: f, src: v });
                        (p.base, p.nargs)
                    }
                };
                (f, base, nargs)
            }
        };
        self.cover(base.0);
        if is_go {
            self.emit(Instr::Go { f, base, nargs });
        } else {
            self.emit(Instr::Defer { f, base, nargs });
        }
    }

    /// Evaluates a builtin call's arguments and makes the function that applies the
    /// builtin to them; returns (func register, argument base, argument count).
    fn builtin_wrap(
        &mut self,
        call: &Expr,
        b: Builtin,
        args: &[Expr],
        is_go: bool,
    ) -> Option<(Reg, Reg, u16)> {
        let base = Reg(self.mark());
        for (i, a) in args.iter().enumerate() {
            let r = self.alloc();
            let target = match b {
                Builtin::Panic => TypeId::EMPTY_INTERFACE,
                Builtin::Delete if i == 1 => {
                    let mt = self.ty(args[0].id);
                    match self.c.types.under(mt) {
                        Type::Map { key, .. } => *key,
                        _ => TypeId::INVALID,
                    }
                }
                _ => self.ty(a.id),
            };
            self.expr_as(a, target, r);
        }
        let n = args.len() as u16;
        let p = |i: u16| Reg(i);
        let body = match b {
            Builtin::Close => vec![Instr::Close { ch: p(0) }],
            Builtin::Panic => vec![Instr::Panic { src: p(0) }],
            Builtin::Print => vec![Instr::Print { base: p(0), n }],
            Builtin::Println => vec![Instr::Println { base: p(0), n }],
            Builtin::Delete => vec![Instr::MapDelete {
                map: p(0),
                key: p(1),
            }],
            Builtin::Copy => vec![Instr::Copy {
                dst: p(2),
                to: p(0),
                from: p(1),
            }],
            // `defer recover()` is not a call *by* a deferred function, so it never
            // stops a panic: the wrapper must not execute `Recover` on its behalf.
            Builtin::Recover => Vec::new(),
            Builtin::Clear => {
                let t = args.first().map_or(TypeId::INVALID, |a| self.ty(a.id));
                vec![Instr::Clear {
                    src: p(0),
                    ty: self.c.desc(t),
                }]
            }
            _ => {
                let what = if is_go { "go" } else { "defer" };
                self.error(call.span, format!("{what} discards result of {}", b.name()));
                return None;
            }
        };
        self.f.wraps += 1;
        let name = format!(
            "{}.{}wrap{}",
            self.f.proto.name,
            if is_go { "go" } else { "defer" },
            self.f.wraps
        );
        let pos = self.f.pos;
        let mut code = body;
        code.push(Instr::Return { src: p(0), n: 0 });
        let lines = vec![pos; code.len()];
        let id = self.c.reserve_func(name.clone(), pos);
        self.c.funcs[id.0 as usize] = FuncProto {
            name,
            pos,
            nparams: n,
            nregs: n.max(3),
            code,
            lines,
            ..FuncProto::default()
        };
        let f = self.alloc();
        self.emit(Instr::MakeFunc {
            dst: f,
            callee: Callee::Func(id),
        });
        Some((f, base, n))
    }
}
