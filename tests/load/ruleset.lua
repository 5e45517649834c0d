-- wrk script: GET /v1/ruleset with the load test's API key: the same pipeline (auth, rate limit, logging, JSON)
-- without the rule engine, as the baseline for screening throughput.
wrk.method = "GET"
wrk.headers["X-API-Key"] = os.getenv("SCREENING_KEY")
