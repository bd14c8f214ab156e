import { describe, expect, it } from 'vitest'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { allFields, choiceIds, fieldById, fieldByLabel, formByName, salesTemplate, zh } from '../../../fixtures/template'

const t = salesTemplate()
const forms = t.bundle.forms
const formById = (id: string): FormDef | undefined => forms.find(f => f.id === id)
const opp = formByName(t, '商机')

/** Field ids a formula expression references as `{f_x}`. */
function formulaRefs(expression: string): string[] {
  return [...expression.matchAll(/\{(f_[a-z0-9_]+)\}/g)].map(m => m[1] as string)
}

describe('templates/sales-funnel.json', () => {
  describe('forms', () => {
    it('should contain every form DESIGN.md lists, named in Chinese and English', () => {
      const names = forms.map(f => zh(f.name))
      expect(names).toEqual(['客户', '联系人', '商机', '跟进记录', '方案/报价', '合同', '回款', '售后服务', '客户反馈', '营销活动', '销售目标'])
      for (const f of forms) expect(typeof f.name === 'object' && f.name.en).toBeTruthy()
    })

    it('should give every form a title field that exists in it', () => {
      for (const f of forms) expect(fieldById(f, f.titleField ?? ''), zh(f.name)).toBeDefined()
    })

    it('should use readable, unique f_ ids for the fields of each form', () => {
      for (const f of forms) {
        const ids = allFields(f).map(x => x.id)
        expect(new Set(ids).size, zh(f.name)).toBe(ids.length)
        for (const id of ids) expect(id).toMatch(/^f_[a-z0-9_]+$/)
      }
    })

    it('should label every field in both languages, Chinese first', () => {
      for (const f of forms) {
        for (const field of allFields(f)) {
          expect(typeof field.label === 'object' && Object.keys(field.label), field.id).toEqual(['zh-CN', 'en'])
        }
      }
    })

    it.each([
      ['客户', [['客户名称', 'text'], ['行业', 'select'], ['企业规模', 'select'], ['所在区域', 'select'], ['详细地址', 'text'], ['客户来源', 'select'], ['负责人', 'member'], ['电话', 'phone'], ['网站', 'url']]],
      ['联系人', [['姓名', 'text'], ['所属客户', 'relation'], ['职位', 'text'], ['手机', 'phone'], ['邮箱', 'email'], ['决策角色', 'select']]],
      ['商机', [['商机名称', 'text'], ['客户', 'relation'], ['销售阶段', 'stage'], ['预计金额', 'money'], ['赢单概率', 'percent'], ['预计成交日期', 'date'], ['负责人', 'member'], ['线索来源', 'select'], ['客户需求', 'textarea'], ['客户预算', 'money'], ['竞争对手', 'text'], ['关键决策人', 'text'], ['方案演示日期', 'date'], ['客户反馈', 'textarea'], ['报价金额', 'money'], ['付款条件', 'select'], ['客户异议', 'textarea'], ['输单原因', 'select']]],
      ['跟进记录', [['跟进方式', 'select'], ['关联商机', 'relation'], ['跟进日期', 'date'], ['跟进人', 'member'], ['跟进内容', 'textarea'], ['下一步计划', 'text']]],
      ['方案/报价', [['关联商机', 'relation'], ['报价明细', 'subform'], ['产品/服务', 'text'], ['数量', 'number'], ['单价', 'money'], ['小计', 'formula'], ['合计金额', 'formula']]],
      ['合同', [['合同编号', 'serial'], ['关联商机', 'relation'], ['客户', 'relation'], ['合同金额', 'money'], ['签约日期', 'date'], ['合同状态', 'select']]],
      ['回款', [['关联合同', 'relation'], ['回款金额', 'money'], ['回款日期', 'date'], ['付款方式', 'select']]],
      ['售后服务', [['客户', 'relation'], ['服务类型', 'select'], ['优先级', 'select'], ['处理状态', 'select'], ['受理日期', 'date'], ['解决日期', 'date']]],
      ['客户反馈', [['客户', 'relation'], ['满意度', 'rating'], ['反馈内容', 'textarea']]],
      ['营销活动', [['活动名称', 'text'], ['渠道', 'select'], ['预算', 'money'], ['开始日期', 'date'], ['结束日期', 'date'], ['获得线索数', 'number']]],
      ['销售目标', [['销售人员', 'member'], ['月份', 'date'], ['目标金额', 'money']]],
    ] as const)('should give %s its fields with the right types', (formName, fields) => {
      const form = formByName(t, formName)
      for (const [label, type] of fields) expect(fieldByLabel(form, label).type, label).toBe(type)
    })
  })

  describe('stage field', () => {
    const stage = fieldByLabel(opp, '销售阶段') as Extract<FieldDef, { type: 'stage' }>
    const stages = stage.options.stages

    it('should list the six-stage funnel in order with won and lost outcomes', () => {
      expect(stages.map(s => [zh(s.label), s.kind, s.probability])).toEqual([
        ['潜在客户识别', 'open', 10], ['接触和交流', 'open', 20], ['需求分析', 'open', 40], ['方案制定', 'open', 60],
        ['谈判和异议处理', 'open', 80], ['成交与签约', 'won', 100], ['输单', 'lost', 0],
      ])
    })

    it('should colour every stage and give every open stage a stalled threshold', () => {
      for (const s of stages) expect(s.color).toMatch(/^#[0-9a-f]{6}$/)
      for (const s of stages.filter(x => x.kind === 'open')) expect(s.stalledAfterDays).toBeGreaterThan(0)
    })

    it('should require an amount before entering 方案制定 and a loss reason before 输单', () => {
      const gate = (name: string): string[] => (stages.find(s => zh(s.label) === name)?.gate ?? []).map(id => zh(fieldById(opp, id)?.label))
      expect(gate('方案制定')).toContain('预计金额')
      expect(gate('输单')).toEqual(['输单原因'])
      for (const s of stages) for (const id of s.gate ?? []) expect(fieldById(opp, id), id).toBeDefined()
    })

    it('should point the loss reason and probability settings at the right fields', () => {
      expect(fieldById(opp, stage.options.lossReasonField ?? '')?.type).toBe('select')
      expect(fieldById(opp, stage.options.probabilityField ?? '')?.type).toBe('percent')
    })

    it('should keep a deal\'s snooze in a date field and a reason field of the opportunity form', () => {
      expect(fieldById(opp, stage.options.snooze?.untilField ?? '')?.type).toBe('date')
      expect(fieldById(opp, stage.options.snooze?.reasonField ?? '')?.type).toBe('text')
    })

    it('should offer the lead sources and loss reasons the brief names', () => {
      const labels = (id: string): string[] => {
        const f = fieldById(opp, id)
        return f?.type === 'select' ? f.options.choices.map(c => zh(c.label)) : []
      }
      expect(labels('f_opp_source')).toEqual(expect.arrayContaining(['展会', '官网', '转介绍', '电话营销', '社交媒体', '广告', '合作伙伴']))
      expect(labels('f_opp_loss_reason')).toEqual(expect.arrayContaining(['价格过高', '选择竞品', '需求变化', '预算不足', '无决策权', '时机不成熟']))
      const act = formByName(t, '跟进记录')
      expect(choiceIds(fieldByLabel(act, '跟进方式')).length).toBe(4)
    })
  })

  describe('references', () => {
    it('should point every relation at a form of the bundle', () => {
      for (const f of forms) {
        for (const field of allFields(f)) if (field.type === 'relation') expect(formById(field.options.formId), field.id).toBeDefined()
      }
    })

    it('should point every lookup at a relation of its form and a field of the target form', () => {
      for (const f of forms) {
        for (const field of allFields(f).filter(x => x.type === 'lookup')) {
          if (field.type !== 'lookup') continue
          const rel = fieldById(f, field.options.relationField)
          expect(rel?.type, field.id).toBe('relation')
          const target = rel?.type === 'relation' ? formById(rel.options.formId) : undefined
          expect(target && fieldById(target, field.options.targetField), field.id).toBeDefined()
        }
      }
    })

    it('should total proposal line items by summing the subtotal formula of the subform', () => {
      const proposal = formByName(t, '方案/报价')
      const total = fieldByLabel(proposal, '合计金额')
      const items = fieldByLabel(proposal, '报价明细')
      const subtotal = fieldByLabel(proposal, '小计')
      expect(total.type === 'formula' && total.options.expression).toBe(`SUM({${items.id}.${subtotal.id}})`)
      expect(subtotal.type === 'formula' && formulaRefs(subtotal.options.expression)).toEqual([fieldByLabel(proposal, '数量').id, fieldByLabel(proposal, '单价').id])
    })

    it('should reference only existing fields in formulas, visibility rules and views', () => {
      for (const f of forms) {
        for (const field of allFields(f)) {
          if (field.type === 'formula') for (const ref of formulaRefs(field.options.expression)) expect(fieldById(f, ref), `${field.id} -> ${ref}`).toBeDefined()
          const when = field.visibleWhen
          const conditions = when === undefined ? [] : 'and' in when ? when.and : when.or
          for (const c of conditions) expect('field' in c && fieldById(f, c.field), field.id).toBeTruthy()
        }
      }
      for (const v of t.bundle.views) {
        const form = formById(v.formId)
        expect(form, v.id).toBeDefined()
        const refs = [...(v.columns ?? []).map(c => c.field), ...(v.sort ?? []).map(s => s.field), ...(v.kanban ? [v.kanban.field, v.kanban.amountField ?? '', ...(v.kanban.cardFields ?? [])] : [])]
        for (const ref of refs) expect(form && fieldById(form, ref), `${v.id}: ${ref}`).toBeDefined()
      }
    })

    it('should number contracts with the HT-date-counter pattern', () => {
      const no = fieldByLabel(formByName(t, '合同'), '合同编号')
      expect(no.type === 'serial' && no.options.pattern).toBe('HT-{yyyyMMdd}-{0000}')
    })
  })

  describe('views and app', () => {
    it('should give every form at least one grid view with columns and a sort', () => {
      for (const f of forms) {
        const grid = t.bundle.views.find(v => v.formId === f.id && v.kind === 'grid')
        expect(grid?.columns?.length, zh(f.name)).toBeGreaterThan(2)
        expect(grid?.sort?.length, zh(f.name)).toBeGreaterThan(0)
      }
    })

    it('should show opportunities on a kanban by stage, summing the amount', () => {
      const kanban = t.bundle.views.find(v => v.kind === 'kanban')
      expect(kanban?.formId).toBe(opp.id)
      expect(kanban?.kanban?.field).toBe(fieldByLabel(opp, '销售阶段').id)
      expect(kanban?.kanban?.amountField).toBe(fieldByLabel(opp, '预计金额').id)
    })

    it('should list every form and the sales dashboard in the app sidebar', () => {
      expect(t.bundle.app.formIds).toEqual(forms.map(f => f.id))
      expect(t.bundle.app.dashboardIds).toEqual(t.bundle.dashboards.map(d => d.id))
      expect(t.bundle.dashboards.map(d => d.name)).toEqual([{ 'zh-CN': '销售仪表盘', 'en': 'Sales dashboard' }])
      expect(new Set(t.bundle.views.map(v => v.id)).size).toBe(t.bundle.views.length)
      for (const f of forms) expect(f.appId).toBe(t.bundle.app.id)
    })
  })
})
