import type { Filter } from '@/core/schema/filter'
import type { FieldDef } from '@/core/schema/types'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import DesignerConditionEditor from '@/components/designer/DesignerConditionEditor.vue'
import { visibleFieldIds } from '@/components/form/form-values'
import { mountWithApp } from './mount-app'

const fields: FieldDef[] = [
  { id: 'stage', type: 'select', label: '阶段', options: { choices: [{ id: 'a', label: '初访' }, { id: 'b', label: '报价' }] } },
  { id: 'amount', type: 'number', label: '金额' },
  { id: 'note', type: 'text', label: '备注' },
]

function mountEditor(modelValue: Filter | undefined) {
  const emitted: (Filter | undefined)[] = []
  const { wrapper } = mountWithApp(DesignerConditionEditor, {
    props: { modelValue, fields, 'onUpdate:modelValue': (f: Filter | undefined) => emitted.push(f) },
  })
  return { wrapper, emitted }
}

describe('DesignerConditionEditor', { timeout: 30_000 }, () => {
  it('should say the field is always shown while there is no condition, and add one by clicking', async () => {
    const { wrapper, emitted } = mountEditor(undefined)
    expect(wrapper.text()).toContain('始终显示')
    await wrapper.find('[data-test=filter-add]').trigger('click')
    expect(emitted.at(-1)).toEqual({ and: [{ field: 'stage', op: expect.any(String) }] })
    wrapper.unmount()
  })

  it('should add a nested any-of group inside an all-of group', async () => {
    const start: Filter = { and: [{ field: 'amount', op: 'gt', value: 100 }] }
    const { wrapper, emitted } = mountEditor(start)
    await wrapper.find('[data-test=filter-add-group]').trigger('click')
    const next = emitted.at(-1) as { and: unknown[] }
    expect(next.and).toHaveLength(2)
    expect(next.and[0]).toEqual({ field: 'amount', op: 'gt', value: 100 })
    expect(next.and[1]).toMatchObject({ or: [{ field: 'stage' }] })
    wrapper.unmount()
  })

  it('should show nested groups from JSON as editable groups and remove one', async () => {
    const nested: Filter = { and: [{ field: 'amount', op: 'gt', value: 100 }, { or: [{ field: 'stage', op: 'eq', value: 'a' }, { field: 'note', op: 'contains', value: '急' }] }] }
    const { wrapper, emitted } = mountEditor(nested)
    await flushPromises()
    expect(wrapper.findAll('[data-test=filter-group]')).toHaveLength(2)
    expect(wrapper.findAll('[data-test=filter-condition]')).toHaveLength(3)
    await wrapper.find('[data-test=filter-group-remove]').trigger('click')
    expect(emitted.at(-1)).toEqual({ and: [{ field: 'amount', op: 'gt', value: 100 }] })
    wrapper.unmount()
  })

  it('should clear every condition so the field is always shown again', async () => {
    const { wrapper, emitted } = mountEditor({ or: [{ field: 'note', op: 'notEmpty' }] })
    await wrapper.find('[data-test=condition-clear]').trigger('click')
    expect(emitted.at(-1)).toBeUndefined()
    expect(emitted).toHaveLength(1)
    wrapper.unmount()
  })
})

describe('visibleFieldIds with a nested condition', () => {
  it('should show the field only when the amount is big and either the stage or the note matches', () => {
    const withRule: FieldDef[] = [...fields, { id: 'x', type: 'text', label: '审批意见', visibleWhen: { and: [{ field: 'amount', op: 'gt', value: 100 }, { or: [{ field: 'stage', op: 'eq', value: 'b' }, { field: 'note', op: 'contains', value: '急' }] }] } }]
    expect(visibleFieldIds(withRule, { amount: 500, stage: 'b' }).has('x')).toBe(true)
    expect(visibleFieldIds(withRule, { amount: 500, stage: 'a', note: '很急' }).has('x')).toBe(true)
    expect(visibleFieldIds(withRule, { amount: 500, stage: 'a', note: '' }).has('x')).toBe(false)
    expect(visibleFieldIds(withRule, { amount: 50, stage: 'b' }).has('x')).toBe(false)
  })
})
