//! Channel labels: a channel made by a `make(chan T)` whose value goes straight into a
//! named place is labelled with that place, as the source spells it — a variable
//! (`jobs := make(...)`, `var jobs = make(...)`, `jobs = make(...)`, a package variable),
//! a field or element (`s.ch = make(...)`, `chs[i] = make(...)`), or a struct literal's
//! field (`worker{in: make(...)}` labels it `in`). The label goes into the function's
//! `chan_labels` (the pc of the `MakeChan`), and the machine puts it in the trace's
//! `ChanMake` event so the view can name the channel. A channel a function returns is
//! left unlabelled.
//!
//! A statement asks for labels before it lowers its values ([`Lower::label_chans`]);
//! the `make` call takes its label when its `MakeChan` is emitted
//! ([`Lower::emit_make_chan`]), wherever the value lands first.

use goroscope_syntax::ast::{Expr, ExprKind};
use goroscope_types::info::CallKind;
use goroscope_types::objects::{Builtin, ObjectId};
use goroscope_types::types::Type;

use crate::bytecode::Instr;
use crate::expr::strip_parens;
use crate::lower::Lower;

impl<'a> Lower<'a> {
    /// Asks for labels of the channels among `values`, about to be lowered: when
    /// `values[i]` is `make(chan ...)`, its channel gets `label(i)`.
    pub fn label_chans(&mut self, values: &[Expr], label: impl Fn(&Self, usize) -> Option<String>) {
        for (i, v) in values.iter().enumerate() {
            let v = strip_parens(v);
            if self.is_make_chan(v)
                && let Some(name) = label(self, i).filter(|n| n != "_")
            {
                self.f.chan_names.push((v.id, name));
            }
        }
    }

    /// Labels for `values` assigned to the variables `objs` (blank ones are `None`).
    pub fn label_chans_of_vars(&mut self, values: &[Expr], objs: &[Option<ObjectId>]) {
        self.label_chans(values, |l, i| {
            let o = objs.get(i).copied().flatten()?;
            Some(l.info().object(o).name.clone())
        });
    }

    /// Emits the `MakeChan` of the `make` call `call`, with the label asked for it.
    pub fn emit_make_chan(&mut self, call: &Expr, make: Instr) {
        let pc = self.emit(make);
        if let Some(i) = self.f.chan_names.iter().position(|(id, _)| *id == call.id) {
            let (_, name) = self.f.chan_names.swap_remove(i);
            self.f.proto.chan_labels.push((pc, name));
        }
    }

    /// The source text of `e` (an assignment's target), without blanks.
    pub fn source_text(&self, e: &Expr) -> Option<String> {
        let text = self.c.src.get(e.span.start as usize..e.span.end as usize)?;
        Some(text.split_whitespace().collect())
    }

    /// Whether `e` is a call of the builtin `make` making a channel.
    fn is_make_chan(&mut self, e: &Expr) -> bool {
        let is_make = matches!(e.kind, ExprKind::Call { .. })
            && self
                .info()
                .call(e.id)
                .is_some_and(|c| matches!(c.kind, CallKind::Builtin(Builtin::Make)));
        is_make && {
            let t = self.ty(e.id);
            matches!(self.c.types.under(t), Type::Chan { .. })
        }
    }
}
