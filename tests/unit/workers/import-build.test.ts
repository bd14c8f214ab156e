import type { BuiltBatch } from '../../../src/core/io/built-batches'
import type { PlanRequest } from '../../../src/workers/import-protocol'
import type { ImportResponse } from '../../../src/workers/import-protocol'
import { describe, expect, it } from 'vitest'
import { ImportCancelled } from '../../../src/workers/import-client'
import { handleImportRequest } from '../../../src/workers/import-handler'
import { BUILD_AHEAD } from '../../../src/workers/import-protocol'
import { inProcessImportClient } from '../../fixtures/io'
import { salesForm, until } from '../../fixtures/io-ui'

const form = salesForm()
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`商机${i}`, String(i * 10), i % 2 ? '方案报价' : '初步接洽'])
const request = (n: number): PlanRequest => ({ headers: ['名称', '金额', '阶段'], rows: rows(n), mapping: ['title', 'amount', 'stage'], form, existing: [] })
const buildOf = (planId: number, extra: { stored?: string[], batchSize?: number } = {}) => ({ planId, form, forms: [form], importId: 'imp', stored: extra.stored ?? [], batchSize: extra.batchSize ?? 4 })

/** A macrotask turn: the handler's own turns (acks, cancel) have run by then. */
const turn = () => new Promise(resolve => setTimeout(resolve, 0))

describe('import worker: building the kept plan', () => {
  it('should post built batches in order, at most BUILD_AHEAD ahead of the acknowledged commits', async () => {
    const posted: ImportResponse[] = []
    await handleImportRequest({ type: 'plan', id: 10, input: request(20), keep: true }, r => posted.push(r))
    // only the kept plan's summary is posted: no insert's values
    expect(posted.at(-1)).toMatchObject({ type: 'planned', result: { rejectedRows: 0, insertCount: 20, updateCount: 0, batchSize: 1000 } })
    expect(posted.at(-1)).not.toHaveProperty('result.inserts')
    posted.length = 0
    const done = handleImportRequest({ type: 'build', id: 11, input: buildOf(10) }, r => posted.push(r))
    await until(() => posted.length === BUILD_AHEAD, 'the first batches')
    for (let i = 0; i < 5; i++) await turn()
    // Nothing committed yet: the worker waits instead of building the whole import ahead.
    expect(posted.length).toBe(BUILD_AHEAD)
    for (let i = 0; i < 5; i++) {
      await handleImportRequest({ type: 'ack', id: 11, index: i }, () => {})
      await until(() => posted.length >= Math.min(5, i + 1 + BUILD_AHEAD), `batch ${i + BUILD_AHEAD + 1}`)
    }
    await done
    const batches = posted.flatMap(r => (r.type === 'batch' ? [r.batch] : []))
    expect(batches.map(b => [b.index, b.size])).toEqual([[0, 4], [1, 4], [2, 4], [3, 4], [4, 4]])
    expect(posted.at(-1)).toEqual({ type: 'built', id: 11, result: { batches: 5 } })
  })

  it('should stream the kept plan through the client, skip stored lines when resuming, and refuse a plan it no longer holds', async () => {
    const { client, sent } = inProcessImportClient()
    const planned = client.check(request(10))
    const plan = await planned.promise
    expect(plan.insertCount).toBe(10)
    expect((await client.planOf(planned.id).promise).inserts.map(v => v.title)).toEqual(rows(10).map(r => r[0]))
    const stored = [2, 3, 4].map(line => `imp.${line}`)
    const stream = client.build(buildOf(planned.id, { stored }))
    const got: BuiltBatch[] = []
    for (let b = await stream.next(); b; b = await stream.next()) {
      got.push(b)
      stream.ack(b.index)
    }
    const ids = got.flatMap(b => b.tx.records?.deals?.put?.map(r => r.id) ?? [])
    expect(ids).toEqual([5, 6, 7, 8, 9, 10, 11].map(line => `imp.${line}`))
    expect(sent.filter(m => m.type === 'ack').length).toBe(2)
    // a preview plan (not kept) does not replace the kept one; another kept plan does
    await client.plan(request(3)).promise
    const again = client.build(buildOf(planned.id))
    expect((await again.next())?.size).toBe(4)
    again.cancel()
    await client.check(request(3)).promise
    await expect(client.build(buildOf(planned.id)).next()).rejects.toThrow(/no longer held/)
    await expect(client.planOf(planned.id).promise).rejects.toThrow(/no longer held/)
  })

  it('should plan the rows of the file it read last by its fileId, without the page sending them back', async () => {
    const { client, sent } = inProcessImportClient()
    const csv = new TextEncoder().encode(`名称,金额,阶段\n${rows(6).map(r => r.join(',')).join('\n')}\n`)
    const file = await client.parse(csv, { fileName: 'deals.csv', head: 2 }).promise
    // only the head came back, the count is the whole file's
    expect(file.rows).toEqual(rows(2))
    expect(file.rowCount).toBe(6)
    const { rows: _rows, ...req } = request(0)
    const kept = client.check({ ...req, fileId: file.fileId })
    expect((await kept.promise).insertCount).toBe(6)
    const plan = await client.planOf(kept.id).promise
    expect(plan.inserts.map(v => v.title)).toEqual(rows(6).map(r => r[0]))
    expect(sent.find(m => m.type === 'plan')).not.toHaveProperty('input.rows')
    // another file read since: the first one's rows are gone, and the check says so
    const other = await client.parse(csv, { fileName: 'again.csv' }).promise
    expect(other.fileId).not.toBe(file.fileId)
    await expect(client.plan({ ...req, fileId: file.fileId }).promise).rejects.toThrow(/no longer held/)
  })

  it('should stop building when cancelled', async () => {
    const { client, sent } = inProcessImportClient()
    const planned = client.check(request(40))
    await planned.promise
    const stream = client.build(buildOf(planned.id))
    expect((await stream.next())?.index).toBe(0)
    stream.cancel()
    await expect(stream.next()).rejects.toBeInstanceOf(ImportCancelled)
    expect(sent.at(-1)).toMatchObject({ type: 'cancel' })
  })
})
