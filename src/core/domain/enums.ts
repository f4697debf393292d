import { z } from 'zod'
import { vocabularies } from './vocabularies'

/** Closed vocabularies of the product (PRODUCT.md "Records") as schemas; the lists and labels are in vocabularies.ts. */
export const enums = {
  goalKind: z.enum(vocabularies.goalKind, { error: 'Goal kind must be count, rate or money' }),
  driver: z.enum(vocabularies.driver),
  platform: z.enum(vocabularies.platform),
  channelStatus: z.enum(vocabularies.channelStatus),
  contentStatus: z.enum(vocabularies.contentStatus),
  contentFormat: z.enum(vocabularies.contentFormat),
  stage: z.enum(vocabularies.stage),
  interactionKind: z.enum(vocabularies.interactionKind),
  conversationType: z.enum(vocabularies.conversationType),
  sentiment: z.enum(vocabularies.sentiment),
  /** Where a conversation stands on the listening desk (issue #16): only resolved stops its clocks. */
  conversationState: z.enum(vocabularies.conversationState),
  priority: z.enum(vocabularies.priority),
  expertAvailability: z.enum(vocabularies.expertAvailability),
  watchKind: z.enum(vocabularies.watchKind),
  /** What became of a lead handed to sales. */
  handoffOutcome: z.enum(vocabularies.handoffOutcome),
  /** What a member may do (issue #14): owner > approver > editor > contributor > viewer. */
  access: z.enum(vocabularies.access, { error: 'Access must be owner, approver, editor, contributor or viewer' })
}

export { enumLabels, labelOf } from './vocabularies'
