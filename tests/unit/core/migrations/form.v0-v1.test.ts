import { describe, expect, it } from 'vitest'
import { formV0toV1 } from '../../../../src/core/migrations/steps/form.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('form.v0-v1', () => {
  describe('formV0toV1.up', () => {
    it('should turn the pre-release form fixture into the version 1 fixture', () => {
      expect(formV0toV1.up(migrationFixture('form', 0), child)).toEqual(migrationFixture('form', 1))
    })

    it('should produce a form that validates', () => {
      const r = validateDocument('form', formV0toV1.up(migrationFixture('form', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('form', 0)
      const copy = json(old)
      formV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
