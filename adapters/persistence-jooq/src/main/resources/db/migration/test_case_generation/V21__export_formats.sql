-- Issue 25, migration formats: exports in TestRail's CSV, Xray's CSV and JSON and Gherkin, and of the approved cases only.
ALTER TABLE exports DROP CONSTRAINT exports_format_check;
ALTER TABLE exports ADD CONSTRAINT exports_format_check
    CHECK (format IN ('csv', 'md', 'xlsx', 'testrail-csv', 'xray-csv', 'xray-json', 'feature'));
ALTER TABLE exports ADD COLUMN approved_only boolean NOT NULL DEFAULT false;
