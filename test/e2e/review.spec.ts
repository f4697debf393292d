import { existsSync, readFileSync } from 'node:fs'
import JSZip from 'jszip'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { ReviewPage } from './pages/ReviewPage'

/** The last complete quarter: the demo covers it and the current one. */
function lastQuarter(): string {
  const d = new Date()
  const q = Math.floor(d.getUTCMonth() / 3) + 1
  return q === 1 ? `${d.getUTCFullYear() - 1}-Q4` : `${d.getUTCFullYear()}-Q${q - 1}`
}

test.describe('review: the quarterly deck', () => {
  test('pick the last quarter, add a note on a slide, export, and find the note in the PPTX', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('review')
    const review = new ReviewPage(page)
    await review.pickQuarter(lastQuarter())
    const count = await review.thumbnails().count()
    expect(count).toBeGreaterThan(12)
    await expect(review.largeSlide()).toContainText(`quarterly review ${lastQuarter()}`)

    await review.openSlide('Executive summary')
    await expect(review.largeSlide()).toContainText('Executive summary')
    // The summary argues one case: the biggest win, the biggest miss and the one decision asked.
    await expect(review.largeSlide()).toContainText('Biggest win')
    await expect(review.largeSlide()).toContainText('Biggest miss')
    await expect(review.largeSlide()).toContainText('The one decision asked')
    const note = `Decision e2e ${Date.now()}: move two hours from webinars to the blog.`
    await review.addNote(note)
    await expect(review.notes().filter({ hasText: note })).toBeVisible()
    // The note is printed on its slide, as in the export.
    await expect(review.largeSlide()).toContainText('Team notes')
    await expect(review.largeSlide()).toContainText(note)

    const paths = await review.exportBoth()
    expect(paths).toHaveLength(2)
    const pptx = paths.find((p) => p.endsWith('.pptx')) ?? ''
    const pdf = paths.find((p) => p.endsWith('.pdf')) ?? ''
    expect(pptx).toContain(`review-${lastQuarter()}.pptx`)
    expect(existsSync(pdf)).toBe(true)
    await expect(page.getByRole('button', { name: 'Download PPTX' })).toBeVisible()

    const zip = await JSZip.loadAsync(readFileSync(pptx))
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    expect(slides).toHaveLength(count)
    const xml = await Promise.all(slides.map((n) => zip.file(n)?.async('string') ?? ''))
    const escaped = note.replace(/&/g, '&amp;')
    // On its own slide (the summary, slide 2) and on the "Decisions and notes" slide.
    expect(xml[1]).toContain(escaped)
    expect(xml.filter((x) => x.includes(escaped)).length).toBeGreaterThanOrEqual(2)
  })

  test('the download link hands back the exported file through the API', async ({ page, app }) => {
    const w = new AppPage(page, app)
    await w.open('review')
    const review = new ReviewPage(page)
    await review.pickQuarter(lastQuarter())
    await review.exportBoth()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Download PDF' }).click()
    const d = await download
    expect(d.suggestedFilename()).toBe(`Northwind-Analytics-review-${lastQuarter()}.pdf`)
    const path = await d.path()
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-')
  })
})
