package main

func main() {
	var p *int
	_ = p.x
}
