package main

func main() {
	switch {
	case true: f() case false:
	}
}
