package main

func main() {
	select {
	case v := <-in:
		_ = v
	case v, ok := <-in:
		_, _ = v, ok
	case x = <-in:
	case <-time.After(time.Second):
	case out <- 1:
	default:
	}
	select {}
	for {
		select {
		case <-done:
			return
		}
	}
}
