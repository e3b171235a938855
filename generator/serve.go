package main

import (
	"fmt"
	"io"
)

func cmdServe(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "planpress serve: not available yet")
	return exitUsage
}

func cmdNewYear(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "planpress new-year: not available yet")
	return exitUsage
}
