import { relative, resolve, sep } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * Writes out/main/sources.json: the source files the main build was made from. The `smo` launcher
 * stats exactly these to tell whether the build is older than the sources, instead of walking the
 * source folders on every command (~25 ms of `smo check`, issue #17). An edit that matters changes
 * one of them: a new file counts once an existing one imports it.
 */
function sourceManifest(): Plugin {
  const src = resolve('src') + sep
  return {
    name: 'smo-source-manifest',
    generateBundle() {
      const files = [...this.getModuleIds()].filter((id) => id.startsWith(src)).map((id) => relative(resolve('.'), id).split(sep).join('/')).sort()
      this.emitFile({ type: 'asset', fileName: 'sources.json', source: `${JSON.stringify(files)}\n` })
    }
  }
}

// Three builds: the Electron main process, the preload (kept CommonJS so the sandbox stays on),
// and the renderer, which the browser host serves as static files from out/renderer too. The main
// build also emits the `smo` command line (which runs the browser host) and the sync pull child as
// plain JavaScript beside it, so nothing is transpiled when a command starts (bin/smo.mjs).
export default defineConfig({
  main: {
    plugins: [sourceManifest()],
    build: {
      outDir: 'out/main',
      // Bundled rather than loaded from node_modules at run time: zod is ~90 files (every locale) and
      // conf brings ajv's ~100 CommonJS files; resolving, reading and compiling them one by one was
      // ~200 ms of `smo serve`'s start before Ready (issue #17). The rest stay external.
      externalizeDeps: { exclude: ['zod', 'conf'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/electron/index.ts'),
          cli: resolve('src/main/cli/main.ts'),
          pullChild: resolve('src/main/backend/sync/pullChild.ts')
        },
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
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } }
    },
    plugins: [react()]
  }
})
