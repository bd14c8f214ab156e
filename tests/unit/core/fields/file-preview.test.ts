import { describe, expect, it } from 'vitest'
import { previewKindOf } from '@/core/fields/shared/file-preview'

describe('file-preview', () => {
  describe('previewKindOf', () => {
    it('should show raster images through a blob URL of their own normalised type', () => {
      expect(previewKindOf('IMAGE/PNG; charset=x')).toEqual({ kind: 'raster', mime: 'image/png' })
    })
    it('should show SVG only as an image of opaque origin', () => {
      expect(previewKindOf('image/svg+xml')).toEqual({ kind: 'svg' })
    })
    it('should never preview HTML, scripts, unknown or empty types', () => {
      for (const mime of ['text/html', 'application/xhtml+xml', 'text/javascript', 'application/pdf', '', 'image/x-unknown']) {
        expect(previewKindOf(mime)).toEqual({ kind: 'none' })
      }
    })
  })
})
