// Types for the electron-builder hook (plain JavaScript, loaded by the builder without a compiler).
export function fuseSettings(platform: string): Record<string | number, unknown>
export default function afterPack(context: unknown): Promise<void>
