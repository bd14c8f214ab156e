import type { ParseError, Parser, ParseResult } from 'papaparse'
import type { ProgressCallback, TextTable } from './table'
import Papa from 'papaparse'
import { toTable } from './table'

/** A parsed CSV/TSV text. */
export interface CsvTable extends TextTable {
  /** The delimiter used: ',', '\t', ';' or '|'. */
  delimiter: string
  /** Problems papaparse reported (unbalanced quotes ...), with 0-based data row numbers. */
  errors: { row: number, message: string }[]
}

const DELIMITERS = [',', '\t', ';', '|']

/** Guesses the delimiter from the start of the text: tab for pasted cells, ';' for European Excel. */
export function detectDelimiter(text: string): string {
  const sample = text.slice(0, 64 * 1024)
  const res = Papa.parse<string[]>(sample, { delimiter: '', delimitersToGuess: DELIMITERS, preview: 50 })
  return DELIMITERS.includes(res.meta.delimiter) ? res.meta.delimiter : ','
}

/**
 * Parses CSV (or TSV / ';'-separated) text with a header row. Quoted cells may hold the
 * delimiter, quotes ("") and newlines; a leading BOM is ignored; blank lines are dropped.
 */
export function parseCsv(text: string): CsvTable {
  const body = stripBom(text)
  const delimiter = detectDelimiter(body)
  const res = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: 'greedy' })
  return { ...toTable(res.data), delimiter, errors: res.errors.map(toError) }
}

/** Options of `parseCsvChunked`. */
export interface CsvChunkOptions {
  /** Called after each chunk with the fraction of text parsed. */
  onProgress?: ProgressCallback
  /** Aborting stops the parse; the promise rejects with the signal's reason. */
  signal?: AbortSignal
  /**
   * Characters per chunk.
   * @default 1_000_000
   */
  chunkSize?: number
}

/**
 * Parses large CSV text chunk by chunk, yielding to the event loop between chunks so
 * progress can be shown and a cancel message can arrive. Same result as `parseCsv`.
 */
export function parseCsvChunked(text: string, opts: CsvChunkOptions = {}): Promise<CsvTable> {
  const body = stripBom(text)
  const delimiter = detectDelimiter(body)
  const lines: string[][] = []
  const errors: CsvTable['errors'] = []
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(opts.signal.reason)
    Papa.parse<string[]>(body, {
      delimiter,
      skipEmptyLines: 'greedy',
      chunkSize: opts.chunkSize ?? 1_000_000,
      chunk(res: ParseResult<string[]>, parser: Parser) {
        for (const e of res.errors) errors.push(toError({ ...e, row: (e.row ?? 0) + lines.length }))
        for (const line of res.data) lines.push(line)
        opts.onProgress?.(body.length === 0 ? 1 : Math.min(1, res.meta.cursor / body.length))
        parser.pause()
        setTimeout(() => {
          if (opts.signal?.aborted) {
            parser.abort()
            reject(opts.signal.reason)
          }
          else {
            parser.resume()
          }
        }, 0)
      },
      complete() {
        if (opts.signal?.aborted) return
        const table = toTable(lines)
        resolve({ ...table, delimiter, errors })
      },
    })
  })
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xFEFF ? text.slice(1) : text
}

function toError(e: ParseError): { row: number, message: string } {
  // papaparse counts the header line as row 0; data rows start at 1.
  return { row: Math.max(0, (e.row ?? 0) - 1), message: e.message }
}
