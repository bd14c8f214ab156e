import { describe, expect, it } from 'vitest'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import type { DocumentKind } from '../../../../src/core/validation/kinds'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { app, backup, dashboard, form, json, settings, template, view } from '../../../fixtures/documents'
import { field, STAGES } from '../../../fixtures/fields'

/** A form (as plain JSON) whose fields are replaced by `fields`. */
function withFields(...fields: unknown[]): FormDef {
  return json({ ...form(), fields: fields as FieldDef[] })
}

interface Case {
  name: string
  kind: DocumentKind
  doc: () => unknown
  path: string
  code: string
  /** Words the zh-CN and en messages must contain (the place and what was expected). */
  zh: string[]
  en: string[]
}

const cases: Case[] = [
  { name: 'a field without type', kind: 'form', doc: () => withFields({ id: 'x', label: '金额' }), path: '/fields/0/type', code: 'missingType', zh: ['第 1 个字段（金额）', '缺少字段类型'], en: ['field #1 (金额)', 'missing field type', 'money'] },
  { name: 'an unknown field type', kind: 'form', doc: () => withFields({ id: 'x', label: '金额', type: 'currency' }), path: '/fields/0/type', code: 'unknownType', zh: ['第 1 个字段（金额）', '未知的字段类型「currency」'], en: ['unknown field type "currency"', 'money'] },
  { name: 'a select without options', kind: 'form', doc: () => withFields(field('text'), { id: 'lvl', label: '级别', type: 'select' }), path: '/fields/1/options', code: 'required', zh: ['第 2 个字段（级别）', '缺少必填属性 options'], en: ['field #2 (级别)', 'missing required property options'] },
  { name: 'choices as plain strings', kind: 'form', doc: () => withFields({ id: 'lvl', label: '级别', type: 'select', options: { choices: ['高', '低'] } }), path: '/fields/0/options/choices/0', code: 'type', zh: ['第 1 个字段（级别）', '第 1 个选项', '应为对象'], en: ['option #1', 'must be an object'] },
  { name: 'choices at the field top level', kind: 'form', doc: () => withFields({ id: 'lvl', label: '级别', type: 'select', choices: [{ id: 'a', label: 'A' }], options: { choices: [{ id: 'a', label: 'A' }] } }), path: '/fields/0/choices', code: 'unexpectedProperty', zh: ['第 1 个字段（级别）', '不允许的属性 choices'], en: ['unknown property choices'] },
  { name: 'an option of another type', kind: 'form', doc: () => withFields({ id: 'n', label: '数量', type: 'number', options: { choices: [] } }), path: '/fields/0/options/choices', code: 'unexpectedProperty', zh: ['第 1 个字段（数量）', 'choices'], en: ['field #1 (数量)', 'unknown property choices'] },
  { name: 'duplicate field ids', kind: 'form', doc: () => withFields(field('text', { id: 'a', label: '甲' }), field('number', { id: 'a', label: '乙' })), path: '/fields/1/id', code: 'duplicateId', zh: ['第 2 个字段（乙）', '字段 id「a」重复', '第 1 个字段（甲）'], en: ['duplicate field id "a"', 'field #1 (甲)'] },
  { name: 'a duplicate id inside a subform', kind: 'form', doc: () => withFields(field('text', { id: 'qty', label: '数量' }), field('subform', { id: 'items', label: '明细' })), path: '/fields/1/options/fields/1/id', code: 'duplicateId', zh: ['第 2 个字段（明细）', '第 2 个字段（数量）', '重复'], en: ['duplicate field id "qty"'] },
  { name: 'duplicate option ids', kind: 'form', doc: () => withFields(field('select', { id: 'lvl', label: '级别', options: { choices: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] } })), path: '/fields/0/options/choices/1/id', code: 'duplicateOptionId', zh: ['第 2 个选项（B）', '选项 id「a」'], en: ['option id "a" duplicates option #1'] },
  { name: 'a __proto__ key in a field', kind: 'form', doc: () => withFields(JSON.parse('{"id":"x","label":"X","type":"text","__proto__":{"polluted":true}}')), path: '/fields/0/__proto__', code: 'forbiddenKey', zh: ['第 1 个字段（X）', '__proto__'], en: ['"__proto__" is not allowed'] },
  { name: 'a constructor key in widget config', kind: 'dashboard', doc: () => json(dashboard({ widgets: [{ id: 'w', type: 'kpi', layout: { x: 0, y: 0, w: 2, h: 2 }, config: JSON.parse('{"constructor":{"prototype":1}}') as Record<string, unknown> }] })), path: '/widgets/0/config/constructor', code: 'forbiddenKey', zh: ['第 1 个组件（w）', 'constructor'], en: ['widget #1', '"constructor" is not allowed'] },
  { name: 'a field id named prototype', kind: 'form', doc: () => withFields(field('text', { id: 'prototype', label: 'P' })), path: '/fields/0/id', code: 'reservedName', zh: ['第 1 个字段（P）', '保留名称'], en: ['reserved name "prototype"'] },
  { name: 'a newer schemaVersion', kind: 'form', doc: () => json({ ...form(), schemaVersion: 2 }), path: '/schemaVersion', code: 'newerVersion', zh: ['表单「商机」', '更新版本'], en: ['Form "商机"', 'newer FunnelGrid'] },
  { name: 'a missing schemaVersion', kind: 'view', doc: () => { const { schemaVersion: _, ...rest } = view(); return json(rest) }, path: '/schemaVersion', code: 'required', zh: ['视图「全部商机」', '缺少必填属性 schemaVersion'], en: ['missing required property schemaVersion'] },
  { name: 'a bad filter op', kind: 'view', doc: () => json(view({ filter: { and: [{ field: 'amount', op: 'bigger' as 'gt', value: 1 }] } })), path: '/filter/and/0/op', code: 'enum', zh: ['筛选条件', '第 1 个条件（amount）', '「bigger」不是允许的值'], en: ['condition #1 (amount)', 'expected one of: eq'] },
  { name: 'a filter group with both and and or', kind: 'view', doc: () => json(view({ filter: { and: [], or: [] } as unknown as { and: [] } })), path: '/filter', code: 'filterGroup', zh: ['筛选条件', 'and 或 or'], en: ['exactly one of "and" or "or"'] },
  { name: 'in without an array value', kind: 'view', doc: () => json(view({ filter: { or: [{ field: 'stage', op: 'in', value: 's1' }] } })), path: '/filter/or/0/value', code: 'type', zh: ['第 1 个条件（stage）', '应为数组'], en: ['must be a list'] },
  { name: 'a dangling titleField', kind: 'form', doc: () => json(form({ titleField: 'nope' })), path: '/titleField', code: 'danglingReference', zh: ['表单「商机」', '标题字段「nope」不存在'], en: ['the title field "nope" does not exist'] },
  { name: 'a lookup through a missing relation field', kind: 'form', doc: () => withFields(field('lookup', { id: 'lk', label: '客户名', options: { relationField: 'acct', targetField: 'name' } })), path: '/fields/0/options/relationField', code: 'danglingReference', zh: ['第 1 个字段（客户名）', '关联字段「acct」不存在'], en: ['relation field "acct"'] },
  { name: 'a rollup through a non-relation field', kind: 'form', doc: () => withFields(field('text', { id: 't', label: 'T' }), field('rollup', { id: 'r', label: '合计', options: { relationField: 't', fn: 'sum', targetField: 'x' } })), path: '/fields/1/options/relationField', code: 'wrongFieldType', zh: ['第 2 个字段（合计）', '应为 relation'], en: ['expected relation'] },
  { name: 'a dangling loss reason field', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, lossReasonField: 'why' } })), path: '/fields/0/options/lossReasonField', code: 'danglingReference', zh: ['第 1 个字段（阶段）', '输单原因字段「why」不存在'], en: ['loss reason field "why"'] },
  { name: 'a dangling snooze date field', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, snooze: { untilField: 'until' } } })), path: '/fields/0/options/snooze/untilField', code: 'danglingReference', zh: ['第 1 个字段（阶段）', '暂缓日期字段「until」不存在'], en: ['snooze date field "until"'] },
  { name: 'a snooze date that is not a date field', kind: 'form', doc: () => withFields(field('text', { id: 'until', label: '暂缓' }), field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, snooze: { untilField: 'until', reasonField: 'until' } } })), path: '/fields/1/options/snooze/untilField', code: 'wrongFieldType', zh: ['第 2 个字段（阶段）', '应为 date'], en: ['expected date'] },
  { name: 'a dangling forecast manual field', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, forecast: { manualField: 'man' } } })), path: '/fields/0/options/forecast/manualField', code: 'danglingReference', zh: ['第 1 个字段（阶段）', '手动设置字段「man」不存在'], en: ['manual forecast field "man"'] },
  { name: 'a dangling forecast category field', kind: 'form', doc: () => withFields(field('multiselect', { id: 'man', label: '手动', options: { choices: [{ id: 'probability', label: 'P' }, { id: 'category', label: 'C' }] } }), field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, forecast: { manualField: 'man', categoryField: 'cat' } } })), path: '/fields/1/options/forecast/categoryField', code: 'danglingReference', zh: ['第 2 个字段（阶段）', '预测分类字段「cat」不存在'], en: ['forecast category field "cat"'] },
  { name: 'a forecast category field lacking categories', kind: 'form', doc: () => withFields(field('multiselect', { id: 'man', label: '手动', options: { choices: [{ id: 'probability', label: 'P' }, { id: 'category', label: 'C' }] } }), field('select', { id: 'cat', label: '分类', options: { choices: [{ id: 'commit', label: 'C' }] } }), field('stage', { id: 'st', label: '阶段', options: { stages: STAGES, forecast: { manualField: 'man', categoryField: 'cat' } } })), path: '/fields/2/options/forecast/categoryField', code: 'missingChoices', zh: ['第 3 个字段（阶段）', '缺少选项 closed、bestCase、pipeline、omitted'], en: ['lacks the options closed, bestCase, pipeline, omitted'] },
  { name: 'a stage field without a won outcome', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: STAGES.filter(s => s.kind !== 'won') } })), path: '/fields/0/options/stages', code: 'stageOutcomes', zh: ['第 1 个字段（阶段）', 'won 0 个'], en: ['at least 1 won outcome', '0 won'] },
  { name: 'two lost outcomes', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: [...STAGES, { id: 'lost2', label: '放弃', kind: 'lost' }] } })), path: '/fields/0/options/stages', code: 'stageOutcomes', zh: ['最多 1 个输单结果', 'lost 2 个'], en: ['at most 1 lost outcome'] },
  { name: 'an open stage after the outcomes', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: [...STAGES, { id: 's6', label: '复盘', kind: 'open' }] } })), path: '/fields/0/options/stages/7/kind', code: 'stageOrder', zh: ['第 8 个阶段（复盘）', '排在成交/输单结果之前'], en: ['stage #8 (复盘)', 'before the won/lost outcomes'] },
  { name: 'a dangling gate field', kind: 'form', doc: () => withFields(field('stage', { id: 'st', label: '阶段', options: { stages: STAGES.map((s, i) => (i === 2 ? { ...s, gate: ['budget'] } : s)) } })), path: '/fields/0/options/stages/2/gate/0', code: 'danglingReference', zh: ['第 3 个阶段（需求分析）', '门槛字段「budget」不存在'], en: ['gate field "budget"'] },
  { name: 'a visibleWhen on a missing field', kind: 'form', doc: () => withFields(field('text', { id: 't', label: '备注', visibleWhen: { and: [{ field: 'ghost', op: 'notEmpty' }] } })), path: '/fields/0/visibleWhen/and/0/field', code: 'danglingReference', zh: ['第 1 个字段（备注）', '显示条件', '条件字段「ghost」不存在'], en: ['visibility rule', 'condition field "ghost"'] },
  { name: 'an invalid regex pattern', kind: 'form', doc: () => withFields(field('text', { id: 'code', label: '编号', options: { format: 'regex', pattern: '([a-z' } })), path: '/fields/0/options/pattern', code: 'invalidPattern', zh: ['第 1 个字段（编号）', '正则表达式'], en: ['regular expression "([a-z"'] },
  { name: 'a widget of unknown type', kind: 'dashboard', doc: () => json(dashboard({ widgets: [{ id: 'w', type: 'gauge' as 'kpi', layout: { x: 0, y: 0, w: 2, h: 2 }, config: {} }] })), path: '/widgets/0/type', code: 'enum', zh: ['第 1 个组件（w）', '「gauge」不是允许的值'], en: ['"gauge" is not allowed', 'funnel'] },
  { name: 'a widget layout with a fractional width', kind: 'dashboard', doc: () => json(dashboard({ widgets: [{ id: 'w', type: 'kpi', layout: { x: 0, y: 0, w: 2.5, h: 2 }, config: {} }] })), path: '/widgets/0/layout/w', code: 'type', zh: ['第 1 个组件（w）', 'layout.w', '应为整数'], en: ['must be a whole number'] },
  { name: 'an app listing a form twice', kind: 'app', doc: () => json(app({ formIds: ['a', 'b', 'a'] })), path: '/formIds/2', code: 'duplicateId', zh: ['应用「CRM」', '第 3 个表单引用'], en: ['duplicates item #1'] },
  { name: 'a current member not in the list', kind: 'settings', doc: () => json(settings({ currentMemberId: 'm9' })), path: '/currentMemberId', code: 'danglingReference', zh: ['工作区设置', '当前成员「m9」'], en: ['current member "m9"'] },
  { name: 'a template view on a missing form', kind: 'template', doc: () => { const t = template(); t.bundle.views[0] = { ...view(), formId: 'ghost' }; return json(t) }, path: '/bundle/views/0/formId', code: 'danglingReference', zh: ['模板「模板」', '第 1 个视图（全部商机）', '表单「ghost」不存在'], en: ['view #1 (全部商机)', 'form "ghost"'] },
  { name: 'a template lookup of a missing target field', kind: 'template', doc: () => { const t = template(); const f = t.bundle.forms[1] as FormDef; f.fields = f.fields.map(x => (x.type === 'lookup' ? { ...x, options: { relationField: 'account', targetField: 'nope' } } : x)); return json(t) }, path: '/bundle/forms/1/fields/6/options/targetField', code: 'danglingReference', zh: ['第 2 个表单（商机）', '第 7 个字段（客户名称）', '目标字段「nope」'], en: ['target field "nope"'] },
  { name: 'a backup record with a __proto__ value key', kind: 'backup', doc: () => { const b = json(backup()); (b.records.opps?.[0] as { values: object }).values = JSON.parse('{"__proto__":{"x":1}}') as object; return b }, path: '/records/opps/0/values/__proto__', code: 'forbiddenKey', zh: ['__proto__'], en: ['"__proto__" is not allowed'] },
  { name: 'a backup of the wrong kind', kind: 'backup', doc: () => json({ ...backup(), kind: 'other' }), path: '/kind', code: 'const', zh: ['应为 funnelgrid-backup'], en: ['must be funnelgrid-backup, got other'] },
]

describe('validate-document', () => {
  describe('validateDocument on malformed documents', () => {
    it.each(cases.map(c => [c.name, c] as const))('should reject %s, naming the place', (_name, c) => {
      const r = validateDocument(c.kind, c.doc())
      expect(r.ok).toBe(false)
      if (r.ok) return
      const issue = r.issues.find(i => i.path === c.path && i.code === c.code)
      expect(issue, JSON.stringify(r.issues.map(i => [i.path, i.code, i.message.en]))).toBeDefined()
      for (const word of c.zh) expect(issue?.message['zh-CN']).toContain(word)
      for (const word of c.en) expect(issue?.message.en).toContain(word)
    })

    it('should report only the branch of the field\'s own type', () => {
      const r = validateDocument('form', withFields({ id: 'n', label: '数量', type: 'number', options: { precision: 'two' } }))
      expect(!r.ok && r.issues.map(i => [i.path, i.code])).toEqual([['/fields/0/options/precision', 'type']])
    })

    it('should not pollute Object.prototype while validating', () => {
      validateDocument('form', withFields(JSON.parse('{"id":"x","label":"X","type":"text","__proto__":{"polluted":true}}')))
      expect(({} as { polluted?: boolean }).polluted).toBeUndefined()
    })
  })
})
