import { describe, expect, it } from 'vitest'
import { viewV0toV1 } from '../../../../src/core/migrations/steps/view.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('view.v0-v1', () => {
  describe('viewV0toV1.up', () => {
    it('should turn the pre-release view fixture into the version 1 fixture', () => {
      expect(viewV0toV1.up(migrationFixture('view', 0), child)).toEqual(migrationFixture('view', 1))
    })

    it('should produce a view that validates', () => {
      const r = validateDocument('view', viewV0toV1.up(migrationFixture('view', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('view', 0)
      const copy = json(old)
      viewV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
