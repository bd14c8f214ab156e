import { describe, expect, it } from 'vitest'
import { backupV0toV1 } from '../../../../src/core/migrations/steps/backup.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('backup.v0-v1', () => {
  describe('backupV0toV1.up', () => {
    it('should turn the pre-release backup fixture into the version 1 fixture', () => {
      expect(backupV0toV1.up(migrationFixture('backup', 0), child)).toEqual(migrationFixture('backup', 1))
    })

    it('should produce a backup that validates', () => {
      const r = validateDocument('backup', backupV0toV1.up(migrationFixture('backup', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('backup', 0)
      const copy = json(old)
      backupV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
