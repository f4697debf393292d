/**
 * The driver's side of one worker: spawns it (`process.execPath --import tsx worker.ts`, like the
 * kill -9 test), SIGKILLs it, restarts it on the same workspace and view, and sends requests that
 * wait for their answer. stderr goes to a per-worker log so a crash can be explained afterwards.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { isWorkerMessage } from './workerProtocol'
import type { DriverMessage, WorkerMessage, WorkerTeam } from './workerProtocol'

export type WorkerSpec = { index: number; wsDir: string; teamDir: string; ackLog: string; stderrLog: string; seed: number; team?: WorkerTeam }

type Waiter = { type: WorkerMessage['t']; resolve: (m: WorkerMessage) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }

const REPO = path.resolve(import.meta.dirname, '..', '..')
const WORKER = path.join(import.meta.dirname, 'worker.ts')

export class WorkerHandle {
  readonly spec: WorkerSpec
  dev = ''
  incarnation = 0
  /** Called for every message that is not an awaited answer (actions, errors, re-keys). */
  onMessage: (m: WorkerMessage, w: WorkerHandle) => void = () => {}
  /** Called when the process ends without the driver having killed it. */
  onCrash: (w: WorkerHandle, detail: string) => void = () => {}
  private proc: ChildProcess | null = null
  private exited: Promise<void> = Promise.resolve()
  private waiters: Waiter[] = []
  private killing = false

  constructor(spec: WorkerSpec) {
    this.spec = spec
  }

  get alive(): boolean {
    return this.proc !== null
  }

  get name(): string {
    return `w${this.spec.index}`
  }

  /** Starts the process and waits until its workspace is open (and set up, for create/join); `key`: a joiner's signing key. */
  async start(mode: 'create' | 'join' | 'run', timeoutMs: number, skewMs = 0): Promise<{ dev: string; teamId: string; key: string }> {
    this.incarnation++
    const s = this.spec
    const seed = (s.seed * 1000 + s.index * 97 + this.incarnation) >>> 0
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER, s.wsDir, s.teamDir, s.ackLog, String(seed), mode, this.name, String(skewMs), JSON.stringify(s.team ?? {})], {
      cwd: REPO,
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      env: { ...process.env, SMO_SYNC_SCRYPT_N: '1024' }
    })
    this.proc = child
    this.killing = false
    child.stderr?.on('data', (c: Buffer) => appendFileSync(s.stderrLog, c))
    child.on('message', (m: unknown) => {
      if (!isWorkerMessage(m)) return
      const at = this.waiters.findIndex((w) => w.type === m.t)
      const waiter = at >= 0 ? this.waiters.splice(at, 1)[0] : undefined
      if (waiter) {
        clearTimeout(waiter.timer)
        waiter.resolve(m)
      } else this.onMessage(m, this)
    })
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        if (this.proc === child) this.proc = null
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer)
          w.reject(new Error(`${this.name} exited (${signal ?? code}) while the driver waited for '${w.type}'`))
        }
        if (!this.killing) this.onCrash(this, `exit ${signal ?? code}`)
        resolve()
      })
    })
    const ready = await this.wait('ready', timeoutMs)
    if (ready.t !== 'ready') throw new Error('unreachable')
    this.dev = ready.dev
    appendFileSync(s.stderrLog, `-- ${this.name} incarnation ${this.incarnation} (${mode}) dev ${ready.dev} clock ${skewMs >= 0 ? '+' : ''}${skewMs} ms\n`)
    return { dev: ready.dev, teamId: ready.teamId, key: ready.key }
  }

  private wait(type: WorkerMessage['t'], timeoutMs: number): Promise<WorkerMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.timer !== timer)
        reject(new Error(`${this.name} did not answer '${type}' within ${timeoutMs} ms`))
      }, timeoutMs)
      this.waiters.push({ type, resolve, reject, timer })
    })
  }

  send(m: DriverMessage): void {
    this.proc?.send(m)
  }

  /** Sends `m` and waits for the answer of type `answer`. */
  async request(m: DriverMessage, answer: WorkerMessage['t'], timeoutMs: number): Promise<WorkerMessage> {
    if (!this.proc) throw new Error(`${this.name} is not running`)
    const p = this.wait(answer, timeoutMs)
    this.proc.send(m)
    return p
  }

  /** kill -9, then wait until the OS has reaped it (its workspace lock names a dead pid only then). */
  async kill(): Promise<void> {
    if (!this.proc) return
    this.killing = true
    this.proc.kill('SIGKILL')
    await this.exited
  }

  async stop(): Promise<void> {
    if (!this.proc) return
    this.killing = true
    this.proc.send({ t: 'exit' } satisfies DriverMessage)
    const t = setTimeout(() => this.proc?.kill('SIGKILL'), 10_000)
    await this.exited
    clearTimeout(t)
  }
}
