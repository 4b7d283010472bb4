//! The machine's parameters, named after the runtime constants they model, so tests can
//! shrink them (a ring of 4 instead of 256) and the UI can change GOMAXPROCS and seed.

/// Parameters of one run. Behaviour is a function of (program, config).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Number of Ps (GOMAXPROCS), at least 1.
    pub gomaxprocs: usize,
    /// Capacity of each P's local run queue ring (Go: 256).
    pub local_queue_capacity: usize,
    /// Every this many schedticks findRunnable takes one G from the global queue first
    /// (Go: 61), so the global queue is not starved by two goroutines ping-ponging.
    pub global_queue_check_interval: u64,
    /// Rounds of work stealing over the other Ps (Go: stealTries = 4).
    pub steal_rounds: u32,
    /// A G running this long in one time slice is preempted (Go: forcePreemptNS, 10 ms).
    pub force_preempt_ns: u64,
    /// A mutex waiter blocked this long switches the mutex to starvation mode
    /// (Go: starvationThresholdNs, 1 ms).
    pub starvation_threshold_ns: u64,
    /// How long a thief waits before taking the runnext of a running P, which probably
    /// readied it just before blocking (Go: usleep(3) in runqgrab, 3 µs).
    pub runnext_steal_backoff_ns: u64,
    /// How long a P may sit in a system call before sysmon retakes it when there is
    /// other work for it (Go: one sysmon tick, 20 µs).
    pub syscall_retake_ns: u64,
    /// How long sysmon leaves a P in a system call when there is no work for it and
    /// other Ps are idle or spinning (Go: 10 ms).
    pub syscall_retake_idle_ns: u64,
    /// How much virtual time a P runs before the machine picks the P with the smallest
    /// clock again: the grain of parallelism between Ps.
    pub quantum_ns: u64,
    /// Race mode (`-race`): the scheduler is deliberately randomised as Go's
    /// randomizeScheduler does: runnext is skipped half the time and batches spilled to
    /// the global queue are shuffled.
    pub randomize_scheduler: bool,
    /// Seed of every random choice (steal order, select order, ties between Ps).
    pub seed: u64,
    /// Whether events are recorded.
    pub record: bool,
    /// Check `Machine::check_invariants` after every scheduling step (each operation
    /// of a running G and each transition of the scheduler loop); the first violation
    /// is kept (`Machine::invariant_violation`). For tests: a check walks the whole
    /// state, so a state of more than 512 objects is checked every few steps instead
    /// (see the `invariants` module).
    pub check_invariants: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            gomaxprocs: 4,
            local_queue_capacity: 256,
            global_queue_check_interval: 61,
            steal_rounds: 4,
            force_preempt_ns: 10_000_000,
            starvation_threshold_ns: 1_000_000,
            runnext_steal_backoff_ns: 3_000,
            syscall_retake_ns: 20_000,
            syscall_retake_idle_ns: 10_000_000,
            quantum_ns: 1_000,
            randomize_scheduler: false,
            seed: 1,
            record: true,
            check_invariants: false,
        }
    }
}
