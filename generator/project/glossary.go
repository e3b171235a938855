package project

// termMatcher finds which of many terms occur in a text (Aho–Corasick):
// building it is linear in the total length of the terms, and a search is
// linear in the text plus the number of distinct terms it finds, however
// many terms there are and however they overlap (a term inside another,
// 碳中和 in 碳達峰碳中和, is found too).
type termMatcher struct {
	next map[uint64]int32 // node<<21 | rune → child node
	fail []int32          // longest proper suffix that is a node
	out  []int32          // term ending at the node, or -1
	dict []int32          // nearest node on the fail chain with a term, or -1
}

func edge(node int32, r rune) uint64 { return uint64(node)<<21 | uint64(r&0x1fffff) }

// newTermMatcher indexes terms; term i is reported as i. Empty terms are
// never found; of equal terms, the first is reported.
func newTermMatcher(terms []string) *termMatcher {
	m := &termMatcher{next: map[uint64]int32{}, fail: []int32{0}, out: []int32{-1}, dict: []int32{-1}}
	children := [][]int32{nil} // for the breadth-first pass
	via := []rune{0}           // the rune that leads to each node
	for i, t := range terms {
		if t == "" {
			continue
		}
		node := int32(0)
		for _, r := range t {
			child, ok := m.next[edge(node, r)]
			if !ok {
				child = int32(len(m.fail))
				m.next[edge(node, r)] = child
				m.fail = append(m.fail, 0)
				m.out = append(m.out, -1)
				m.dict = append(m.dict, -1)
				children = append(children, nil)
				via = append(via, r)
				children[node] = append(children[node], child)
			}
			node = child
		}
		if m.out[node] < 0 {
			m.out[node] = int32(i)
		}
	}
	queue := append([]int32(nil), children[0]...)
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		for _, child := range children[node] {
			f := int32(0)
			if node != 0 {
				for g := m.fail[node]; ; g = m.fail[g] {
					if c, ok := m.next[edge(g, via[child])]; ok {
						f = c
						break
					}
					if g == 0 {
						break
					}
				}
			}
			m.fail[child] = f
			if m.out[f] >= 0 {
				m.dict[child] = f
			} else {
				m.dict[child] = m.dict[f]
			}
			queue = append(queue, child)
		}
	}
	return m
}

// find calls found once for each distinct term that occurs in text.
// seen is scratch space of the matcher's size, all false; find leaves it
// so.
func (m *termMatcher) find(text string, seen []bool, found func(term int)) {
	var marked []int32
	node := int32(0)
	for _, r := range text {
		for {
			if c, ok := m.next[edge(node, r)]; ok {
				node = c
				break
			}
			if node == 0 {
				break
			}
			node = m.fail[node]
		}
		// the terms ending here: the node's own and those of its fail
		// chain; a node seen before in this text had its chain reported
		for n := node; n > 0 && !seen[n]; {
			if m.out[n] >= 0 {
				seen[n] = true
				marked = append(marked, n)
				found(int(m.out[n]))
			}
			n = m.dict[n]
		}
	}
	for _, n := range marked {
		seen[n] = false
	}
}

// size is the length of the scratch space find needs.
func (m *termMatcher) size() int { return len(m.fail) }
