import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** ../shared/data, beside the checkout. Absent on a plain clone: tests on it then skip, saying why. */
export const SHARED_DATA_DIR = fileURLToPath(new URL('../../shared/data/', import.meta.url))
export const CRM_DIR = `${SHARED_DATA_DIR}crm-sales-opportunities/`
export const hasCrmData = existsSync(`${CRM_DIR}sales_pipeline.csv`)
export const CRM_SKIP_REASON = `skipped: ${CRM_DIR} is absent (the shared data sets live beside the checkout in CI)`
