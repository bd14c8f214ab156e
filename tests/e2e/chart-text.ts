import type { Locator, Page } from 'playwright-core'

/** One text a chart drew on its canvas: the text and the corners of its glyph box, in canvas pixels. */
export interface DrawnText {
  text: string
  corners: [number, number][]
}

interface Recorded { texts: WeakMap<HTMLCanvasElement, DrawnText[]> }

/**
 * Records every text the page's canvases draw (ECharts draws its labels with fillText): the
 * text and its glyph box (measureText's actual bounding box at the align point) through the
 * context's transform, so rotated labels are boxes turned with them. A full clear of a canvas
 * starts its list again, so a list holds what the canvas shows now. Call before the page loads.
 */
export async function recordCanvasText(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const texts = new WeakMap<HTMLCanvasElement, DrawnText[]>()
    ;(window as unknown as { __canvasText: Recorded }).__canvasText = { texts }
    const proto = CanvasRenderingContext2D.prototype
    const fill = proto.fillText
    const clear = proto.clearRect
    proto.clearRect = function (x: number, y: number, w: number, h: number) {
      if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) texts.set(this.canvas, [])
      return clear.call(this, x, y, w, h)
    }
    proto.fillText = function (text: string, x: number, y: number, maxWidth?: number) {
      const m = this.measureText(text)
      const t = this.getTransform()
      const at = (px: number, py: number): [number, number] => [t.a * px + t.c * py + t.e, t.b * px + t.d * py + t.f]
      const left = x - m.actualBoundingBoxLeft
      const right = x + m.actualBoundingBoxRight
      const top = y - m.actualBoundingBoxAscent
      const bottom = y + m.actualBoundingBoxDescent
      if (String(text).trim() !== '') {
        const list = texts.get(this.canvas) ?? []
        list.push({ text: String(text), corners: [at(left, top), at(right, top), at(right, bottom), at(left, bottom)] })
        texts.set(this.canvas, list)
      }
      return maxWidth === undefined ? fill.call(this, text, x, y) : fill.call(this, text, x, y, maxWidth)
    }
  })
}

/** The texts the chart of `card` shows now (its canvas's last full drawing). */
export async function drawnTexts(card: Locator): Promise<DrawnText[]> {
  return card.locator('[data-test=widget-chart] canvas').first().evaluate(c => (window as unknown as { __canvasText: Recorded }).__canvasText.texts.get(c as HTMLCanvasElement) ?? [])
}

/** Whether two convex boxes overlap by more than `slack` pixels (separating axis test). */
function overlap(a: [number, number][], b: [number, number][], slack: number): boolean {
  for (const poly of [a, b]) {
    for (let i = 0; i < poly.length; i++) {
      const [x1, y1] = poly[i]!
      const [x2, y2] = poly[(i + 1) % poly.length]!
      const len = Math.hypot(x2 - x1, y2 - y1)
      if (len === 0) continue
      const nx = (y1 - y2) / len
      const ny = (x2 - x1) / len
      const project = (p: [number, number][]) => p.map(([x, y]) => x * nx + y * ny)
      const pa = project(a)
      const pb = project(b)
      if (Math.max(...pa) - slack <= Math.min(...pb) || Math.max(...pb) - slack <= Math.min(...pa)) return false
    }
  }
  return true
}

/** The pairs of drawn texts whose glyph boxes overlap (by more than a pixel), as "a ⨯ b". */
export function overlappingTexts(texts: DrawnText[]): string[] {
  const out: string[] = []
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      if (overlap(texts[i]!.corners, texts[j]!.corners, 1)) out.push(`${texts[i]!.text} ⨯ ${texts[j]!.text}`)
    }
  }
  return out
}
