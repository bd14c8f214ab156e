/** Lead scores: rule points by the filter language, learned points, the explanation, and every write path computing them. */
import { describe, expect, it } from 'vitest'
import type { FieldOf, FormDef, ScoreRule } from '../../../../src/core/schema/types'
import { explainScore, withScores } from '../../../../src/core/records/score-values'
import { createRecords, updateRecords } from '../../../../src/core/records/mutations'
import { recomputeRows, derivedDefinitionsChanged } from '../../../../src/core/records/recompute'
import { relatedRowsOf } from '../../../../src/core/records/related-rows'
import { validateDocument } from '../../../../src/core/validation/validate-document'
import { field } from '../../../fixtures/fields'
import { formOf, rec, validatorOf } from '../../../fixtures/derived'

const NOW = new Date(2026, 11, 4, 12).getTime()
const DAY = 86_400_000
const day = (offset: number) => new Date(NOW + offset * DAY).toISOString().slice(0, 10)

const industry = field('select', { id: 'industry', label: '行业', options: { choices: [{ id: 'mfg', label: '制造业' }, { id: 'it', label: '互联网' }] } })
const budget = field('money', { id: 'budget', label: '预算' })
const lastContact = field('date', { id: 'last', label: '最近跟进' })
const rules: ScoreRule[] = [
  { id: 'r1', when: { and: [{ field: 'industry', op: 'eq', value: 'mfg' }] }, points: 20 },
  { id: 'r2', when: { and: [{ field: 'budget', op: 'gt', value: 1_000_000 }] }, points: 30 },
  // 最近跟进 older than 30 days: before the day 30 days ago
  { id: 'r3', when: { and: [{ field: 'last', op: 'lt', value: day(-30) }] }, points: -10 },
]
const score = field('score', { id: 'score', label: '线索评分', options: { rules } }) as FieldOf<'score'>
const form: FormDef = formOf('leads', [industry, budget, lastContact, score])

describe('lead scores', () => {
  it('should add the points of every rule that holds and name them', () => {
    const why = explainScore(form, score, { industry: 'mfg', budget: 2_000_000, last: day(-40) }, NOW)
    expect(why.total).toBe(40)
    expect(why.fired.map(f => [f.ruleId, f.points])).toEqual([['r1', 20], ['r2', 30], ['r3', -10]])
    expect(explainScore(form, score, { industry: 'it', budget: 500_000, last: day(-3) }, NOW)).toEqual({ total: 0, fired: [], learned: [] })
  })

  it('should rank five hand-made leads in the expected order', () => {
    const leads = {
      A: { industry: 'mfg', budget: 2_000_000, last: day(-2) }, // 50
      B: { industry: 'mfg', budget: 2_000_000, last: day(-60) }, // 40
      C: { industry: 'it', budget: 3_000_000, last: day(-1) }, // 30
      D: { industry: 'mfg', budget: 100, last: day(-5) }, // 20
      E: { industry: 'it', budget: 100, last: day(-90) }, // -10
    }
    const scored = Object.entries(leads).map(([k, v]) => [k, withScores(form, { ...v }, NOW).score as number] as const)
    expect(scored.toSorted((a, b) => b[1] - a[1]).map(([k]) => k)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(scored.map(([, s]) => s)).toEqual([50, 40, 30, 20, -10])
  })

  it('should add learned points of the values a record holds, only for the chosen fields', () => {
    const learned = field('score', {
      id: 'score',
      options: {
        rules: [rules[0]!],
        learned: { stageField: 'stage', fields: ['industry'], table: [{ field: 'industry', value: 'mfg', won: 30, n: 40, points: 15 }, { field: 'budget', value: '1', won: 1, n: 1, points: 99 }] },
      },
    }) as FieldOf<'score'>
    const f2 = formOf('leads', [industry, budget, learned])
    const why = explainScore(f2, learned, { industry: 'mfg', budget: 1 }, NOW)
    expect(why.total).toBe(35)
    expect(why.learned).toEqual([{ field: 'industry', value: 'mfg', won: 30, n: 40, points: 15 }])
  })

  it('should compute the score on create and update and ignore a typed score', () => {
    const v = validatorOf(form)
    const created = createRecords(form, [{ industry: 'mfg', budget: 2_000_000, score: 999 }], v, { now: NOW })
    expect(created.ok && created.records[0]!.values.score).toBe(50)
    const row = created.ok ? created.records[0]! : rec('x', {})
    const updated = updateRecords(form, new Map([[row.id, row]]), [{ recordId: row.id, values: { industry: 'it' } }], v, { now: NOW })
    expect(updated.ok && updated.records[0]!.values.score).toBe(30)
  })

  it('should recompute stored scores when the rules change (designer save)', () => {
    const changed: FormDef = { ...form, fields: [industry, budget, lastContact, { ...score, options: { rules: [{ ...rules[0]!, points: 5 }] } }] }
    expect(derivedDefinitionsChanged(form, changed)).toBe(true)
    const rows = recomputeRows(changed, [rec('a', { industry: 'mfg', score: 20 })], { related: relatedRowsOf({}) })
    expect(rows.map(r => r.values.score)).toEqual([5])
  })

  it('should let a formula read the score', () => {
    const f3 = formOf('leads', [industry, score, field('formula', { id: 'hot', options: { expression: 'IF({score} >= 20, "hot", "cold")', resultType: 'text' } })])
    const created = createRecords(f3, [{ industry: 'mfg' }], validatorOf(f3), { now: NOW })
    expect(created.ok && created.records[0]!.values).toMatchObject({ score: 20, hot: 'hot' })
  })

  it('should refuse a form whose score rule names a deleted field, naming the field and the rule', () => {
    const trashed: FormDef = { ...formOf('leads', [budget, score]), trash: [{ field: industry, deletedAt: 1 }] }
    const res = validateDocument('form', trashed)
    expect(res.ok).toBe(false)
    const msg = res.ok ? [] : res.issues.map(i => i.message['zh-CN'])
    expect(msg.join('\n')).toContain('第 1 条评分规则用到的字段「行业」已删除')
    expect(msg.join('\n')).toContain('线索评分')
    const en = res.ok ? [] : res.issues.map(i => i.message.en)
    expect(en.join('\n')).toContain('score rule 1 uses the field "行业", which was deleted')
  })

  it('should refuse a learned mode on a missing stage field or a deleted learned field', () => {
    const bad = field('score', { id: 'score', label: '线索评分', options: { rules: [], learned: { stageField: 'nope', fields: ['industry'] } } })
    const res = validateDocument('form', { ...formOf('leads', [bad]), trash: [{ field: industry, deletedAt: 1 }] })
    expect(res.ok).toBe(false)
    const msg = res.ok ? '' : res.issues.map(i => i.message['zh-CN']).join('\n')
    expect(msg).toContain('学习模式的阶段字段「nope」不存在')
    expect(msg).toContain('学习模式用到的字段「行业」已删除')
  })
})

describe('the sales-funnel template\'s 线索评分', () => {
  it('should score 商机 by its four rules and list the most promising open ones first', async () => {
    const { getTemplate } = await import('../../../../src/core/template')
    const t = getTemplate('sales-funnel')!
    const opp = t.bundle.forms.find(f => f.id === 'form_opportunity')!
    const s = opp.fields.find(f => f.id === 'f_opp_score') as FieldOf<'score'>
    expect(s.options.rules.map(r => r.points)).toEqual([20, 30, 15, -10])
    const best = withScores(opp, { f_opp_source: 'src_referral', f_opp_budget: 2_000_000, f_opp_decision_maker: '王总' }, NOW).f_opp_score
    const worst = withScores(opp, { f_opp_source: 'src_ads', f_opp_competitors: '某竞品' }, NOW).f_opp_score
    expect([best, worst]).toEqual([65, -10])
    const view = t.bundle.views.find(v => v.id === 'view_opp_promising')!
    expect(view.sort).toEqual([{ field: 'f_opp_score', dir: 'desc' }])
    expect(view.filter).toEqual(t.bundle.views.find(v => v.id === 'view_opp_open')!.filter)
  })
})
