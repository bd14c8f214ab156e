import type { FileRefusal, TextEncodingChoice } from '@/core/io'
import type { ImportClient, ImportTask } from '@/workers/import-client'
import type { ParsedFile, ParseOptions } from '@/workers/import-protocol'
import { computed, ref, shallowRef } from 'vue'
import { FileRefused, ImportCancelled } from '@/workers/import-client'

/**
 * A chosen file, read in the worker: bytes kept so a changed encoding or sheet re-reads it.
 * With `head`, only the file's first rows come back to the page (the worker keeps them all and
 * plans the whole file by its id); `parsed.rowCount` counts them all. `proposals: 'sample'` for
 * a page that shows no proposed fields (`ParseOptions.proposals`).
 */
export function useImportFile(client: ImportClient, opts: Pick<ParseOptions, 'head' | 'proposals'> = {}) {
  const fileName = ref('')
  const bytes = shallowRef<Uint8Array>()
  const encoding = ref<TextEncodingChoice>('auto')
  const sheet = ref<string>()
  const parsed = shallowRef<ParsedFile>()
  const parsing = ref(false)
  const progress = ref(0)
  const error = ref('')
  /** Why the worker would not read the file (binary, too many columns). */
  const refusal = shallowRef<FileRefusal>()
  let task: ImportTask<ParsedFile> | undefined

  /** Reads (or re-reads) the current bytes with the current encoding and sheet. */
  async function parse(): Promise<void> {
    if (!bytes.value) return
    task?.cancel()
    parsing.value = true
    progress.value = 0
    error.value = ''
    refusal.value = undefined
    const current = client.parse(bytes.value.slice(), { fileName: fileName.value, encoding: encoding.value, sheet: sheet.value, ...(opts.head !== undefined ? { head: opts.head } : {}), ...(opts.proposals ? { proposals: opts.proposals } : {}) }, (f) => { progress.value = f })
    task = current
    try {
      const result = await current.promise
      if (task !== current) return
      parsed.value = result
      if (result.kind === 'xlsx' && sheet.value === undefined) sheet.value = result.sheetNames?.[0]
    }
    catch (err) {
      if (task !== current || err instanceof ImportCancelled) return
      if (err instanceof FileRefused) refusal.value = err.refusal
      else error.value = err instanceof Error ? err.message : String(err)
    }
    finally {
      if (task === current) {
        parsing.value = false
        task = undefined
      }
    }
  }

  /** Takes a file the user picked or dropped. */
  async function choose(file: File): Promise<void> {
    fileName.value = file.name
    encoding.value = 'auto'
    sheet.value = undefined
    parsed.value = undefined
    refusal.value = undefined
    bytes.value = new Uint8Array(await file.arrayBuffer())
    await parse()
  }

  /** Stops a parse in progress. */
  function cancel(): void {
    task?.cancel()
    task = undefined
    parsing.value = false
  }

  /** Re-reads the file with another encoding. */
  function setEncoding(value: TextEncodingChoice): Promise<void> {
    encoding.value = value
    return parse()
  }

  /** Reads another worksheet of an XLSX file. */
  function setSheet(value: string): Promise<void> {
    sheet.value = value
    return parse()
  }

  function reset(): void {
    cancel()
    fileName.value = ''
    bytes.value = undefined
    parsed.value = undefined
    error.value = ''
    refusal.value = undefined
  }

  /** 'auto' was unsure of a CSV's encoding and the user has not picked one yet. */
  const doubtful = computed(() => encoding.value === 'auto' && parsed.value?.encodingDoubt !== undefined)

  return { fileName, encoding, sheet, parsed, parsing, progress, error, refusal, doubtful, choose, parse, setEncoding, setSheet, cancel, reset }
}

/** What `useImportFile` returns. */
export type ImportFileState = ReturnType<typeof useImportFile>
