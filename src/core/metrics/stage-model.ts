import type { FieldOf, Label } from '../schema/types'

/** Stage kind codes used in the columnar arrays of a {@link StageModel}. */
export const KIND_OPEN = 0
/** See {@link KIND_OPEN}. */
export const KIND_WON = 1
/** See {@link KIND_OPEN}. */
export const KIND_LOST = 2

/** Milliseconds in one day (all day figures are exact multiples of this, no calendar maths). */
export const MS_PER_DAY = 86_400_000

/**
 * A stage field compiled to lookup tables. A stage's *code* is its index in
 * `field.options.stages`; its *ordinal* is its 0-based position among the open stages only.
 */
export interface StageModel {
  readonly field: FieldOf<'stage'>
  /** code -> stage option id. */
  readonly ids: readonly string[]
  /** code -> stage option label. */
  readonly labels: readonly Label[]
  /** stage option id -> code. */
  readonly codeOf: ReadonlyMap<string, number>
  /** code -> KIND_OPEN | KIND_WON | KIND_LOST. */
  readonly kind: Uint8Array
  /** code -> open ordinal 0..n-1, or -1 for won/lost stages. */
  readonly ordinal: Int16Array
  /** ordinal -> code of the open stages S1..Sn, in order. */
  readonly openCodes: readonly number[]
  /** Number of open stages (n). */
  readonly openCount: number
  /** Codes of the won stages, in option order (the first is the funnel's won step). */
  readonly wonCodes: readonly number[]
  /** Codes of the lost stages, in option order. */
  readonly lostCodes: readonly number[]
  /** code -> default win probability 0..100, NaN when the option has none. */
  readonly probability: Float64Array
  /** code -> stalled threshold in ms, NaN when the option has none. */
  readonly stalledMs: Float64Array
}

/** Compiles a stage field's ordered options into a {@link StageModel}. */
export function buildStageModel(field: FieldOf<'stage'>): StageModel {
  const stages = field.options.stages
  const m = stages.length
  const kind = new Uint8Array(m)
  const ordinal = new Int16Array(m).fill(-1)
  const probability = new Float64Array(m).fill(Number.NaN)
  const stalledMs = new Float64Array(m).fill(Number.NaN)
  const codeOf = new Map<string, number>()
  const openCodes: number[] = []
  const wonCodes: number[] = []
  const lostCodes: number[] = []
  stages.forEach((s, code) => {
    codeOf.set(s.id, code)
    if (typeof s.probability === 'number') probability[code] = s.probability
    if (typeof s.stalledAfterDays === 'number') stalledMs[code] = s.stalledAfterDays * MS_PER_DAY
    if (s.kind === 'open') {
      ordinal[code] = openCodes.length
      openCodes.push(code)
    }
    else if (s.kind === 'won') {
      kind[code] = KIND_WON
      wonCodes.push(code)
    }
    else {
      kind[code] = KIND_LOST
      lostCodes.push(code)
    }
  })
  return {
    field,
    ids: stages.map(s => s.id),
    labels: stages.map(s => s.label),
    codeOf,
    kind,
    ordinal,
    openCodes,
    openCount: openCodes.length,
    wonCodes,
    lostCodes,
    probability,
    stalledMs,
  }
}

/** 0-based index of a stage among the open stages, or -1 for won/lost/unknown ids. */
export function openStageIndex(model: StageModel, stageId: string): number {
  const code = model.codeOf.get(stageId)
  return code === undefined ? -1 : (model.ordinal[code] ?? -1)
}

/** Ids of the stages whose kind is 'won'. */
export function wonStageIds(model: StageModel): string[] {
  return model.wonCodes.map(c => model.ids[c] ?? '')
}

/** Ids of the stages whose kind is 'lost'. */
export function lostStageIds(model: StageModel): string[] {
  return model.lostCodes.map(c => model.ids[c] ?? '')
}
