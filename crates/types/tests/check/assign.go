package main

import "fmt"

func pair() (int, string) { return 1, "a" }

func takesString(s string) {}

func retInt() int {
	return "no" // ERROR "cannot use \"no\" (untyped string constant) as int value in return statement"
}

func main() {
	n := 1
	var s string = n // ERROR "cannot use n (variable of type int) as string value in variable declaration"
	s = n            // ERROR "cannot use n (variable of type int) as string value in assignment"
	takesString(n)   // ERROR "cannot use n (variable of type int) as string value in argument to takesString"
	n := 2           // ERROR "no new variables on left side of :="
	a, b := 1        // ERROR "assignment mismatch: 2 variables but 1 value"
	c := pair()      // ERROR "assignment mismatch: 1 variable but pair returns 2 values"
	var i8 int8 = 300 // ERROR "cannot use 300 (untyped int constant) as int8 value in variable declaration (overflows)"
	var f int = 2.5  // ERROR "cannot use 2.5 (untyped float constant) as int value in variable declaration (truncated)"
	fmt.Println(s, a, b, c, i8, f, retInt())
}
