import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import ViewsBatchDialog from '@/components/views/ViewsBatchDialog.vue'
import ViewsFilterBuilder from '@/components/views/ViewsFilterBuilder.vue'
import RecordRecycleBin from '@/components/record/RecordRecycleBin.vue'
import { useRecordsStore } from '@/stores/records'
import { useViewsStore } from '@/stores/views'
import { useWorkspaceStore } from '@/stores/workspace'
import { gridViewsBackup } from '../fixtures/grid-views'
import { mountWithApp, settle } from './mount-app'

async function seeded() {
  const adapter = createMemoryAdapter({ seed: gridViewsBackup() })
  return adapter
}

function click(selector: string, index = 0) {
  const el = document.body.querySelectorAll<HTMLElement>(selector)[index]
  if (!el) throw new Error(`nothing matches ${selector}`)
  el.click()
}

describe('ViewsFilterBuilder', () => {
  it('should add a condition on the first field with its first operator, and ask a number of days for "in the last N days"', async () => {
    const adapter = await seeded()
    const form = gridViewsBackup().forms[0]!
    const { wrapper } = mountWithApp(ViewsFilterBuilder, { adapter, locale: 'en', props: { filter: undefined, fields: form.fields, locale: 'en', members: [] } })
    expect(wrapper.text()).toContain('No conditions yet')
    await wrapper.find('[data-test=filter-add]').trigger('click')
    const emitted = wrapper.emitted('update')![0]![0]
    expect(emitted).toEqual({ and: [{ field: 'title', op: 'eq' }] })
    await wrapper.setProps({ filter: { and: [{ field: 'close', op: 'lastNDays', value: 30 }] } })
    expect(wrapper.find('[data-test=filter-days]').exists()).toBe(true)
    wrapper.unmount()
  })
})

describe('ViewsBatchDialog', () => {
  it('should preview how many records a delete moves to the recycle bin and delete them through the store', async () => {
    const adapter = await seeded()
    const backup = gridViewsBackup()
    const filtered = backup.records.opps!.slice(0, 6)
    const { wrapper } = mountWithApp(ViewsBatchDialog, { adapter, props: { form: backup.forms[0], selected: [], filtered, locale: 'zh-CN', members: [] } })
    await useWorkspaceStore().load()
    await flushPromises()
    const radio = document.body.querySelector<HTMLInputElement>('[data-test=batch-delete] input')!
    radio.checked = true
    radio.dispatchEvent(new Event('change'))
    await flushPromises()
    expect(document.body.querySelector('[data-test=batch-preview]')?.textContent).toContain('将把 6 条记录移入回收站')
    click('[data-test=batch-run]')
    await settle()
    expect((await adapter.loadRecords('opps')).length).toBe(6)
    expect((await adapter.loadTrash('opps')).map(r => r.id)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5', 'd6'])
    wrapper.unmount()
  })
})

describe('views store', () => {
  it('should keep edits as a draft until saved, then store the view through the adapter', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp({ template: '<div />' }, { adapter })
    await useWorkspaceStore().load()
    const views = useViewsStore()
    const view = views.activeView('opps')
    expect(view.id).toBe('all')
    views.edit({ ...view, sort: [{ field: 'amount', dir: 'desc' }] })
    expect(views.isDirty('all')).toBe(true)
    expect((await adapter.loadDefinitions()).views[0]!.sort).toBeUndefined()
    await views.save(views.activeView('opps'))
    expect(views.isDirty('all')).toBe(false)
    expect((await adapter.loadDefinitions()).views[0]!.sort).toEqual([{ field: 'amount', dir: 'desc' }])
    views.edit({ ...views.activeView('opps') })
    expect(views.isDirty('all')).toBe(false)
    const kanban = await views.create('opps', '看板', 'kanban', { ...view, kanban: { field: 'stage' } })
    expect(views.activeView('opps').id).toBe(kanban.id)
    await views.remove(kanban)
    expect(views.activeView('opps').id).toBe('all')
    expect((await adapter.loadDefinitions()).views.map(v => v.id)).toEqual(['all'])
    wrapper.unmount()
  })
})

describe('RecordRecycleBin', () => {
  it('should list deleted records and restore one as a logged restore', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp({ template: '<div />' }, { adapter })
    const workspace = useWorkspaceStore()
    await workspace.load()
    const records = useRecordsStore()
    await records.ensure('opps').loaded
    await records.remove('opps', ['d1', 'd2'])
    const bin = mountWithApp(RecordRecycleBin, { adapter, props: { form: workspace.formById.get('opps'), locale: 'zh-CN', members: [] } })
    // The bin's app has its own stores: restoring goes through its records store, which needs the definitions.
    await useWorkspaceStore().load()
    await settle()
    await flushPromises()
    expect(document.body.querySelectorAll('[data-test=trash-row]')).toHaveLength(2)
    click('[data-test=trash-restore]')
    await settle()
    expect((await adapter.loadTrash('opps')).map(r => r.id)).toEqual(['d2'])
    expect((await adapter.loadRecords('opps')).some(r => r.id === 'd1')).toBe(true)
    expect((await adapter.loadChanges('opps', 'd1')).map(c => c.kind)).toEqual(['create', 'delete', 'restore'])
    bin.wrapper.unmount()
    wrapper.unmount()
  })
})
