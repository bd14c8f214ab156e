/** Checks of select/multiselect/stage options: unique ids, and the stage outcome rules. */
import type { FieldDef, FieldOf, SelectOption, StageOption } from '../../schema/types'
import { STAGE_LINK_SPECS } from '../../stages/stage-links'
import type { IssueSink } from '../compose'
import { report } from '../compose'
import { dangling, wrongType } from './refs'

/** Runs option checks for one field; `scope` resolves field references. */
export function checkOptions(sink: IssueSink, field: FieldDef, path: string, scope: ReadonlyMap<string, FieldDef>): void {
  if (field.type === 'select' || field.type === 'multiselect') checkUniqueOptions(sink, field.options.choices, `${path}/options/choices`)
  if (field.type !== 'stage') return
  const stages = field.options.stages
  checkUniqueOptions(sink, stages, `${path}/options/stages`)
  checkOutcomes(sink, stages, path)
  stages.forEach((s, i) => s.gate?.forEach((g, j) => {
    if (!scope.has(g)) dangling(sink, `${path}/options/stages/${i}/gate/${j}`, g, '门槛字段', 'gate field')
  }))
  const { lossReasonField, probabilityField } = field.options
  if (lossReasonField !== undefined) {
    const f = scope.get(lossReasonField)
    if (!f) dangling(sink, `${path}/options/lossReasonField`, lossReasonField, '输单原因字段', 'loss reason field')
    else if (!STAGE_LINK_SPECS.lossReason.types.includes(f.type)) wrongType(sink, `${path}/options/lossReasonField`, f, 'select, multiselect, text or textarea')
  }
  if (probabilityField !== undefined) {
    const f = scope.get(probabilityField)
    if (!f) dangling(sink, `${path}/options/probabilityField`, probabilityField, '赢率字段', 'probability field')
    else if (!STAGE_LINK_SPECS.probability.types.includes(f.type)) wrongType(sink, `${path}/options/probabilityField`, f, 'percent or number')
  }
  checkForecast(sink, field, path, scope)
  const snooze = field.options.snooze
  if (snooze) {
    const until = scope.get(snooze.untilField)
    if (!until) dangling(sink, `${path}/options/snooze/untilField`, snooze.untilField, '暂缓日期字段', 'snooze date field')
    else if (!STAGE_LINK_SPECS.snoozeUntil.types.includes(until.type)) wrongType(sink, `${path}/options/snooze/untilField`, until, 'date')
    if (snooze.reasonField !== undefined) {
      const reason = scope.get(snooze.reasonField)
      if (!reason) dangling(sink, `${path}/options/snooze/reasonField`, snooze.reasonField, '暂缓原因字段', 'snooze reason field')
      else if (!STAGE_LINK_SPECS.snoozeReason.types.includes(reason.type)) wrongType(sink, `${path}/options/snooze/reasonField`, reason, 'select, text or textarea')
    }
  }
}

/** The forecast fields: a multiselect manual field with the options probability / category, a select category field with the five categories. */
function checkForecast(sink: IssueSink, field: FieldOf<'stage'>, path: string, scope: ReadonlyMap<string, FieldDef>): void {
  const fc = field.options.forecast
  if (!fc) return
  const manual = scope.get(fc.manualField)
  if (!manual) dangling(sink, `${path}/options/forecast/manualField`, fc.manualField, '手动设置字段', 'manual forecast field')
  else if (manual.type !== 'multiselect') wrongType(sink, `${path}/options/forecast/manualField`, manual, 'multiselect')
  else missingChoices(sink, `${path}/options/forecast/manualField`, manual, STAGE_LINK_SPECS.forecastManual.choices ?? [])
  if (fc.categoryField === undefined) return
  const category = scope.get(fc.categoryField)
  if (!category) dangling(sink, `${path}/options/forecast/categoryField`, fc.categoryField, '预测分类字段', 'forecast category field')
  else if (category.type !== 'select') wrongType(sink, `${path}/options/forecast/categoryField`, category, 'select')
  else missingChoices(sink, `${path}/options/forecast/categoryField`, category, STAGE_LINK_SPECS.forecastCategory.choices ?? [])
}

function missingChoices(sink: IssueSink, path: string, field: FieldOf<'select'> | FieldOf<'multiselect'>, ids: readonly string[]): void {
  const missing = ids.filter(id => !field.options.choices.some(c => c.id === id))
  if (missing.length === 0) return
  report(sink, path, 'missingChoices', { id: field.id, missing }, {
    'zh-CN': `字段「${field.id}」缺少选项 ${missing.join('、')}`,
    'en': `the field "${field.id}" lacks the options ${missing.join(', ')}`,
  })
}

function checkUniqueOptions(sink: IssueSink, options: readonly SelectOption[], base: string): void {
  const seen = new Map<string, number>()
  options.forEach((o, i) => {
    const first = seen.get(o.id)
    if (first === undefined) {
      seen.set(o.id, i)
      return
    }
    report(sink, `${base}/${i}/id`, 'duplicateOptionId', { id: o.id, first }, {
      'zh-CN': `选项 id「${o.id}」与第 ${first + 1} 个选项重复`,
      'en': `option id "${o.id}" duplicates option #${first + 1}`,
    }, `${base}/${i}`)
  })
}

/**
 * A stage field needs at least one open stage, at least one won outcome and at most one lost
 * outcome (loss reasons belong in `lossReasonField`), and every open stage comes before the
 * outcomes, so that S1..Sn are the open stages in order.
 */
function checkOutcomes(sink: IssueSink, stages: readonly StageOption[], path: string): void {
  const count = (kind: StageOption['kind']) => stages.filter(s => s.kind === kind).length
  const [open, won, lost] = [count('open'), count('won'), count('lost')]
  if (open < 1 || won < 1 || lost > 1) {
    report(sink, `${path}/options/stages`, 'stageOutcomes', { open, won, lost }, {
      'zh-CN': `阶段需要至少 1 个进行中阶段（open）、至少 1 个成交结果（won）、最多 1 个输单结果（lost）；现有 open ${open} 个、won ${won} 个、lost ${lost} 个`,
      'en': `stages need at least 1 open stage, at least 1 won outcome and at most 1 lost outcome; found ${open} open, ${won} won, ${lost} lost`,
    }, path)
  }
  const firstOutcome = stages.findIndex(s => s.kind !== 'open')
  const lateOpen = stages.findIndex((s, i) => s.kind === 'open' && firstOutcome !== -1 && i > firstOutcome)
  if (lateOpen !== -1) {
    report(sink, `${path}/options/stages/${lateOpen}/kind`, 'stageOrder', { index: lateOpen }, {
      'zh-CN': '进行中阶段（open）必须排在成交/输单结果之前',
      'en': 'open stages must come before the won/lost outcomes',
    }, `${path}/options/stages/${lateOpen}`)
  }
}
