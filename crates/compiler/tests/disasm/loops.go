package main

func main() {
	total := 0
outer:
	for i := range 4 {
		for j := 0; j < 4; j++ {
			if j > i {
				continue outer
			}
			if i == 3 {
				break outer
			}
			total += j
		}
	}
	for k, r := range "hé" {
		total += k + int(r)
	}
	m := map[string]int{"a": 1}
	for _, v := range m {
		total += v
	}
	ch := make(chan int, 1)
	ch <- 5
	close(ch)
	for v := range ch {
		total += v
	}
	println(total)
}
