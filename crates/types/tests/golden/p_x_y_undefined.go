package main

func main() {
	var p *struct{ x int }
	_ = p.x.y
}
