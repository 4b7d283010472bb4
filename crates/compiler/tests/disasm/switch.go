package main

import "fmt"

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprint("int ", x)
	case fmt.Stringer:
		return x.String()
	default:
		return "other"
	}
}

func main() {
	for n := 0; n < 3; n++ {
		switch n {
		case 0:
			fallthrough
		case 1:
			fmt.Println("small", kind(n))
		default:
			fmt.Println("big", kind(nil))
		}
	}
}
