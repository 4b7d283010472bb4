package main

func plain() {}

func args(a, b int, s string) (int, error) {
	return a + b, nil
}

func named() (x, y int) {
	return
}

func variadic(prefix string, xs ...int) int {
	return len(xs)
}

func unnamed(int, string) bool { return true }

func (p *Point) Move(dx int) { p.X += dx }

func (Point) Zero() Point { return Point{} }

func Map[T, U any](xs []T, f func(T) U) []U {
	return nil
}

func Larger[T int | float64 | string](a, b T) T {
	return a
}

func Keys[K comparable, V any](m map[K]V) []K {
	return nil
}

func returnsFunc() func(int) int {
	return func(x int) int { return x * 2 }
}

func main() {
	variadic("a", []int{1, 2}...)
}
