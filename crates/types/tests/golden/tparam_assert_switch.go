package main

import "fmt"

func F[T any](x T) {
	switch x.(type) {
	}
	_ = x.(int)
	var p *T
	var q any = p
	fmt.Println(q != nil)
	switch any(x).(type) {
	case int:
	}
	_, _ = any(x).(int)
}

func main() { F(1) }
