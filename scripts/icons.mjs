// Every application icon comes from ONE drawing, resources/icon.svg: PNGs at each size the platforms
// ask for (Linux reads the folder; each size is rendered from the vector, not scaled down from a
// bitmap, so small sizes stay sharp), a Windows .ico and a macOS .icns. Run: npm run icons
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const root = join(import.meta.dirname, '..')
const svg = readFileSync(join(root, 'resources', 'icon.svg'))
const out = join(root, 'resources', 'icons')
mkdirSync(out, { recursive: true })

export const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

const render = (size) => new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()

for (const size of SIZES) writeFileSync(join(out, `${size}x${size}.png`), render(size))
const big = render(1024)
writeFileSync(join(root, 'resources', 'icon.png'), big)
// BICUBIC scaling; the .ico keeps small sizes as bitmaps for old Windows shells (png2icons' "-icowe").
const ico = png2icons.createICO(big, png2icons.BICUBIC, 0, false, true)
const icns = png2icons.createICNS(big, png2icons.BICUBIC, 0)
if (!ico || !icns) throw new Error('icons: png2icons could not convert resources/icon.png')
writeFileSync(join(root, 'resources', 'icon.ico'), ico)
writeFileSync(join(root, 'resources', 'icon.icns'), icns)
console.log(`icons: ${SIZES.length} PNG sizes, icon.ico, icon.icns written to resources/`)
