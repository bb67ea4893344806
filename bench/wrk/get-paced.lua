-- GetItem of preloaded keys at a fixed pace: each connection waits 1 ms after every answer before its next request,
-- so the servers are measured well below saturation, where the latency is the server's own and not the queue for the
-- cores that wrk shares with it.
dofile(debug.getinfo(1).source:match("@?(.*/)") .. "get.lua")

delay = function()
  return 1
end
