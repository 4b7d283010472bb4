package main

func main() {
	const c = f()
}

func f() int { return 1 }
