import { describe, expect, it } from 'vitest'
import { compileRecordValidator, validateDocument } from '../../../../../src/core/validation'
import { generateSalesDemo } from '../../../../../src/core/template/demo/generate'
import { members, NOW, salesTemplate } from '../../../../fixtures/template'

describe('demo/generate', () => {
  describe('generateSalesDemo against the validators', () => {
    const team = members(3)
    const t = salesTemplate()
    const demo = generateSalesDemo({ seed: 11, now: NOW, members: team, scale: 0.5 })

    it('should ship a template the document validator accepts', () => {
      const result = validateDocument('template', t)
      expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([])
    })

    it('should produce records every form\'s record validator accepts as an internal write', () => {
      const problems: unknown[] = []
      for (const form of t.bundle.forms) {
        const validate = compileRecordValidator(form)
        for (const r of demo.records[form.id] ?? []) {
          const issues = validate(r.values, { memberIds: team.map(m => m.id), computed: 'ignore' })
          if (issues.length > 0) problems.push({ form: form.id, record: r.id, issues: issues.map(i => [i.fieldId, i.code, i.message.en]) })
        }
      }
      expect(problems.slice(0, 3)).toEqual([])
    })
  })
})
