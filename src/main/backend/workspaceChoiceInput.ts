import { z } from 'zod'

/**
 * A choice from the first-start picker page, as either host receives it (the browser host over HTTP,
 * the desktop host over IPC): untrusted input, parsed before openChosenWorkspace sees it.
 */
export const workspaceChoiceInput = z.discriminatedUnion('action', [
  z.object({ action: z.enum(['demo', 'new', 'open']), path: z.string().max(4096) }),
  z.object({ action: z.literal('join'), path: z.string().max(4096), teamFolder: z.string().max(4096), passphrase: z.string().max(1024).optional() })
])
