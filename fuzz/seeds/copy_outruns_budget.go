// fixed fuzz finding (machine target, timeout; bulk operations are now charged per
// element to the instruction budget, see crates/runtime/src/ops.rs): one `copy` (or `append`, `make`) instruction
// moves up to MAX_ELEMS (1<<26) values but is charged as one instruction, so a
// 1,000-instruction program runs for minutes (>150 s under the fuzz build with
// max_instructions 200_000). The instruction budget does not bound the work of a run.
package main

func main() {
	s := make([]int, 1<<23)
	for i := 0; i < 1000; i++ {
		copy(s, s[1:])
	}
}
