import { describe, expect, it } from 'vitest'
import type { Label } from '../../../../src/core/schema/types'
import { labelText } from '../../../../src/core/utils/label'
import { editLabel, labelParts, setTranslation } from '../../../../src/core/utils/label-edit'
import { sampleChoices, sampleStages } from '../../../../src/core/fields/shared/new-options'

const both = (l: Label) => [labelText(l, 'zh-CN'), labelText(l, 'en')]

describe('editLabel', () => {
  it('should keep a plain label plain: one name for both languages, in whichever language it is edited', () => {
    expect(editLabel('Etapa', 'zh-CN', 'Fase')).toBe('Fase')
    expect(editLabel('Etapa', 'en', 'Fase')).toBe('Fase')
    expect(editLabel(undefined, 'en', 'Lead')).toBe('Lead')
    expect(labelParts('Presentación', 'en')).toEqual({ name: 'Presentación', translation: '' })
  })

  it('should update only the edited language when a translation was set, and keep the translation', () => {
    const label = { 'zh-CN': '高', 'en': 'High' }
    expect(editLabel(label, 'zh-CN', '很高')).toEqual({ 'zh-CN': '很高', 'en': 'High' })
    expect(editLabel(label, 'en', 'Very high')).toEqual({ 'zh-CN': '高', 'en': 'Very high' })
    expect(labelParts(label, 'en')).toEqual({ name: 'High', translation: '高' })
  })

  it('should let the other language follow a renamed option, stage or new stage whose translation the app filled in', () => {
    const [option] = sampleChoices(1)
    expect(both(editLabel(option!.label, 'zh-CN', '高意向'))).toEqual(['高意向', '高意向'])
    expect(both(editLabel({ 'zh-CN': '选项2', 'en': 'Option 2' }, 'en', 'Referral'))).toEqual(['Referral', 'Referral'])
    const [stage] = sampleStages()
    expect(editLabel(stage!.label, 'zh-CN', '需求确认')).toBe('需求确认')
    expect(editLabel({ 'zh-CN': '阶段4', 'en': 'Stage 4' }, 'zh-CN', '演示')).toBe('演示')
    expect(editLabel({ 'zh-CN': '新阶段', 'en': 'New stage' }, 'en', 'Demo')).toBe('Demo')
    expect(labelParts(option!.label, 'zh-CN').translation).toBe('')
  })

  it('should take a caller\'s own test for app-filled pairs (a new field named after its type)', () => {
    const isTypeName = (zh: string, en: string) => zh === '单行文本' && en === 'Text'
    expect(editLabel({ 'zh-CN': '单行文本', 'en': 'Text' }, 'zh-CN', '客户名称', isTypeName)).toBe('客户名称')
    expect(editLabel({ 'zh-CN': '单行文本', 'en': 'Text' }, 'zh-CN', '客户名称')).toEqual({ 'zh-CN': '客户名称', 'en': 'Text' })
  })

  it('should keep a translation while the name is cleared and retyped', () => {
    const cleared = editLabel({ 'zh-CN': '高', 'en': 'High' }, 'en', '')
    expect(labelParts(cleared, 'en')).toEqual({ name: '', translation: '高' })
    expect(editLabel(cleared, 'en', 'Hi')).toEqual({ 'zh-CN': '高', 'en': 'Hi' })
  })

  it('should treat a label set in one language only as one name for both', () => {
    expect(labelParts({ 'zh-CN': '线索' }, 'en')).toEqual({ name: '线索', translation: '' })
    expect(editLabel({ 'zh-CN': '线索' }, 'en', 'Lead')).toBe('Lead')
    expect(editLabel({ 'zh-CN': 'Same', 'en': 'Same' }, 'zh-CN', 'Other')).toBe('Other')
  })
})

describe('setTranslation', () => {
  it('should add a translation for the other language, leaving the name as shown', () => {
    expect(setTranslation('需求确认', 'en', 'Needs confirmed')).toEqual({ 'zh-CN': '需求确认', 'en': 'Needs confirmed' })
    expect(setTranslation('Lead', 'zh-CN', '线索')).toEqual({ 'zh-CN': '线索', 'en': 'Lead' })
    expect(setTranslation({ 'zh-CN': '选项1', 'en': 'Option 1' }, 'en', 'Red')).toEqual({ 'zh-CN': '选项1', 'en': 'Red' })
  })

  it('should make a cleared translation follow the name again (a plain label)', () => {
    expect(setTranslation({ 'zh-CN': '需求确认', 'en': 'Needs confirmed' }, 'en', '')).toBe('需求确认')
    expect(setTranslation({ 'zh-CN': '需求确认', 'en': 'Needs confirmed' }, 'en', '  ')).toBe('需求确认')
    expect(setTranslation({ 'zh-CN': 'Lead', 'en': 'Pista' }, 'zh-CN', '')).toBe('Pista')
    expect(setTranslation('Demo', 'en', 'Demo')).toBe('Demo')
  })
})
