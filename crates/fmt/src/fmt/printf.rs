//! Go's `doPrintf`, `doPrint` and `doPrintln`: walking a format string (flags, width,
//! precision, `*`, `[n]` argument indexes) and the operand spacing rules of `Print`
//! and `Println`, including the `%!verb(...)` diagnostics for misuse.

use super::format::Spec;
use super::print::Printer;
use crate::utf8::{append_rune, decode_rune};
use crate::value::{Data, Value};

/// Go's `tooLarge`: widths and precisions beyond ±1e6 are rejected.
fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

/// Go's `parsenum`: a decimal number at `format[start..]`. Returns `(num, isnum, next)`;
/// an absurdly long number consumes the rest of the format and counts as absent.
fn parse_num(format: &[u8], start: usize) -> (i64, bool, usize) {
    let mut num: i64 = 0;
    let mut isnum = false;
    let mut i = start;
    while i < format.len() && format[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, format.len());
        }
        num = num * 10 + i64::from(format[i] - b'0');
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

/// Go's `intFromArg`: the operand at `arg_num` as a `*` width or precision.
/// Returns `(num, is_int, next_arg_num)`.
fn int_from_arg(args: &[Value], arg_num: usize) -> (i64, bool, usize) {
    let Some(arg) = args.get(arg_num) else {
        return (0, false, arg_num);
    };
    let (num, is_int) = match arg.data {
        Data::Int(i) => (i, true),
        Data::Uint(u) => i64::try_from(u).map_or((0, false), |i| (i, true)),
        _ => (0, false),
    };
    if too_large(num) {
        (0, false, arg_num + 1)
    } else {
        (num, is_int, arg_num + 1)
    }
}

/// Go's `parseArgNumber` on `format` starting at `[`: `(index, consumed, ok)`.
fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, next) = parse_num(&format[..i], 1);
            if !ok || next != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

/// State of one `Printf` walk besides the printer itself.
struct Walk {
    arg_num: usize,
    reordered: bool,
    good_arg_num: bool,
}

impl Walk {
    /// Go's `argNumber`: consumes an explicit `[n]` at `format[i..]` if present.
    /// Returns `(next i, found)`.
    fn arg_number(&mut self, format: &[u8], i: usize, num_args: usize) -> (usize, bool) {
        if format.get(i) != Some(&b'[') {
            return (i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && index >= 0 && (index as usize) < num_args {
            self.arg_num = index as usize;
            return (i + wid, true);
        }
        self.good_arg_num = false;
        (i + wid, ok)
    }
}

fn write_bang(out: &mut Vec<u8>, verb: u32, what: &[u8]) {
    out.extend_from_slice(b"%!");
    append_rune(out, verb);
    out.extend_from_slice(what);
}

impl Printer {
    /// Formats `args` under `format`, as `Sprintf`.
    pub fn do_printf(&mut self, format: &[u8], args: &[Value]) {
        let end = format.len();
        let mut w = Walk {
            arg_num: 0,
            reordered: false,
            good_arg_num: true,
        };
        let mut after_index;
        let mut i = 0;
        while i < end {
            w.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            self.out.extend_from_slice(&format[lasti..i]);
            if i >= end {
                break;
            }
            i += 1; // skip '%'
            self.spec = Spec::default();
            while i < end {
                match format[i] {
                    b'#' => self.spec.sharp = true,
                    b'0' => self.spec.zero = true,
                    b'+' => self.spec.plus = true,
                    b'-' => self.spec.minus = true,
                    b' ' => self.spec.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Explicit argument index, then width.
            (i, after_index) = w.arg_number(format, i, args.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (wid, ok, next) = int_from_arg(args, w.arg_num);
                w.arg_num = next;
                self.spec.wid_present = ok;
                if !ok {
                    self.out.extend_from_slice(b"%!(BADWIDTH)");
                }
                if wid < 0 {
                    self.spec.minus = true;
                    self.spec.zero = false;
                }
                self.spec.wid = wid.unsigned_abs() as usize;
                after_index = false;
            } else {
                let (wid, ok, next) = parse_num(format, i);
                self.spec.wid = wid as usize;
                self.spec.wid_present = ok;
                i = next;
                if after_index && ok {
                    w.good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    w.good_arg_num = false;
                }
                (i, after_index) = w.arg_number(format, i, args.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (prec, ok, next) = int_from_arg(args, w.arg_num);
                    w.arg_num = next;
                    // A negative precision means none.
                    self.spec.prec_present = ok && prec >= 0;
                    self.spec.prec = prec.max(0) as usize;
                    if !self.spec.prec_present {
                        self.out.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (prec, _, next) = parse_num(format, i);
                    self.spec.prec = prec as usize;
                    self.spec.prec_present = true;
                    i = next;
                }
            }
            if !after_index {
                (i, _) = w.arg_number(format, i, args.len());
            }
            if i >= end {
                self.out.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (verb, size) = decode_rune(&format[i..]);
            i += size;
            if verb == '%' as u32 {
                // `%%` consumes no operand and ignores width and precision.
                self.out.push(b'%');
            } else if !w.good_arg_num {
                write_bang(&mut self.out, verb, b"(BADINDEX)");
            } else if w.arg_num >= args.len() {
                write_bang(&mut self.out, verb, b"(MISSING)");
            } else {
                if verb == 'w' as u32 {
                    self.wrapped.push(w.arg_num);
                }
                if verb == 'v' as u32 || verb == 'w' as u32 {
                    self.spec.sharp_v = self.spec.sharp;
                    self.spec.sharp = false;
                    self.spec.plus_v = self.spec.plus;
                    self.spec.plus = false;
                }
                self.print_arg(&args[w.arg_num], verb);
                w.arg_num += 1;
            }
        }
        self.reordered = w.reordered;
        // Unused operands are reported unless indexes reordered them.
        if !w.reordered && w.arg_num < args.len() {
            self.spec = Spec::default();
            self.out.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in args[w.arg_num..].iter().enumerate() {
                if k > 0 {
                    self.out.extend_from_slice(b", ");
                }
                if matches!(arg.data, Data::Nil) {
                    self.out.extend_from_slice(b"<nil>");
                } else {
                    self.out.extend_from_slice(arg.ty.as_bytes());
                    self.out.push(b'=');
                    self.print_arg(arg, 'v' as u32);
                }
            }
            self.out.push(b')');
        }
    }

    /// `Sprint`: a space between operands when neither is a string.
    pub fn do_print(&mut self, args: &[Value]) {
        let mut prev_string = false;
        for (k, arg) in args.iter().enumerate() {
            let is_string = arg.is_string_kind();
            if k > 0 && !is_string && !prev_string {
                self.out.push(b' ');
            }
            self.spec = Spec::default();
            self.print_arg(arg, 'v' as u32);
            prev_string = is_string;
        }
    }

    /// `Sprintln`: spaces between all operands and a final newline.
    pub fn do_println(&mut self, args: &[Value]) {
        for (k, arg) in args.iter().enumerate() {
            if k > 0 {
                self.out.push(b' ');
            }
            self.spec = Spec::default();
            self.print_arg(arg, 'v' as u32);
        }
        self.out.push(b'\n');
    }
}
