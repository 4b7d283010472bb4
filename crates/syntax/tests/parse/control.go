package main

func main() {
	if x > 0 {
		a()
	} else if y := f(); y < 0 {
		b()
	} else {
		c()
	}
	for i := 0; i < 10; i++ {
	}
	for x < 5 {
		x++
	}
	for {
		break
	}
	for ; ; {
	}
	for range 3 {
	}
	for i := range 10 {
		_ = i
	}
	for k, v := range m {
		_, _ = k, v
	}
	for k = range m {
	}
	for _, r := range "héllo" {
		_ = r
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if i == 2 {
				break outer
			}
		}
	}
	goto end
end:
}
