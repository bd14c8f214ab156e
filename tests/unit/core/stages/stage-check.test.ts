import { describe, expect, it } from 'vitest'
import { checkStageField, renameStage, setStageGate } from '../../../../src/core/stages'
import { funnelForm, funnelStageField } from '../../../fixtures/funnel'

describe('stage-check', () => {
  describe('checkStageField', () => {
    const fields = funnelForm().fields

    it('should accept the template-like funnel', () => {
      expect(checkStageField(funnelStageField(), fields)).toEqual([])
    })

    it('should name a stage without a name by its position', () => {
      const problems = checkStageField(renameStage(funnelStageField(), 'needs', { 'zh-CN': ' ', 'en': '' }), fields)
      expect(problems.map(p => [p.stageId, p.code, p.message['zh-CN']])).toEqual([['needs', 'emptyLabel', '第 2 个阶段没有名称']])
    })

    it('should refuse two stages with the same name, ignoring case and spaces', () => {
      const problems = checkStageField(renameStage(funnelStageField(), 'needs', { 'zh-CN': '需求', 'en': ' lead ' }), fields)
      expect(problems.map(p => p.code)).toEqual(['duplicateLabel'])
      expect(problems[0]?.message.en).toBe('Stage "lead" has the same name as stage #1')
    })

    it('should report gate fields that do not exist', () => {
      const problems = checkStageField(setStageGate(funnelStageField(), 'lead', ['ghost']), fields)
      expect(problems.map(p => p.code)).toEqual(['unknownGateField'])
    })
  })
})
