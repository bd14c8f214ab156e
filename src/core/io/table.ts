/** A parsed sheet: the header row and the data rows, every cell as text. */
export interface TextTable {
  headers: string[]
  /** Data rows, each exactly as long as `headers` (short rows padded with ''). */
  rows: string[][]
}

/** Progress of a long-running step, 0..1. */
export type ProgressCallback = (fraction: number) => void

/** The headers and rows of raw parsed lines (first line = headers); blank lines dropped. */
export function toTable(lines: string[][]): TextTable {
  const nonBlank = lines.filter(line => line.some(cell => cell.trim() !== ''))
  const [first = [], ...rest] = nonBlank
  const headers = first.map(h => h.trim())
  return { headers, rows: rest.map(line => fitRow(line, headers.length)) }
}

/**
 * A row cut or padded to `width` cells. Cells beyond the headers are dropped. A line that
 * already fits is returned as it is, not copied (100k rows of a parsed file are not shared).
 */
export function fitRow(line: readonly string[], width: number): string[] {
  if (line.length === width) return line as string[]
  const row = line.slice(0, width)
  while (row.length < width) row.push('')
  return row
}
