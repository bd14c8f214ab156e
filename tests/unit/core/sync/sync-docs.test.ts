import type { FormDef, RecordRow } from '../../../../src/core/schema/types'
import type { RawDoc } from '../../../../src/core/sync/doc-check'
import { describe, expect, it } from 'vitest'
import { docsOfTransaction, docsOfWorkspace, sharedSettings } from '../../../../src/core/sync/tx-docs'
import { type LocalView, transactionOfDocs } from '../../../../src/core/sync/docs-tx'
import { mergeRecordVersions } from '../../../../src/core/sync/merge'
import { record, settings, stageEvent } from '../../../fixtures/storage'

const who = { by: 'mia', at: '2026-12-03T08:00:00.000Z' }
const deals: FormDef = {
  schemaVersion: 1, id: 'deals', appId: 'a1', name: 'Deals', createdAt: 1, updatedAt: 1,
  fields: [{ id: 'f_name', type: 'text', label: 'Name' }, { id: 'f_amount', type: 'number', label: '金额' }, { id: 'f_note', type: 'text', label: '备注' }],
}
const asRaw = (docs: unknown[]) => docs.map((d, i) => ({ _rev: `1-${i}`, ...(d as object) }) as RawDoc)

function view(live: RecordRow[] = [], trash: RecordRow[] = []): LocalView {
  return {
    presence: (_f, id) => live.some(r => r.id === id) ? 'live' : trash.some(r => r.id === id) ? 'trash' : 'none',
    rowOf: (_f, id) => [...live, ...trash].find(r => r.id === id),
    formOf: id => id === 'deals' ? deals : undefined,
    settings: { ...settings(), currentMemberId: 'm-here' },
  }
}

describe('transaction → documents', () => {
  it('writes one document per record, event and change, binned records with their row', () => {
    const docs = docsOfTransaction({
      records: { deals: { put: [record(1)], delete: ['r2'], toTrash: true } },
      stageEvents: [stageEvent('e1', 'r1', 's1', 5)],
      settings: { ...settings(), currentMemberId: 'm1' },
    }, who, (_f, id) => id === 'r2' ? record(2) : undefined)
    expect(docs.map(d => d._id).sort()).toEqual(['evt:deals:e1', 'rec:deals:r1', 'rec:deals:r2', 'settings'])
    const binned = docs.find(d => d._id === 'rec:deals:r2') as { body: { trashed: boolean, id: string } }
    expect(binned.body).toMatchObject({ id: 'r2', trashed: true })
    const shared = docs.find(d => d._id === 'settings') as { body: object }
    expect(shared.body).not.toHaveProperty('currentMemberId')
    expect(docs.every(d => '_deleted' in d || (d as { by: string }).by === 'mia')).toBe(true)
  })

  it('writes purges and definition deletions as tombstones', () => {
    const docs = docsOfTransaction({ records: { deals: { purge: ['r3'] } }, defs: { delete: [{ kind: 'view', id: 'v1' }] } }, who, () => undefined)
    expect(docs).toEqual([{ _id: 'def:view:v1', _deleted: true }, { _id: 'rec:deals:r3', _deleted: true }])
  })

  it('publishes a whole workspace from its backup', () => {
    const docs = docsOfWorkspace({
      schemaVersion: 1, kind: 'funnelgrid-backup', exportedAt: 1, settings: settings(), apps: [], forms: [deals], views: [], dashboards: [],
      records: { deals: [record(1)] }, trash: { deals: [record(2)] }, stageEvents: [stageEvent('e1', 'r1', 's1', 5)], changes: [],
    }, who)
    expect(docs.map(d => d._id)).toEqual(['settings', 'def:form:deals', 'rec:deals:r1', 'rec:deals:r2', 'evt:deals:e1'])
  })
})

describe('pulled documents → transaction', () => {
  it('applies what it pulled back as the transaction it came from', () => {
    const sent = docsOfTransaction({ records: { deals: { put: [record(1)] } }, stageEvents: [stageEvent('e1', 'r1', 's1', 5)] }, who, () => undefined)
    const { tx, skipped, applied } = transactionOfDocs(asRaw(sent), view())
    expect(skipped).toEqual([])
    expect(applied).toBe(2)
    expect(tx.records?.deals?.put).toEqual([record(1)])
    expect(tx.stageEvents).toEqual([stageEvent('e1', 'r1', 's1', 5)])
  })

  it('puts a pulled record one rev above the local one, so it is not reported as a local conflict', () => {
    const sent = docsOfTransaction({ records: { deals: { put: [{ ...record(1), rev: 2 }] } } }, who, () => undefined)
    const { tx } = transactionOfDocs(asRaw(sent), view([{ ...record(1, { f_amount: 5 }), rev: 7 }]))
    expect(tx.records?.deals?.put?.[0]?.rev).toBe(8)
  })

  it('takes back what this device wrote as no change', () => {
    const sent = docsOfTransaction({ records: { deals: { put: [record(1)] } } }, who, () => undefined)
    const { tx, applied } = transactionOfDocs(asRaw(sent), view([{ ...record(1), rev: 4 }]))
    expect(applied).toBe(0)
    expect(tx.records).toBeUndefined()
  })

  it('bins, restores and purges as the other side did', () => {
    const raws = asRaw([
      { _id: 'rec:deals:r1', type: 'record', schemaVersion: 1, by: 'ann', at: who.at, body: { ...record(1), trashed: true } },
      { _id: 'rec:deals:r2', type: 'record', schemaVersion: 1, by: 'ann', at: who.at, body: record(2) },
      { _id: 'rec:deals:r3', _deleted: true },
      { _id: 'rec:deals:r4', _deleted: true },
    ])
    const { tx } = transactionOfDocs(raws, view([record(1), record(4)], [record(2), record(3)]))
    const ch = tx.records!.deals!
    expect(ch.restore).toEqual(['r2'])
    expect(ch.toTrash).toBe(true)
    expect(ch.delete).toEqual(['r1', 'r4'])
    expect(ch.purge).toEqual(['r3', 'r4'])
  })

  it('keeps this device\'s "which member is me" when shared settings arrive', () => {
    const sent = docsOfTransaction({ settings: settings() }, who, () => undefined)
    expect(transactionOfDocs(asRaw(sent), view()).tx.settings?.currentMemberId).toBe('m-here')
    const { locale: _l, ...shared } = settings()
    expect(sharedSettings({ ...settings(), currentMemberId: 'x' })).toEqual(shared)
  })

  it('skips and names documents that fail the layout or the schemas, applying the rest', () => {
    const raws = asRaw([
      { _id: 'contact-1', name: 'x' },
      { _id: 'rec:deals:r1', type: 'record', schemaVersion: 2, by: 'tool', at: who.at, body: record(1) },
      { _id: 'rec:deals:r2', type: 'record', schemaVersion: 1, by: 'tool', at: who.at, body: record(2, { f_amount: 'lots' }) },
      { _id: 'rec:other:r3', type: 'record', schemaVersion: 1, by: 'tool', at: who.at, body: { ...record(3) } },
      { _id: 'def:form:f9', type: 'definition', schemaVersion: 1, by: 'tool', at: who.at, body: { id: 'f9', name: 'no fields' } },
      { _id: 'rec:deals:r5', type: 'record', schemaVersion: 1, by: 'mia', at: who.at, body: record(5) },
    ])
    const { tx, skipped } = transactionOfDocs(raws, view())
    expect(tx.records?.deals?.put?.map(r => r.id)).toEqual(['r5'])
    expect(skipped.map(s => s.id)).toEqual(['def:form:f9', 'contact-1', 'rec:deals:r1', 'rec:deals:r2', 'rec:other:r3'])
    const reasons = Object.fromEntries(skipped.map(s => [s.id, s.reason]))
    expect(reasons['contact-1']).toMatch(/not one FunnelGrid writes/)
    expect(reasons['rec:deals:r1']).toMatch(/schemaVersion 2/)
    expect(reasons['rec:deals:r2']).toMatch(/"金额"/)
    expect(reasons['rec:other:r3']).toMatch(/form other is not in this workspace/)
    expect(skipped.find(s => s.id === 'rec:deals:r1')?.by).toBe('tool')
  })

  it('reads records of a form that arrives in the same batch', () => {
    const sent = docsOfWorkspace({
      schemaVersion: 1, kind: 'funnelgrid-backup', exportedAt: 1, settings: settings(), apps: [], forms: [{ ...deals, id: 'new' }], views: [], dashboards: [],
      records: { new: [record(1)] }, trash: {}, stageEvents: [], changes: [],
    }, who)
    const { tx, skipped } = transactionOfDocs(asRaw(sent.reverse()), view())
    expect(skipped).toEqual([])
    expect(tx.records?.new?.put).toHaveLength(1)
  })
})

describe('merging two versions of a record', () => {
  const base = record(1, { f_amount: 100, f_note: '' })
  it('merges fields changed by one side only', () => {
    const winner = { ...base, rev: 2, values: { ...base.values, f_amount: 200 } }
    const loser = { ...base, rev: 2, updatedAt: base.updatedAt + 5, values: { ...base.values, f_note: '客户要求延期' } }
    const merged = mergeRecordVersions(base, winner, loser)
    expect(merged.contested).toEqual([])
    expect(merged.changed).toBe(true)
    expect(merged.row.values).toMatchObject({ f_amount: 200, f_note: '客户要求延期' })
  })

  it('contests a field both changed to different values, keeping the winner\'s value for now', () => {
    const winner = { ...base, values: { ...base.values, f_amount: 200 } }
    const loser = { ...base, values: { ...base.values, f_amount: 300 } }
    const merged = mergeRecordVersions(base, winner, loser)
    expect(merged.contested).toEqual(['f_amount'])
    expect(merged.row.values.f_amount).toBe(200)
  })

  it('never contests a computed field (a weighted amount follows the amount both changed)', () => {
    const withWeighted = record(1, { f_amount: 100, f_weighted: 10 })
    const winner = { ...withWeighted, values: { f_amount: 200, f_weighted: 20 } }
    const loser = { ...withWeighted, values: { f_amount: 300, f_weighted: 30 } }
    const merged = mergeRecordVersions(withWeighted, winner, loser, new Set(['f_weighted']))
    expect(merged.contested).toEqual(['f_amount'])
    expect(mergeRecordVersions(null, winner, loser, new Set(['f_weighted'])).contested).toEqual(['f_amount'])
  })

  it('agrees when both made the same change, and contests every difference without a base', () => {
    const same = { ...base, values: { ...base.values, f_amount: 250 } }
    expect(mergeRecordVersions(base, same, { ...same }).contested).toEqual([])
    expect(mergeRecordVersions(null, same, base).contested).toEqual(['f_amount'])
  })
})
