// Command planpress builds the plan's bilingual report site and PDFs.
package main

import (
	"fmt"
	"os"

	"planpress/generator/plan"
)

func main() {
	if len(os.Args) >= 3 && os.Args[1] == "import" {
		f, err := os.Open(os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		d, err := plan.Import(f, os.Args[2])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := d.WriteContent("content/zh-Hant/plan"); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
