import type { FieldOf, FormDef } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import StageEditor from '@/components/funnel/StageEditor.vue'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { funnelForm, opp } from '../fixtures/funnel'
import { mountWithApp, settle } from './mount-app'

async function seeded() {
  const adapter = createMemoryAdapter()
  const form = funnelForm()
  await adapter.commit({
    defs: { put: [{ kind: 'app', doc: { schemaVersion: 1, id: 'app', name: 'CRM', formIds: ['opp'], dashboardIds: [], createdAt: 0, updatedAt: 0 } }, { kind: 'form', doc: form }] },
    records: { opp: { put: [opp('a', { stage: 'needs' }), opp('b', { stage: 'needs' }), opp('c', { stage: 'lead' })] } },
  })
  return adapter
}

const q = (sel: string) => document.body.querySelector<HTMLElement>(sel)
const qa = (sel: string) => [...document.body.querySelectorAll<HTMLElement>(sel)]

async function type(el: HTMLElement | null, text: string) {
  const input = (el?.tagName === 'INPUT' ? el : el?.querySelector('input')) as HTMLInputElement
  input.value = text
  input.dispatchEvent(new Event('input'))
  await flushPromises()
}

async function storedStage(adapter: Awaited<ReturnType<typeof seeded>>): Promise<FieldOf<'stage'>> {
  const form = (await adapter.loadDefinitions()).forms[0] as FormDef
  return form.fields.find(f => f.type === 'stage') as FieldOf<'stage'>
}

describe('StageEditor', { timeout: 40_000 }, () => {
  it('should list the stages with their record counts', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' } })
    await useWorkspaceStore().load()
    await settle()
    expect(qa('[data-test=stage-row]').map(r => r.dataset.stage)).toEqual(['lead', 'needs', 'proposal', 'won', 'lost'])
    expect(q('[data-stage=needs] [data-test=stage-count]')?.textContent).toBe('2 条')
    wrapper.unmount()
  })

  it('should rename a stage in both languages and store it on save, keeping the stage id', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' } })
    await useWorkspaceStore().load()
    await settle()
    await type(q('[data-stage=needs] [data-test=stage-name]'), '需求确认')
    await type(q('[data-stage=needs] [data-test=stage-name-translation]'), 'Needs confirmed')
    q('[data-test=stage-save]')?.click()
    await settle()
    const stage = (await storedStage(adapter)).options.stages[1]
    expect(stage).toMatchObject({ id: 'needs', label: { 'zh-CN': '需求确认', 'en': 'Needs confirmed' } })
    expect(wrapper.emitted('close')).toHaveLength(1)
    wrapper.unmount()
  })

  it('should not save over stages saved since it opened, and show the newer ones', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' } })
    await useWorkspaceStore().load()
    await settle()
    await type(q('[data-stage=needs] [data-test=stage-name]'), '需求确认')
    // Another admin renames the first stage meanwhile (synced in).
    const form = structuredClone(useWorkspaceStore().formById.get('opp')!)
    const field = form.fields.find(f => f.id === 'stage') as FieldOf<'stage'>
    field.options.stages[0]!.label = '线索'
    await useRecordsStore().write({ defs: { put: [{ kind: 'form', doc: { ...form, updatedAt: form.updatedAt + 1 } }] } })
    q('[data-test=stage-save]')?.click()
    await settle()
    expect(document.body.querySelector('.el-message')?.textContent).toContain('阶段已被保存了新版本')
    const stages = (await storedStage(adapter)).options.stages
    expect(stages[0]!.label).toBe('线索')
    expect(stages[1]!.label).not.toBe('需求确认')
    expect((q('[data-stage=lead] [data-test=stage-name] input') as HTMLInputElement | null)?.value ?? (q('[data-stage=lead] [data-test=stage-name]') as HTMLInputElement).value).toBe('线索')
    expect(wrapper.emitted('close')).toBeUndefined()
    wrapper.unmount()
  })

  it('should keep a stage named in one language one label, shown in both languages, and drop a cleared translation', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' } })
    await useWorkspaceStore().load()
    await settle()
    // Named in Spanish only: no translation is invented.
    await type(q('[data-stage=needs] [data-test=stage-name]'), 'Presentación')
    await type(q('[data-stage=needs] [data-test=stage-name-translation]'), '')
    const en = q('[data-stage=needs] [data-test=stage-name-translation]')
    expect(((en?.tagName === 'INPUT' ? en : en?.querySelector('input')) as HTMLInputElement | null)?.placeholder).toBe('Presentación')
    await type(q('[data-stage=lead] [data-test=stage-name-translation]'), '')
    q('[data-test=stage-save]')?.click()
    await settle()
    const stages = (await storedStage(adapter)).options.stages
    expect(stages[1]).toMatchObject({ id: 'needs', label: 'Presentación' })
    // Its English translation cleared: back to its one name.
    expect(stages[0]?.label).toBe('潜在客户识别')
    wrapper.unmount()
  })

  it('should refuse to save a removed stage with records until a target is picked, then move them with events', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' } })
    await useWorkspaceStore().load()
    await settle()
    q('[data-stage=needs] [data-test=stage-remove]')?.click()
    await flushPromises()
    expect(qa('[data-test=stage-row]').map(r => r.dataset.stage)).not.toContain('needs')
    q('[data-test=stage-save]')?.click()
    await settle()
    expect(q('[data-test=stage-problems]')?.textContent).toContain('请为阶段“需求分析”中的 2 条记录选择新的阶段')
    expect((await storedStage(adapter)).options.stages).toHaveLength(5)
    q('[data-test=stage-move-target] .el-select__wrapper')?.click()
    await flushPromises()
    qa('.el-select-dropdown__item').find(o => o.textContent?.includes('方案制定'))?.click()
    await flushPromises()
    q('[data-test=stage-save]')?.click()
    await settle()
    const field = await storedStage(adapter)
    expect(field.options.stages.map(s => s.id)).toEqual(['lead', 'proposal', 'won', 'lost'])
    expect(field.options.removedStages?.map(s => s.id)).toEqual(['needs'])
    expect((await adapter.loadRecords('opp')).map(r => r.values.stage)).toEqual(['proposal', 'proposal', 'lead'])
    expect((await adapter.loadStageEvents('opp')).map(e => [e.recordId, e.from, e.to])).toEqual([['a', 'needs', 'proposal'], ['b', 'needs', 'proposal']])
    wrapper.unmount()
  })

  it('should not remove the last open stage and say why', async () => {
    const adapter = await seeded()
    const { wrapper } = mountWithApp(StageEditor, { adapter, props: { formId: 'opp', fieldId: 'stage' }, locale: 'en' })
    await useWorkspaceStore().load()
    await settle()
    for (const id of ['lead', 'needs', 'proposal']) {
      q(`[data-stage=${id}] [data-test=stage-remove]`)?.click()
      await flushPromises()
    }
    expect(qa('[data-test=stage-row]').map(r => r.dataset.stage)).toEqual(['proposal', 'won', 'lost'])
    expect(document.body.textContent).toContain('Keep at least one open stage')
    wrapper.unmount()
  })
})
