/** Line and column (1-based) of a character offset, in one pass without copying the text. */
export function lineColumn(text: string, offset: number): { line: number, column: number } {
  let line = 1
  let lineStart = 0
  for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++
    lineStart = nl + 1
  }
  return { line, column: offset - lineStart + 1 }
}
