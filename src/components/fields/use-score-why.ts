import type { FieldOf, RecordRow } from '@/core/schema/types'
import type { ScoreWhyLine } from '@/core/records'
import { changesWithTheDay, scoreWhyLines } from '@/core/records'
import { useFieldFormat } from '@/composables/use-field-format'
import { useWorkspaceStore } from '@/stores/workspace'

/**
 * Why a record of `formId` has its score, for score cells and widgets: the rules that fired and
 * the learned values, as of when the stored score was computed — the record's last write, or
 * today for rules on relative dates (those scores are brought to the day when the form loads).
 */
export function useScoreWhy(formId: () => string): (row: RecordRow, field: FieldOf<'score'>) => { total: number, lines: ScoreWhyLine[] } | undefined {
  const workspace = useWorkspaceStore()
  const fieldFormat = useFieldFormat()
  return (row, field) => {
    const form = workspace.forms.find(f => f.id === formId())
    if (!form) return undefined
    return scoreWhyLines(form, field, row.values, changesWithTheDay(form) ? Date.now() : row.updatedAt, fieldFormat.contextOf(form))
  }
}
