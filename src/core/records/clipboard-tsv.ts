/**
 * Tab-separated text as spreadsheets put it on the clipboard (Excel, WPS, Google Sheets,
 * Numbers): a cell holding a tab, a line break or a double quote is wrapped in double quotes
 * with inner quotes doubled; rows end with CRLF or LF; the last row may end with a newline.
 */

function needsQuotes(cell: string): boolean {
  return /[\t\n\r"]/.test(cell)
}

/** Serializes rows of cell text as TSV the way Excel copies it (CRLF between rows, none at the end). */
export function serializeTsv(rows: readonly (readonly string[])[]): string {
  return rows
    .map(row => row.map(cell => (needsQuotes(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t'))
    .join('\r\n')
}

/**
 * Reads a quoted cell starting at `start` (on the opening quote). Returns the cell text and the
 * index after the closing quote, or undefined when the quote is not closed right before a tab,
 * a line break or the end: Excel then keeps the text literally.
 */
function readQuoted(text: string, start: number): { cell: string, end: number } | undefined {
  let out = ''
  let i = start + 1
  while (i < text.length) {
    const ch = text[i]!
    if (ch !== '"') {
      out += ch
      i++
      continue
    }
    if (text[i + 1] === '"') {
      out += '"'
      i += 2
      continue
    }
    const next = text[i + 1]
    if (next === undefined || next === '\t' || next === '\n' || next === '\r') return { cell: out, end: i + 1 }
    return undefined
  }
  return undefined
}

/**
 * Parses clipboard TSV into rows of cell text. Quoted cells may hold tabs, newlines and
 * doubled quotes; a stray quote inside an unquoted cell is kept as is. One trailing line
 * break is dropped; short rows are not padded.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let i = 0
  const n = text.length
  if (n === 0) return []
  while (i <= n) {
    let cell = ''
    if (text[i] === '"') {
      const quoted = readQuoted(text, i)
      if (quoted) {
        cell = quoted.cell
        i = quoted.end
      }
    }
    if (cell === '' && text[i] !== '\t' && text[i] !== '\n' && text[i] !== '\r' && i < n) {
      let j = i
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++
      cell = text.slice(i, j)
      i = j
    }
    row.push(cell)
    const sep = text[i]
    if (sep === '\t') {
      i++
      continue
    }
    rows.push(row)
    row = []
    if (sep === '\r') i += text[i + 1] === '\n' ? 2 : 1
    else if (sep === '\n') i++
    else break
    if (i >= n) break
  }
  return rows
}
