-- wrk script for the soak: rotates over the six examples (POST /v1/screenings), a batch of the six
-- (POST /v1/screenings/batch) and the refer example as a FHIR QuestionnaireResponse ($evaluate). Bodies are files
-- named in SOAK_BODIES (space-separated "path|content-type|file"); the API key in SCREENING_KEY.
local requests = {}
local counter = 0

function init(args)
  for entry in string.gmatch(os.getenv("SOAK_BODIES"), "%S+") do
    local path, content_type, file = string.match(entry, "([^|]+)|([^|]+)|(.+)")
    local handle = assert(io.open(file, "r"))
    local body = handle:read("*a")
    handle:close()
    table.insert(requests, wrk.format("POST", path, { ["Content-Type"] = content_type, ["X-API-Key"] = os.getenv("SCREENING_KEY") }, body))
  end
end

function request()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
