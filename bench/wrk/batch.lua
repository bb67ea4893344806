-- BatchWriteItem of 25 new items.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("BatchWriteItem")
setup = common.setup
init = common.init

request = function()
  local requests = {}
  local base = math.random(1, 1000000000)
  for i = 0, 24 do
    requests[#requests + 1] = '{"PutRequest":{"Item":{"id":{"S":"b' .. base .. '-' .. i .. '"},"payload":{"S":"'
      .. common.payload .. '"}}}}'
  end
  return wrk.format(nil, nil, nil, '{"RequestItems":{"items":[' .. table.concat(requests, ",") .. ']}}')
end
