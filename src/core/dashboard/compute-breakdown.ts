/** Breakdown widget: conversion, win rate and time in stage per value of a select, member or relation field. */
import type { BreakdownFigures } from '../metrics'
import { breakdown, breakdownExtremes } from '../metrics'
import type { Label } from '../schema/types'
import type { DashboardContext } from './context'
import type { BreakdownRowData, WidgetResult } from './result-types'
import { BREAKDOWN_MAX_ROWS } from './result-types'
import type { WidgetOf } from './widget-of'
import { basisNote } from './basis-note'
import { fieldGroups, GROUP_FIELD_TYPES, NO_VALUE } from './field-groups'
import { Resolver } from './resolve'
import { stageInput } from './stage-input'

const TOTAL: Label = { 'zh-CN': '全部', 'en': 'All' }

/**
 * One row per value of `groupField` over the widget's funnel population (widget and dashboard
 * filters, basis as on funnel widgets), most records first, with the best and worst rows by
 * `rankBy` marked, and a total row.
 */
export function computeBreakdown(w: WidgetOf<'breakdown'>, ctx: DashboardContext): WidgetResult {
  const c = w.config
  const r = new Resolver(ctx)
  const form = r.form(c.formId)
  const field = r.stage(form, c.stageField, 'stageField', c.pipeline)
  const group = r.field(form, c.groupField, 'groupField', GROUP_FIELD_TYPES)
  if (field && c.stage !== undefined) r.openStage(field, c.stage)
  if (!r.ok || !form || !field || !group) return { status: 'needsConfig', problems: r.problems }
  const basis = c.basis ?? 'cohort'
  const input = stageInput(form, field, c, ctx, undefined, {}, basis)
  const groups = fieldGroups(input, form, group, ctx)
  const stage = c.stage === undefined ? undefined : input.field.options.stages.find(s => s.id === c.stage)
  const b = breakdown(input, groups.map(g => g.indices), stage ? { stageId: stage.id } : {})
  if (!b) return { status: 'needsConfig', problems: [{ key: 'stage', reason: 'deletedStage', id: c.stage }] }
  const rankBy = c.rankBy ?? 'conversion'
  const { best, worst } = breakdownExtremes(b.groups, rankBy)
  const row = (key: string | null, label: Label, f: BreakdownFigures, mark: BreakdownRowData['mark']): BreakdownRowData => ({ key, label, ...f, mark })
  const rows = groups.map((g, i) => row(g.key, g.key === null ? NO_VALUE : g.label, b.groups[i]!, best.includes(i) ? 'best' : worst.includes(i) ? 'worst' : null))
    .sort((x, y) => y.records - x.records)
  const { model } = input.summary
  const stageLabel = (code: number | undefined): Label => (code === undefined ? '' : model.labels[code] ?? '')
  const fromCode = stage ? model.codeOf.get(stage.id) : model.openCodes[0]
  const o = fromCode === undefined ? -1 : model.ordinal[fromCode] as number
  const toCode = stage && o + 1 < model.openCount ? model.openCodes[o + 1] : model.wonCodes[0]
  return {
    status: 'ok',
    data: {
      type: 'breakdown',
      groupLabel: group.label,
      fromLabel: stageLabel(fromCode),
      toLabel: stageLabel(toCode),
      daysKind: stage ? 'stage' : 'cycle',
      rankBy,
      basis,
      subtitle: basisNote(form, 'cumulative', basis, ctx),
      rows: rows.slice(0, BREAKDOWN_MAX_ROWS),
      hiddenRows: Math.max(0, rows.length - BREAKDOWN_MAX_ROWS),
      total: row('*', TOTAL, b.all, null),
    },
  }
}
