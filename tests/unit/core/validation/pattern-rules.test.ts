/**
 * A text field's pattern that could backtrack catastrophically: a document (template, backup)
 * carrying it is still valid and installs, the rule is never run, the designer refuses it by
 * field name, and `refusedPatternRules` names it (hardening issue, item 2).
 */
import type { FieldDef } from '../../../../src/core/schema/types'
import { describe, expect, it } from 'vitest'
import { validatorFor } from '../../../../src/core/records/validator-cache'
import { checkFormDesign } from '../../../../src/core/schema-evolution/design-check'
import { refusedPatternRules } from '../../../../src/core/validation/pattern-rules'
import { validateDocument } from '../../../../src/core/validation'
import { designForm } from '../../../fixtures/designer'

const HOSTILE = '^(a+)+$'
const code = (pattern: string): FieldDef => ({ id: 'code', type: 'text', label: { 'zh-CN': '编码', 'en': 'Code' }, options: { format: 'regex', pattern } })
const name: FieldDef = { id: 'name', type: 'text', label: '名称' }

describe('refused pattern rules', () => {
  it('should keep a document carrying the pattern valid, so a template or backup installs', () => {
    expect(validateDocument('form', designForm([name, code(HOSTILE)])).ok).toBe(true)
  })

  it('should never run the refused pattern when validating a record, and still run a safe one', () => {
    const value = `${'a'.repeat(1023)}!`
    const t = performance.now()
    expect(validatorFor(designForm([name, code(HOSTILE)]))({ code: value })).toEqual([])
    expect(performance.now() - t).toBeLessThan(50)
    const safe = validatorFor(designForm([name, code('^a+$')]))
    expect(safe({ code: value }).map(i => i.fieldId)).toEqual(['code'])
    expect(safe({ code: 'aaa' })).toEqual([])
  })

  it('should refuse the pattern in the designer, naming the field in both locales', () => {
    const issues = checkFormDesign(designForm([name, code(HOSTILE)]), { forms: [] })
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ path: '/fields/1/options/pattern', code: 'invalidPattern', params: { reason: 'nestedQuantifier' } })
    expect(issues[0]!.message['zh-CN']).toContain('字段「编码」')
    expect(issues[0]!.message.en).toContain('field "Code"')
    expect(checkFormDesign(designForm([name, code('^[A-Z]{2}\\d{4}$')]), { forms: [] })).toEqual([])
  })

  it('should name each disabled rule with its form and field, subform columns included', () => {
    const sub: FieldDef = { id: 'lines', type: 'subform', label: '明细', options: { fields: [{ ...code('(a|ab)*'), id: 'sku', label: 'SKU' }] } }
    const rules = refusedPatternRules([designForm([name, code(HOSTILE), sub]), designForm([code('^\\d+$')], { id: 'other' })])
    expect(rules.map(r => [r.formId, r.fieldId, r.reason])).toEqual([['deals', 'code', 'nestedQuantifier'], ['deals', 'sku', 'ambiguousAlternation']])
    expect(rules[0]!.message['zh-CN']).toBe('表单「商机」的字段「编码」：正则表达式「^(a+)+$」在重复的分组里又有重复（如 (a+)+），可能极慢，已拒绝；该校验规则已停用')
    expect(rules[0]!.message.en).toContain('field "Code" of form "商机"')
  })
})
