import { describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import RecordStageTimeline from '@/components/funnel/RecordStageTimeline.vue'
import StageTimeline from '@/components/funnel/StageTimeline.vue'
import { createMemoryAdapter } from '@/core/storage/memory-adapter'
import { useRecordsStore } from '@/stores/records'
import { useWorkspaceStore } from '@/stores/workspace'
import { funnelForm, funnelStageField, opp, stageEvent } from '../fixtures/funnel'
import { mountWithApp, settle } from './mount-app'

const DAY = 86_400_000

describe('StageTimeline', () => {
  it('should list the stages in order with their colour and days spent', () => {
    const events = [stageEvent('e2', 'lead', 'needs', 3), stageEvent('e1', null, 'lead', 0)]
    const { wrapper } = mountWithApp(StageTimeline, { locale: 'en', props: { events, field: funnelStageField(), locale: 'en', now: 10 * DAY } })
    const names = wrapper.findAll('[data-test=stage-timeline-name]')
    expect(names.map(n => n.text())).toEqual(['Lead', 'Needs analysis'])
    expect(names[1]!.attributes('style')).toContain('color: #9a60b4')
    expect(wrapper.findAll('[data-test=stage-timeline-days]').map(d => d.text())).toEqual(['3 days', '7 days'])
    expect(wrapper.findAll('[data-test=stage-timeline-entry]')[1]!.text()).toContain('current')
    wrapper.unmount()
  })

  it('should not age a won deal in its current stage', () => {
    const events = [stageEvent('e1', null, 'lead', 0), stageEvent('e2', 'lead', 'won', 3)]
    const { wrapper } = mountWithApp(StageTimeline, { locale: 'zh-CN', props: { events, field: funnelStageField(), locale: 'zh-CN', now: 3563 * DAY } })
    expect(wrapper.findAll('[data-test=stage-timeline-days]').map(d => d.text())).toEqual(['3 天'])
    const last = wrapper.findAll('[data-test=stage-timeline-entry]').at(-1)!
    expect(last.text()).not.toContain('3560')
    expect(last.find('[data-test=stage-timeline-closed]').text()).toBe('已结束，不再计时')
    wrapper.unmount()
  })

  it('should say so when there is no history', () => {
    const { wrapper } = mountWithApp(StageTimeline, { props: { events: [], field: funnelStageField(), locale: 'zh-CN' } })
    expect(wrapper.find('[data-test=stage-timeline-empty]').text()).toBe('还没有阶段变更记录。')
    wrapper.unmount()
  })
})

describe('RecordStageTimeline', () => {
  it('should load the record\'s events and show a stage change made afterwards', async () => {
    const adapter = createMemoryAdapter()
    const form = funnelForm()
    await adapter.commit({
      defs: { put: [{ kind: 'form', doc: form }] },
      records: { opp: { put: [opp('r1', { stage: 'needs', amount: 5, needsText: 'ERP' })] } },
      stageEvents: [stageEvent('e1', null, 'lead', 0), stageEvent('e2', 'lead', 'needs', 1), stageEvent('x', null, 'lead', 0, 'other')],
    })
    const { wrapper } = mountWithApp(RecordStageTimeline, { adapter, props: { formId: 'opp', recordId: 'r1', field: funnelStageField() } })
    await useWorkspaceStore().load()
    await settle()
    expect(wrapper.findAll('[data-test=stage-timeline-name]').map(n => n.text())).toEqual(['潜在客户识别', '需求分析'])
    const result = await useRecordsStore().update('opp', [{ recordId: 'r1', values: { stage: 'proposal' } }])
    expect(result.ok).toBe(true)
    await new Promise(r => setTimeout(r, 250))
    await flushPromises()
    expect(wrapper.findAll('[data-test=stage-timeline-name]').map(n => n.text())).toEqual(['潜在客户识别', '需求分析', '方案制定'])
    wrapper.unmount()
  })
})
