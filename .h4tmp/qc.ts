import Database from 'better-sqlite3'
const f = process.argv[2] ?? ''
for (let i = 0; i < 3; i++) {
  const db = new Database(f, { readonly: true })
  let t = performance.now()
  const r = db.pragma('quick_check', { simple: true })
  const qc = performance.now() - t
  t = performance.now()
  const r2 = db.pragma('quick_check(1)', { simple: true })
  const qc1 = performance.now() - t
  t = performance.now()
  db.prepare('SELECT count(*) FROM sqlite_schema').get()
  const pc = db.pragma('page_count', { simple: true })
  const hdr = performance.now() - t
  console.log({ r, r2, qc: qc.toFixed(1), qc1: qc1.toFixed(1), hdr: hdr.toFixed(2), pc })
  db.close()
}
