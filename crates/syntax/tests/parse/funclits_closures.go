package main

func main() {
	counter := func() func() int {
		n := 0
		return func() int {
			n++
			return n
		}
	}()
	defer func() {
		if r := recover(); r != nil {
			println(r)
		}
	}()
	go func(id int) {
		counter()
	}(1)
	var handler func(string) (int, error)
	_ = handler
}
