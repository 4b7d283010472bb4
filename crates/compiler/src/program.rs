//! The driver: globals, the package initialiser, every function (declared functions in
//! declaration order first, then what they require: instantiations, wrappers), method
//! tables, and the final [`Program`].

use std::collections::BTreeSet;

use goroscope_syntax::Diagnostic;
use goroscope_syntax::ast::{Decl, File};
use goroscope_types::Info;
use goroscope_types::types::TypeId;

use crate::bytecode::{FuncId, Global, GlobalId, Instr, Program, Reg};
use crate::lower::{Compiler, FuncState, Job, Lower};

/// Compiles a checked file (whose checker reported no diagnostics).
pub fn compile_info(file: &File, info: &Info, src: &str) -> Result<Program, Vec<Diagnostic>> {
    let mut c = Compiler::new(file, info, src);
    c.boxed = crate::escape::boxed_vars(file, info);
    for d in &file.decls {
        match d {
            Decl::Func(fd) => {
                if let Some(obj) = info.ident(fd.name.id) {
                    c.decls.insert(obj, fd);
                }
            }
            Decl::Var(g) => {
                for spec in &g.specs {
                    for n in &spec.names {
                        let Some(obj) = info.ident(n.id) else {
                            continue;
                        };
                        if n.name == "_" {
                            continue;
                        }
                        let ty = c.desc(info.object(obj).ty);
                        let g = GlobalId(c.globals.len() as u32);
                        c.globals.push(Global {
                            name: format!("main.{}", n.name),
                            ty,
                        });
                        c.global_index.insert(obj, g);
                    }
                }
            }
            _ => {}
        }
    }
    let mut l = Lower {
        c,
        f: FuncState::default(),
    };
    // Declared functions and methods, in declaration order (generic ones are compiled
    // per instantiation, on demand).
    let mut main = None;
    let mut init_funcs = Vec::new();
    for d in &file.decls {
        let Decl::Func(fd) = d else { continue };
        let Some(obj) = info.ident(fd.name.id) else {
            continue;
        };
        let generic = info
            .object(obj)
            .func_info()
            .is_some_and(|f| !f.type_params.is_empty());
        if generic {
            continue;
        }
        let id = l.func_id(obj, Vec::new());
        match fd.name.name.as_str() {
            "main" if fd.recv.is_none() => main = Some(id),
            "init" if fd.recv.is_none() => init_funcs.push(id),
            _ => {}
        }
    }
    let var_init = l.package_init();
    l.drain_jobs();
    let mut done = BTreeSet::new();
    while l.fill_method_tables(&mut done) {
        l.drain_jobs();
    }
    if !l.c.errors.is_empty() {
        let mut errs = l.c.errors;
        errs.sort_by_key(|d| d.span.start);
        return Err(errs);
    }
    let Some(main) = main else {
        return Err(vec![Diagnostic::new(
            file.span,
            "function main is undeclared in the main package",
        )]);
    };
    let c = l.c;
    Ok(Program {
        file: String::new(),
        funcs: c.funcs,
        consts: c.consts,
        natives: c.natives,
        types: c.type_descs,
        symbols: c.symbols,
        globals: c.globals,
        // Go's order: the variables, then each init function in source order.
        inits: var_init.into_iter().chain(init_funcs).collect(),
        main,
    })
}

impl<'a> Lower<'a> {
    /// Compiles every scheduled function.
    fn drain_jobs(&mut self) {
        while let Some(job) = (!self.c.jobs.is_empty()).then(|| self.c.jobs.remove(0)) {
            match job {
                Job::Decl { key, id } => match self.c.decls.get(&key.0).copied() {
                    Some(fd) => self.compile_decl(fd, key.0, &key.1, id),
                    None => {
                        let name = self.info().object(key.0).name.clone();
                        let span = self.c.file.span;
                        self.error(span, format!("internal error: no declaration for {name}"));
                    }
                },
                Job::Wrapper { recv, name, id } => self.compile_wrapper(recv, &name, id),
            }
        }
    }

    /// `main.init`: the package variables' initialisers in dependency order, if any
    /// (the program's own init functions run after it, each its own function).
    fn package_init(&mut self) -> Option<FuncId> {
        let file = self.c.file;
        let items = crate::init::init_order(file, self.info(), &self.c.decls);
        if items.is_empty() {
            return None;
        }
        // Go attributes the package initialiser to the first initialised variable.
        let pos = items
            .first()
            .and_then(|i| i.rhs.first())
            .map(|e| self.c.pos(e.span))
            .unwrap_or_default();
        let id = self.c.reserve_func("main.init".into(), pos);
        let proto = std::mem::take(&mut self.c.funcs[id.0 as usize]);
        let saved = std::mem::replace(
            &mut self.f,
            FuncState {
                proto,
                ..FuncState::default()
            },
        );
        for item in items {
            if let Some(first) = item.rhs.first() {
                self.set_pos(first.span);
            }
            let m = self.mark();
            let tys: Vec<TypeId> = item
                .lhs
                .iter()
                .map(|o| o.map_or(TypeId::INVALID, |o| self.info().object(o).ty))
                .collect();
            self.label_chans_of_vars(item.rhs, &item.lhs);
            let base = self.rhs_values(&tys, item.rhs);
            for (i, o) in item.lhs.iter().enumerate() {
                let Some(g) = o.and_then(|o| self.c.global_index.get(&o).copied()) else {
                    continue;
                };
                self.emit(Instr::StoreGlobal {
                    g,
                    src: Reg(base.0 + i as u16),
                });
            }
            self.release(m);
        }
        self.cover(0);
        self.emit(Instr::Return { src: Reg(0), n: 0 });
        let done = std::mem::replace(&mut self.f, saved);
        self.c.funcs[id.0 as usize] = done.proto;
        Some(id)
    }
}
