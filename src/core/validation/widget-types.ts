import type { WidgetDef } from '../schema/types'

/** Every widget type, as listed in dashboard.schema.json `$defs/widgetType` (a test keeps them equal). */
export const WIDGET_TYPES = [
  'funnel', 'conversion', 'kpi', 'bar', 'column', 'line', 'area', 'pie', 'donut', 'table', 'pivot',
  'targetProgress', 'reverseFunnel', 'text', 'heading',
] as const satisfies readonly WidgetDef['type'][]

type Missing = Exclude<WidgetDef['type'], (typeof WIDGET_TYPES)[number]>
/** Compile-time proof that WIDGET_TYPES lists every WidgetDef type. */
export const WIDGET_TYPES_COMPLETE: [Missing] extends [never] ? true : false = true
