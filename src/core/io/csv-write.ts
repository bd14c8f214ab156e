/** Writing CSV text that Excel opens correctly, Chinese included. */

/** The UTF-8 byte-order mark: without it Excel reads a UTF-8 CSV as the system code page. */
export const UTF8_BOM = '\uFEFF'

/** One CSV cell, quoted when it holds a comma, quote, newline or edge spaces. */
export function quoteCsvCell(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * CSV text of a header row and data rows: comma-separated, CRLF line ends (RFC 4180), with a
 * leading UTF-8 BOM unless `bom` is false. Cells are written as given (escape formulas first).
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[], bom = true): string {
  const lines = [headers, ...rows].map(line => line.map(quoteCsvCell).join(','))
  return (bom ? UTF8_BOM : '') + lines.join('\r\n') + '\r\n'
}
