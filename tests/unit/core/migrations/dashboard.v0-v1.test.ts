import { describe, expect, it } from 'vitest'
import { dashboardV0toV1 } from '../../../../src/core/migrations/steps/dashboard.v0-v1'
import { migrateTo } from '../../../../src/core/migrations/migrate'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { json, migrationFixture } from '../../../fixtures/documents'

const child = (kind: Parameters<typeof migrateTo>[0], doc: unknown, v: number) => {
  const r = migrateTo(kind, doc, v)
  return r.ok ? r.value : doc
}

describe('dashboard.v0-v1', () => {
  describe('dashboardV0toV1.up', () => {
    it('should turn the pre-release dashboard fixture into the version 1 fixture', () => {
      expect(dashboardV0toV1.up(migrationFixture('dashboard', 0), child)).toEqual(migrationFixture('dashboard', 1))
    })

    it('should produce a dashboard that validates', () => {
      const r = validateDocument('dashboard', dashboardV0toV1.up(migrationFixture('dashboard', 0), child))
      expect(r.ok ? [] : r.issues.map(i => i.message.en)).toEqual([])
    })

    it('should not mutate its input', () => {
      const old = migrationFixture('dashboard', 0)
      const copy = json(old)
      dashboardV0toV1.up(old, child)
      expect(old).toEqual(copy)
    })
  })
})
