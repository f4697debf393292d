import { migration } from './migration'

// Team sync bulk path (SYNC.md §2.6, variant D of §3.7): the received set of teammates' ops is kept
// as compact runs instead of one change_tx row per op. A run covers the contiguous seqs [from, to]
// of one device received in one batch and stores their fingerprints end to end (`width` characters
// each), so fork detection (same dev:seq, different hash) still works for every received op while a
// cold join of a million ops writes a few hundred rows. change_tx keeps the history rows of small
// incremental batches as before; the segments in the shared folder remain the log.
export default migration({
  version: 7,
  name: 'team sync: received ops as compact runs of fingerprints',
  up: (db) => {
    db.exec(`
CREATE TABLE sync_received (
  dev TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL, width INTEGER NOT NULL, hashes TEXT NOT NULL,
  PRIMARY KEY (dev, from_seq)) STRICT;
`)
  }
})
