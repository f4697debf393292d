import type { z } from 'zod'
import type { enums } from '../domain/enums'

export type Platform = z.infer<typeof enums.platform>
