package main

import "fmt"

var _ = fmt.Sprint

func main() {
	nums := []int{1, 2}
	for i := range nums {
		fmt.Println(nums[i])
	}
	fmt.Println(nums.len)
}
