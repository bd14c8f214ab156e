import type { FormDef } from '@/core/schema/types'

/** The record page of `recordId` in `form` (where a notification or a run log line leads); none when the form is gone. */
export function recordRoute(form: FormDef | undefined, recordId: string): string | undefined {
  return form ? `/app/${form.appId}/form/${form.id}/record/${recordId}` : undefined
}
