-- Jobs that exactly one intake instance may run at a time (renewing Teams subscriptions) take a lease here.
CREATE TABLE scheduler_lease (
    name        VARCHAR(64)   NOT NULL PRIMARY KEY,
    owner       VARCHAR(64)   NOT NULL,
    lease_until TIMESTAMP(3)  NOT NULL
);
