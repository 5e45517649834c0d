-- wrk script: POST a JSON body with an API key, both from the environment: SCREENING_BODY (a file) and
-- SCREENING_KEY. run.sh posts the refer example; batch-attack.sh also posts its flood batch with this script.
local body_file = assert(io.open(os.getenv("SCREENING_BODY"), "r"))
wrk.method = "POST"
wrk.body = body_file:read("*a")
body_file:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("SCREENING_KEY")
