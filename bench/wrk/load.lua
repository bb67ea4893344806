-- Writes ~200-byte items to table "items" with BatchWriteItem of 25, each of wrk's THREADS threads its share of TOTAL
-- distinct keys; keys wrap within a share, so running longer only overwrites. footprint.sh stops it at TOTAL items.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("BatchWriteItem")
local total = tonumber(os.getenv("TOTAL") or "1000000")
local threads = tonumber(os.getenv("THREADS") or "2")
local share = math.floor(total / threads)
local counter = 0
local payload = string.rep("y", 180)
setup = common.setup

request = function()
  local puts = {}
  for i = 0, 24 do
    puts[#puts + 1] = '{"PutRequest":{"Item":{"id":{"S":"m' .. id .. '-' .. ((counter * 25 + i) % share)
      .. '"},"payload":{"S":"' .. payload .. '"}}}}'
  end
  counter = counter + 1
  return wrk.format(nil, nil, nil, '{"RequestItems":{"items":[' .. table.concat(puts, ",") .. ']}}')
end

