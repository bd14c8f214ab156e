import { describe, expect, it } from 'vitest'
import { appV0toV1 } from '../../../../src/core/migrations/steps/app.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('app.v0-v1', () => {
  describe('appV0toV1.up', () => {
    it('should turn the pre-release app fixture into the version 1 fixture', () => {
      expect(appV0toV1.up(migrationFixture('app', 0), child)).toEqual(migrationFixture('app', 1))
    })

    it('should produce a app that validates', () => {
      const r = validateDocument('app', appV0toV1.up(migrationFixture('app', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('app', 0)
      const copy = json(old)
      appV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
