-- TransactWriteItems of two updates of preloaded items (c = c + 1 on two random keys, usually in two partitions).
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("TransactWriteItems")
setup = common.setup
init = common.init

local function update(key)
  return '{"Update":{"TableName":"items","Key":{"id":{"S":"k' .. key .. '"}},"UpdateExpression":"ADD c :one",'
    .. '"ExpressionAttributeValues":{":one":{"N":"1"}}}}'
end

request = function()
  local first = math.random(0, common.keys - 1)
  local second = (first + math.random(1, common.keys - 1)) % common.keys
  return wrk.format(nil, nil, nil, '{"TransactItems":[' .. update(first) .. ',' .. update(second) .. ']}')
end
