// fixed fuzz finding (machine target): after the virtual clock passes i64::MAX - EPOCH_NS,
// `Machine::now_ns` (crates/runtime/src/natives/time.rs, `EPOCH_NS + now as i64`)
// overflows on the next time.Now / time.Since. Debug builds panic ("attempt to add
// with overflow"); release builds wrap to a negative wall time.
package main

import (
	"fmt"
	"time"
)

func main() {
	time.Sleep(1<<63 - 1)
	fmt.Println(time.Since(time.Now()))
}
