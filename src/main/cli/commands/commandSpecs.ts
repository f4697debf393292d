import { presetNames } from '../../../core/transfer/headerAliases'
import { csvDialectNames } from '../../../core/transfer/exportTable'
import type { Command } from '../command'

/** What `smo --help` and `smo <command> --help` print, without the command's code. */
export type CommandSpec = Omit<Command, 'run'>

// The options most commands share, written once.
const workspace = { type: 'string', short: 'w' } as const
const json = { type: 'boolean' } as const

/**
 * Every command's name, summary, usage, examples and options, apart from its code: `smo --help` and
 * `smo <command> --help` read these alone, so they start without loading the backend (each command's
 * module imports its services at the top and is loaded only to run). A command spreads its entry:
 * `command({ ...commandSpecs.check, run })`.
 */
export const commandSpecs = {
  demo: {
    name: 'demo',
    summary: 'Create the demo workspace (a B2B software company, this quarter and the last)',
    usage: 'smo demo --workspace DIR [--seed N] [--content-items N --years N]',
    examples: ['smo demo --workspace ~/smo-demo', 'smo demo --workspace /tmp/big --content-items 100000 --years 3'],
    options: { workspace, seed: { type: 'string' }, 'content-items': { type: 'string' }, years: { type: 'string' } }
  },
  samples: {
    name: 'samples',
    summary: 'Write sample exports made from a workspace (GA4, HubSpot deals, a Hootsuite bulk sheet, a CRM list) to try the imports on',
    usage: 'smo samples --workspace DIR --out FOLDER',
    examples: ['smo samples --workspace ~/smo-demo --out ~/smo-samples'],
    options: { workspace, out: { type: 'string', short: 'o' } }
  },
  new: {
    name: 'new',
    summary: 'Create an empty workspace (no demo data), ready for smo import',
    usage: 'smo new --workspace DIR',
    examples: ['smo new --workspace ~/our-team'],
    options: { workspace }
  },
  serve: {
    name: 'serve',
    summary: 'Serve the app to a browser on 127.0.0.1 (the browser host)',
    usage: 'smo serve [--workspace DIR] [--port N] [--no-open] [--create-demo]',
    examples: [
      'smo serve --workspace ~/smo-demo',
      'smo serve --workspace ~/smo-demo --port 5180 --no-open',
      'smo serve   (the last workspace; on first start, a page to choose one)',
      'smo serve --create-demo   (the default workspace, created on first use)'
    ],
    options: {
      workspace,
      port: { type: 'string', short: 'p' },
      'no-open': { type: 'boolean' },
      'create-demo': { type: 'boolean' }
    }
  },
  check: {
    name: 'check',
    summary: 'Integrity check of a workspace, with record counts',
    usage: 'smo check --workspace DIR [--json]',
    examples: ['smo check --workspace ~/smo-demo', 'smo check --workspace ~/smo-demo --json'],
    options: { workspace, json }
  },
  score: {
    name: 'score',
    summary: 'Rank channels by expected impact per hour and split the team\'s weekly hours',
    usage: 'smo score --workspace DIR [--quarter YYYY-Qn] [--scenario same-hours|plus|targets] [--hours N] [--capacity HOURS] [--since SNAPSHOT] [--backtest] [--json]',
    examples: [
      'smo score --workspace ~/smo-demo',
      'smo score --workspace ~/smo-demo --scenario plus --hours 6 --json',
      'smo score --workspace ~/smo-demo --scenario targets',
      'smo score --workspace ~/smo-demo --since 2026-Q3',
      'smo score --workspace ~/smo-demo --quarter 2027-Q1',
      'smo score --workspace ~/smo-demo --backtest'
    ],
    options: {
      workspace,
      quarter: { type: 'string' },
      scenario: { type: 'string' },
      hours: { type: 'string' },
      capacity: { type: 'string' },
      since: { type: 'string' },
      backtest: { type: 'boolean' },
      json
    }
  },
  advice: {
    name: 'advice',
    summary: 'When to post per channel, and which published items to publish again (--add puts one in the backlog)',
    usage: 'smo advice --workspace DIR [--cool-down DAYS] [--add ITEM_ID] [--json]',
    examples: ['smo advice --workspace ~/smo-demo', 'smo advice --workspace ~/smo-demo --cool-down 60 --json', 'smo advice --workspace ~/smo-demo --add 01JC0X…'],
    options: { workspace, 'cool-down': { type: 'string' }, add: { type: 'string' }, json }
  },
  deck: {
    name: 'deck',
    summary: 'Build the quarterly review deck: an editable PPTX and, if asked, a PDF',
    usage: 'smo deck --workspace DIR --quarter YYYY-Qn --out FILE.pptx [--pdf FILE.pdf] [--as-of YYYY-MM-DD]',
    examples: ['smo deck --workspace ~/smo-demo --quarter 2026-Q3 --out review.pptx --pdf review.pdf'],
    options: { workspace, quarter: { type: 'string', short: 'q' }, out: { type: 'string', short: 'o' }, pdf: { type: 'string' }, 'as-of': { type: 'string' } }
  },
  ics: {
    name: 'ics',
    summary: 'Write an RFC 5545 calendar (.ics) of dated content items',
    usage: 'smo ics --workspace DIR --out FILE [--channel ID…] [--from DATE --to DATE]',
    examples: ['smo ics --workspace ~/smo-demo --out plan.ics', 'smo ics -w ~/smo-demo --out q4.ics --from 2026-10-01 --to 2026-12-31 --channel 01J…'],
    options: {
      workspace,
      out: { type: 'string', short: 'o' },
      channel: { type: 'string', multiple: true },
      from: { type: 'string' },
      to: { type: 'string' }
    }
  },
  sync: {
    name: 'sync',
    summary: 'Team sync through a shared folder: one round, status, set up (init/join), or a round that writes a team snapshot',
    usage: 'smo sync [status|init|join|snapshot|sign|admit] --workspace DIR [--folder PATH] [--passphrase-file F] [--signed] [--key KEYID] [--json]',
    examples: [
      'smo sync --workspace ~/smo-demo',
      'smo sync status --workspace ~/smo-demo',
      'smo sync init --workspace ~/smo-demo --folder ~/Dropbox',
      'smo sync join --workspace ~/smo-new --folder ~/Dropbox --passphrase-file ~/team.pass',
      'smo sync snapshot --workspace ~/smo-demo',
      'smo sync init --workspace ~/smo-demo --folder ~/Dropbox --signed',
      'smo sync admit --workspace ~/smo-demo --key 3f9a0c1e5b7d2a64'
    ],
    options: {
      workspace,
      folder: { type: 'string', short: 'f' },
      'passphrase-file': { type: 'string' },
      signed: { type: 'boolean' },
      key: { type: 'string' },
      json
    }
  },
  import: {
    name: 'import',
    summary: 'Import a CSV or Excel sheet into one record kind (all rows or none), or load a JSON export',
    usage:
      'smo import --workspace DIR (--kind KIND --file F.csv|F.xlsx [--sheet NAME] [--preset ' + presetNames.join('|') + '] [--map "header=field,…"] [--set field=value]… ' +
      '[--create-missing] [--duplicates skip|update|keep] [--dates dmy|mdy] [--zone ZONE] [--update] [--dry-run] [--json] | --all --file F.json)',
    examples: [
      'smo import --workspace ~/smo-demo --kind channel --file channels.csv --dry-run',
      'smo import --workspace ~/smo-demo --kind content --file hootsuite.csv --preset hootsuite --set channelId=LinkedIn --json',
      'smo import --workspace ~/smo-demo --kind conversation --file mentions.csv --preset brandwatch --set type=complaint',
      'smo import --workspace ~/smo-demo --kind content --file plan.xlsx --sheet "Q1 plan" --create-missing',
      'smo import --workspace ~/smo-demo --kind member --file team.csv --map "Full name=name,Hours=weeklyCapacityHours"',
      'smo import --workspace ~/new --all --file everything.json'
    ],
    options: {
      workspace,
      kind: { type: 'string', short: 'k' },
      all: { type: 'boolean' },
      file: { type: 'string', short: 'f' },
      map: { type: 'string' },
      update: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      json,
      'create-missing': { type: 'boolean' },
      preset: { type: 'string' },
      set: { type: 'string', multiple: true },
      sheet: { type: 'string' },
      dates: { type: 'string' },
      zone: { type: 'string' },
      duplicates: { type: 'string' }
    }
  },
  export: {
    name: 'export',
    summary: 'Export one record kind as CSV or Excel (every field), or everything as JSON',
    usage: `smo export --workspace DIR (--kind KIND | --all) [--out FILE.csv|FILE.xlsx|FILE.json] [--dialect ${csvDialectNames.join('|')}]`,
    examples: [
      'smo export --workspace ~/smo-demo --kind channel --out channels.csv',
      'smo export --workspace ~/smo-demo --kind content --out calendar.xlsx',
      'smo export --workspace ~/smo-demo --kind content --out calendar.csv --dialect excel-eu',
      'smo export --workspace ~/smo-demo --all --out everything.json'
    ],
    options: {
      workspace, kind: { type: 'string', short: 'k' }, all: { type: 'boolean' }, out: { type: 'string', short: 'o' },
      dialect: { type: 'string' }
    }
  },
  backup: {
    name: 'backup',
    summary: "Copy a workspace's database (safe while the app runs) into its backups folder",
    usage: 'smo backup --workspace DIR [--out FILE]',
    examples: ['smo backup --workspace ~/smo-demo', 'smo backup --workspace ~/smo-demo --out /mnt/usb/smo-2026-05-01.sqlite'],
    options: { workspace, out: { type: 'string', short: 'o' } }
  },
  restore: {
    name: 'restore',
    summary: "Replace a workspace's database with a backup (the current one is kept in backups/)",
    usage: 'smo restore --workspace DIR --from FILE',
    examples: ['smo restore --workspace ~/smo-demo --from ~/smo-demo/backups/workspace-daily-2026-05-01T08-00-00-000Z.sqlite'],
    options: { workspace, from: { type: 'string' } }
  },
  members: {
    name: 'members',
    summary: 'The team with access roles; owners change a role with --set-role',
    usage: 'smo members --workspace DIR [--set-role "NAME=ROLE"] [--json]',
    examples: ['smo members --workspace ~/smo-demo', 'smo members --workspace ~/smo-demo --set-role "Leo Martins=editor"'],
    options: { workspace, 'set-role': { type: 'string' }, json }
  },
  mine: {
    name: 'mine',
    summary: 'My work: my items due this week and overdue, approvals waiting on me, tasks, conversations, next actions',
    usage: 'smo mine --workspace DIR [--today YYYY-MM-DD] [--json] [--as NAME]',
    examples: ['smo mine --workspace ~/smo-demo --json', 'smo mine --workspace ~/smo-demo --as "Tom Ellery"'],
    options: { workspace, today: { type: 'string' }, json }
  },
  history: {
    name: 'history',
    summary: 'The history of one record: who changed which field from what to what, newest first',
    usage: 'smo history --workspace DIR --id ID [--json]',
    examples: ['smo history --workspace ~/smo-demo --id 01K8RJCN… --json'],
    options: { workspace, id: { type: 'string' }, json }
  },
  links: {
    name: 'links',
    summary: 'Every tracked link, where it is used, with duplicates, conflicting parameters and convention breaches flagged',
    usage: 'smo links --workspace DIR [--json]',
    examples: ['smo links --workspace ~/smo-demo --json'],
    options: { workspace, json }
  },
  results: {
    name: 'results',
    summary:
      'What the outcome ledger adds up to per campaign, channel or item, beside what each cost; with --file, import a GA4, HubSpot or Salesforce export into it, matched by the tracking parameters',
    usage:
      'smo results --workspace DIR [--by campaign|channel|item] [--quarter YYYY-Qn | --from YYYY-MM-DD --to YYYY-MM-DD] [--json], or smo results --workspace DIR --file F.csv [--format ga4|hubspot|salesforce] [--dates dmy|mdy] [--rate CODE=N]… [--dry-run] [--json]',
    examples: [
      'smo results --workspace ~/smo-demo --by campaign',
      'smo results --workspace ~/smo-demo --by channel --quarter 2026-Q4 --json',
      'smo results --workspace ~/smo-demo --file ga4-traffic.csv --dry-run --json',
      'smo results --workspace ~/smo-demo --file hubspot-deals.csv --format hubspot',
      'smo results --workspace ~/smo-demo --file salesforce-opportunities.csv --rate USD=0.92'
    ],
    options: {
      workspace, file: { type: 'string', short: 'f' }, format: { type: 'string' }, dates: { type: 'string' }, rate: { type: 'string', multiple: true }, 'dry-run': { type: 'boolean' },
      by: { type: 'string' }, quarter: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json
    }
  },
  tasks: {
    name: 'tasks',
    summary: "My open workback tasks (this computer's member), overdue first",
    usage: 'smo tasks --workspace DIR [--json]',
    examples: ['smo tasks --workspace ~/smo-demo', 'smo tasks --workspace ~/smo-demo --json'],
    options: { workspace, json }
  },
  comments: {
    name: 'comments',
    summary: 'Comment threads on one content item, campaign, conversation or influencer',
    usage: 'smo comments --workspace DIR --id RECORD_ID [--json]',
    examples: ['smo comments --workspace ~/smo-demo --id 01JC0X…', 'smo comments --workspace ~/smo-demo --id 01JC0X… --json'],
    options: { workspace, id: { type: 'string' }, json }
  },
  inbox: {
    name: 'inbox',
    summary: 'The listening desk: conversations with their response clocks; --scan escalates breaches',
    usage: 'smo inbox --workspace DIR [--json] [--state S] [--overdue] [--now INSTANT] [--scan] [--as NAME]',
    examples: ['smo inbox --workspace ~/smo-demo --json --overdue', 'smo inbox -w ~/smo-demo --state assigned', 'smo inbox -w ~/smo-demo --scan'],
    options: {
      workspace,
      json,
      state: { type: 'string', multiple: true },
      overdue: { type: 'boolean' },
      now: { type: 'string' },
      scan: { type: 'boolean' }
    }
  },
  handoffs: {
    name: 'handoffs',
    summary: 'Write the listening desk’s lead hand-offs as a CSV that HubSpot or Salesforce imports',
    usage: 'smo handoffs --workspace DIR --format hubspot|salesforce --out FILE.csv [--as NAME]',
    examples: ['smo handoffs --workspace ~/smo-demo --format hubspot --out leads.csv', 'smo handoffs -w ~/smo-demo --format salesforce --out leads.csv'],
    options: { workspace, format: { type: 'string' }, out: { type: 'string', short: 'o' } }
  },
  diagnose: {
    name: 'diagnose',
    summary: 'Write a diagnostic bundle (zip) to attach to a support request — no records, no secrets',
    usage: 'smo diagnose --workspace DIR --out FILE.zip',
    examples: ['smo diagnose --workspace ~/smo-demo --out ~/Desktop/smo-diagnostics.zip'],
    options: { workspace, out: { type: 'string', short: 'o' } }
  }
} satisfies Record<string, CommandSpec>
