// fixed fuzz finding (machine target, out-of-memory; the heap cap Config::max_heap now
// ends the run with a limit message, see crates/runtime/src/value/meter.rs): make([]int, 1<<26) is within the
// runtime's MAX_ELEMS, but at 32 bytes per Value it allocates 2 GiB in one step (4x
// Go's 512 MiB); the machine has no memory budget, so in the browser the wasm
// allocation fails and the worker aborts instead of printing Go's
// "fatal error: runtime: out of memory".
package main

import "fmt"

func main() {
	s := make([]int, 1<<26)
	t := make([]int, 1<<26)
	fmt.Println(len(s) + len(t))
}
