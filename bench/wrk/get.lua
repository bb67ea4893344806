-- GetItem of preloaded keys.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("GetItem")
setup = common.setup
init = common.init

request = function()
  return wrk.format(nil, nil, nil, '{"TableName":"items","Key":{"id":{"S":"k' .. math.random(0, common.keys - 1)
    .. '"}}}')
end
