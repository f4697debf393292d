import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { FuseV1Options } from '@electron/fuses'
import { describe, expect, it } from 'vitest'
import { fuseSettings } from '../../../scripts/dist/afterPack.mjs'

const root = process.cwd()
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<string, unknown> & {
  win: { target: { target: string }[] }
  nsis: { perMachine: boolean; oneClick: boolean }
  mac: { target: { target: string; arch: string[] }[]; notarize?: boolean }
  linux: { target: string[]; icon: string }
  asarUnpack: string[]
  afterPack: string
}
// electron-builder's own schema of its configuration (the one its CLI validates against).
const schema = JSON.parse(readFileSync(join(root, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as object
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)

describe('installer configuration (electron-builder.json)', () => {
  it('is valid against electron-builder\'s schema', () => {
    const { $schema: _, ...rest } = config
    expect(validate(rest), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('the schema check can fail: a misspelt key is refused', () => {
    const { $schema: _, ...rest } = config
    expect(validate({ ...rest, nsis: { ...config.nsis, perMachin: false } })).toBe(false)
  })

  it('builds a per-user NSIS installer, a universal dmg and AppImage + deb, with the native module unpacked', () => {
    expect(config.appId).toBe('com.smodesk.app')
    expect(config.productName).toBe('SMO Desk')
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis'])
    expect(config.nsis.perMachine).toBe(false)
    // The zip is what electron-updater installs from on macOS.
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }, { target: 'zip', arch: ['universal'] }])
    // Notarisation is left to electron-builder's environment detection (APPLE_* variables): off when absent.
    expect(config.mac.notarize).toBeUndefined()
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.asarUnpack).toContain('**/*.node')
    expect(existsSync(join(root, config.afterPack))).toBe(true)
  })

  it('has every icon the platforms ask for, generated from resources/icon.svg', () => {
    for (const f of ['icon.svg', 'icon.png', 'icon.ico', 'icon.icns']) expect(existsSync(join(root, 'resources', f)), f).toBe(true)
    for (const s of [16, 32, 48, 64, 128, 256, 512, 1024]) expect(existsSync(join(root, config.linux.icon, `${s}x${s}.png`)), `${s}px`).toBe(true)
    // PNG header + IHDR width: each size is really that size.
    const png = readFileSync(join(root, config.linux.icon, '256x256.png'))
    expect(png.readUInt32BE(16)).toBe(256)
    expect(readFileSync(join(root, 'resources', 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns')
    expect(readFileSync(join(root, 'resources', 'icon.ico')).readUInt16LE(2)).toBe(1)
  })

  it('hardens the packed binary with fuses (asar integrity only where Electron embeds a hash)', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const f = fuseSettings(platform)
      expect(f[FuseV1Options.RunAsNode], platform).toBe(false)
      expect(f[FuseV1Options.EnableNodeOptionsEnvironmentVariable], platform).toBe(false)
      expect(f[FuseV1Options.EnableNodeCliInspectArguments], platform).toBe(false)
      expect(f[FuseV1Options.EnableCookieEncryption], platform).toBe(true)
    }
    expect(fuseSettings('darwin')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true)
    expect(fuseSettings('win32')[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true)
    expect(fuseSettings('linux')[FuseV1Options.OnlyLoadAppFromAsar]).toBe(false)
  })
})
