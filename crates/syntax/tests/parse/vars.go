package main

var a int
var b, c = 1, "s"
var d float64 = 2.5

var (
	e      []string
	f, g   int = 3, 4
	h          = map[string]int{}
)

func main() {
	var i int
	var j, k = f()
	var (
		l = 1
		m string
	)
	_, _, _, _, _ = i, j, k, l, m
}
