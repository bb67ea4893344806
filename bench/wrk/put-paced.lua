-- PutItem of ~200-byte items with random keys at a fixed pace: each connection waits PACE_MS milliseconds (from the
-- environment) after every answer before its next request, so that connections x 1000 / PACE_MS bounds the rate.
dofile(debug.getinfo(1).source:match("@?(.*/)") .. "put.lua")

local pace = tonumber(os.getenv("PACE_MS") or "1")

delay = function()
  return pace
end
