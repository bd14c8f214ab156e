/**
 * Stable LSD radix sort of positions by a number key, for sort keys that are numbers, days or
 * instants: O(n) per 8 key bits that vary, no comparator calls. NaN = empty, placed last in
 * both directions; -0 equals 0. Returns a new order; `order` is left alone.
 */
export function radixSortByNumber(order: Int32Array, values: Float64Array, desc: boolean): Int32Array {
  const n = order.length
  const hi = new Uint32Array(n)
  const lo = new Uint32Array(n)
  const bits = new Float64Array(1)
  const words = new Uint32Array(bits.buffer)
  let from = new Int32Array(n)
  let count = 0
  const empties: number[] = []
  for (let i = 0; i < n; i++) {
    const row = order[i]!
    const v = values[row]!
    if (v !== v) { empties.push(row); continue }
    bits[0] = v + 0 // -0 + 0 = +0
    let h = words[1]!
    let l = words[0]!
    // Order-preserving map of IEEE doubles onto unsigned integers: flip all bits of negatives,
    // only the sign bit of the rest; then flip everything for descending.
    if (h & 0x80000000) { h = ~h >>> 0; l = ~l >>> 0 }
    else h = (h | 0x80000000) >>> 0
    if (desc) { h = ~h >>> 0; l = ~l >>> 0 }
    hi[count] = h
    lo[count] = l
    from[count++] = row
  }
  let to = new Int32Array(n)
  let keyHi = hi
  let keyLo = lo
  let nextHi = new Uint32Array(n)
  let nextLo = new Uint32Array(n)
  const counts = new Int32Array(256)
  for (let pass = 0; pass < 8; pass++) {
    const word = pass < 4 ? keyLo : keyHi
    const shift = (pass & 3) * 8
    counts.fill(0)
    for (let i = 0; i < count; i++) counts[(word[i]! >>> shift) & 0xFF]!++
    if (count === 0 || counts[(word[0]! >>> shift) & 0xFF] === count) continue // this byte never varies
    let sum = 0
    for (let b = 0; b < 256; b++) { const c = counts[b]!; counts[b] = sum; sum += c }
    for (let i = 0; i < count; i++) {
      const at = counts[(word[i]! >>> shift) & 0xFF]!++
      to[at] = from[i]!
      nextHi[at] = keyHi[i]!
      nextLo[at] = keyLo[i]!
    }
    ;[from, to] = [to, from]
    ;[keyHi, nextHi] = [nextHi, keyHi]
    ;[keyLo, nextLo] = [nextLo, keyLo]
  }
  for (let k = 0; k < empties.length; k++) from[count + k] = empties[k]!
  return from
}
