//! The pure model of Go's scheduler and synchronisation objects: G/M/P, run queues,
//! runnext, the global queue, work stealing, timers on a virtual clock, channels, select
//! and sync primitives. It knows no bytecode: goroutines carry an opaque payload.
