/**
 * TEAM.json bootstrap (SYNC.md §2.2). The file is written once with a create-only rename and never
 * rewritten. If two founders race and a cloud client keeps both ("TEAM (conflicted copy).json"),
 * every device deterministically picks the lowest teamId; team settings that change over time are
 * ops in a `_team` table, never edits of this file.
 */
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { classifyFsError, SyncFolderError } from './folderError'
import type { FolderIo } from './folderIo'
import type { TeamEncryption, TeamKeyFile } from './teamKey'

export const TEAM_FOLDER_NAME = 'SMO Desk Team'
export const TEAM_FORMAT = 1

export type TeamFile = {
  magic: 'smo-desk-team'
  teamId: string
  createdAt: string
  format: number
  encryption: TeamEncryption | null
}

const README = 'Managed by SMO Desk. Do not edit, rename or move files in this folder.\n'

function parseJson(buf: Buffer): unknown {
  try {
    return JSON.parse(buf.toString('utf8'))
  } catch {
    return null
  }
}

function isTeamFile(v: unknown): v is TeamFile {
  if (typeof v !== 'object' || v === null) return false
  const t = v as Record<string, unknown>
  return t.magic === 'smo-desk-team' && typeof t.teamId === 'string' && t.teamId.length > 0 && typeof t.format === 'number'
}

/** Writes `name` only if absent (temp → fsync → create-only rename); true if this call created it. */
export function writeOnce(io: FolderIo, dir: string, name: string, data: Buffer): boolean {
  const target = path.join(dir, name)
  const temp = `${target}.tmp-${randomBytes(4).toString('hex')}`
  try {
    io.writeNew(temp, data, true)
    const created = io.renameNoReplace(temp, target)
    if (!created) io.unlink(temp)
    return created
  } catch (err) {
    throw classifyFsError(err, target)
  }
}

/** Reads the team, applying the lowest-teamId rule over TEAM.json and its conflicted copies. */
export function readTeam(io: FolderIo, dir: string): TeamFile {
  let names: string[]
  try {
    names = io.readdir(dir)
  } catch (err) {
    throw classifyFsError(err, dir)
  }
  const candidates: TeamFile[] = []
  let newer = 0
  for (const name of names) {
    if (!name.startsWith('TEAM') || name.startsWith('TEAM.key-') || !name.endsWith('.json')) continue
    let value: unknown
    try {
      value = parseJson(io.readFile(path.join(dir, name)))
    } catch {
      continue // a placeholder or torn copy: the other candidates decide
    }
    if (!isTeamFile(value)) continue
    if (value.format > TEAM_FORMAT) newer = Math.max(newer, value.format)
    else candidates.push(value)
  }
  candidates.sort((a, b) => (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0))
  const winner = candidates[0]
  if (winner) return winner
  if (newer > 0) throw new SyncFolderError('newer-format', `TEAM.json format ${newer}`)
  throw new SyncFolderError(names.includes('devices') ? 'not-a-team-folder' : 'missing', dir)
}

/** Opens the folder for a device already in `teamId`; a different team stops the cycle untouched. */
export function openTeam(io: FolderIo, dir: string, teamId: string): TeamFile {
  const team = readTeam(io, dir)
  if (team.teamId !== teamId) throw new SyncFolderError('other-team', `${team.teamId} ≠ ${teamId}`)
  return team
}

/**
 * Founds a team in `dir`, or joins the one already there. Returns the team every device will agree
 * on, which may not be `proposal` if another founder won the race.
 */
export function createTeam(io: FolderIo, dir: string, proposal: TeamFile, keyFile: TeamKeyFile | null): TeamFile {
  try {
    io.mkdirp(dir)
  } catch (err) {
    throw classifyFsError(err, dir)
  }
  const names = io.readdir(dir)
  const hasTeam = names.some((n) => n.startsWith('TEAM') && !n.startsWith('TEAM.key-') && n.endsWith('.json'))
  // Never found a new team over existing device logs: the TEAM file is missing or not synced yet.
  if (!hasTeam && names.includes('devices')) throw new SyncFolderError('not-a-team-folder', dir)
  if (!hasTeam) {
    if (keyFile) writeOnce(io, dir, `TEAM.key-${keyFile.keyId}.json`, Buffer.from(JSON.stringify(keyFile, null, 2)))
    writeOnce(io, dir, 'TEAM.json', Buffer.from(JSON.stringify(proposal, null, 2)))
    writeOnce(io, dir, 'README.txt', Buffer.from(README))
  }
  return readTeam(io, dir)
}

/** The wrapped key of `keyId` for `team`, looking at conflicted copies of the key file too. */
export function readTeamKeyFile(io: FolderIo, dir: string, team: string, keyId: string): TeamKeyFile {
  const names = io.readdir(dir).filter((n) => n.startsWith(`TEAM.key-${keyId}`) && n.endsWith('.json')).sort()
  for (const name of names) {
    let value: unknown
    try {
      value = parseJson(io.readFile(path.join(dir, name)))
    } catch {
      continue
    }
    const k = value as Partial<TeamKeyFile> | null
    if (k && k.magic === 'smo-desk-team-key' && k.team === team && k.keyId === keyId) return k as TeamKeyFile
  }
  throw new SyncFolderError('unavailable', `TEAM.key-${keyId}.json`)
}
