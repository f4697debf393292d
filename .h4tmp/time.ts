import { registerCalendarRules } from '../src/main/backend/services/calendarRules'
import { scoringRules } from '../src/main/backend/services/scoringRules'
import { writeDemo } from '../src/main/backend/demo/writeDemo'
import { prepareImport } from '../src/main/backend/services/transferImport'
import { liveRecords } from '../src/main/backend/services/transferExport'
import { tempBackend } from '../test/main/helpers/tempWorkspace'
import { calendarCsv } from '../test/main/helpers/calendarCsv'
registerCalendarRules(); scoringRules()
const t = await tempBackend()
writeDemo(t.b)
const channels = liveRecords(t.b, 'channel').map((r) => String(r.name))
const owners = liveRecords(t.b, 'member').map((r) => String(r.name))
const text = calendarCsv(100_000, { channels, owners })
console.log('bytes', text.length)
let t0 = performance.now()
const p = prepareImport(t.b, { kind: 'content', fileName: 'x.csv', text })
console.log('prepare ms', performance.now() - t0, 'problems', p.problemCount, p.problems.slice(0,3), 'creates', p.creates)
t0 = performance.now()
t.b.mutate('import-apply', p.changes)
console.log('mutate ms', performance.now() - t0, process.memoryUsage().rss / 1e6)
t.cleanup()
