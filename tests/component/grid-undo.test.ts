import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { UNDO_LIMIT, useUndoStore } from '@/stores/undo'
import { useWorkspaceStore } from '@/stores/workspace'
import { editForm } from '../fixtures/grid-edit'
import { mountWithApp, settle } from './mount-app'

/** Stores wired to a memory adapter, with the test form saved. */
async function setup() {
  const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
  const workspace = useWorkspaceStore()
  await workspace.load()
  const form = { ...editForm(), id: 'deals' }
  await workspace.write({ defs: { put: [{ kind: 'form', doc: form }] } })
  const records = useRecordsStore()
  const undo = useUndoStore()
  await records.ensure('deals').loaded
  // Stored values without the serial number the form hands out.
  const stored = async () => (await adapter.loadRecords('deals')).map(({ values: { no: _no, ...rest } }) => rest)
  return { adapter, wrapper, records, undo, stored }
}

describe('undo store with the records store', () => {
  it('should undo and redo an edit, in memory and in storage', async () => {
    const { records, stored, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A', amount: 1 }])
    const id = added.ok ? added.records[0]!.id : ''
    await records.update('deals', [{ recordId: id, values: { amount: 2 } }])
    expect((await records.undo('deals')).status).toBe('done')
    expect(await stored()).toEqual([{ name: 'A', amount: 1 }])
    expect(records.ensure('deals').byId.get(id)!.values.amount).toBe(1)
    expect((await records.redo('deals')).status).toBe('done')
    expect(await stored()).toEqual([{ name: 'A', amount: 2 }])
    wrapper.unmount()
  })

  it('should restore deleted records from the recycle bin with one undo', async () => {
    const { adapter, records, stored, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A' }, { name: 'B' }])
    await records.remove('deals', added.ok ? added.records.map(r => r.id) : [])
    expect(await adapter.loadTrash('deals')).toHaveLength(2)
    const outcome = await records.undo('deals')
    expect(outcome.status === 'done' && outcome.step.action).toBe('delete')
    expect(await stored()).toEqual([{ name: 'A' }, { name: 'B' }])
    expect(await adapter.loadTrash('deals')).toEqual([])
    wrapper.unmount()
  })

  it('should append a stage event when a stage change is undone', async () => {
    const { adapter, records, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A', stage: 's1' }])
    const id = added.ok ? added.records[0]!.id : ''
    await records.update('deals', [{ recordId: id, values: { stage: 's2' } }])
    await records.undo('deals')
    const events = await adapter.loadStageEvents('deals', id)
    expect(events.map(e => [e.from, e.to])).toEqual([[null, 's1'], ['s1', 's2'], ['s2', 's1']])
    wrapper.unmount()
  })

  it('should keep the last UNDO_LIMIT (at least 50) steps and say when there is nothing left', async () => {
    const { records, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A', amount: 0 }])
    const id = added.ok ? added.records[0]!.id : ''
    for (let i = 1; i <= UNDO_LIMIT + 5; i++) await records.update('deals', [{ recordId: id, values: { amount: i } }])
    let n = 0
    while ((await records.undo('deals')).status === 'done') n++
    expect(UNDO_LIMIT).toBeGreaterThanOrEqual(50)
    expect(n).toBe(UNDO_LIMIT)
    expect(records.ensure('deals').byId.get(id)!.values.amount).toBe(5)
    wrapper.unmount()
  })

  it('should run quick successive undos one after another without losing any', async () => {
    const { records, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A', amount: 0 }])
    const id = added.ok ? added.records[0]!.id : ''
    for (let i = 1; i <= 3; i++) await records.update('deals', [{ recordId: id, values: { amount: i } }])
    const outcomes = await Promise.all([records.undo('deals'), records.undo('deals'), records.undo('deals')])
    expect(outcomes.map(o => o.status)).toEqual(['done', 'done', 'done'])
    await settle()
    expect(records.ensure('deals').byId.get(id)!.values.amount).toBe(0)
    wrapper.unmount()
  })

  it('should make a paste that edits and adds records one step, refused as a whole when invalid', async () => {
    const { records, stored, wrapper } = await setup()
    const added = await records.add('deals', [{ name: 'A' }])
    const id = added.ok ? added.records[0]!.id : ''
    const bad = await records.updateAndAdd('deals', [{ recordId: id, values: { name: 'X' } }], [{ amount: 3 }], { undo: 'paste' })
    expect(bad.ok).toBe(false)
    expect(await stored()).toEqual([{ name: 'A' }])
    await records.updateAndAdd('deals', [{ recordId: id, values: { name: 'X' } }], [{ name: 'N' }], { undo: 'paste' })
    expect((await stored()).map(v => v.name)).toEqual(['X', 'N'])
    const outcome = await records.undo('deals')
    expect(outcome.status === 'done' && outcome.step.action).toBe('paste')
    expect((await stored()).map(v => v.name)).toEqual(['A'])
    wrapper.unmount()
  })
})
