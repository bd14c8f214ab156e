// Element Plus messages close on a 3 s timer with a leave transition. A message still open when
// a test file ends would start that transition after happy-dom is torn down (no
// requestAnimationFrame: an unhandled error that fails the run). Close them while the DOM exists.
import { ElMessage } from 'element-plus'
import { afterEach } from 'vitest'

afterEach(() => {
  ElMessage.closeAll()
})

// happy-dom's Element#toString returns the element's outerHTML, where a browser gives
// "[object HTMLDivElement]". Popper.js (under Element Plus's selects, tooltips and dropdowns) calls
// it on every position update to tell a window from an element (getWindow), so each update
// serialised the whole document: a stage editor test with 3 records spent 8 of its 19 s there and
// timed out on a loaded machine. Give elements the browser's answer.
Object.defineProperty(Element.prototype, 'toString', {
  configurable: true,
  writable: true,
  value(this: Element) {
    return `[object ${this.constructor.name}]`
  },
})
