-- The outage watch counts one scenario's recent cases at every hand-over: without an index each count read the
-- whole table, which made a 5,000-case burst quadratic.
CREATE INDEX support_case_scenario_received ON support_case (scenario, received_at);
