import type { FormDef } from '@/core/schema/types'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { pointerRange } from '@/components/designer/json-pointer-range'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { createAppTx, createFormTx } from '@/core/workspace/app-ops'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import FormDesignerView from '@/pages/FormDesignerView.vue'
import { mountWithApp, settle } from './mount-app'

async function seeded() {
  const adapter = createMemoryAdapter()
  const { app, tx } = createAppTx('销售', 1)
  await adapter.commit(tx)
  const made = createFormTx(app, '商机', 2)
  await adapter.commit(made.tx)
  return { adapter, app, form: made.form }
}

async function mountDesigner(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const { adapter, app, form } = await seeded()
  const { wrapper } = mountWithApp(FormDesignerView, { adapter, locale, props: { appId: app.id, formId: form.id } })
  await useWorkspaceStore().load()
  await flushPromises()
  return { wrapper, adapter, form }
}

const cards = () => document.body.querySelectorAll('[data-test^="canvas-field-"]')

describe('FormDesignerView', { timeout: 30_000 }, () => {
  it('should add a field by clicking the palette, and undo and redo it', async () => {
    const { wrapper } = await mountDesigner()
    expect(cards()).toHaveLength(1)
    await wrapper.find('[data-test=palette-money]').trigger('click')
    expect(cards()).toHaveLength(2)
    expect(cards()[1]!.getAttribute('data-label')).toBe('金额')
    await wrapper.find('[data-test=designer-undo]').trigger('click')
    expect(cards()).toHaveLength(1)
    await wrapper.find('[data-test=designer-redo]').trigger('click')
    expect(cards()).toHaveLength(2)
    wrapper.unmount()
  })

  it('should name every palette item in English', async () => {
    const { wrapper } = await mountDesigner('en')
    const text = wrapper.find('[data-test=designer-palette]').text()
    for (const name of ['Single select', 'Formula', 'Link to form', 'Serial number', 'Created by', 'Separator']) expect(text).toContain(name)
    expect(wrapper.findAll('[data-test^=palette-]')).toHaveLength(31)
    wrapper.unmount()
  })

  it('should store the definition only on save, with the change in the history', async () => {
    const { wrapper, adapter, form } = await mountDesigner()
    await wrapper.find('[data-test=palette-number]').trigger('click')
    let stored = (await adapter.loadDefinitions()).forms.find(f => f.id === form.id)!
    expect(stored.fields).toHaveLength(1)
    await wrapper.find('[data-test=designer-save]').trigger('click')
    await settle()
    stored = (await adapter.loadDefinitions()).forms.find(f => f.id === form.id)!
    expect(stored.fields.map(f => f.type)).toEqual(['text', 'number'])
    expect(stored.history?.map(h => h.kind)).toEqual(['addField'])
    expect(stored.updatedAt).toBeGreaterThan(form.updatedAt)
    wrapper.unmount()
  })

  it('should refuse to save over a version saved since the designer opened, show the newer one, and give the draft back on undo', async () => {
    const { wrapper, adapter, form } = await mountDesigner()
    await wrapper.find('[data-test=palette-number]').trigger('click')
    // Another admin's save arrives (synced in) while this draft is open.
    const theirs: FormDef = { ...structuredClone(form), fields: [...form.fields, { id: 'f_theirs', type: 'date', label: '签约日期' }], updatedAt: form.updatedAt + 1000 }
    await useRecordsStore().write({ defs: { put: [{ kind: 'form', doc: theirs }] } })
    await wrapper.find('[data-test=designer-save]').trigger('click')
    await settle()
    expect(document.body.querySelector('.el-message')?.textContent).toContain('已被保存了新版本')
    const stored = (await adapter.loadDefinitions()).forms.find(f => f.id === form.id)!
    expect(stored.fields.map(f => f.type)).toEqual(['text', 'date'])
    expect([...cards()].map(c => c.getAttribute('data-label'))).toEqual(['标题', '签约日期'])
    await wrapper.find('[data-test=designer-undo]').trigger('click')
    expect(cards()).toHaveLength(2)
    expect(cards()[1]!.getAttribute('data-label')).toBe('数字')
    wrapper.unmount()
  })

  it('should take a newer saved version at once when nothing was changed here', async () => {
    const { wrapper, form } = await mountDesigner()
    const theirs: FormDef = { ...structuredClone(form), fields: [...form.fields, { id: 'f_theirs', type: 'date', label: '签约日期' }], updatedAt: form.updatedAt + 1000 }
    await useRecordsStore().write({ defs: { put: [{ kind: 'form', doc: theirs }] } })
    await settle()
    expect(cards()).toHaveLength(2)
    expect(wrapper.find('[data-test=designer-clean]').exists()).toBe(true)
    wrapper.unmount()
  })

  it('should block saving while a formula is empty and list the problem', async () => {
    const { wrapper, adapter, form } = await mountDesigner()
    await wrapper.find('[data-test=palette-formula]').trigger('click')
    expect(wrapper.find('[data-test=designer-issues]').exists()).toBe(true)
    await wrapper.find('[data-test=designer-save]').trigger('click')
    await settle()
    const stored: FormDef = (await adapter.loadDefinitions()).forms.find(f => f.id === form.id)!
    expect(stored.fields).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('json-pointer-range', () => {
  describe('pointerRange', () => {
    const text = '{\n  "fields": [\n    { "id": "a", "type": "txt" }\n  ]\n}'

    it('should find the value at a pointer', () => {
      const r = pointerRange(text, '/fields/0/type')!
      expect(text.slice(r.from, r.to)).toBe('"txt"')
    })

    it('should fall back to the nearest existing parent for a missing key', () => {
      const r = pointerRange(text, '/fields/0/options/x')!
      expect(text.slice(r.from, r.to)).toBe('{ "id": "a", "type": "txt" }')
    })

    it('should give nothing for text that does not parse', () => {
      expect(pointerRange('{ "a": ', '/a')).toBeUndefined()
    })
  })
})
