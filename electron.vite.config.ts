import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

// Three builds: the Electron main process, the preload (kept CommonJS so the sandbox stays on),
// and the renderer, which the browser host serves as static files from out/renderer too. The main
// build also emits the `smo` command line (which runs the browser host) and the sync pull child as
// plain JavaScript beside it, so nothing is transpiled when a command starts (bin/smo.mjs).
export default defineConfig({
  main: {
    resolve: {
      alias: [
        { find: /^ajv\/dist\/2020\.js$/, replacement: resolve('src/main/backend/settings/ajvStub.ts') },
        { find: /^ajv-formats$/, replacement: resolve('src/main/backend/settings/ajvStub.ts') }
      ]
    },
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules at run time: zod is ~130 files (every locale) and
      // conf brings ajv's ~100 CommonJS files; finding, reading and linking each file cost the browser
      // host's start more than the code itself (issue #17: 250–300 ms before Ready on this machine).
      // better-sqlite3 (a native module) and electron-store (loaded only inside Electron) stay external.
      externalizeDeps: { exclude: ['zod', 'luxon', 'ulid', 'conf'] },
      // conf's JSON-schema validator is never built (no schema is passed; settings are checked with zod),
      // but conf imports ajv at its top: a stub instead (src/main/backend/settings/ajvStub.ts).
      // electron-store, external, keeps the real one.
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          cli: resolve('src/main/cli/main.ts'),
          pullChild: resolve('src/main/backend/sync/pullChild.ts'),
          // The writer thread of a pipelined import (src/main/backend/services/importWriter.ts).
          importWriter: resolve('src/main/backend/services/importWriterWorker.ts')
        },
        // Whitespace and comments out, names and code kept as written (no compression, no mangling), so
        // stack traces in the log still name our functions: ~30 % fewer bytes for Node to read, hash
        // against its compile cache and compile on each start (~75 ms of the modules the browser host
        // loads before its first answer, alternating builds on this machine; issue #17).
        output: { minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } } },
        external: ['better-sqlite3', 'electron', 'electron-store']
      }
    }
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: 'src/renderer',
    build: {
      outDir: 'out/renderer',
      // Minified: the browser host serves this bundle on every start, and echarts is large.
      minify: true,
      // One desktop bundle loaded from disk or loopback, never over a network: echarts and React make
      // the main chunk ~1 MB, which is fine here, so the web-oriented 500 kB warning is only noise.
      chunkSizeWarningLimit: 2500,
      // .vite/manifest.json: the browser host's boot script preloads the first screen's chunks by it (main/web/bootScript.ts).
      manifest: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
