/** The bulk-import op's input: the bench dataset exported as the app exports CSV (labels, member names). */
import type { FieldDef, FormDef } from '@/core/schema/types'
import { exportRows } from '@/core/io'
import { behaviourOf } from '@/core/fields/registry'
import { MEMBERS, pageData } from './page-data'

function importColumns(form: FormDef): FieldDef[] {
  return form.fields.filter(f => f.type !== 'separator' && f.type !== 'description' && !behaviourOf(f).computed)
}

const files = new Map<number, Uint8Array>()

/** The CSV of `size` bench records, built once per size. */
export async function importCsv(size: number): Promise<Uint8Array> {
  let bytes = files.get(size)
  if (!bytes) {
    const ds = pageData(size)
    bytes = (await exportRows(ds.records, importColumns(ds.form), { format: 'csv', locale: 'zh-CN', members: MEMBERS })).bytes
    files.set(size, bytes)
  }
  return bytes
}
