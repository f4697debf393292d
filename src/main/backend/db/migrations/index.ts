import type { Migration } from './migration'
import m001 from './m001_initial'

/** Every schema step in order. Add a file per version; never edit one that has shipped. */
export const migrations: Migration[] = [m001]
export const latestVersion = migrations.length
