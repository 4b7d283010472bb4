package main

import "fmt"

func two() (int, int) { return 1, 2 }

func main() {
	x := 1
	x      // ERROR "x (variable of type int) is not used"
	x + 1  // ERROR "x + 1 (value of type int) is not used"
	len("abc") // ERROR "len(\"abc\") (constant 3 of type int) is not used"
	go x   // ERROR "expression in go must be function call"
	defer fmt.Println(x)
	go func() {}()
	y := two() + 1 // ERROR "multiple-value two() (value of type (int, int)) in single-value context"
	fmt.Println(y)
}
