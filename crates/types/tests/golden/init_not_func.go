package main

var init = 3

func main() {}
