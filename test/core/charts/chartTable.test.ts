import { describe, expect, it } from 'vitest'
import { describeChartTable, withUnit, type ChartTable } from '../../../src/core/charts/chartTable'
import { chartTableFromOption } from '../../../src/core/charts/chartTableFromOption'
import { deckChartAlt, deckChartTable } from '../../../src/core/deck/deckChartTable'

const hours: ChartTable = {
  caption: 'Hours per channel',
  rowHeader: 'Channel',
  columns: [{ label: 'Hours', unit: 'h' }],
  rows: [
    { label: 'Blog', values: [12] },
    { label: 'LinkedIn', values: [8.5] },
    { label: 'Webinars', values: [null] }
  ],
  ordered: false,
  notes: []
}

describe('describeChartTable', () => {
  it('reads out every category with its value and unit', () => {
    expect(describeChartTable(hours)).toBe('Hours per channel: Blog 12 h, LinkedIn 8.5 h, Webinars no value.')
  })

  it('names each column when there are several, and adds the notes', () => {
    const t: ChartTable = { ...hours, columns: [{ label: 'Now', unit: 'h' }, { label: 'Proposed', unit: '%' }], rows: [{ label: 'Blog', values: [6, 40] }], notes: ['Target: 130 leads'] }
    expect(describeChartTable(t)).toBe('Hours per channel: Blog: Now 6 h, Proposed 40%. Target: 130 leads.')
  })

  it('stops after 12 rows and says how many are left', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ label: `C${i + 1}`, values: [i] }))
    const text = describeChartTable({ ...hours, rows })
    expect(text).toContain('C12 11 h')
    expect(text).not.toContain('C13')
    expect(text).toContain('and 3 more rows in the table')
  })

  it('gives the course of each series on an ordered axis: first, last, lowest, highest', () => {
    const t: ChartTable = {
      caption: 'Followers',
      rowHeader: 'Week',
      columns: [{ label: 'Followers', unit: '' }],
      rows: [
        { label: 'W1', values: [100] },
        { label: 'W2', values: [90] },
        { label: 'W3', values: [null] },
        { label: 'W4', values: [150] },
        { label: 'W5', values: [140] }
      ],
      ordered: true,
      notes: []
    }
    expect(describeChartTable(t)).toBe('Followers: 5 weeks from W1 to W5. Followers from 100 (W1) to 140 (W5), lowest 90 (W2), highest 150 (W4).')
  })

  it('says a flat line is one value throughout', () => {
    const t: ChartTable = { caption: 'Capacity', rowHeader: 'Week', columns: [{ label: 'Capacity', unit: '%' }], rows: [{ label: '10-06', values: [100] }, { label: '10-13', values: [100] }], ordered: true, notes: [] }
    expect(describeChartTable(t)).toBe('Capacity: 2 weeks from 10-06 to 10-13. Capacity 100% throughout.')
  })

  it('says so when there is nothing to show', () => {
    expect(describeChartTable({ ...hours, rows: [] })).toBe('Hours per channel: no data.')
  })

  it('formats with the caller’s number format', () => {
    expect(withUnit(1234.5, 'h', (n) => n.toFixed(1).replace('.', ','))).toBe('1234,5 h')
  })
})

describe('chartTableFromOption', () => {
  it('reads a category chart: a row per category, a column per series, the unit given', () => {
    const t = chartTableFromOption(
      {
        xAxis: { type: 'category', data: ['10-06', '10-13'] },
        yAxis: { type: 'value', name: '% of capacity' },
        series: [
          { type: 'line', name: 'Hannah', data: [80, 95] },
          { type: 'line', name: 'Capacity', data: [100, { value: 100 }] }
        ]
      },
      { caption: 'Capacity', unit: '%', rowHeader: 'Week' }
    )
    expect(t).toEqual({
      caption: 'Capacity',
      rowHeader: 'Week',
      columns: [{ label: 'Hannah', unit: '%' }, { label: 'Capacity', unit: '%' }],
      rows: [
        { label: '10-06', values: [80, 100] },
        { label: '10-13', values: [95, 100] }
      ],
      ordered: true,
      notes: []
    })
  })

  it('reads horizontal bars (category on y) as unordered', () => {
    const t = chartTableFromOption({ xAxis: { type: 'value' }, yAxis: { type: 'category', data: ['Blog', 'Webinars'] }, series: [{ type: 'bar', data: [3, '-'] }] }, { caption: 'Posts' })
    expect(t?.rows).toEqual([
      { label: 'Blog', values: [3] },
      { label: 'Webinars', values: [null] }
    ])
    expect(t?.columns).toEqual([{ label: 'Value', unit: '' }])
    expect(t?.ordered).toBe(false)
  })

  it('merges lines over a time axis by date, sorted, and turns named mark lines into notes', () => {
    const t = chartTableFromOption(
      {
        xAxis: { type: 'time' },
        yAxis: { type: 'value' },
        series: [
          { type: 'line', name: 'Leads', data: [['2026-08-01', 40], ['2026-07-01', 10]], markLine: { data: [{ name: 'Target', yAxis: 130 }, { yAxis: 5 }] } },
          { type: 'line', name: 'MQLs', data: [['2026-08-01', 4]] }
        ]
      },
      { caption: 'Leads over time', unit: 'leads' }
    )
    expect(t?.rowHeader).toBe('Date')
    expect(t?.rows).toEqual([
      { label: '2026-07-01', values: [10, null] },
      { label: '2026-08-01', values: [40, 4] }
    ])
    expect(t?.notes).toEqual(['Target: 130 leads'])
  })

  it('reads a scatter plot as named points with both axes', () => {
    const t = chartTableFromOption(
      { xAxis: { type: 'log', name: 'Effort (h/month, log scale)' }, yAxis: { type: 'log', name: 'Impact (log scale)' }, series: [{ type: 'scatter', data: [{ name: 'Blog', value: [12, 40] }, [3, 4]] }] },
      { caption: 'Impact against effort', rowHeader: 'Channel' }
    )
    expect(t?.rowHeader).toBe('Channel')
    expect(t?.columns.map((c) => c.label)).toEqual(['Effort (h/month)', 'Impact'])
    expect(t?.rows).toEqual([
      { label: 'Blog', values: [12, 40] },
      { label: 'Point 2', values: [3, 4] }
    ])
  })

  it('gives up on shapes it cannot read honestly (a heatmap), and on no option', () => {
    expect(chartTableFromOption({ series: [{ type: 'heatmap', data: [[0, 0, 1]] }] }, { caption: 'x' })).toBeNull()
    expect(chartTableFromOption(undefined, { caption: 'x' })).toBeNull()
    expect(chartTableFromOption({ series: [] }, { caption: 'x' })).toBeNull()
  })
})

describe('deck chart alt text', () => {
  it('moves a bracketed unit after each value and keeps the title as the caption', () => {
    const c = { type: 'line' as const, title: 'Leads: actual vs target', categories: ['W1', 'W2'], series: [{ name: 'Actual', values: [0, 40] }], valueAxis: 'Leads (leads)' }
    expect(deckChartTable(c).rowHeader).toBe('Week')
    expect(deckChartAlt(c)).toBe('Line chart. Leads: actual vs target: 2 weeks from W1 to W2. Actual from 0 leads (W1) to 40 leads (W2).')
  })

  it('names the measure when the title does not, and reads scatter points', () => {
    const bar = { type: 'bar' as const, title: 'By channel', categories: ['Blog'], series: [{ name: 'Q3', values: [6] }], valueAxis: 'Hours per week' }
    expect(deckChartAlt(bar)).toBe('Bar chart. By channel (Hours per week): Blog 6.')
    const sc = { type: 'scatter' as const, title: 'Impact vs effort', xAxis: 'Effort', yAxis: 'Impact', points: [{ label: 'Blog', x: 12, y: 24 }] }
    expect(deckChartAlt(sc)).toBe('Scatter chart. Impact vs effort: Blog: Effort 12, Impact 24.')
  })
})
