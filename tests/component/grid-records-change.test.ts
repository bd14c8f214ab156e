import { describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { editForm } from '../fixtures/grid-edit'
import { mountWithApp } from './mount-app'

describe('records store lastChange (what the grid turns into a row transaction)', () => {
  it('should name the records each write put or removed, per form, with the version it bumped to', async () => {
    const { adapter, wrapper } = mountWithApp(defineComponent(() => () => h('div')))
    const workspace = useWorkspaceStore()
    await workspace.load()
    await workspace.write({ defs: { put: [{ kind: 'form', doc: { ...editForm(), id: 'deals' } }] } })
    const records = useRecordsStore()
    await records.ensure('deals').loaded
    const added = await records.add('deals', [{ name: 'A' }, { name: 'B' }])
    const [a, b] = added.ok ? added.records.map(r => r.id) : []
    expect(records.lastChange?.version).toBe(records.version)
    expect(records.lastChange?.forms.get('deals')).toEqual({ put: [a, b], removed: [] })
    await records.update('deals', [{ recordId: b!, values: { name: 'B2' } }])
    expect(records.lastChange?.forms.get('deals')).toEqual({ put: [b], removed: [] })
    await records.remove('deals', [a!])
    expect(records.lastChange?.forms.get('deals')).toEqual({ put: [], removed: [a] })
    // Another tab's change arrives the same way.
    const other = (await adapter.loadRecords('deals'))[0]!
    records.applyExternal({ records: { deals: { put: [{ ...other, values: { ...other.values, name: 'B3' } }] } } })
    expect(records.lastChange?.forms.get('deals')).toEqual({ put: [b], removed: [] })
    expect(records.lastChange?.version).toBe(records.version)
    wrapper.unmount()
  })
})
