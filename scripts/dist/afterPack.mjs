// electron-builder afterPack hook: flip Electron's fuses on the packed binary so the shipped app cannot
// be turned into a general Node runtime or steered from outside (ELECTRON_RUN_AS_NODE, NODE_OPTIONS,
// --inspect), cookies are encrypted, and the app loads only from its own archive, checked against the
// integrity hash the builder embeds (macOS and Windows; Linux has no embedded hash yet, so the fuse
// would refuse to start there).
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'

/** The fuse settings, by platform; exported so the archive check can assert them without Electron. */
export function fuseSettings(platform) {
  const integrity = platform === 'darwin' || platform === 'win32'
  return {
    version: FuseVersion.V1,
    // Universal macOS builds re-sign after this; an arm64 binary with a stale ad-hoc signature will not start.
    resetAdHocDarwinSignature: platform === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: integrity,
    [FuseV1Options.OnlyLoadAppFromAsar]: integrity,
  }
}

function electronBinary(context) {
  const name = context.packager.appInfo.productFilename
  if (context.electronPlatformName === 'darwin') return join(context.appOutDir, `${name}.app`)
  if (context.electronPlatformName === 'win32') return join(context.appOutDir, `${name}.exe`)
  return join(context.appOutDir, context.packager.executableName)
}

export default async function afterPack(context) {
  await flipFuses(electronBinary(context), fuseSettings(context.electronPlatformName))
}
