import { describe, expect, it } from 'vitest'
import { multiselectField } from '../../../../src/core/fields/multiselect.field'
import { selectField } from '../../../../src/core/fields/select.field'
import { stageField } from '../../../../src/core/fields/stage.field'
import { field } from '../../../fixtures/fields'

const select = field('select')
const multi = field('multiselect')
const stage = field('stage')

describe('choice fields', () => {
  describe('selectField.parseText', () => {
    it('should match option ids and labels in either locale', () => {
      for (const [text, id] of [['a', 'a'], ['高', 'a'], ['medium', 'b'], [' 低 ', 'c']]) expect(selectField.parseText(text ?? '', select), text).toEqual({ ok: true, value: id })
    })

    it('should refuse an unknown option and list the options', () => {
      const r = selectField.parseText('极高', select)
      expect(!r.ok && r.error['zh-CN']).toBe('没有选项「极高」（可选：高, 中, 低）')
    })
  })

  describe('multiselectField.parseText', () => {
    it('should split on , ; 、 and keep option order without duplicates', () => {
      expect(multiselectField.parseText('低、高;High', multi)).toEqual({ ok: true, value: ['a', 'c'] })
      expect(multiselectField.parseText('', multi)).toEqual({ ok: true, value: [] })
    })
  })

  describe('stageField.parseText', () => {
    it('should match stage labels', () => {
      expect(stageField.parseText('需求分析', stage)).toEqual({ ok: true, value: 's3' })
      expect(stageField.parseText('Won', stage)).toEqual({ ok: true, value: 'won' })
      expect(stageField.parseText('S9', stage).ok).toBe(false)
    })
  })

  describe('format', () => {
    it('should show labels in the locale, a deleted option as a marked placeholder (never its id)', () => {
      expect(selectField.format('a', select, { locale: 'en' })).toBe('High')
      expect(selectField.format('zz', select, { locale: 'en' })).toBe('[option deleted]')
      expect(selectField.format('zz', select, { locale: 'zh-CN' })).toBe('〔选项已删除〕')
      expect(multiselectField.format(['a', 'zz'], multi, { locale: 'zh-CN' })).toBe('高、〔选项已删除〕')
      expect(multiselectField.format(['a', 'c'], multi, { locale: 'zh-CN' })).toBe('高、低')
      expect(multiselectField.format(['a', 'b'], multi, { locale: 'en' })).toBe('High, Medium')
      expect(stageField.format('lost', stage, { locale: 'zh-CN' })).toBe('输单')
    })

    it('should name a removed stage by the name it had', () => {
      const withRemoved = { ...stage, options: { ...stage.options, removedStages: [{ id: 'old', label: { 'zh-CN': '旧阶段', 'en': 'Old stage' }, kind: 'open' as const }] } }
      expect(stageField.format('old', withRemoved, { locale: 'en' })).toBe('Old stage')
      expect(stageField.format('never', withRemoved, { locale: 'en' })).toBe('[option deleted]')
    })
  })

  describe('compare', () => {
    it('should sort by option and stage order, empty last', () => {
      expect(['c', null, 'a', 'b'].sort((x, y) => selectField.compare(x, y, select))).toEqual(['a', 'b', 'c', null])
      expect(['won', 's2', 's1'].sort((x, y) => stageField.compare(x, y, stage))).toEqual(['s1', 's2', 'won'])
      expect([['c'], ['a', 'c'], ['a']].sort((x, y) => multiselectField.compare(x, y, multi))).toEqual([['a'], ['a', 'c'], ['c']])
    })
  })

  describe('convertFrom', () => {
    it('should move between select, multiselect, stage and text by label', () => {
      expect(multiselectField.convertFrom('a', select, multi)).toEqual({ ok: true, value: ['a'] })
      expect(selectField.convertFrom(['b'], multi, select)).toEqual({ ok: true, value: 'b' })
      expect(selectField.convertFrom(['a', 'b'], multi, select).ok).toBe(false)
      expect(selectField.convertFrom('中', field('text'), select)).toEqual({ ok: true, value: 'b' })
      expect(stageField.convertFrom('b', field('select', { options: { choices: [{ id: 'b', label: '方案制定' }] } }), stage)).toEqual({ ok: true, value: 's4' })
    })
  })
})
