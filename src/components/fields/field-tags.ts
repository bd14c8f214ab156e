import type { FieldDef, FieldOf, Locale, Member, RecordRow, SelectOption, StageOption } from '@/core/schema/types'
import type { LookupSource, ScoreWhyLine } from '@/core/records'
import type { StageAlert } from '@/core/metrics'
import { LOADING_TEXT, missingText } from '@/core/fields'
import { stageFieldFor } from '@/core/stages'
import { labelText } from '@/core/utils/label'
import { safeColor } from '@/core/utils/safe-color'

/** One coloured chip a cell shows: an option, a member (with a dot) or a linked record. */
export interface FieldTag {
  id: string
  text: string
  /** Background tint (options), or the dot colour (members); absent for plain chips. */
  color?: string
  /** Draw a coloured dot before the text instead of tinting the chip. */
  dot?: boolean
}

/** What cells and pickers need besides the value: the locale, members and relation titles. */
export interface FieldUiContext {
  locale: Locale
  members: readonly Member[]
  /** Title of a record of another form; null when it was deleted, undefined while that form's records load. */
  relationTitle: (formId: string, recordId: string) => string | null | undefined
  /** Records a relation field may link to, by title (loads the target form's records). */
  relationOptions: (formId: string) => { id: string, title: string }[]
  /** The field a lookup's values come from, so they show as that field shows them; absent: raw values. */
  lookupSource?: (field: FieldOf<'lookup'>) => LookupSource | undefined
  /** A deal's stalled / snoozed state on a stage field, shown beside its stage chip. */
  stageAlert?: (recordId: string, fieldId: string) => StageAlert | undefined
  /** Why a record has its score: the rules that fired and the learned values (score cells). */
  scoreWhy?: (row: RecordRow, field: FieldOf<'score'>) => { total: number, lines: ScoreWhyLine[] } | undefined
}

/**
 * The inline style of a tinted chip: the option colour as a light tint and border, the text the
 * same hue darkened so it keeps 4.5:1 contrast (option colours such as #73c0de on their own tint
 * read 2:1). `color` must already be a safe colour.
 */
export function tagStyle(color: string): Record<string, string> {
  return { background: `${color}22`, color: `color-mix(in srgb, ${color} 45%, #1a1a1a)`, borderColor: `${color}55` }
}

const PALETTE = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#f97316', '#6366f1']
const STAGE_COLORS = { won: '#16a34a', lost: '#9ca3af' }

/** An option's colour: its own, a stage outcome's, or one from a palette by position. */
export function optionColor(option: SelectOption, index: number): string {
  const own = safeColor(option.color)
  if (own) return own
  const kind = (option as Partial<StageOption>).kind
  if (kind === 'won' || kind === 'lost') return STAGE_COLORS[kind]
  return PALETTE[index % PALETTE.length]!
}

function ids(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String)
  return value === null || value === undefined || value === '' ? [] : [String(value)]
}

function optionTags(options: readonly SelectOption[], value: unknown, locale: Locale, removed: readonly SelectOption[] = []): FieldTag[] {
  return ids(value).map((id) => {
    const i = options.findIndex(o => o.id === id)
    const o = options[i]
    if (o) return { id, text: labelText(o.label, locale) || missingText('untitled', locale), color: optionColor(o, i) }
    const gone = removed.find(r => r.id === id)
    return { id, text: gone ? labelText(gone.label, locale) : missingText('option', locale) }
  })
}

/** Every choice a picker offers for a field, as tags (empty for types without choices). */
export function fieldChoices(field: FieldDef, ctx: FieldUiContext, values?: Readonly<Record<string, unknown>>): FieldTag[] {
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return optionTags(field.options.choices, field.options.choices.map(c => c.id), ctx.locale)
    case 'stage': {
      // a field split by pipeline offers the record's pipeline's stages only
      const stages = stageFieldFor(field, values).options.stages
      return optionTags(stages, stages.map(s => s.id), ctx.locale)
    }
    case 'member':
      return ctx.members.map(m => ({ id: m.id, text: m.name, color: safeColor(m.color), dot: true }))
    case 'relation':
      return ctx.relationOptions(field.options.formId).map(r => ({ id: r.id, text: r.title }))
    default:
      return []
  }
}

/** The chips a cell shows for a value of a choice-like field (select, multiselect, stage, member, relation). */
export function fieldTags(field: FieldDef, value: unknown, ctx: FieldUiContext): FieldTag[] {
  switch (field.type) {
    case 'select':
    case 'multiselect':
      return optionTags(field.options.choices, value, ctx.locale)
    case 'stage':
      return optionTags(field.options.stages, value, ctx.locale, field.options.removedStages)
    case 'member':
    case 'createdBy':
    case 'updatedBy':
      return ids(value).map((id) => {
        const m = ctx.members.find(x => x.id === id)
        return { id, text: m?.name ?? missingText('member', ctx.locale), color: safeColor(m?.color) ?? '#c0c4cc', dot: true }
      })
    case 'relation':
      return ids(value).map((id) => {
        const title = ctx.relationTitle(field.options.formId, id)
        return { id, text: title === null ? missingText('record', ctx.locale) : title ?? LOADING_TEXT }
      })
    default:
      return []
  }
}

/** True when a field's value may hold several ids. */
export function isMultiple(field: FieldDef): boolean {
  if (field.type === 'multiselect') return true
  if (field.type === 'member' || field.type === 'relation') return !!field.options?.multiple
  return false
}
