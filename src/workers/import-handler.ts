/** The work of the import worker, kept free of worker globals so it can run anywhere. */
import type { ImportPlan } from '../core/io/import-types'
import type { FileRefusal } from '../core/io/sniff'
import type { BuildRequest, ImportRequest, ImportResponse, ParsedFile, ParseOptions, PlanRequest } from './import-protocol'
import type { RecordRow } from '../core/schema/types'
import { builtBatches } from '../core/io/built-batches'
import { packBatch } from '../core/io/packed-batch'
import { remainingPlan } from '../core/io/import-batches'
import { planSummary } from '../core/io/plan-summary'
import { parseCsvChunked } from '../core/io/csv-parse'
import { detectDateFormat } from '../core/io/date-format'
import { decodeText } from '../core/io/decode'
import { fileFingerprint } from '../core/io/import-journal'
import { checkWidth, sniffBinary } from '../core/io/sniff'
import { inferFields } from '../core/io/infer-fields'
import { planImport } from '../core/io/plan-import'
import { readXlsx } from '../core/io/xlsx'
import { validatorFor } from '../core/records/validator-cache'
import { completeChoices } from './complete-choices'
import { BUILD_AHEAD } from './import-protocol'

type Post = (msg: ImportResponse) => void

/** Thrown inside the handler for a file it will not import; posted as a refusal. */
class Refused extends Error {
  constructor(readonly refusal: FileRefusal) {
    super(refusal.kind)
  }
}

const running = new Map<number, AbortController>()
/** The rows of the file read last, which a plan of the whole file names (`fileId`) instead of sending them back. */
let keptFile: { id: number, rows: string[][] } | undefined
/** The last plan made with `keep`, which a build request writes without sending it back. */
let kept: { id: number, plan: ImportPlan, existing: readonly RecordRow[] } | undefined
/** Per running build: the last batch the page committed, and the build waiting for it. */
const acks = new Map<number, { acked: number, wake?: () => void }>()

/** Handles one request; replies through `post`. A 'cancel' aborts the request with that id. */
export async function handleImportRequest(req: ImportRequest, post: Post): Promise<void> {
  if (req.type === 'cancel') {
    running.get(req.id)?.abort(new Error('cancelled'))
    return
  }
  if (req.type === 'ack') {
    const flow = acks.get(req.id)
    if (flow) {
      flow.acked = Math.max(flow.acked, req.index)
      flow.wake?.()
    }
    return
  }
  const ctrl = new AbortController()
  running.set(req.id, ctrl)
  try {
    if (req.type === 'parse') {
      keptFile = undefined
      const result = await parseFile(req.bytes, req.options, ctrl.signal, f => post({ type: 'progress', id: req.id, phase: 'parse', fraction: f }))
      keptFile = { id: req.id, rows: result.rows }
      const head = req.options.head
      const rows = head !== undefined && head < result.rows.length ? result.rows.slice(0, Math.max(0, head)) : result.rows
      post({ type: 'parsed', id: req.id, result: { ...result, rows, rowCount: result.rows.length, fileId: req.id } })
    }
    else if (req.type === 'build') post({ type: 'built', id: req.id, result: await build(req.id, req.input, ctrl.signal, post) })
    else if (req.type === 'plan-of') post({ type: 'planned', id: req.id, result: keptPlan(req.planId).plan })
    else {
      const result = plan(req.input)
      if (req.keep) kept = { id: req.id, plan: result, existing: req.input.existing }
      post({ type: 'planned', id: req.id, result: req.keep ? planSummary(result) : result })
    }
  }
  catch (e) {
    post({ type: 'error', id: req.id, message: e instanceof Error ? e.message : String(e), cancelled: ctrl.signal.aborted, ...(e instanceof Refused ? { refusal: e.refusal } : {}) })
  }
  finally {
    running.delete(req.id)
    acks.delete(req.id)
  }
}

/** The plan kept by the check `planId`; throws when another check has replaced it. */
function keptPlan(planId: number): NonNullable<typeof kept> {
  if (!kept || kept.id !== planId) throw new Error('the checked plan is no longer held; check the file again')
  return kept
}

/** A turn of the event loop (messages handled: acks, cancel), without a timer's clamping. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const c = new MessageChannel()
    c.port1.onmessage = () => {
      c.port1.close()
      resolve()
    }
    c.port2.postMessage(0)
  })
}

/**
 * Builds the kept plan's batches into records (defaults, formulas, serials, stage events) and
 * posts each as soon as it is built, staying at most `BUILD_AHEAD` batches ahead of the page's
 * commits: the page commits batch i while batch i+1 is built here.
 */
async function build(id: number, input: BuildRequest, signal: AbortSignal, post: Post): Promise<{ batches: number }> {
  const held = keptPlan(input.planId)
  const flow: { acked: number, wake?: () => void } = { acked: -1 }
  acks.set(id, flow)
  signal.addEventListener('abort', () => flow.wake?.())
  const rest = remainingPlan(held.plan, input.importId, new Set(input.stored))
  const batches = builtBatches(rest, {
    form: input.form,
    existing: held.existing,
    validate: validatorFor(input.form),
    importId: input.importId,
    batchSize: input.batchSize,
    context: () => ({ now: Date.now(), memberId: input.memberId, formula: { forms: input.forms } }),
    stageDates: input.stageDates,
  })
  let count = 0
  for (const batch of batches) {
    signal.throwIfAborted()
    // Its records and events as the chunks storage keeps: the page stores them without encoding.
    post({ type: 'batch', id, batch: packBatch(batch) })
    count++
    await nextTask()
    while (batch.index - flow.acked >= BUILD_AHEAD && !signal.aborted) await new Promise<void>(resolve => (flow.wake = resolve))
    signal.throwIfAborted()
  }
  return { batches: count }
}

/**
 * Reads a file: an .xlsx name is read as a workbook; anything else must be text (a zip, as an
 * .xlsx renamed to .csv is, an image or other binary file is refused), and no file may have
 * more than `MAX_IMPORT_COLUMNS` columns.
 */
async function parseFile(bytes: Uint8Array, opts: ParseOptions, signal: AbortSignal, onProgress: (f: number) => void): Promise<Omit<ParsedFile, 'fileId' | 'rowCount'>> {
  let file: Omit<ParsedFile, 'dateFormat' | 'proposedFields' | 'fileId' | 'rowCount'>
  const fingerprint = fileFingerprint(bytes)
  if (/\.xlsx$/i.test(opts.fileName)) {
    const t = await readXlsx(bytes, opts.sheet)
    file = { kind: 'xlsx', headers: t.headers, rows: t.rows, sheetNames: t.sheetNames, warnings: [], wideRows: t.wideRows, wideRowCount: t.wideRowCount, fingerprint }
  }
  else {
    const binary = sniffBinary(bytes)
    if (binary) throw new Refused(binary)
    const decoded = decodeText(bytes, opts.encoding ?? 'auto')
    const t = await parseCsvChunked(decoded.text, { signal, onProgress })
    file = { kind: 'csv', headers: t.headers, rows: t.rows, encoding: decoded.encoding, ...(decoded.doubt ? { encodingDoubt: decoded.doubt } : {}), delimiter: t.delimiter, warnings: t.errors, wideRows: t.wideRows, wideRowCount: t.wideRowCount, fingerprint }
  }
  const tooWide = checkWidth(file.headers.length)
  if (tooWide) throw new Refused(tooWide)
  onProgress(1)
  const sample = file.rows.slice(0, opts.sampleSize ?? 2000)
  const inferred = inferFields(file.headers, sample)
  const proposedFields = opts.proposals === 'sample' ? inferred : completeChoices(inferred, file.rows)
  const dateCols = proposedFields.flatMap((f, i) => (f.type === 'date' ? [i] : []))
  const dateFormat = detectDateFormat(sample.flatMap(r => dateCols.map(i => r[i] ?? '')))
  return { ...file, proposedFields, dateFormat }
}

function plan(input: PlanRequest): ImportPlan {
  const titles = input.relationTitles ?? {}
  const rows = input.rows ?? (keptFile && keptFile.id === input.fileId ? keptFile.rows : undefined)
  if (!rows) throw new Error('the file is no longer held; choose it again')
  return planImport({
    ...input,
    rows,
    validate: validatorFor(input.form),
    relationTitles: formId => new Map(titles[formId] ?? []),
  })
}
