import { describe, expect, it } from 'vitest'
import { migrateDocument } from '../../../../src/core/migrations/migrate'
import { MIGRATIONS } from '../../../../src/core/migrations/registry'
import { SCHEMA_VERSION } from '../../../../src/core/schema/types'
import { DOCUMENT_KINDS } from '../../../../src/core/validation/kinds'
import { form, migrationFixture } from '../../../fixtures/documents'

describe('migrate', () => {
  describe('MIGRATIONS', () => {
    it('should have one step per version up to SCHEMA_VERSION for every kind, in order', () => {
      for (const kind of DOCUMENT_KINDS) {
        expect(MIGRATIONS[kind].map(s => [s.kind, s.from, s.to])).toEqual(
          Array.from({ length: SCHEMA_VERSION }, (_, v) => [kind, v, v + 1]),
        )
      }
    })
  })

  describe('migrateDocument', () => {
    it('should leave a current document unchanged and apply nothing', () => {
      const doc = form()
      const r = migrateDocument('form', doc)
      expect(r.ok && r.value).toBe(doc)
      expect(r.ok && r.applied).toEqual([])
    })

    it('should treat a missing schemaVersion as 0 and list the steps applied', () => {
      const r = migrateDocument('form', migrationFixture('form', 0))
      expect(r.ok && [r.from, r.to]).toEqual([0, SCHEMA_VERSION])
      expect(r.ok && r.applied[0]).toContain('form 0→1')
    })

    it('should refuse a newer version with a clear message', () => {
      const r = migrateDocument('dashboard', { schemaVersion: SCHEMA_VERSION + 1 })
      expect(!r.ok && r.issue.code).toBe('newerVersion')
      expect(!r.ok && r.issue.message['zh-CN']).toContain('更新版本的 FunnelGrid')
      expect(!r.ok && r.issue.message.en).toContain(`schemaVersion ${SCHEMA_VERSION + 1}`)
    })

    it('should refuse a schemaVersion that is not a whole number', () => {
      for (const v of ['1', 1.5, -1]) {
        const r = migrateDocument('form', { schemaVersion: v })
        expect(!r.ok && r.issue.code, String(v)).toBe('invalidVersion')
      }
    })

    it('should refuse a non-object', () => {
      expect(migrateDocument('app', 'x').ok).toBe(false)
    })
  })
})
