// fixed fuzz finding (machine target): a timer that fires when the virtual clock is past
// i64::MAX - EPOCH_NS (about 252 years) overflows `EPOCH_NS + now_ns as i64` in
// `impl sched::Elem for Value { fn from_time }` (crates/runtime/src/machine.rs),
// reached from goroscope_sched's run_timers -> fire_timer. Debug builds panic
// ("attempt to add with overflow"); release builds wrap to a negative time.
// Go blocks here for ~292 years (no deadlock: a timer is pending).
package main

import "time"

func main() {
	<-time.After(1<<63 - 1)
}
