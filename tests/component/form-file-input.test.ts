import type { FileValue } from '@/core/fields'
import type { FieldDef } from '@/core/schema/types'
import { describe, expect, it } from 'vitest'
import FormFileInput from '@/components/form/FormFileInput.vue'
import { mountWithApp, settle } from './mount-app'

const field: FieldDef = { id: 'f_files', type: 'attachment', label: '附件', options: { maxSizeMB: 1, accept: '.pdf,.txt' } }

/** Picks `files` in the component's hidden file input, as the browser does. */
async function pick(root: ParentNode, files: File[]): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-test=file-input-f_files]')!
  Object.defineProperty(input, 'files', { value: files, configurable: true })
  input.dispatchEvent(new Event('change'))
  for (let i = 0; i < 10; i++) await settle()
}

describe('FormFileInput', () => {
  it('should store an accepted file as a Blob and emit its value with the key', async () => {
    const { wrapper, adapter } = mountWithApp(FormFileInput, { props: { field, modelValue: [] } })
    await pick(wrapper.element, [new File(['付款分三期'], '协议.txt', { type: 'text/plain' })])
    const emitted = wrapper.emitted('update:modelValue')?.at(-1)?.[0] as FileValue[]
    expect(emitted.map(f => f.name)).toEqual(['协议.txt'])
    const blob = await adapter.getBlob(emitted[0]!.key!)
    expect(await blob?.text()).toBe('付款分三期')
    wrapper.unmount()
  })

  it('should refuse a file over the limit and one of another type, naming each, and store nothing', async () => {
    const { wrapper } = mountWithApp(FormFileInput, { props: { field, modelValue: [] } })
    const big = new File([new Uint8Array(1024 * 1024 + 1)], '扫描件.pdf', { type: 'application/pdf' })
    await pick(wrapper.element, [big, new File(['x'], '程序.exe', { type: '' })])
    const errors = [...wrapper.element.querySelectorAll('[data-test=file-error]')].map(e => e.textContent)
    expect(errors).toEqual([
      '「扫描件.pdf」有 1.0 MB，超过此字段的上限 1 MB，没有保存。',
      '「程序.exe」不是此字段接受的类型（.pdf,.txt），没有保存。',
    ])
    expect(wrapper.emitted('update:modelValue')).toBeUndefined()
    wrapper.unmount()
  })
})
