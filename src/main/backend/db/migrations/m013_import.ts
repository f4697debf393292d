import { migration } from './migration'

/**
 * Imports from other tools (issue #15): the id a scheduler, a CRM or a spreadsheet gave a content item
 * or an influencer, kept as `external_id` (a synced field like any other) so importing the same
 * export again updates those records instead of adding them twice. '' means none.
 */
export default migration({
  version: 13,
  name: 'import: external ids of content items and influencers',
  up: (db) => {
    db.exec(`
ALTER TABLE content_item ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
ALTER TABLE influencer ADD COLUMN external_id TEXT NOT NULL DEFAULT '';
CREATE INDEX content_item_external_id ON content_item (external_id) WHERE external_id <> '';
CREATE INDEX influencer_external_id ON influencer (external_id) WHERE external_id <> '';
`)
  }
})
