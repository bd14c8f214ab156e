import type { WidgetDef } from '../schema/types'
import type { WidgetType } from './config-types'

/** The widget variant of one type, e.g. `WidgetOf<'funnel'>`. */
export type WidgetOf<T extends WidgetType> = Extract<WidgetDef, { type: T }>
