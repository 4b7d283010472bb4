package main

import "fmt"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func classify(n int) (s string) {
	defer func() {
		if r := recover(); r != nil {
			s = fmt.Sprint("recovered ", r)
		}
	}()
	switch {
	case n < 0:
		panic("negative")
	case n == 0:
		return "zero"
	}
	arr := []int{1}
	return fmt.Sprint(arr[n])
}

func main() {
	fmt.Println(fib(15))
	fmt.Println(classify(-1), classify(0), classify(5))

	var fs []func() int
	for i := range 3 {
		fs = append(fs, func() int { return i * 10 })
	}
	for _, x := range []int{7, 8} {
		fs = append(fs, func() int { return x })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()

	count := 0
outer:
	for i := 0; ; i++ {
		switch {
		case i%2 == 0:
			continue
		case i > 7:
			break outer
		}
		ch := make(chan int, 1)
		select {
		case ch <- i:
			count += <-ch
			if count > 100 {
				break
			}
		default:
		}
	}
	fmt.Println(count)

	s := "aé\xffz"
	for i, r := range s {
		fmt.Print(i, ":", r, " ")
	}
	fmt.Println(len(s), []byte(s)[1], string([]rune(s)[1]), []rune(s)[2])
	bs := []byte("hi")
	bs = append(bs, " there"...)
	fmt.Println(string(bs), string(bs[:2]) == "hi")

	var iface any = 3
	switch v := iface.(type) {
	case string, int:
		fmt.Printf("%T %v\n", v, v)
	}
	x := 10
	p := &x
	*p += 5
	pp := &p
	**pp *= 2
	fmt.Println(x, *p == 30)
}
