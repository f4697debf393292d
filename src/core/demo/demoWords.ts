/** Vocabulary of a data-observability vendor's marketing team; titles and briefs are built from it. */
export const demoWords = {
  pillars: ['Data quality', 'Observability 101', 'Customer stories', 'Product updates', 'Culture', 'Community'],
  topics: [
    'data contracts', 'column-level lineage', 'freshness SLAs', 'schema drift', 'dbt tests', 'warehouse cost',
    'alert fatigue', 'incident postmortems', 'anomaly detection', 'data downtime', 'metric layers',
    'reverse ETL', 'pipeline monitoring', 'data SLAs', 'root-cause analysis', 'Airflow retries',
    'Snowflake spend', 'BigQuery slots', 'data mesh ownership', 'on-call for data teams', 'PII tagging',
    'backfills', 'volume anomalies', 'late-arriving data', 'semantic models'
  ],
  customers: [
    'Brightline Logistics', 'Kestrel Health', 'Polaris Retail', 'Fernwood Bank', 'Atlas Freight', 'Juniper Games',
    'Harbor Insurance', 'Mosaic Learning', 'Quill Payments', 'Tidewater Energy', 'Lumen Travel', 'Vantage Media'
  ],
  metrics: [
    'data downtime', 'time to detection', 'broken dashboards', 'on-call pages', 'warehouse spend', 'failed dbt runs',
    'stale reports', 'incident count', 'time to resolution'
  ],
  audiences: [
    'analytics engineers', 'data platform teams', 'heads of data', 'CDOs', 'data engineers', 'BI leads',
    'first data hires', 'ML engineers'
  ],
  tools: ['dbt', 'Snowflake', 'BigQuery', 'Databricks', 'Airflow', 'Looker', 'Fivetran', 'Dagster', 'Redshift'],
  guests: [
    'the data lead at Kestrel Health', 'an ex-Gartner analyst', 'the maintainer of an open-source lineage tool',
    'Brightline\'s VP of Data', 'a data platform PM', 'the organiser of Data Quality Berlin', 'a staff analytics engineer'
  ],
  ctas: ['Book a demo', 'Subscribe to The Lineage Letter', 'Register for the webinar', 'Start a free trial', 'Join the community'],
  angles: [
    'Lead with the incident story, then the fix.', 'Show the before/after numbers early.',
    'Practical: include the SQL or YAML snippet.', 'Opinionated take; invite replies.',
    'Short and skimmable; one chart.', 'Customer voice first, product second.'
  ],
  events: ['Data Council', 'Coalesce', 'Big Data LDN', 'Snowflake Summit', 'Data Quality Berlin meetup', 'MDS Fest']
}
