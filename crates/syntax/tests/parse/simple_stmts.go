package main

func main() {
	x := 1
	x = 2
	x += 3
	x -= 1
	x *= 2
	x /= 2
	x %= 5
	x <<= 1
	x >>= 1
	x &= 7
	x |= 8
	x ^= 1
	x &^= 2
	x++
	x--
	a, b := 1, 2
	a, b = b, a
	ch <- x
	go worker(ch)
	defer wg.Done()
	go func() {}()
	;
	f()
	return
}
