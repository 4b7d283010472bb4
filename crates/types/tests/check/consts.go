package main

import "fmt"

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

const big = 1 << 100

const small int8 = 100

func main() {
	var arr [Tuesday + 1]int
	var kb [KB / 1024]int
	fmt.Println(len(arr), len(kb), MB, big>>98)
	fmt.Println(byte(256))    // ERROR "constant 256 overflows byte"
	fmt.Println(small * 2)    // ERROR "small * 2 (constant 200 of type int8) overflows int8"
	fmt.Println(1 / 0)        // ERROR "invalid operation: division by zero"
	x := 10
	fmt.Println(x % 0)        // ERROR "invalid operation: division by zero"
	fmt.Println(iota)         // ERROR "cannot use iota outside constant declaration"
	fmt.Println(int(3.5))     // ERROR "cannot convert 3.5 (untyped float constant) to type int"
	const c = "s" + 1         // ERROR "mismatched types untyped string and untyped int"
	fmt.Println(c, x)
}

var cycleA = cycleB // ERROR "initialization cycle"
var cycleB = cycleA
