import type { Migration } from './migration'
import m001 from './m001_initial'
import m002 from './m002_scoring'
import m003 from './m003_calendar'
import m004 from './m004_deck'
import m005 from './m005_sync'
import m006 from './m006_workspaceProfile'
import m007 from './m007_sync_bulk'
import m008 from './m008_model'
import m009 from './m009_creationKeys'
import m010 from './m010_people'
import m011 from './m011_sharing'
import m012 from './m012_signing'
import m013 from './m013_import'
import m014 from './m014_links'
import m015 from './m015_desk'
import m016 from './m016_people_speed'
import m018 from './m018_desk_waiting'
import m019 from './m019_bulk_creations'
import m020 from './m020_bulk_constant_columns'
import m021 from './m021_results_currency'

/**
 * Every schema step in order, one file per version; never edit one that has shipped.
 * 2 scoring (pins, snapshots), 3 calendar (recurrence, saved views, workspace policy), 4 review deck
 * (slide notes), 5 team sync, 6 workspace profile, 7 team sync bulk receipts, 8 the second priority
 * model, 9 creation keys, 10 people (access role, change author), 11–12 people (comments, tasks,
 * notifications, signing), 13 import (external ids), 14 links (convention, tracked links, outcome
 * ledger), 15 listening desk, 16 people (speed indexes), 18 desk waiting, 19 bulk creation records of an import, 20 their
 * constant columns, 21 the ledger's currency and the team's exchange rates. 17 was
 * reserved for an import change that did not need one and is never used.
 */
export const migrations: Migration[] = [m001, m002, m003, m004, m005, m006, m007, m008, m009, m010, m011, m012, m013, m014, m015, m016, m018, m019, m020, m021].sort((a, b) => a.version - b.version)
export const latestVersion = Math.max(...migrations.map((m) => m.version))
