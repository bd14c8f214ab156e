import { describe, expect, it } from 'vitest'
import { settingsV0toV1 } from '../../../../src/core/migrations/steps/settings.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('settings.v0-v1', () => {
  describe('settingsV0toV1.up', () => {
    it('should turn the pre-release settings fixture into the version 1 fixture', () => {
      expect(settingsV0toV1.up(migrationFixture('settings', 0), child)).toEqual(migrationFixture('settings', 1))
    })

    it('should produce a settings that validates', () => {
      const r = validateDocument('settings', settingsV0toV1.up(migrationFixture('settings', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('settings', 0)
      const copy = json(old)
      settingsV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
