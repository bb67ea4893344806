-- Writes the items the read workloads use: keys k0..k9999 of table "items" (with c = 0) and 100 items of
-- partition "p" of table "sorted". Idempotent; run it for a few seconds.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("BatchWriteItem")
setup = common.setup
local counter = 0

request = function()
  local requests = {}
  local base = ((counter * 2 + (id or 0)) * 25) % (common.keys + 100)
  counter = counter + 1
  for i = 0, 24 do
    local n = (base + i) % (common.keys + 100)
    if n < common.keys then
      requests[#requests + 1] = '{"PutRequest":{"Item":{"id":{"S":"k' .. n .. '"},"c":{"N":"0"},"payload":{"S":"'
        .. common.payload .. '"}}}}'
    end
  end
  local sorted = {}
  for i = 0, 24 do
    sorted[#sorted + 1] = '{"PutRequest":{"Item":{"pk":{"S":"p"},"sk":{"N":"' .. ((counter * 25 + i) % 100)
      .. '"},"payload":{"S":"' .. common.payload .. '"}}}}'
  end
  local body = '{"RequestItems":{"sorted":[' .. table.concat(sorted, ",") .. ']'
  if #requests > 0 then
    body = body .. ',"items":[' .. table.concat(requests, ",") .. ']'
  end
  return wrk.format(nil, nil, nil, body .. '}}')
end
