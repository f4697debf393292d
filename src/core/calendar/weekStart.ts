/**
 * The first day of the week for a locale, as an ISO weekday (1 = Monday … 7 = Sunday). Uses
 * `Intl.Locale#getWeekInfo` (CLDR data) where the engine has it; otherwise a small CLDR-derived table,
 * because older engines and some builds without full ICU lack it.
 */
type WeekInfo = { firstDay: number }
type LocaleWithWeek = Intl.Locale & { getWeekInfo?: () => WeekInfo; weekInfo?: WeekInfo }

// Regions whose week starts on Sunday or Saturday (CLDR weekData); everywhere else starts on Monday.
const SUNDAY = new Set([
  'AG', 'AS', 'BD', 'BR', 'BS', 'BT', 'BW', 'BZ', 'CA', 'CN', 'CO', 'DM', 'DO', 'ET', 'GT', 'GU', 'HK', 'HN', 'ID', 'IL', 'IN',
  'JM', 'JP', 'KE', 'KH', 'KR', 'LA', 'MH', 'MM', 'MO', 'MT', 'MX', 'MZ', 'NI', 'NP', 'PA', 'PE', 'PH', 'PK', 'PR', 'PT', 'PY',
  'SA', 'SG', 'SV', 'TH', 'TT', 'TW', 'UM', 'US', 'VE', 'VI', 'WS', 'YE', 'ZA', 'ZW'
])
const SATURDAY = new Set(['AE', 'AF', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'IR', 'JO', 'KW', 'LY', 'OM', 'QA', 'SD', 'SY'])

export function weekStart(locale: string): number {
  let loc: LocaleWithWeek
  try {
    loc = new Intl.Locale(locale) as LocaleWithWeek
  } catch {
    return 1
  }
  try {
    const info = typeof loc.getWeekInfo === 'function' ? loc.getWeekInfo() : loc.weekInfo
    if (info && info.firstDay >= 1 && info.firstDay <= 7) return info.firstDay
  } catch {
    // fall through to the table
  }
  const region = (loc.maximize().region ?? '').toUpperCase()
  if (SUNDAY.has(region)) return 7
  if (SATURDAY.has(region)) return 6
  return 1
}
