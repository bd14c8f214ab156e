/**
 * WidgetDef (TypeScript) and dashboard.schema.json `$defs/widget` (JSON Schema) describe the same
 * union: one config shape per widget type. These tests keep the two in step.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import dashboardSchema from '../../../../schemas/dashboard.schema.json'
import salesFunnel from '../../../../templates/sales-funnel.json' with { type: 'json' }
import type { WidgetConfigs, WidgetType } from '../../../../src/core/dashboard'
import { newWidget } from '../../../../src/core/dashboard'
import type { WidgetDef } from '../../../../src/core/schema/types'
import { isWidgetDef, WIDGET_TYPES } from '../../../../src/core/validation'
import { oppForm, widget } from '../../../fixtures/dashboard'
import { EVERY_TYPE } from '../../../fixtures/widgets'

/** Every key of a config type, each exactly once: a key missing here or not in the type does not compile. */
type KeysOf<C> = { [K in keyof Required<C>]: true }
const TS_KEYS: { [T in WidgetType]: KeysOf<WidgetConfigs[T]> } = {
  funnel: { formId: true, filter: true, pipeline: true, stageField: true, mode: true, basis: true, value: true, amountField: true },
  conversion: { formId: true, filter: true, pipeline: true, stageField: true, mode: true, basis: true },
  kpi: { formId: true, filter: true, pipeline: true, metric: true, measure: true, stageField: true, amountField: true, comparePrevious: true, target: true },
  bar: CHART_KEYS(),
  column: CHART_KEYS(),
  line: CHART_KEYS(),
  area: CHART_KEYS(),
  pie: CHART_KEYS(),
  donut: CHART_KEYS(),
  table: { formId: true, filter: true, pipeline: true, preset: true, stageField: true, scoreField: true, columns: true, sort: true, limit: true },
  pivot: { formId: true, filter: true, rows: true, columns: true, measure: true },
  targetProgress: { formId: true, filter: true, measure: true, dateField: true, ownerField: true, by: true, targets: true },
  reverseFunnel: { formId: true, filter: true, pipeline: true, stageField: true, amountField: true, goal: true },
  waterfall: { formId: true, filter: true, pipeline: true, stageField: true, amountField: true, value: true, from: true, to: true },
  breakdown: { formId: true, filter: true, pipeline: true, stageField: true, groupField: true, stage: true, basis: true, rankBy: true },
  forecast: { formId: true, filter: true, pipeline: true, stageField: true, amountField: true, dateField: true, closedDateField: true, targets: true },
  text: { text: true },
  heading: { text: true },
}
function CHART_KEYS(): KeysOf<WidgetConfigs['bar']> {
  return { formId: true, filter: true, pipeline: true, dimension: true, measure: true, series: true, stack: true, sort: true, topN: true, stageMetric: true }
}

interface Branch { if: { properties: { type: { const: string } } }, then: { properties: { config: { $ref: string } } } }
const defs: Record<string, object | undefined> = dashboardSchema.$defs

/** The config property names the schema allows for `type` (its if/then branch's config schema). */
function schemaKeys(type: WidgetType): string[] {
  const branches: Branch[] = dashboardSchema.$defs.widget.allOf
  const hits = branches.filter(b => b.if.properties.type.const === type)
  expect(hits, `${type}: one if/then branch`).toHaveLength(1)
  const ref = hits[0]!.then.properties.config.$ref.replace('#/$defs/', '')
  const def = defs[ref]
  return def && 'properties' in def && def.properties !== null && typeof def.properties === 'object' ? Object.keys(def.properties) : []
}

const plain = (w: WidgetDef): unknown => JSON.parse(JSON.stringify(w))

describe('WidgetDef and dashboard.schema.json agree', () => {
  it('should have one schema branch per widget type and no other', () => {
    const branches: Branch[] = dashboardSchema.$defs.widget.allOf
    expect(branches.map(b => b.if.properties.type.const).sort()).toEqual([...WIDGET_TYPES].sort())
  })

  it.each([...WIDGET_TYPES])('should allow the same config keys in TypeScript and the schema: %s', (type) => {
    expect(schemaKeys(type).sort()).toEqual(Object.keys(TS_KEYS[type]).sort())
  })

  it.each([...WIDGET_TYPES])('should accept the typed fixture config and the palette default of a %s widget', (type) => {
    expect(isWidgetDef(plain(widget(type, EVERY_TYPE[type])))).toBe(true)
    expect(isWidgetDef(plain(newWidget(type, [], [oppForm()])))).toBe(true)
    expect(isWidgetDef(plain(newWidget(type, [], [])))).toBe(true)
  })

  it('should refuse a config of another type and a value outside the type', () => {
    expect(isWidgetDef(plain(widget('kpi', EVERY_TYPE.table)))).toBe(false)
    expect(isWidgetDef(plain(widget('funnel', { mode: 'sideways' })))).toBe(false)
  })

  it('should find every widget of the template and the example dashboards a valid WidgetDef', () => {
    const dir = new URL('../../../fixtures/documents/', import.meta.url)
    const examples = readdirSync(dir).filter(f => f.startsWith('dashboard.')).map((f): { widgets: unknown[] } => JSON.parse(readFileSync(new URL(f, dir), 'utf8')))
    const widgets: unknown[] = [...salesFunnel.bundle.dashboards.flatMap(d => d.widgets), ...examples.flatMap(d => d.widgets)]
    expect(widgets.length).toBeGreaterThan(10)
    const bad = widgets.filter(w => !isWidgetDef(w))
    expect(bad).toEqual([])
    // What the type guard hands back is typed by `type`: a funnel's config is a FunnelConfig.
    const funnel = widgets.find((w): w is WidgetDef => isWidgetDef(w) && w.type === 'funnel')
    expect(funnel?.type === 'funnel' ? funnel.config.stageField : undefined).toBeTypeOf('string')
  })
})
