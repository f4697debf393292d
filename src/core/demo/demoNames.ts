/** People and organisations for influencers and conversation authors. All fictional. */
export const demoNames = {
  first: [
    'Ana', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Lars', 'Mei', 'Nikhil',
    'Olivia', 'Pablo', 'Queenie', 'Rafael', 'Sofia', 'Tariq', 'Uma', 'Viktor', 'Wen', 'Ximena', 'Yusuf', 'Zara',
    'Amara', 'Bastian', 'Carmen', 'Dmitri', 'Esther', 'Felix', 'Gita', 'Henrik', 'Ivy', 'Joon', 'Kofi', 'Lena', 'Marco'
  ],
  last: [
    'Adeyemi', 'Bauer', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Gupta', 'Hoffmann', 'Ibrahim', 'Jensen', 'Kowalski',
    'Lindqvist', 'Moreau', 'Nakamura', 'Osei', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Varga',
    'Walsh', 'Xu', 'Yilmaz', 'Zimmermann', 'Achebe', 'Brennan', 'Chen', 'Delgado', 'Ekström', 'Ferreira', 'Haddad'
  ],
  analystFirms: ['Quadrant Research', 'Meridian Advisory', 'Signal & Noise Research', 'Redpoint Insight', 'Northstar Analyst Group'],
  companies: [
    'Brightline Logistics', 'Kestrel Health', 'Polaris Retail', 'Fernwood Bank', 'Atlas Freight', 'Juniper Games', 'Harbor Insurance',
    'Mosaic Learning', 'Quill Payments', 'Tidewater Energy', 'Lumen Travel', 'Vantage Media', 'Orbit Mobility', 'Cobalt Fintech'
  ],
  practitionerTitles: ['Staff Analytics Engineer', 'Head of Data', 'Data Platform Lead', 'Principal Data Engineer', 'Director of Analytics', 'ML Platform Engineer'],
  podcasts: ['Pipeline Talk', 'Schema on Read', 'The Modern Data Hour', 'Null Pointers', 'Data Debt Weekly'],
  communities: ['Data Quality Berlin', 'London Analytics Engineering Meetup', 'NYC Data Engineering Guild', 'Open Lineage Slack', 'dbt Amsterdam Meetup'],
  anonymousAuthors: [
    '@sql_sarah', '@dataops_dan', 'pipeline_pete (forum)', 'Anonymous trial user', '@lakehouse_lu', 'm.k. (forum)',
    '@etl_emma', 'Support ticket #4821', '@warehouse_wes', 'Trial user from Orbit Mobility', '@analytics_ana', 'j.romero (forum)'
  ]
}
