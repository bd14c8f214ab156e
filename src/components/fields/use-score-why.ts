import type { FieldOf, RecordRow } from '@/core/schema/types'
import type { ScoreWhyLine } from '@/core/records'
import { scoreWhyLines } from '@/core/records'
import { useFieldFormat } from '@/composables/use-field-format'
import { useWorkspaceStore } from '@/stores/workspace'

/**
 * Why a record of `formId` has its score, for score cells and widgets: the rules that fired and
 * the learned values, as of the record's last write (when the stored score was computed).
 */
export function useScoreWhy(formId: () => string): (row: RecordRow, field: FieldOf<'score'>) => { total: number, lines: ScoreWhyLine[] } | undefined {
  const workspace = useWorkspaceStore()
  const fieldFormat = useFieldFormat()
  return (row, field) => {
    const form = workspace.forms.find(f => f.id === formId())
    if (!form) return undefined
    return scoreWhyLines(form, field, row.values, row.updatedAt, fieldFormat.contextOf(form))
  }
}
