import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { appMenuTemplate, type MenuActions } from '../../../src/main/electron/appMenu'

const calls: string[] = []
const actions: MenuActions = {
  newWorkspace: () => calls.push('new'),
  openWorkspace: () => calls.push('open'),
  openRecent: (d) => calls.push(`recent ${d}`),
  clearRecent: () => calls.push('clear'),
  revealWorkspace: () => calls.push('reveal'),
  undo: () => calls.push('undo'),
  redo: () => calls.push('redo'),
  setTheme: (t) => calls.push(`theme ${t}`),
  openReadme: () => calls.push('readme'),
  reportProblem: () => calls.push('report')
}
const sub = (m: MenuItemConstructorOptions[], label: string) => (m.find((i) => i.label === label || i.role === label)?.submenu ?? []) as MenuItemConstructorOptions[]
const item = (m: MenuItemConstructorOptions[], label: string) => m.find((i) => i.label === label)!
const click = (i: MenuItemConstructorOptions) => (i.click as () => void)()

describe('application menu', () => {
  it('macOS gets the app menu first; Windows and Linux start with File and quit from it', () => {
    const mac = appMenuTemplate({ platform: 'darwin', appName: 'SMO Desk', recent: [], theme: 'system' }, actions)
    expect(mac.map((m) => m.label ?? m.role)).toEqual(['SMO Desk', '&File', '&Edit', '&View', 'windowMenu', 'help'])
    const win = appMenuTemplate({ platform: 'win32', appName: 'SMO Desk', recent: [], theme: 'system' }, actions)
    expect(win.map((m) => m.label ?? m.role)).toEqual(['&File', '&Edit', '&View', 'windowMenu', 'help'])
    expect(sub(win, '&File').at(-1)?.role).toBe('quit')
    expect(item(sub(win, '&Edit'), 'Redo').accelerator).toBe('Ctrl+Y')
  })

  it('Undo and Redo go to the app\'s own history; File, recent, theme and Help call their actions', () => {
    calls.length = 0
    const m = appMenuTemplate({ platform: 'linux', appName: 'SMO Desk', recent: ['/ws/a', '/ws/b'], theme: 'dark' }, actions)
    const edit = sub(m, '&Edit')
    expect(edit[0]).toMatchObject({ label: 'Undo', accelerator: 'CmdOrCtrl+Z' })
    expect(edit[0]?.role).toBeUndefined()
    click(item(edit, 'Undo'))
    click(item(edit, 'Redo'))
    const file = sub(m, '&File')
    click(item(file, 'Open workspace…'))
    const recent = (item(file, 'Open recent').submenu ?? []) as MenuItemConstructorOptions[]
    click(item(recent, '/ws/b'))
    const themes = (item(sub(m, '&View'), 'Appearance').submenu ?? []) as MenuItemConstructorOptions[]
    expect(themes.filter((t) => t.checked).map((t) => t.label)).toEqual(['Dark'])
    click(item(themes, 'Follow system'))
    click(item(sub(m, 'help'), 'Report a problem…'))
    expect(calls).toEqual(['undo', 'redo', 'open', 'recent /ws/b', 'theme system', 'report'])
  })

  it('an empty recent list says so instead of showing nothing', () => {
    const m = appMenuTemplate({ platform: 'linux', appName: 'SMO Desk', recent: [], theme: 'system' }, actions)
    const recent = (item(sub(m, '&File'), 'Open recent').submenu ?? []) as MenuItemConstructorOptions[]
    expect(recent).toEqual([{ label: 'No recent workspaces', enabled: false }])
  })
})

describe('workspaceArg (a workspace passed on the command line or to a second instance)', async () => {
  const { workspaceArg } = await import('../../../src/main/electron/workspaceArg')
  it('takes the path after the executable (packaged) or after the app folder (development), ignoring switches', () => {
    expect(workspaceArg(['/opt/SMO Desk/smo-desk', '--no-sandbox', '/home/ana/Team.smo'], true)).toBe('/home/ana/Team.smo')
    expect(workspaceArg(['/usr/bin/electron', '.', '--inspect'], false)).toBeNull()
    expect(workspaceArg(['/usr/bin/electron', '/src/app', 'C:\\ws'], false)).toBe('C:\\ws')
    expect(workspaceArg(['SMO Desk.exe'], true)).toBeNull()
  })
})
