-- Any workload script (PACED_WORKLOAD, from the environment: get, put, query, transact...) at a fixed pace: each
-- connection waits PACE_MS milliseconds after every answer before its next request, so that connections x 1000 /
-- PACE_MS bounds the rate and the servers are measured below saturation.
dofile(debug.getinfo(1).source:match("@?(.*/)") .. os.getenv("PACED_WORKLOAD") .. ".lua")

local pace = tonumber(os.getenv("PACE_MS") or "10")

delay = function()
  return pace
end
