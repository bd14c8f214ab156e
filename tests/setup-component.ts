// Element Plus messages close on a 3 s timer with a leave transition. A message still open when
// a test file ends would start that transition after happy-dom is torn down (no
// requestAnimationFrame: an unhandled error that fails the run). Close them while the DOM exists.
import { ElMessage } from 'element-plus'
import { afterEach } from 'vitest'

afterEach(() => {
  ElMessage.closeAll()
})
