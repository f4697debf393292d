import { crc32, createDeflateRaw } from 'node:zlib'

/** One file inside the archive: its name, and its bytes as they come (a generator may stream them). */
export type ZipPart = { name: string; chunks: Iterable<Buffer> }

const MAX32 = 0xffffffff

/** MS-DOS date and time, the only stamp a plain zip entry has. */
function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate()
  }
}

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
 * A zip archive (what an XLSX is) of the given parts, deflated. Written by hand rather than with a zip
 * library because it is a few dozen lines of a stable format, and node:zlib does the compressing on
 * another thread. Sizes are known before each local header is written, so no data descriptors and no
 * zip64: a part of 4 GB or more is refused rather than written into a broken file.
 */
export async function zipParts(parts: ZipPart[], opts: { level: number; now: Date }): Promise<Buffer> {
  const { time, date } = dosStamp(opts.now)
  const body: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const part of parts) {
    const { data, crc, size } = await deflatePart(part.chunks, opts.level)
    if (size > MAX32 || data.length > MAX32 || offset > MAX32) throw new Error(`${part.name} is too large for a workbook (4 GB or more); export fewer rows`)
    const name = Buffer.from(part.name, 'utf8')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4) // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6) // names are UTF-8
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt16LE(time, 10)
    local.writeUInt16LE(date, 12)
    local.writeUInt32LE(crc >>> 0, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    local.writeUInt16LE(0, 28)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4) // made by: MS-DOS, 2.0
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(0x0800, 8)
    dir.writeUInt16LE(8, 10)
    dir.writeUInt16LE(time, 12)
    dir.writeUInt16LE(date, 14)
    dir.writeUInt32LE(crc >>> 0, 16)
    dir.writeUInt32LE(data.length, 20)
    dir.writeUInt32LE(size, 24)
    dir.writeUInt16LE(name.length, 28)
    // extra, comment, disk, internal and external attributes: all 0
    dir.writeUInt32LE(offset, 42)
    body.push(local, name, data)
    central.push(dir, name)
    offset += local.length + name.length + data.length
  }
  const dirSize = central.reduce((n, b) => n + b.length, 0)
  if (offset > MAX32) throw new Error('the workbook is too large (4 GB or more); export fewer rows')
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(parts.length, 8)
  end.writeUInt16LE(parts.length, 10)
  end.writeUInt32LE(dirSize, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...body, ...central, end])
}
