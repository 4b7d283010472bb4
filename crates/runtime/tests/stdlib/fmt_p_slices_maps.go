// %p of slices and maps prints their address, as Go's fmtPointer does: 0x0 when nil,
// the first element's address for a slice (so s and s[:1] agree, s[1:] does not).
package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	var n []int
	var m map[int]int
	full := map[string]int{"a": 1}
	fmt.Printf("%p %p\n", n, m)
	fmt.Println(fmt.Sprintf("%p", s) == fmt.Sprintf("%p", s[:1]), fmt.Sprintf("%p", s) == fmt.Sprintf("%p", s[1:]))
	fmt.Println(fmt.Sprintf("%p", full) == fmt.Sprintf("%p", full), fmt.Sprintf("%p", full) != "0x0")
	fmt.Printf("%v %d %v\n", s, s, full)
}
