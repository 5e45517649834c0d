-- wrk script: POST the refer example to /v1/screenings with the load test's API key.
-- The body path and the key come from the environment (run.sh sets them).
local body_file = assert(io.open(os.getenv("SCREENING_BODY"), "r"))
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("SCREENING_KEY")
