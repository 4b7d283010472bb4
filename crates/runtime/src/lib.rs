//! The machine: the interpreter loop over the compiler's bytecode, values and heap, the
//! standard-library subset, wired to the scheduler model of `goroscope-sched`.
