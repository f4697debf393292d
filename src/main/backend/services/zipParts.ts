import { crc32, createDeflateRaw } from 'node:zlib'
import { Zip, type ZipInputFile } from 'fflate'

/** One file inside the archive: its name, and its bytes as they come (a generator may stream them). */
export type ZipPart = { name: string; chunks: Iterable<Buffer> }

const MAX32 = 0xffffffff

/**
 * Deflates one part as its chunks arrive: the generator builds the next chunk while zlib compresses the
 * last one on libuv's thread pool, so building XML and compressing it overlap. The CRC is taken on the
 * way in.
 */
async function deflatePart(chunks: Iterable<Buffer>, level: number): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = createDeflateRaw({ level, memLevel: 9 })
  const out: Buffer[] = []
  z.on('data', (c: Buffer) => out.push(c))
  const ended = new Promise<void>((resolve, reject) => {
    z.on('end', resolve)
    z.on('error', reject)
  })
  let crc = 0
  let size = 0
  for (const c of chunks) {
    crc = crc32(c, crc)
    size += c.length
    if (!z.write(c)) await new Promise<void>((resolve) => z.once('drain', resolve))
  }
  z.end()
  await ended
  return { data: Buffer.concat(out), crc, size }
}

/**
 * A zip archive (what an XLSX is) of the given parts, deflated. fflate writes the container (headers,
 * central directory); each part is compressed by node:zlib on libuv's thread pool while the next chunk of
 * XML is built — fflate's own deflate would run on this thread, in turn with building the XML. fflate takes
 * such pre-compressed entries through its ZipInputFile interface (size, CRC and method given up front).
 * fflate writes no zip64, so a part of 4 GB or more is refused rather than written into a broken file.
 */
export async function zipParts(parts: ZipPart[], opts: { level: number; now: Date }): Promise<Buffer> {
  const out: Uint8Array[] = []
  let failure: Error | null = null
  let finished = false
  const zip = new Zip((err, chunk, final) => {
    if (err) failure = err
    else out.push(chunk)
    if (final) finished = true
  })
  let total = 0
  for (const part of parts) {
    const { data, crc, size } = await deflatePart(part.chunks, opts.level)
    total += data.length
    if (size > MAX32 || data.length > MAX32 || total > MAX32) throw new Error(`${part.name} is too large for a workbook (4 GB or more); export fewer rows`)
    const entry: ZipInputFile = { filename: part.name, size, crc: crc >>> 0, compression: 8, mtime: opts.now }
    zip.add(entry)
    entry.ondata?.(null, new Uint8Array(data), true)
  }
  zip.end()
  // fflate calls back synchronously for entries added whole, so the archive is complete here.
  if (failure !== null) throw failure
  if (!finished) throw new Error('the workbook could not be written (the archive did not finish)')
  return Buffer.concat(out)
}
