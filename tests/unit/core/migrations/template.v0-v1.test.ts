import { describe, expect, it } from 'vitest'
import { templateV0toV1 } from '../../../../src/core/migrations/steps/template.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('template.v0-v1', () => {
  describe('templateV0toV1.up', () => {
    it('should turn the pre-release template fixture into the version 1 fixture', () => {
      expect(templateV0toV1.up(migrationFixture('template', 0), child)).toEqual(migrationFixture('template', 1))
    })

    it('should produce a template that validates', () => {
      const r = validateDocument('template', templateV0toV1.up(migrationFixture('template', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('template', 0)
      const copy = json(old)
      templateV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
