/**
 * The behaviour every field type implements. One module per type (`<type>.field.ts`), joined
 * in registry.ts as an exhaustive map, so adding a FieldDef variant does not compile until it
 * has every behaviour.
 */
import type { ExprType } from '../formula/types'
import type { QueryKind } from '../query/types'
import type { DashboardFilterDef, FieldDef, FieldOf, FieldType, FormDef, Locale, Member } from '../schema/types'

/** A user-facing message in both locales. */
export interface LocalizedMessage {
  'zh-CN': string
  'en': string
}

/** A JSON Schema fragment (draft 2020-12) describing a stored value. */
export type JsonSchema = { [keyword: string]: unknown } | boolean

/** Day/month/year order of a numeric date such as 03/04/2024. ISO (YYYY-MM-DD) is always accepted. */
export type DateOrder = 'YMD' | 'DMY' | 'MDY'

/** What text parsing (paste, CSV/XLSX import) may need to know. */
export interface ParseContext {
  /** Order of `DD/MM/YYYY`-style dates. Without it only year-first dates are accepted. */
  dateFormat?: DateOrder
  /** Workspace members, to resolve member names. Without it the text is taken as member ids. */
  members?: readonly Member[]
  /** Resolves a relation cell (a record title or id) to a record id of `formId`. */
  findRecord?: (formId: string, text: string) => string | undefined
}

/** What display/export formatting may need to know. */
export interface FormatContext {
  locale: Locale
  /** Workspace members, to show member names instead of ids. */
  members?: readonly Member[]
  /**
   * Title of a related record: null when the record does not exist (a marked placeholder is
   * shown), undefined while its form's records load ('…'); without it relation values show as ids.
   */
  relationTitle?: (formId: string, recordId: string) => string | null | undefined
  /** Text of a lookup's value formatted by the field it shows (see core/records/lookup-display); without it lookups show raw values. */
  formatLookup?: (value: unknown, field: FieldOf<'lookup'>) => string | undefined
}

/** A parsed or converted value, or why it could not be produced. */
export type ParseResult
  = | { ok: true, value: unknown }
    | { ok: false, error: LocalizedMessage }

/** The behaviours of one field type. Methods are declared as methods so a behaviour of one type is usable where any type's is expected. */
export interface FieldBehaviour<T extends FieldType = FieldType> {
  readonly type: T
  /** True for read-only computed types (formula, lookup, rollup, serial, system and layout fields): users never write them. */
  readonly computed: boolean
  /** The value a new or cleared cell holds. */
  readonly emptyValue: unknown
  /** JSON Schema of a stored, non-empty value; the record validator adds emptiness and required. */
  valueSchema(field: FieldOf<T>): JsonSchema
  /** Coerces pasted or imported text into a stored value. Empty text gives `emptyValue`. */
  parseText(text: string, field: FieldOf<T>, ctx?: ParseContext): ParseResult
  /** The human text of a value, for display and export. Empty values give ''. */
  format(value: unknown, field: FieldOf<T>, ctx: FormatContext): string
  /** Sort order: negative when a < b. Empty values sort after every non-empty value. */
  compare(a: unknown, b: unknown, field: FieldOf<T>): number
  /** True for values that count as "not filled" (required checks, empty filters). */
  isEmpty(value: unknown): boolean
  /** Converts a value of `fromField` when a field changes type to this one. */
  convertFrom(value: unknown, fromField: FieldDef, toField: FieldOf<T>, ctx?: ParseContext): ParseResult
  /** How filters, sorts, search and grouping treat the values (core/query `kindOfField`). */
  queryKind(field: FieldOf<T>): QueryKind
  /** The static type of the value in a formula (core/formula `fieldExprType`). */
  exprType(field: FieldOf<T>): ExprType
  /** The control that edits a value in a drawer or view (`forFilter`: in a filter condition). */
  inputKind(field: FieldOf<T>, forFilter: boolean): InputKind
  /** A grid editor starts from the stored value as text (plain digits, ISO dates), not the display text. */
  readonly editsStored: boolean
  /**
   * What a dashboard measure may aggregate: amounts (quantities people add up: plain numbers,
   * money; the default amount of a new widget and number cells in XLSX), other numbers (sum,
   * avg …), dates (min, max) or nothing.
   */
  readonly measure: 'amount' | 'number' | 'date' | null
  /** The dashboard filter that narrows by the field (a date range, members, options), which also makes it a chart dimension; null for none. */
  readonly filterKind: DashboardFilterDef['kind'] | null
  /** Spans the whole row of a form unless the field sets its own width. */
  readonly wide: boolean
  /** The designer palette's group; types show in registry order within it. */
  readonly palette: FieldGroup
  /** May be a field of a subform row (simple, writable, stored inline). */
  readonly inSubform: boolean
  /** The options a new field of the type starts with (the designer's palette, a type change); undefined for none. */
  newOptions(ctx: NewFieldContext): FieldOf<T>['options']
}

/** What a new field may refer to: the form being designed and the app's other forms. */
export interface NewFieldContext {
  form: FormDef
  forms: readonly FormDef[]
}

/** Palette groups, in display order. */
export type FieldGroup = 'basic' | 'choice' | 'advanced' | 'system' | 'layout'

/** Which control edits a value of a field. */
export type InputKind = 'text' | 'textarea' | 'number' | 'date' | 'datetime' | 'month' | 'choice' | 'bool' | 'readonly'

/** The traits of FieldBehaviour that describe a type rather than handle its values. */
export type FieldTraits<T extends FieldType = FieldType> = Pick<FieldBehaviour<T>, 'queryKind' | 'exprType' | 'inputKind' | 'editsStored' | 'measure' | 'filterKind' | 'wide' | 'palette' | 'inSubform' | 'newOptions'>
