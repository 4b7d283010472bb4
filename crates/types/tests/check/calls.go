package main

import "fmt"

func area(w, h int) int { return w * h }

func sum(xs ...int) int { return len(xs) }

type Counter struct{ n int }

func (c *Counter) Inc() { c.n++ }

func makeCounter() Counter { return Counter{} }

func main() {
	fmt.Println(area(4))       // ERROR "not enough arguments in call to area"
	fmt.Println(area(1, 2, 3)) // ERROR "too many arguments in call to area"
	fmt.Println(sum(), sum(1, 2), sum([]int{1}...))
	x := 5
	x()                 // ERROR "invalid operation: cannot call x (variable of type int): int is not a function"
	makeCounter().Inc() // ERROR "cannot call pointer method Inc on Counter"
	fmt.Println(len(1))  // ERROR "invalid argument: 1 (untyped int constant) for built-in len"
	fmt.Println(undefinedThing) // ERROR "undefined: undefinedThing"
	fmt.Println(fmt.Nope)       // ERROR "undefined: fmt.Nope"
	var m map[string]int
	fmt.Println(m.size) // ERROR "m.size undefined (type map[string]int has no field or method size)"
}
