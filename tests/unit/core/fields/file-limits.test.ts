import { describe, expect, it } from 'vitest'
import type { FilesField } from '../../../../src/core/fields/shared/file-limits'
import { checkFile, fileLimitMB, formatBytes, matchesAccept } from '../../../../src/core/fields/shared/file-limits'

const attachment = (options?: { maxSizeMB?: number, accept?: string }): FilesField => ({ id: 'f_a', type: 'attachment', label: '附件', ...(options ? { options } : {}) })
const image: FilesField = { id: 'f_i', type: 'image', label: '图片' }
const MB = 1024 * 1024

describe('file-limits', () => {
  describe('fileLimitMB', () => {
    it('should default to 10 MB for attachments and 5 MB for images, and use the field setting', () => {
      expect(fileLimitMB(attachment())).toBe(10)
      expect(fileLimitMB(image)).toBe(5)
      expect(fileLimitMB(attachment({ maxSizeMB: 2 }))).toBe(2)
    })
  })

  describe('checkFile', () => {
    it('should refuse a file over the limit, naming it with its size and the limit', () => {
      expect(checkFile(attachment({ maxSizeMB: 1 }), { name: '合同.pdf', size: MB + 1, type: 'application/pdf' }))
        .toEqual({ reason: 'tooBig', name: '合同.pdf', size: MB + 1, limitMB: 1 })
      expect(checkFile(attachment({ maxSizeMB: 1 }), { name: '合同.pdf', size: MB, type: 'application/pdf' })).toBeNull()
    })

    it('should refuse a non-image in an image field and a type the attachment does not accept', () => {
      expect(checkFile(image, { name: 'a.pdf', size: 10, type: 'application/pdf' })?.reason).toBe('type')
      expect(checkFile(image, { name: 'a.png', size: 10, type: 'image/png' })).toBeNull()
      expect(checkFile(attachment({ accept: '.pdf,.docx' }), { name: 'a.exe', size: 10, type: '' })?.reason).toBe('type')
    })
  })

  describe('matchesAccept', () => {
    it('should match extensions case-insensitively, wildcards and exact types', () => {
      expect(matchesAccept('.pdf', 'REPORT.PDF', '')).toBe(true)
      expect(matchesAccept('image/*', 'x', 'image/jpeg')).toBe(true)
      expect(matchesAccept('application/zip, .rar', 'a.zip', 'application/zip')).toBe(true)
      expect(matchesAccept('application/zip', 'a.zip', 'text/plain')).toBe(false)
      expect(matchesAccept(undefined, 'anything', '')).toBe(true)
    })
  })

  describe('formatBytes', () => {
    it('should show bytes, KB and MB', () => {
      expect([formatBytes(820), formatBytes(12 * 1024), formatBytes(3.4 * MB)]).toEqual(['820 B', '12 KB', '3.4 MB'])
    })
  })
})
