/** A row with cells beyond the header's width. */
export interface WideRow {
  /** Line as the user sees it: data row index + 2 (line 1 is the header). */
  line: number
  /** Cells past the last header, up to the last non-empty one. */
  extra: number
}

/** Wide rows listed at most (the count is always exact). */
export const WIDE_ROWS_LISTED = 100

/** A parsed sheet: the header row and the data rows, every cell as text. */
export interface TextTable {
  headers: string[]
  /** Data rows, each exactly as long as `headers` (short rows padded with ''). */
  rows: string[][]
  /** Rows that had non-empty cells beyond the headers (cut off in `rows`): the first `WIDE_ROWS_LISTED`. */
  wideRows: WideRow[]
  /** How many rows were wider than the header. */
  wideRowCount: number
}

/** Progress of a long-running step, 0..1. */
export type ProgressCallback = (fraction: number) => void

/** The headers and rows of raw parsed lines (first line = headers); blank lines dropped. */
export function toTable(lines: string[][]): TextTable {
  const nonBlank = lines.filter(line => line.some(cell => cell.trim() !== ''))
  const [first = [], ...rest] = nonBlank
  const headers = first.map(h => h.trim())
  const wideRows: WideRow[] = []
  let wideRowCount = 0
  const rows = rest.map((line, i) => {
    const extra = extraCells(line, headers.length)
    if (extra > 0) {
      wideRowCount++
      if (wideRows.length < WIDE_ROWS_LISTED) wideRows.push({ line: i + 2, extra })
    }
    return fitRow(line, headers.length)
  })
  return { headers, rows, wideRows, wideRowCount }
}

/** Cells of `line` beyond `width` up to its last non-empty cell (trailing blanks are no data). */
function extraCells(line: readonly string[], width: number): number {
  for (let i = line.length - 1; i >= width; i--) {
    if ((line[i] ?? '').trim() !== '') return i + 1 - width
  }
  return 0
}

/**
 * A row cut or padded to `width` cells. Cells beyond the headers are dropped (`toTable`
 * reports them). A line that
 * already fits is returned as it is, not copied (100k rows of a parsed file are not shared).
 */
export function fitRow(line: readonly string[], width: number): string[] {
  if (line.length === width) return line as string[]
  const row = line.slice(0, width)
  while (row.length < width) row.push('')
  return row
}
