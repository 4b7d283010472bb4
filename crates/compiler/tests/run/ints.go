package main

import "fmt"

func main() {
	var i8 int8 = 127
	i8++
	var u8 uint8 = 0
	u8--
	var u16 uint16 = 65535
	u16 += 2
	var i32 int32 = -2147483648
	i32 = -i32
	var u uint = 0
	u--
	x := -7
	fmt.Println(i8, u8, u16, i32, u, x/2, x%3, x>>1, uint32(x))
	fmt.Println(^uint8(5), ^5, 1<<3|1, 6&^3, u/3, u%10)
	var sh uint = 70
	fmt.Println(1<<sh, -1>>sh, int64(1)<<(sh-7))
	f := 3.9
	fmt.Println(int(f), int(-f), float64(7)/2, uint8(300+x))
	n := 1000
	fmt.Println(int8(n), uint16(n*100), min(3, n, -2), max(2.5, 1.0))
	b := byte('a')
	b += 25
	fmt.Println(string(rune(b)), string(rune(0x4e16)), 'x')
}
