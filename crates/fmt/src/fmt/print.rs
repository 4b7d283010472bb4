//! The printer: Go's `fmt/print.go` walk over a value tree. `print_arg` handles one
//! operand at the top level (`%T`, nil, methods), `print_value` recurses into
//! composites, and `handle_methods` decides when a precomputed `Error()`/`String()`
//! result replaces the value.

use super::format::{Case, Spec};
use super::mapsort::sorted_entries;
use crate::value::{Data, FloatSize, ListKind, MethodKind, Value};

/// Printer state for one `Sprint*` call. Invariant: `erroring` is true only while a
/// `%!verb(type=value)` diagnostic is being written, so methods are not called inside it.
#[derive(Default)]
pub(crate) struct Printer {
    pub out: Vec<u8>,
    pub spec: Spec,
    erroring: bool,
    /// Set by `Errorf`: `%w` is allowed.
    pub wrap_errs: bool,
    /// Argument indexes consumed by `%w`, in order of use.
    pub wrapped: Vec<usize>,
    /// Whether the last `do_printf` used explicit `[n]` argument indexes.
    pub reordered: bool,
}

/// Whether a struct field name is exported (starts with an upper-case letter).
fn exported(name: &str) -> bool {
    name.chars().next().is_some_and(char::is_uppercase)
}

fn is_nil_pointer(v: &Value) -> bool {
    matches!(v.data, Data::Pointer { addr: 0, .. })
}

impl Printer {
    /// Prints one top-level operand, as `pp.printArg`.
    pub fn print_arg(&mut self, arg: &Value, verb: u32) {
        if matches!(arg.data, Data::Nil) {
            if verb == 'T' as u32 || verb == 'v' as u32 {
                self.spec.pad(&mut self.out, b"<nil>");
            } else {
                self.bad_verb(None, verb);
            }
            return;
        }
        if verb == 'T' as u32 {
            self.spec.fmt_s(&mut self.out, arg.ty.as_bytes());
            return;
        }
        if verb == 'p' as u32 {
            self.fmt_pointer(arg, verb);
            return;
        }
        // An unnamed []byte operand (which has no methods) is special-cased by Go before
        // reflection, so its `%#v` says `[]byte`, not `[]uint8`.
        if let Data::List {
            elems,
            kind,
            bytes: true,
        } = &arg.data
            && arg.ty.as_ref() == "[]uint8"
            && matches!(kind, ListKind::Slice { .. })
        {
            if matches!(
                char::from_u32(verb),
                Some('v' | 'd' | 's' | 'x' | 'X' | 'q')
            ) {
                self.fmt_bytes(
                    List {
                        ty: "[]byte",
                        elems,
                        kind: *kind,
                    },
                    verb,
                    0,
                    false,
                );
            } else {
                self.print_value(arg, verb, 0, false);
            }
            return;
        }
        if self.handle_methods(arg, verb) {
            return;
        }
        self.print_value(arg, verb, 0, false);
    }

    /// `%!verb(type=value)`, or `%!verb(<nil>)` without a value.
    fn bad_verb(&mut self, v: Option<&Value>, verb: u32) {
        self.erroring = true;
        self.out.extend_from_slice(b"%!");
        crate::utf8::append_rune(&mut self.out, verb);
        self.out.push(b'(');
        match v {
            Some(v) if !matches!(v.data, Data::Nil) => {
                self.out.extend_from_slice(v.ty.as_bytes());
                self.out.push(b'=');
                self.print_arg(v, 'v' as u32);
            }
            _ => self.out.extend_from_slice(b"<nil>"),
        }
        self.out.push(b')');
        self.erroring = false;
    }

    /// Uses the value's `Error()`/`String()` result where Go would. Returns whether the
    /// value was printed.
    fn handle_methods(&mut self, v: &Value, verb: u32) -> bool {
        if self.erroring {
            return false;
        }
        let mut verb = verb;
        if verb == 'w' as u32 {
            let is_error = v
                .method
                .as_ref()
                .is_some_and(|m| m.kind == MethodKind::Error);
            if !is_error || !self.wrap_errs {
                self.bad_verb(Some(v), verb);
                return true;
            }
            verb = 'v' as u32;
        }
        // `%#v` would use GoString, which the subset does not model.
        if self.spec.sharp_v {
            return false;
        }
        let Some(method) = &v.method else {
            return false;
        };
        if !matches!(char::from_u32(verb), Some('v' | 's' | 'x' | 'X' | 'q')) {
            return false;
        }
        match &method.result {
            Ok(text) => self.fmt_string(None, text, verb),
            Err(panic_value) => {
                if is_nil_pointer(v) {
                    self.out.extend_from_slice(b"<nil>");
                    return true;
                }
                let saved = self.spec;
                self.spec = Spec::default();
                self.out.extend_from_slice(b"%!");
                crate::utf8::append_rune(&mut self.out, verb);
                self.out.extend_from_slice(b"(PANIC=");
                self.out.extend_from_slice(match method.kind {
                    MethodKind::Error => b"Error method: ",
                    MethodKind::String => b"String method: ",
                });
                self.print_arg(panic_value, 'v' as u32);
                self.out.push(b')');
                self.spec = saved;
            }
        }
        true
    }

    /// Prints a value at `depth`; `read_only` marks values reached through an unexported
    /// struct field, whose methods Go cannot call.
    pub fn print_value(&mut self, v: &Value, verb: u32, depth: usize, read_only: bool) {
        if depth > 0 && !read_only && self.handle_methods(v, verb) {
            return;
        }
        match &v.data {
            Data::Nil => {
                if self.spec.sharp_v {
                    self.out.extend_from_slice(v.ty.as_bytes());
                    self.out.extend_from_slice(b"(nil)");
                } else {
                    self.out.extend_from_slice(b"<nil>");
                }
            }
            Data::Bool(b) => match char::from_u32(verb) {
                Some('t' | 'v') => self.spec.fmt_boolean(&mut self.out, *b),
                _ => self.bad_verb(Some(v), verb),
            },
            Data::Int(i) => self.fmt_integer(v, *i as u64, true, verb),
            Data::Uint(u) => self.fmt_integer(v, *u, false, verb),
            Data::Float { v: f, size } => self.fmt_float(v, *f, *size, verb),
            Data::String(s) => self.fmt_string(Some(v), s, verb),
            Data::Map { entries, nil, .. } => {
                let sharp_v = self.spec.sharp_v;
                if sharp_v {
                    self.out.extend_from_slice(v.ty.as_bytes());
                    if *nil {
                        self.out.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.out.push(b'{');
                } else {
                    self.out.extend_from_slice(b"map[");
                }
                for (i, (k, val)) in sorted_entries(entries).into_iter().enumerate() {
                    if i > 0 {
                        self.out
                            .extend_from_slice(if sharp_v { b", " } else { b" " });
                    }
                    self.print_value(k, verb, depth + 1, read_only);
                    self.out.push(b':');
                    self.print_value(val, verb, depth + 1, read_only);
                }
                self.out.push(if sharp_v { b'}' } else { b']' });
            }
            Data::Struct(fields) => {
                let sharp_v = self.spec.sharp_v;
                if sharp_v {
                    self.out.extend_from_slice(v.ty.as_bytes());
                }
                self.out.push(b'{');
                for (i, field) in fields.iter().enumerate() {
                    if i > 0 {
                        self.out
                            .extend_from_slice(if sharp_v { b", " } else { b" " });
                    }
                    if (self.spec.plus_v || sharp_v) && !field.name.is_empty() {
                        self.out.extend_from_slice(field.name.as_bytes());
                        self.out.push(b':');
                    }
                    let ro = read_only || !exported(&field.name);
                    self.print_value(&field.value, verb, depth + 1, ro);
                }
                self.out.push(b'}');
            }
            Data::List { elems, kind, bytes } => {
                let list = List {
                    ty: &v.ty,
                    elems,
                    kind: *kind,
                };
                if *bytes && matches!(char::from_u32(verb), Some('s' | 'q' | 'x' | 'X')) {
                    self.fmt_bytes(list, verb, depth, read_only);
                    return;
                }
                self.print_list(list, verb, depth, read_only);
            }
            Data::Pointer { addr, elem } => {
                if depth == 0
                    && *addr != 0
                    && let Some(elem) = elem
                    && matches!(
                        elem.data,
                        Data::List { .. } | Data::Struct(_) | Data::Map { .. }
                    )
                {
                    self.out.push(b'&');
                    self.print_value(elem, verb, depth + 1, read_only);
                    return;
                }
                self.fmt_pointer(v, verb);
            }
            Data::Chan { .. } | Data::Func { .. } => self.fmt_pointer(v, verb),
        }
    }

    fn print_list(&mut self, list: List<'_>, verb: u32, depth: usize, ro: bool) {
        let elems = list.elems;
        if self.spec.sharp_v {
            self.out.extend_from_slice(list.ty.as_bytes());
            if matches!(list.kind, ListKind::Slice { nil: true, .. }) {
                self.out.extend_from_slice(b"(nil)");
                return;
            }
            self.out.push(b'{');
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    self.out.extend_from_slice(b", ");
                }
                self.print_value(e, verb, depth + 1, ro);
            }
            self.out.push(b'}');
        } else {
            self.out.push(b'[');
            for (i, e) in elems.iter().enumerate() {
                if i > 0 {
                    self.out.push(b' ');
                }
                self.print_value(e, verb, depth + 1, ro);
            }
            self.out.push(b']');
        }
    }

    /// Byte slices and arrays: text for `s q x X`, numbers for `v d` (hex in `%#v`).
    fn fmt_bytes(&mut self, list: List<'_>, verb: u32, depth: usize, ro: bool) {
        let b = &byte_values(list.elems)[..];
        match char::from_u32(verb) {
            Some('v' | 'd') => {
                if self.spec.sharp_v {
                    self.out.extend_from_slice(list.ty.as_bytes());
                    if matches!(list.kind, ListKind::Slice { nil: true, .. }) {
                        self.out.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.out.push(b'{');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.out.extend_from_slice(b", ");
                        }
                        self.fmt_0x64(u64::from(c), true);
                    }
                    self.out.push(b'}');
                } else {
                    self.out.push(b'[');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.out.push(b' ');
                        }
                        self.spec.fmt_integer(
                            &mut self.out,
                            u64::from(c),
                            10,
                            false,
                            verb,
                            Case::Lower,
                        );
                    }
                    self.out.push(b']');
                }
            }
            Some('s') => self.spec.fmt_s(&mut self.out, b),
            Some('x') => self.spec.fmt_sbx(&mut self.out, b, Case::Lower),
            Some('X') => self.spec.fmt_sbx(&mut self.out, b, Case::Upper),
            Some('q') => self.spec.fmt_q(&mut self.out, b),
            _ => self.print_list(list, verb, depth, ro),
        }
    }

    /// Prints `u` in hexadecimal, with `0x` when `leading_0x`, ignoring the `#` flag.
    fn fmt_0x64(&mut self, u: u64, leading_0x: bool) {
        let spec = Spec {
            sharp: leading_0x,
            ..self.spec
        };
        spec.fmt_integer(&mut self.out, u, 16, false, 'v' as u32, Case::Lower);
    }

    fn fmt_integer(&mut self, v: &Value, u: u64, signed: bool, verb: u32) {
        let spec = self.spec;
        let out = &mut self.out;
        match char::from_u32(verb) {
            Some('v') => {
                if spec.sharp_v && !signed {
                    self.fmt_0x64(u, true);
                } else {
                    spec.fmt_integer(out, u, 10, signed, verb, Case::Lower);
                }
            }
            Some('d') => spec.fmt_integer(out, u, 10, signed, verb, Case::Lower),
            Some('b') => spec.fmt_integer(out, u, 2, signed, verb, Case::Lower),
            Some('o' | 'O') => spec.fmt_integer(out, u, 8, signed, verb, Case::Lower),
            Some('x') => spec.fmt_integer(out, u, 16, signed, verb, Case::Lower),
            Some('X') => spec.fmt_integer(out, u, 16, signed, verb, Case::Upper),
            Some('c') => spec.fmt_c(out, u),
            Some('q') => spec.fmt_qc(out, u),
            Some('U') => spec.fmt_unicode(out, u),
            _ => self.bad_verb(Some(v), verb),
        }
    }

    fn fmt_float(&mut self, v: &Value, f: f64, size: FloatSize, verb: u32) {
        let (fmt, prec) = match char::from_u32(verb) {
            Some('v') => (b'g', -1),
            Some(c @ ('b' | 'g' | 'G' | 'x' | 'X')) => (c as u8, -1),
            Some(c @ ('f' | 'e' | 'E')) => (c as u8, 6),
            Some('F') => (b'f', 6),
            _ => {
                self.bad_verb(Some(v), verb);
                return;
            }
        };
        self.spec.fmt_float(&mut self.out, f, size, fmt, prec);
    }

    /// Strings and method results. `v` is the operand for diagnostics (`None` for a
    /// method result, which is only printed with verbs that accept strings).
    fn fmt_string(&mut self, v: Option<&Value>, s: &[u8], verb: u32) {
        let spec = self.spec;
        match char::from_u32(verb) {
            Some('v') if spec.sharp_v => spec.fmt_q(&mut self.out, s),
            Some('v' | 's') => spec.fmt_s(&mut self.out, s),
            Some('x') => spec.fmt_sbx(&mut self.out, s, Case::Lower),
            Some('X') => spec.fmt_sbx(&mut self.out, s, Case::Upper),
            Some('q') => spec.fmt_q(&mut self.out, s),
            _ => match v {
                Some(v) => self.bad_verb(Some(v), verb),
                None => self.bad_verb(Some(&Value::string(s)), verb),
            },
        }
    }

    /// Pointers, channels, functions, and for `%p` slices and maps: `0xc000010000`,
    /// `<nil>`, or `(*T)(0x...)` for `%#v`. Other kinds are a bad verb.
    fn fmt_pointer(&mut self, v: &Value, verb: u32) {
        let u = match v.data {
            Data::Pointer { addr, .. } | Data::Chan { addr } | Data::Func { addr } => addr,
            Data::List {
                kind: ListKind::Slice { addr, .. },
                ..
            }
            | Data::Map { addr, .. } => addr,
            _ => {
                self.bad_verb(Some(v), verb);
                return;
            }
        };
        match char::from_u32(verb) {
            Some('v') => {
                if self.spec.sharp_v {
                    self.out.push(b'(');
                    self.out.extend_from_slice(v.ty.as_bytes());
                    self.out.extend_from_slice(b")(");
                    if u == 0 {
                        self.out.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.out.push(b')');
                } else if u == 0 {
                    self.spec.pad(&mut self.out, b"<nil>");
                } else {
                    self.fmt_0x64(u, !self.spec.sharp);
                }
            }
            Some('p') => self.fmt_0x64(u, !self.spec.sharp),
            Some('b' | 'o' | 'd' | 'x' | 'X') => self.fmt_integer(v, u, false, verb),
            _ => self.bad_verb(Some(v), verb),
        }
    }
}

/// A slice or array being printed, with the type string `%#v` shows for it.
#[derive(Clone, Copy)]
struct List<'a> {
    ty: &'a str,
    elems: &'a [Value],
    kind: ListKind,
}

/// The bytes of a list whose elements are uint8 values.
fn byte_values(elems: &[Value]) -> Vec<u8> {
    elems
        .iter()
        .map(|e| match e.data {
            Data::Uint(u) => u as u8,
            Data::Int(i) => i as u8,
            _ => 0,
        })
        .collect()
}
