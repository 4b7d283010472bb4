package main

func main() {
	switch x := f(); x {
	case 1, 2:
		a()
		fallthrough
	case 3:
	default:
		b()
	}
	switch {
	case x > 1:
	}
	switch y {
	}
	switch v := i.(type) {
	case int, int64:
		_ = v
	case nil:
	case []string, map[string]int, func(), *T, chan int:
	default:
	}
	switch i.(type) {
	case error:
	}
	switch x := 5; y := x.(type) {
	}
}
