/**
 * Reads a picked file into a Blob of its own, reporting progress (0..1) while big files are
 * read, so the stored copy no longer depends on the file on disk.
 */
export async function readFileWithProgress(file: File, onProgress: (fraction: number) => void): Promise<Blob> {
  const reader = file.stream().getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let loaded = 0
  onProgress(0)
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value as Uint8Array<ArrayBuffer>)
    loaded += value.length
    onProgress(file.size ? loaded / file.size : 1)
  }
  return new Blob(chunks, { type: file.type })
}
