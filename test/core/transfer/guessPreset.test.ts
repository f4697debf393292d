import { describe, expect, it } from 'vitest'
import { guessPreset } from '../../../src/core/transfer/headerAliases'

// A full Brandwatch Consumer Research mentions export: the tool writes dozens of columns besides the
// ones the preset reads (its header row, shortened only in the middle).
const brandwatchFull = [
  'Query Id', 'Query Name', 'Date', 'Title', 'Url', 'Domain', 'Sentiment', 'Page Type', 'Language', 'Country Code', 'Continent Code', 'Continent',
  'Country', 'City Code', 'Account Type', 'Added', 'Assignment', 'Author', 'Avatar', 'Category Details', 'Checked', 'City', 'Display URLs',
  'Expanded URLs', 'Facebook Author ID', 'Facebook Comments', 'Facebook Likes', 'Facebook Role', 'Facebook Shares', 'Facebook Subtype',
  'Full Name', 'Full Text', 'Gender', 'Hashtags', 'Impact', 'Impressions', 'Instagram Comments', 'Instagram Followers', 'Interest',
  'Last Assignment Date', 'Latitude', 'Location Name', 'Longitude', 'Media Filter', 'Media URLs', 'Mentioned Authors', 'Original Url',
  'Priority', 'Professions', 'Resource Id', 'Short URLs', 'Snippet', 'Starred', 'Status', 'Subtype', 'Thread Author', 'Thread Created Date',
  'Thread Entry Type', 'Thread Id', 'Thread URL', 'Total Monthly Visitors', 'Twitter Author ID', 'Twitter Channel Role', 'Twitter Followers',
  'Twitter Following', 'Twitter Reply Count', 'Twitter Reply to', 'Twitter Retweet of', 'Twitter Retweets', 'Twitter Likes', 'Twitter Tweets',
  'Twitter Verified', 'Updated', 'Reach (new)', 'Region', 'Region Code', 'Engagement Type', 'Tags'
]

describe('recognising a monitoring tool’s export by its columns', () => {
  it('recognises a full Brandwatch export with dozens of columns the preset does not read', () => {
    expect(brandwatchFull.length).toBeGreaterThan(60)
    expect(guessPreset(brandwatchFull, 'conversation')).toBe('brandwatch')
  })

  it('tells tools apart by the columns each always writes, in any order and letter case', () => {
    expect(guessPreset(['Date', 'Title', 'URL', 'Description', 'Source Type', 'Author', 'Language', 'Tone', 'Reach', 'Favorite'], 'conversation')).toBe('mention')
    expect(guessPreset(['lang', 'published', 'URL', 'content', 'source_type', 'reach', 'engagement', 'author_name'], 'conversation')).toBe('talkwalker')
    expect(guessPreset(['Date', 'Network', 'Message Type', 'Profile', 'From', 'Message', 'Permalink', 'Sentiment', 'Tags', 'Reach'], 'conversation')).toBe('sprout')
    expect(guessPreset(['Date', 'Network', 'Author', 'Message', 'Link', 'Post ID', 'Followers'], 'conversation')).toBe('hootsuite-streams')
  })

  it('recognises nothing when a tool’s identifying column is missing', () => {
    expect(guessPreset(['Date', 'Url', 'Author', 'Snippet', 'Sentiment'], 'conversation')).toBeNull()
  })
})
