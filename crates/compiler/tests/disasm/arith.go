package main

func main() {
	a, b := 7, 2
	var i8 int8 = 127
	i8++
	var u uint8 = 3
	u -= 5
	f := 1.5
	println(a+b, a-b, a*b, a/b, a%b, a<<b, a>>b, a&^b, -a, ^a)
	println(i8, u, f*2, f > 1, a == b, "s"+"t" < "u")
}
