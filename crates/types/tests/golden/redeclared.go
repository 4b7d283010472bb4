package main

type T struct{ a, a int }

func main() {}
