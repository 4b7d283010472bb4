package main

const Pi = 3.14159

const (
	A = iota
	B
	C
	_
	E
)

const (
	KB int64 = 1 << (10 * (iota + 1))
	MB
	GB
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
)

const x, y = 1, "two"

func main() {
	const local = 7
	const (
		p = iota * 2
		q
	)
}
