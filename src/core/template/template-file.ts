import type { TemplateDef } from '../schema/types'
import type { ParseDocumentResult } from '../validation'
import { parseJsonDocument } from '../validation'

/**
 * A template file someone shared (not one shipped in templates/): bounded in depth and size
 * (JSON_LIMITS.template), migrated and validated like every other document before it can be
 * installed.
 */
export function parseTemplateFile(text: string): ParseDocumentResult<TemplateDef> {
  return parseJsonDocument('template', text)
}
