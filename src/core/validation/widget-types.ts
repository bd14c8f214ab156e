import type { ValidateFunction } from 'ajv/dist/2020'
import type { WidgetDef } from '../schema/types'
import { widgetValidator } from './document-validators'

/** Every widget type, as listed in dashboard.schema.json `$defs/widgetType` (a test keeps them equal). */
export const WIDGET_TYPES = [
  'funnel', 'conversion', 'kpi', 'bar', 'column', 'line', 'area', 'pie', 'donut', 'table', 'pivot',
  'targetProgress', 'reverseFunnel', 'waterfall', 'breakdown', 'forecast', 'text', 'heading',
] as const satisfies readonly WidgetDef['type'][]

type Missing = Exclude<WidgetDef['type'], (typeof WIDGET_TYPES)[number]>
/** Compile-time proof that WIDGET_TYPES lists every WidgetDef type. */
export const WIDGET_TYPES_COMPLETE: [Missing] extends [never] ? true : false = true

/**
 * True when `value` is a widget whose config is valid for its `type` (dashboard.schema.json
 * `$defs/widget`, one if/then branch per type): how an edited plain-JSON config becomes a
 * typed {@link WidgetDef} again.
 */
export function isWidgetDef(value: unknown): value is WidgetDef {
  return (widgetValidator as ValidateFunction<WidgetDef>)(value)
}
