-- Every run the service accepted, kept across restarts. The whole run as the API shows it is in "view" (JSON);
-- the other columns are what lists, filters, retention and the CSV export need without parsing it.
CREATE TABLE runs (
    n            BIGINT AUTO_INCREMENT PRIMARY KEY,
    id           VARCHAR(36)  NOT NULL UNIQUE,
    experiment   VARCHAR(64)  NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    submitted_ms BIGINT       NOT NULL,
    finished_ms  BIGINT,
    error        VARCHAR(4000),
    view         CLOB         NOT NULL
);
CREATE INDEX runs_by_experiment ON runs (experiment, n);
CREATE INDEX runs_by_status ON runs (status, n);
