// Values of type parameters become interface values: each instantiation boxes its
// concrete type argument (and an interface type argument is not boxed again).
package main

import "fmt"

type Celsius float64

func (c Celsius) String() string { return fmt.Sprintf("%.1fC", float64(c)) }

type Stringer interface{ String() string }

type StringNumber interface {
	~float64
	String() string
}

func Show[T any](x T) { fmt.Println(x) }

func Describe[T any](x T) string {
	switch v := any(x).(type) {
	case int:
		return fmt.Sprint("int ", v)
	case string:
		return "string " + v
	case fmt.Stringer:
		return "stringer " + v.String()
	}
	return "other"
}

func Eq[T comparable](x, y T) bool { return x == y }

func Box[T any](x T) any {
	var v any = x
	return v
}

func Str[T StringNumber](x T) string {
	var s fmt.Stringer = x
	var s2 Stringer = x
	_, ok := any(x).(Celsius)
	return s.String() + s2.String() + fmt.Sprint(ok)
}

func main() {
	Show(3)
	Show("hi")
	Show(Celsius(2))
	Show[any](nil)
	Show[any](7)
	fmt.Println(Describe(1), Describe("a"), Describe(Celsius(3)), Describe(2.5))
	fmt.Println(Eq(1, 1), Eq("a", "b"))
	fmt.Println(Box(5), Box[any](Box(6)), Box[error](nil) == nil)
	fmt.Println(Str(Celsius(1.5)))
	var e any = Box(Celsius(4))
	if c, ok := e.(Celsius); ok {
		fmt.Println("celsius", c)
	}
}
