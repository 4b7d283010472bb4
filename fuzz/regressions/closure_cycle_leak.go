// fuzz finding (machine target, LeakSanitizer): a recursive closure is a reference
// cycle (the cell of f holds the FuncVal, whose captures hold the cell), and the
// runtime's Rc heap never frees it: the memory outlives the Machine.
package main

func main() {
	var f func()
	f = func() { _ = f }
}
