-- GetItem of random keys among those bench/wrk/load.lua wrote (TOTAL items over THREADS threads).
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
setup = common.setup
init = common.init
common.headers("GetItem")
local total = tonumber(os.getenv("TOTAL") or "1000000")
local threads = tonumber(os.getenv("THREADS") or "2")
local share = math.floor(total / threads)

request = function()
  return wrk.format(nil, nil, nil, '{"TableName":"items","Key":{"id":{"S":"m' .. math.random(0, threads - 1) .. '-'
    .. math.random(0, share - 1) .. '"}}}')
end
