package main

import (
	"fmt"
	"os" // ERROR "\"os\" imported and not used"
	str "strings" // ERROR "\"strings\" imported as str and not used"
)

func main() {
	x := 1 // ERROR "declared and not used: x"
	y := 2 // ERROR "declared and not used: y"
	y = 3  // assigning is not using
	var z int
	z++
	fmt.Println("hi")
L: // ERROR "label L defined and not used"
	for {
		break
	}
	var v any = 1
	switch t := v.(type) { // ERROR "t declared and not used"
	case int:
	}
	f := func() {
		w := 0 // ERROR "declared and not used: w"
	}
	f()
}
