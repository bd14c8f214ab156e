/** The registry of built-in functions, keyed by upper-case name. */
import { DATE_FUNCTIONS } from './date'
import { DATE_DIFF_FUNCTIONS } from './date-diff'
import { INFO_FUNCTIONS } from './info'
import { LOGICAL_FUNCTIONS } from './logical'
import { LOOKUP_FUNCTIONS } from './lookup'
import { MATH_FUNCTIONS } from './math'
import type { FormulaFunction } from './spec'
import { STATS_FUNCTIONS } from './stats'
import { TEXT_FUNCTIONS } from './text'

/** Function categories, for the editor's function list. */
export type FunctionCategory = 'logical' | 'info' | 'math' | 'stats' | 'text' | 'date' | 'lookup'

const GROUPS: ReadonlyArray<[FunctionCategory, readonly FormulaFunction[]]> = [
  ['logical', LOGICAL_FUNCTIONS],
  ['info', INFO_FUNCTIONS],
  ['math', MATH_FUNCTIONS],
  ['stats', STATS_FUNCTIONS],
  ['text', TEXT_FUNCTIONS],
  ['date', [...DATE_FUNCTIONS, ...DATE_DIFF_FUNCTIONS]],
  ['lookup', LOOKUP_FUNCTIONS],
]

const REGISTRY: ReadonlyMap<string, FormulaFunction> = new Map(
  GROUPS.flatMap(([, fns]) => fns.map(f => [f.name, f] as const)),
)

/** The built-in function of a name (case-insensitive), or undefined. */
export function getFormulaFunction(name: string): FormulaFunction | undefined {
  return REGISTRY.get(name.toUpperCase())
}

/** Every built-in function with its category, in category order (for autocomplete lists). */
export function listFormulaFunctions(): { name: string, category: FunctionCategory, min: number, max: number }[] {
  return GROUPS.flatMap(([category, fns]) => fns.map(f => ({ name: f.name, category, min: f.signature.min, max: f.signature.max })))
}
