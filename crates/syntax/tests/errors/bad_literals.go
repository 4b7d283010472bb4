package main

func main() {
	a := 0x
	b := 1__0
	c := 089
	d := 'ab'
	e := "\q"
	f := ''
}
