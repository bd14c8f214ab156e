/**
 * Reused work arrays for the summary's temporaries (arrays no result keeps). A cold summary
 * at 100k records allocates tens of MB of typed arrays; allocating the temporaries afresh each
 * time costs page faults and the scavenges V8 runs on external-memory pressure. A buffer is
 * handed out again by the next call asking for the same `slot`: use it only until the
 * function that asked returns (every caller here is synchronous and does not re-enter), and
 * never let it escape into a result. Contents are left over from the last use: fill what you read.
 */
type Ctor<T> = { new (length: number): T, BYTES_PER_ELEMENT: number }
type View = Float64Array | Int32Array | Uint32Array | Int16Array | Uint8Array

const buffers = new Map<string, ArrayBuffer>()
/** Larger buffers are not kept (a one-off huge computation should not pin its memory). */
const KEEP_BYTES = 64 * 1024 * 1024

/** A `length`-long view of slot `slot`'s buffer (grown when too small); see the module note. */
export function scratch<T extends View>(slot: string, type: Ctor<T>, length: number): T {
  const bytes = length * type.BYTES_PER_ELEMENT
  if (bytes > KEEP_BYTES) return new type(length)
  let buf = buffers.get(slot)
  if (buf === undefined || buf.byteLength < bytes) {
    buf = new ArrayBuffer(Math.max(bytes, (buf?.byteLength ?? 0) * 2, 1024))
    buffers.set(slot, buf)
  }
  return new (type as unknown as new (b: ArrayBuffer, o: number, l: number) => T)(buf, 0, length)
}
