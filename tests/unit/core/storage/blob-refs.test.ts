import { describe, expect, it } from 'vitest'
import { collectFileKeys, formHasFiles } from '../../../../src/core/storage/blob-refs'
import { filesForm } from '../../../fixtures/attachments'
import { form } from '../../../fixtures/storage'

describe('blob-refs', () => {
  describe('formHasFiles', () => {
    it('should see file fields directly, inside subforms and in the field trash, and none in a text-only form', () => {
      expect(formHasFiles(filesForm())).toBe(true)
      expect(formHasFiles(form('plain'))).toBe(false)
      const sub = { ...form('s'), fields: [{ id: 'f_rows', type: 'subform' as const, label: 'rows', options: { fields: [{ id: 'f_pic', type: 'image' as const, label: 'pic' }] } }] }
      expect(formHasFiles(sub)).toBe(true)
      const trashed = { ...form('t'), trash: [{ field: { id: 'f_old', type: 'attachment' as const, label: 'old' }, deletedAt: 1 }] }
      expect(formHasFiles(trashed)).toBe(true)
    })
  })

  describe('collectFileKeys', () => {
    it('should find keys of file values at any depth and ignore other objects with a key', () => {
      const keys = new Set<string>()
      collectFileKeys({
        f_files: [{ id: 'a', name: 'a.pdf', key: 'k1' }, { id: 'b', name: 'no-key.pdf' }],
        f_rows: [{ f_doc: [{ id: 'c', name: 'c.png', key: 'k2' }] }],
        f_other: { key: 'not-a-file' },
      }, keys)
      expect([...keys].sort()).toEqual(['k1', 'k2'])
    })
  })
})
