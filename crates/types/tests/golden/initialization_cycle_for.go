package main

const a = b
const b = a

func main() {}
