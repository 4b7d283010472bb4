package main

import "fmt"

func sign(n int) string {
	if n > 0 {
		return "positive"
	} else if n < 0 {
		return "negative"
	}
} // ERROR "missing return"

func loops(n int) int {
	for {
		if n > 3 {
			return n
		}
		n++
	}
}

func broken(n int) int {
	for {
		if n > 3 {
			break
		}
	}
} // ERROR "missing return"

func sw(n int) int {
	switch {
	case n > 0:
		return 1
	default:
		panic("no")
	}
}

func main() {
	break    // ERROR "break is not in a loop, switch, or select"
	continue // ERROR "continue is not in a loop"
outer:
	for i := 0; i < 3; i++ {
		switch i {
		case 0:
			fallthrough
		case 1:
			continue outer
		case 2:
			fallthrough // ERROR "cannot fallthrough final case in switch"
		}
	}
	if 1 { // ERROR "non-boolean condition in if statement"
	}
	fmt.Println(sign(1), loops(1), broken(1), sw(1))
	goto end // ERROR "goto is not supported by Goroscope"
}
