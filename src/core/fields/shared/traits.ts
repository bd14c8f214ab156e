import type { InputKind } from '../behaviour'

/** A trait that is the same for every field of a type: `queryKind: always('text')`. */
export function always<K>(value: K): () => K {
  return () => value
}

/** The same control everywhere, or `filter` in filter conditions. */
export function input(edit: InputKind, filter: InputKind = edit): (field: unknown, forFilter: boolean) => InputKind {
  return (_field, forFilter) => (forFilter ? filter : edit)
}

/** Number-valued types (number, money, percent, rating): numbers in queries and formulas, edited as digits, measurable (number and money as amounts), allowed in subforms. */
export const NUMBER_TRAITS = {
  queryKind: always('number' as const),
  exprType: always('number' as const),
  inputKind: input('number'),
  editsStored: true,
  measure: 'number' as 'amount' | 'number',
  filterKind: null,
  wide: false,
  palette: 'basic' as const,
  inSubform: true,
}

/** One option of a list (select, stage): an option in queries, text in formulas, a choice control. */
export const OPTION_TRAITS = {
  queryKind: always('option' as const),
  exprType: always('text' as const),
  inputKind: input('choice'),
  editsStored: false,
  measure: null,
  filterKind: 'select' as const,
  wide: false,
  palette: 'choice' as const,
  inSubform: false,
}

/** Nested values (attachments, images, subform rows): filtered by presence, lists in formulas, edited outside the grid, a whole form row. */
export const PRESENCE_TRAITS = {
  queryKind: always('presence' as const),
  exprType: always('list' as const),
  inputKind: input('readonly'),
  editsStored: false,
  measure: null,
  filterKind: null,
  wide: true,
  palette: 'advanced' as const,
  inSubform: false,
}
