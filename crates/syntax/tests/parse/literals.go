package main

var ints = []int{0, 42, 1_000_000, 0x_FF, 0XAB, 0o17, 017, 0b1010, 0B1}
var floats = []float64{1.5, .5, 1., 1e9, 1E-3, 0x1p-2, 1_0.2_5}
var imag = 2i
var runes = []rune{'a', 'é', '\n', '\'', '\\', '\x41', '\101', '\u00e9', '\U0001F600'}
var strs = []string{"", "hi\tthere\n", "\xff\"", "héllo", `raw\n
line`}

func main() {}
