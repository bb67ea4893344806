-- PutItem of ~200-byte items with random keys.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("PutItem")
setup = common.setup
init = common.init

request = function()
  return wrk.format(nil, nil, nil, '{"TableName":"items","Item":{"id":{"S":"r' .. math.random(1, 1000000000)
    .. '"},"payload":{"S":"' .. common.payload .. '"}}}')
end
