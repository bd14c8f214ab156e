// localforage probes indexedDB once, when its module is evaluated: the fake must come first.
import 'fake-indexeddb/auto'
