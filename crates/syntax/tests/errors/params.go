package main

func f(a int, string) {}

func g[T any, U]() {}

func main() {}
