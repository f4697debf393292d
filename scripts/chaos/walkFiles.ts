/**
 * Lists every regular file under a folder as paths relative to it, with size and mtime. A worker may
 * delete or create files while this runs: anything that vanishes between readdir and stat is simply
 * left out, to be seen (or missed) by the next scan.
 */
import fs from 'node:fs'
import path from 'node:path'

export type FileSeen = { size: number; mtimeMs: number }

export function walkFiles(root: string): Map<string, FileSeen> {
  const out = new Map<string, FileSeen>()
  const visit = (rel: string): void => {
    let names: string[]
    try {
      names = fs.readdirSync(path.join(root, rel))
    } catch {
      return
    }
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`
      let st: fs.Stats
      try {
        st = fs.statSync(path.join(root, r))
      } catch {
        continue
      }
      if (st.isDirectory()) visit(r)
      else if (st.isFile()) out.set(r, { size: st.size, mtimeMs: st.mtimeMs })
    }
  }
  visit('')
  return out
}
