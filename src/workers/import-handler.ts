/** The work of the import worker, kept free of worker globals so it can run anywhere. */
import type { ImportPlan } from '../core/io/import-types'
import type { ImportRequest, ImportResponse, ParsedFile, ParseOptions, PlanRequest } from './import-protocol'
import { parseCsvChunked } from '../core/io/csv-parse'
import { detectDateFormat } from '../core/io/date-format'
import { decodeText } from '../core/io/decode'
import { inferFields } from '../core/io/infer-fields'
import { planImport } from '../core/io/plan-import'
import { readXlsx } from '../core/io/xlsx'
import { validatorFor } from '../core/records/validator-cache'
import { completeChoices } from './complete-choices'

type Post = (msg: ImportResponse) => void

const running = new Map<number, AbortController>()

/** Handles one request; replies through `post`. A 'cancel' aborts the request with that id. */
export async function handleImportRequest(req: ImportRequest, post: Post): Promise<void> {
  if (req.type === 'cancel') {
    running.get(req.id)?.abort(new Error('cancelled'))
    return
  }
  const ctrl = new AbortController()
  running.set(req.id, ctrl)
  try {
    if (req.type === 'parse') post({ type: 'parsed', id: req.id, result: await parseFile(req.bytes, req.options, ctrl.signal, f => post({ type: 'progress', id: req.id, phase: 'parse', fraction: f })) })
    else post({ type: 'planned', id: req.id, result: plan(req.input) })
  }
  catch (e) {
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e), cancelled: ctrl.signal.aborted })
  }
  finally {
    running.delete(req.id)
  }
}

/** True for a ZIP container (XLSX) or an .xlsx name. */
function isXlsx(bytes: Uint8Array, fileName: string): boolean {
  return /\.xlsx$/i.test(fileName) || (bytes[0] === 0x50 && bytes[1] === 0x4B && bytes[2] === 0x03 && bytes[3] === 0x04)
}

async function parseFile(bytes: Uint8Array, opts: ParseOptions, signal: AbortSignal, onProgress: (f: number) => void): Promise<ParsedFile> {
  let file: Omit<ParsedFile, 'dateFormat' | 'proposedFields'>
  if (isXlsx(bytes, opts.fileName)) {
    const t = await readXlsx(bytes, opts.sheet)
    file = { kind: 'xlsx', headers: t.headers, rows: t.rows, sheetNames: t.sheetNames, warnings: [] }
  }
  else {
    const decoded = decodeText(bytes, opts.encoding ?? 'auto')
    const t = await parseCsvChunked(decoded.text, { signal, onProgress })
    file = { kind: 'csv', headers: t.headers, rows: t.rows, encoding: decoded.encoding, delimiter: t.delimiter, warnings: t.errors }
  }
  onProgress(1)
  const sample = file.rows.slice(0, opts.sampleSize ?? 2000)
  const proposedFields = completeChoices(inferFields(file.headers, sample), file.rows)
  const dateCols = proposedFields.flatMap((f, i) => (f.type === 'date' ? [i] : []))
  const dateFormat = detectDateFormat(sample.flatMap(r => dateCols.map(i => r[i] ?? '')))
  return { ...file, proposedFields, dateFormat }
}

function plan(input: PlanRequest): ImportPlan {
  const titles = input.relationTitles ?? {}
  return planImport({
    ...input,
    validate: validatorFor(input.form),
    relationTitles: formId => new Map(titles[formId] ?? []),
  })
}
