package main

func main() {
	ch := make(chan int)
	v, ok, z := <-ch
	_, _, _ = v, ok, z
}
