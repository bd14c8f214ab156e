import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StageEventColumns } from '../../../../src/core/events'
import { asColumns, NO_STAGE } from '../../../../src/core/events'
import type { FieldOf } from '../../../../src/core/schema/types'
import type { StageModel, StageSummary } from '../../../../src/core/metrics'
import { buildStageModel, KIND_LOST, KIND_OPEN, KIND_WON, OUTCOME_LOST, OUTCOME_NONE, OUTCOME_OPEN, OUTCOME_WON, summarizeStageHistory } from '../../../../src/core/metrics'
import { groupEvents } from '../../../../src/core/metrics/group-events'
import type { RecordColumns } from '../../../../src/core/metrics/record-columns'
import { recordColumns } from '../../../../src/core/metrics/record-columns'
import { stageVisitCounts } from '../../../../src/core/metrics/stage-visit-counts'
import { stageField } from '../../../fixtures/metrics'
import { historiesArb } from '../../../fixtures/metrics-random'

const NONE = NO_STAGE
const OPEN = KIND_OPEN
const WON = KIND_WON
const LOST = KIND_LOST

const field = stageField()

describe('stage summary build', () => {
  it('should give exactly the summary of the two-pass build it replaced (visits, depths, outcomes, times) and count each stage\'s visits as they are', () => {
    fc.assert(fc.property(historiesArb, ({ records, events }) => {
      const cols = asColumns(events)
      const got = summarizeStageHistory(records, cols, field)
      const want = oldSummarizeColumns(recordColumns(records), cols, field)
      for (const k of ['count', 'current', 'outcome', 'depth', 'strictDepth', 'lostFrom', 'entryAt', 'closedAt', 'currentSince', 'visitOffset', 'visitStage', 'visitEnter', 'visitExit', 'visitInferred', 'lostUnknown', 'ignoredEvents'] as const) {
        expect([k, got[k]]).toEqual([k, want[k]])
      }
      // the counts kept by the build are the counts of its visits
      const n = got.model.openCount
      const done = new Uint32Array(n)
      const open = new Uint32Array(n)
      got.visitStage.forEach((code, v) => {
        const o = got.model.ordinal[code] as number
        if (o >= 0) (Number.isNaN(got.visitExit[v]) ? open : done)[o]!++
      })
      expect(stageVisitCounts(got)).toEqual({ done, open })
    }), { numRuns: 500 })
  })

  it('should give the same summary when it writes into a replaced summary\'s columns as when it allocates them', () => {
    const keys = ['count', 'current', 'outcome', 'depth', 'strictDepth', 'lostFrom', 'entryAt', 'closedAt', 'currentSince', 'visitOffset', 'visitStage', 'visitEnter', 'visitExit', 'visitInferred', 'lostUnknown', 'ignoredEvents'] as const
    let recycled = 0
    fc.assert(fc.property(historiesArb, historiesArb, (a, b) => {
      // the replaced summary: another form's, larger than b's (so its buffers are taken), with other values in them
      const old = summarizeStageHistory([...a.records, ...b.records], asColumns([...a.events, ...b.events]), field)
      const cols = asColumns(b.events)
      const got = summarizeStageHistory(b.records, cols, field, { recycle: old })
      const want = oldSummarizeColumns(recordColumns(b.records), cols, field)
      for (const k of keys) expect([k, got[k]]).toEqual([k, want[k]])
      if (got.depth.buffer === old.depth.buffer && got.visitEnter.buffer === old.visitEnter.buffer) recycled++
      // and a smaller replaced summary: whatever fits is taken, the rest allocated
      const again = summarizeStageHistory(b.records, cols, field, { recycle: summarizeStageHistory(a.records, asColumns(a.events), field) })
      for (const k of keys) expect([k, again[k]]).toEqual([k, want[k]])
    }), { numRuns: 300 })
    expect(recycled).toBeGreaterThan(250)
  })
})

// The build as it was before the one-loop rewrite (main a709c3c), kept as the oracle.
function oldSummarizeColumns(rc: RecordColumns, cols: StageEventColumns, field: FieldOf<'stage'>): StageSummary {
  const model = buildStageModel(field)
  const n = model.openCount
  const N = rc.count
  const { createdAt } = rc
  const valueCode = ownCodes(rc, field.id, model)
  const grouped = groupEvents(rc.join(cols), N, cols, field.id)
  const stageOf = stageCodes(cols, model)
  const { from: fromCol, to: toCol, at: atCol } = cols
  const { start, order } = grouped
  const cap = order.length + N
  const visitOffset = new Uint32Array(N + 1)
  const visitStage = new Int16Array(cap)
  const visitEnter = new Float64Array(cap)
  const visitExit = new Float64Array(cap)
  const visitInferred = new Uint8Array(cap)
  const current = new Int16Array(N)
  const outcome = new Uint8Array(N)
  const depth = new Int16Array(N)
  const strictDepth = new Int16Array(N)
  const lostFrom = new Int16Array(N).fill(-1)
  const entryAt = new Float64Array(N)
  const closedAt = new Float64Array(N).fill(Number.NaN)
  const currentSince = new Float64Array(N)
  let ignored = grouped.ignored
  let lostUnknown = 0
  let nv = 0
  const push = (code: number, at: number, inferred: number): void => {
    visitStage[nv] = code
    visitEnter[nv] = at
    visitExit[nv] = Number.NaN
    visitInferred[nv] = inferred
    nv++
  }
  for (let i = 0; i < N; i++) {
    const created = createdAt[i] as number
    const vStart = nv
    visitOffset[i] = vStart
    const s = start[i] as number
    const e = start[i + 1] as number
    let lastChange = Number.NaN
    let entry = created
    if (e > s) {
      const first = order[s] as number
      const from = fromCol[first] as number
      const firstAt = atCol[first] as number
      entry = from === NONE ? firstAt : Math.min(created, firstAt)
      if (from !== NONE && (stageOf[from] as number) >= 0) push(stageOf[from] as number, entry, 1)
      for (let j = s; j < e; j++) {
        const ev = order[j] as number
        const code = stageOf[toCol[ev] as number] as number
        if (code < 0) {
          ignored++
          continue
        }
        if (fromCol[ev] === NONE && j > s) continue
        const at = atCol[ev] as number
        lastChange = at
        if (nv > vStart && visitStage[nv - 1] === code) continue
        if (nv > vStart) visitExit[nv - 1] = at
        push(code, at, 0)
      }
    }
    const own = valueCode[i] as number
    const cur = own >= 0 ? own : (nv > vStart ? (visitStage[nv - 1] as number) : -1)
    if (nv === vStart) {
      entry = created
      if (cur >= 0 && model.kind[cur] === OPEN) push(cur, created, 1)
    }
    current[i] = cur
    entryAt[i] = entry
    currentSince[i] = nv > vStart && visitStage[nv - 1] === cur
      ? (visitEnter[nv - 1] as number)
      : (Number.isNaN(lastChange) ? created : lastChange)

    let maxOrd = -1
    let lastOpen = -1
    let lostFromAtLoss = -2
    let p = 0
    let strictWon = false
    let wonAt = Number.NaN
    let lostAt = Number.NaN
    for (let v = vStart; v < nv; v++) {
      const code = visitStage[v] as number
      const k = model.kind[code]
      if (k === OPEN) {
        const o = model.ordinal[code] as number
        if (o > maxOrd) maxOrd = o
        lastOpen = o
        if (o === p) p++
      }
      else if (k === WON) {
        wonAt = visitEnter[v] as number
        strictWon = p === n
      }
      else {
        lostAt = visitEnter[v] as number
        lostFromAtLoss = lastOpen
      }
    }
    if (cur < 0) {
      outcome[i] = OUTCOME_NONE
    }
    else if (model.kind[cur] === WON) {
      outcome[i] = OUTCOME_WON
      depth[i] = n + 1
      strictDepth[i] = strictWon ? n + 1 : p
      closedAt[i] = wonAt
    }
    else if (model.kind[cur] === LOST) {
      outcome[i] = OUTCOME_LOST
      const lf = lostFromAtLoss === -2 ? lastOpen : lostFromAtLoss
      lostFrom[i] = lf
      if (lf < 0) lostUnknown++
      depth[i] = Math.max(maxOrd + 1, 1)
      strictDepth[i] = p
      closedAt[i] = lostAt
    }
    else {
      outcome[i] = OUTCOME_OPEN
      depth[i] = Math.max(maxOrd, model.ordinal[cur] as number) + 1
      strictDepth[i] = p
    }
  }
  visitOffset[N] = nv
  const summary: StageSummary = {
    model,
    count: N,
    current,
    outcome,
    depth,
    strictDepth,
    lostFrom,
    entryAt,
    closedAt,
    currentSince,
    visitOffset,
    visitStage: visitStage.subarray(0, nv),
    visitEnter: visitEnter.subarray(0, nv),
    visitExit: visitExit.subarray(0, nv),
    visitInferred: visitInferred.subarray(0, nv),
    lostUnknown,
    ignoredEvents: ignored,
  }
  return summary
}

/** Stage code of each record's own value of the field, -1 when it has none or not a stage of the field. */
function ownCodes(rc: RecordColumns, fieldId: string, model: StageModel): Int16Array {
  const { codes, table } = rc.codes(fieldId)
  const stage = new Int16Array(table.length)
  for (let k = 0; k < table.length; k++) stage[k] = model.codeOf.get(table[k] as string) ?? -1
  const out = new Int16Array(rc.count)
  for (let i = 0; i < rc.count; i++) {
    const c = codes[i] as number
    out[i] = c < 0 ? -1 : stage[c] as number
  }
  return out
}

/** Stage code of each entry of the columns' name table, -1 for names that are not a stage of the model. */
function stageCodes(cols: StageEventColumns, model: StageModel): Int16Array {
  const out = new Int16Array(cols.names.length)
  cols.names.forEach((name, k) => {
    out[k] = model.codeOf.get(name) ?? -1
  })
  return out
}
