import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { StageEvent, WorkspaceBackup } from '../../../src/core/schema/types'
import type { StorageAdapter, Transaction } from '../../../src/core/storage/adapter'
import { createMemoryAdapter } from '../../../src/core/storage/memory-adapter'
import { generateOpportunities } from '../../../src/core/template/demo/fast'
import { createLocalforageAdapter } from '../../../src/storage/localforage-adapter'
import { uniqueName } from '../../fixtures/storage-contract'
import { app, change, form, record, records, settings } from '../../fixtures/storage'

/**
 * Backups are byte-identical to what the app wrote before stage events were stored as columns
 * (issue 17 part 3): the golden files were written by the per-event-object layout (main at
 * cdbc09c) from the same data; FG_WRITE_GOLDEN=1 rewrites them (only ever on purpose).
 */
const GOLDEN = new URL('../../fixtures/backup-golden/', import.meta.url)
const write = process.env.FG_WRITE_GOLDEN === '1'

function golden(name: string, text: string): string {
  const file = new URL(name, GOLDEN)
  if (write) writeFileSync(file, text)
  return readFileSync(file, 'utf8')
}

const ev = (id: string, recordId: string, from: string | null, to: string, at: number, formId = 'deals'): StageEvent =>
  ({ id, formId, recordId, fieldId: 'f_stage', from, to, at })

/** Hand-made data: events out of time order, repeated and unicode ids, two forms, a re-entry, -0 and fractional times. */
function handMade(): Transaction[] {
  const events: StageEvent[] = [
    ev('e1', 'r0', null, 's1', 1_700_000_000_000),
    ev('e2', 'r0', 's1', 's2', 1_700_000_100_000),
    ev('e3', 'r1', null, 's1', 1_699_000_000_000),
    ev('e4', 'r0', 's2', 's1', 1_700_000_200_000.5),
    ev('é5-客户', 'r2', null, '阶段 3', 0),
    ev('e6', 'r2', '阶段 3', 'won', -0),
    ev('e7', 'r1', 's1', 'lost', 1_700_000_300_000),
    ev('e8', 'c1', null, 's1', 5, 'contacts'),
  ]
  // Stored as given by older paths: another key order, and a key the event type does not name.
  const odd = { at: 7, to: 's2', from: 's1', fieldId: 'f_stage', recordId: 'c1', formId: 'contacts', id: 'e9', note: 'kept' } as unknown as StageEvent
  return [
    { settings: settings(), defs: { put: [{ kind: 'app', doc: app('a1') }, { kind: 'form', doc: form('deals') }, { kind: 'form', doc: form('contacts') }] } },
    { records: { deals: { put: records(3) }, contacts: { put: [record('c1')] } }, stageEvents: events.slice(0, 5), changes: [change('c1', 'r0', 10)] },
    { stageEvents: [...events.slice(5), odd] },
    { records: { deals: { put: records(2, 3) } }, stageEvents: [ev('e10', 'r4', null, 's1', 3), ev('e11', 'r3', null, 's2', 2)] },
  ]
}

/** The bench's opportunities (fast generator, seeded): about 4 events per record. */
function generated(n: number): Transaction[] {
  const { records: rows, events } = generateOpportunities(n, 20240601, Date.UTC(2025, 5, 1))
  const txs: Transaction[] = [{ settings: settings(), defs: { put: [{ kind: 'form', doc: form('opportunities') }] } }]
  const formId = rows[0] ? events[0]?.formId ?? 'opportunities' : 'opportunities'
  for (let i = 0; i < rows.length; i += 500) {
    const part = new Set(rows.slice(i, i + 500).map(r => r.id))
    txs.push({ records: { [formId]: { put: rows.slice(i, i + 500) } }, stageEvents: events.filter(e => part.has(e.recordId)) })
  }
  return txs
}

const sha = (text: string): string => createHash('sha256').update(text).digest('hex')

describe('backup bytes (stage events stored as columns)', () => {
  const open: StorageAdapter[] = []
  afterEach(async () => {
    await Promise.all(open.splice(0).map(a => a.close()))
  })
  const adapters: [string, (chunkSize: number) => StorageAdapter][] = [
    ['localforage', chunkSize => createLocalforageAdapter({ name: uniqueName('golden'), chunkSize, broadcast: false, now: () => 1_750_000_000_000 })],
    ['memory', () => createMemoryAdapter({ now: () => 1_750_000_000_000 })],
  ]

  async function exported(make: () => StorageAdapter, txs: Transaction[]): Promise<string> {
    const adapter = make()
    open.push(adapter)
    for (const tx of txs) await adapter.commit(tx)
    return JSON.stringify(await adapter.exportBackup())
  }

  for (const [kind, make] of adapters) {
    it(`${kind}: a backup of hand-made data is byte-identical to the golden file`, async () => {
      for (const chunkSize of [3, 1000]) {
        const text = await exported(() => make(chunkSize), handMade())
        expect(text).toBe(golden('hand-made.json', text))
      }
    })

    it(`${kind}: a backup of 2,000 generated opportunities is byte-identical (sha-256 of the golden bytes)`, async () => {
      const text = await exported(() => make(1000), generated(2000))
      const sum = `${sha(text)} ${text.length}\n`
      expect(sum).toBe(golden('generated-2000.sha256', sum))
    })

    it(`${kind}: restoring the golden backup and exporting again gives the same bytes`, async () => {
      const text = readFileSync(new URL('hand-made.json', GOLDEN), 'utf8')
      const adapter = make(3)
      open.push(adapter)
      await adapter.importBackup(JSON.parse(text) as WorkspaceBackup)
      expect(JSON.stringify(await adapter.exportBackup())).toBe(text)
    })
  }
})
