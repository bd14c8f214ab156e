import type { TypedWidget, WidgetType } from './config-types'

/** The typed widget of one type, e.g. `WidgetOf<'funnel'>`. */
export type WidgetOf<T extends WidgetType> = Extract<TypedWidget, { type: T }>
