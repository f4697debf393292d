/**
 * What the built app gives `conf` for its JSON-schema validator (ajv and ajv-formats, aliased in
 * electron.vite.config.ts). conf builds a validator only when it is given a `schema`, `rootSchema` or
 * `ajvOptions`, and confSettings passes none: the settings are checked by their zod schema
 * (core/settings/settingsSchema.ts). Loading ajv anyway was ~40 ms of every `smo serve` start
 * (issue #17). Should a schema ever be passed, this says so instead of validating nothing.
 */
export class Ajv2020 {
  constructor() {
    throw new Error('conf was given a JSON schema, but the build replaces ajv with a stub (src/main/backend/settings/ajvStub.ts): check settings with their zod schema, or remove the alias in electron.vite.config.ts')
  }
}

/** ajv-formats' default export, never reached: Ajv2020 above throws first. */
export default function ajvFormats(): void {
  throw new Error('ajv-formats is stubbed out in the build (src/main/backend/settings/ajvStub.ts)')
}
