import type { FieldOf, FormDef, Locale, RecordRow } from '@/core/schema/types'

/** Props of a panel about one stage field of a record (snooze, forecast) on the record page and drawer. */
export interface StagePanelProps {
  form: FormDef
  field: FieldOf<'stage'>
  record: RecordRow
  locale: Locale
  disabled?: boolean
}
