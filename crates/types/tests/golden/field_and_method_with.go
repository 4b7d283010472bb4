package main

type T struct{ X int }

func (t T) X() {}

func main() {}
