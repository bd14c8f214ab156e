import { describe, expect, it } from 'vitest'
import { labelText } from '../../../../src/core/utils/label'
import { sampleChoices } from '../../../../src/core/fields/shared/new-options'
import { withLabel } from '../../../../src/components/designer/label-edit'

describe('label-edit', () => {
  it('should let English follow a renamed option whose English was the app\'s default (not "Option 1")', () => {
    const [option] = sampleChoices(1)
    const renamed = withLabel(option!.label, 'zh-CN', '高意向')
    expect(labelText(renamed, 'zh-CN')).toBe('高意向')
    expect(labelText(renamed, 'en')).toBe('高意向')
  })

  it('should keep an English translation someone set, and update only the language edited', () => {
    const label = { 'zh-CN': '高', 'en': 'High' }
    const renamed = withLabel(label, 'zh-CN', '很高')
    expect(labelText(renamed, 'zh-CN')).toBe('很高')
    expect(labelText(renamed, 'en')).toBe('High')
    expect(labelText(withLabel(label, 'en', 'Very high'), 'zh-CN')).toBe('高')
  })

  it('should let Chinese follow when the default option is renamed in English', () => {
    const renamed = withLabel({ 'zh-CN': '选项2', 'en': 'Option 2' }, 'en', 'Referral')
    expect(labelText(renamed, 'zh-CN')).toBe('Referral')
    expect(labelText(renamed, 'en')).toBe('Referral')
  })

  it('should treat the sample pipeline\'s stage names as defaults too, then keep a translation added later', () => {
    const stage = withLabel({ 'zh-CN': '需求分析', 'en': 'Analyse' }, 'zh-CN', '需求确认')
    expect(labelText(stage, 'en')).toBe('需求确认')
    const translated = withLabel(stage, 'en', 'Needs confirmed')
    expect(translated).toEqual({ 'zh-CN': '需求确认', 'en': 'Needs confirmed' })
    expect(labelText(withLabel(translated, 'zh-CN', '需求已确认'), 'en')).toBe('Needs confirmed')
  })
})
