import { migration } from './migration'

/**
 * People and accountability (issue #14): a member's access role (owner, approver, editor, contributor,
 * viewer; synced like any field) and the member who made each change (the change log's own column,
 * so history reads "who" without joining anything). Old changes keep NULL: nobody knew then.
 * Existing workspaces: every member stays an editor; the first member by creation becomes the owner
 * so a workspace always has someone who can manage roles.
 */
export default migration({
  version: 10,
  name: 'people: member access role, member on each change',
  up: (db) => {
    db.exec(`
ALTER TABLE member ADD COLUMN access TEXT NOT NULL DEFAULT 'editor';
ALTER TABLE change_tx ADD COLUMN member_id TEXT;
UPDATE member SET access = 'owner' WHERE id = (SELECT id FROM member WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1);
`)
  }
})
