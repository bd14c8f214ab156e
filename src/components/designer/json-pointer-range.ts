/**
 * Maps a JSON pointer (an ajv / validateDocument issue path) to the text range of that value
 * in a JSON text, so errors can be marked where they are. A pointer into a missing key marks
 * the nearest enclosing value that exists.
 */

/** A character range [from, to) in the text. */
export interface TextRange { from: number, to: number }

interface Node {
  from: number
  to: number
  children?: Map<string, Node>
}

class Scanner {
  i = 0
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++
  }

  value(): Node {
    this.ws()
    const from = this.i
    const c = this.s[this.i]
    if (c === '{') return this.object(from)
    if (c === '[') return this.array(from)
    if (c === '"') { this.string(); return { from, to: this.i } }
    while (this.i < this.s.length && !/[\s,\]}]/.test(this.s[this.i]!)) this.i++
    if (this.i === from) throw new Error('value expected')
    return { from, to: this.i }
  }

  string(): string {
    const start = this.i++
    while (this.i < this.s.length && this.s[this.i] !== '"') this.i += this.s[this.i] === '\\' ? 2 : 1
    this.i++
    return JSON.parse(this.s.slice(start, this.i)) as string
  }

  object(from: number): Node {
    const children = new Map<string, Node>()
    this.i++
    this.ws()
    while (this.s[this.i] !== '}') {
      this.ws()
      const key = this.string()
      this.ws()
      this.i++ // ':'
      children.set(key, this.value())
      this.ws()
      if (this.s[this.i] === ',') this.i++
      else if (this.s[this.i] !== '}') throw new Error('object')
      this.ws()
    }
    this.i++
    return { from, to: this.i, children }
  }

  array(from: number): Node {
    const children = new Map<string, Node>()
    this.i++
    this.ws()
    let n = 0
    while (this.s[this.i] !== ']') {
      children.set(String(n++), this.value())
      this.ws()
      if (this.s[this.i] === ',') this.i++
      else if (this.s[this.i] !== ']') throw new Error('array')
      this.ws()
    }
    this.i++
    return { from, to: this.i, children }
  }
}

function segments(pointer: string): string[] {
  if (pointer === '') return []
  return pointer.slice(1).split('/').map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The range of the value at `pointer` (or of its nearest existing ancestor); undefined when the text does not parse. */
export function pointerRange(text: string, pointer: string): TextRange | undefined {
  let root: Node
  try {
    root = new Scanner(text).value()
  }
  catch {
    return undefined
  }
  let node = root
  for (const seg of segments(pointer)) {
    const next = node.children?.get(seg)
    if (!next) break
    node = next
  }
  // Mark only the first line of a large value, so the whole document does not turn red.
  const nl = text.indexOf('\n', node.from)
  return { from: node.from, to: nl > node.from && nl < node.to ? nl : node.to }
}

/** Where a JSON text stops parsing (for marking a syntax error), or undefined when it parses. */
export function syntaxErrorOffset(text: string): number | undefined {
  const scanner = new Scanner(text)
  try {
    scanner.value()
    scanner.ws()
    return scanner.i < text.length ? scanner.i : undefined
  }
  catch {
    return Math.min(scanner.i, Math.max(text.length - 1, 0))
  }
}
