package main

import (
	"fmt"
	"strings"
)

type Node struct {
	Val  int
	Next *Node
}

type Tree struct {
	Name     string
	Children []*Tree
}

func (t *Tree) Walk(depth int, out *[]string) {
	*out = append(*out, strings.Repeat(" ", depth)+t.Name)
	for _, c := range t.Children {
		c.Walk(depth+1, out)
	}
}

type Expr interface{ Eval() int }
type Num int
type Add struct{ L, R Expr }

func (n Num) Eval() int { return int(n) }
func (a Add) Eval() int { return a.L.Eval() + a.R.Eval() }

func main() {
	var head *Node
	for i := range 4 {
		head = &Node{i, head}
	}
	sum := 0
	for n := head; n != nil; n = n.Next {
		sum = sum*10 + n.Val
	}
	fmt.Println(sum, head.Next.Next.Val)

	t := &Tree{"root", []*Tree{{"a", nil}, {"b", []*Tree{{"c", nil}}}}}
	var lines []string
	t.Walk(0, &lines)
	fmt.Println(strings.Join(lines, "|"))

	e := Add{Num(1), Add{Num(2), Num(3)}}
	fmt.Println(e.Eval(), e)
	fmt.Printf("%v %+v\n", *head.Next.Next.Next, Node{Val: 9})
}
