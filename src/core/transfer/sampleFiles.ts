/**
 * The sample exports a workspace can make of itself (backend demo/sampleExports.ts builds each one's
 * text from the workspace's links, campaigns, channels and dates): named here, without their text, so
 * the dialogs can offer them ("No file at hand? Try a GA4 export…") and fetch only the one chosen.
 */
export const sampleFiles = [
  { name: 'ga4-traffic-acquisition.csv', label: 'a GA4 export', what: 'a GA4 traffic-acquisition export of the last four weeks', tryIt: 'Goals → Import results… (or smo results --file …)' },
  { name: 'hubspot-deals.csv', label: 'a HubSpot deals report', what: 'a HubSpot deals report with the deals’ first-touch tracking', tryIt: 'Goals → Import results… (or smo results --file … --format hubspot)' },
  { name: 'hootsuite-bulk-schedule.csv', label: 'a Hootsuite bulk sheet', what: 'a Hootsuite bulk-composer sheet: local times, the message as the title', tryIt: 'Calendar → Import CSV… (or smo import --kind content --file …)' },
  { name: 'crm-influencers.csv', label: 'a CRM contact export', what: 'a CRM contact export: email, Twitter, LinkedIn and followers', tryIt: 'Influencers → Import CSV… (or smo import --kind influencer --file …)' }
] as const

export type SampleName = (typeof sampleFiles)[number]['name']
export const sampleNames = sampleFiles.map((f) => f.name) as [SampleName, ...SampleName[]]
