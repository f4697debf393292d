// The raw floor on the app's own data model (usage: node rawSchemaImport.cjs WORKSPACE CSV): the same
// split-and-INSERT as ../shared/bench/raw-import.js, but into a new workspace's content_item table —
// its 30 columns and ten secondary indexes (dropped and built again after the rows, as the app's own
// bulk write does), the same WAL and synchronous=FULL the app opens with — and nothing else: no checks, no change log, no references resolved. It tells what the
// schema costs by itself, so the import's own overhead can be read apart from it (BENCHMARKS.md).
const Database = require('better-sqlite3')
const fs = require('node:fs')

const [dir, csv] = process.argv.slice(2)
const db = new Database(`${dir}/workspace.sqlite`)
db.pragma('journal_mode = WAL')
db.pragma('synchronous = FULL')
db.pragma('cache_size = -65536')
const insert = db.prepare(`INSERT INTO content_item (id, title, channel_id, campaign_id, owner_id, status, planned_date, effort_hours, brief, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
const lines = fs.readFileSync(csv, 'utf8').split('\n')
lines.shift()
const now = new Date().toISOString()
const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'content_item' AND sql IS NOT NULL").all()
db.transaction(() => {
  for (const i of indexes) db.exec(`DROP INDEX ${i.name}`)
  for (const l of lines) {
    if (!l) continue
    const f = l.split(',')
    insert.run(f[0], f[1], f[2], f[3], f[4], 'draft', f[6], Number(f[7]), f[8], now, now)
  }
  for (const i of indexes) db.exec(i.sql)
})()
db.close()
