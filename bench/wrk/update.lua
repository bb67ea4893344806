-- UpdateItem SET #c = #c + :one with an attribute_exists condition, on preloaded keys.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("UpdateItem")
setup = common.setup
init = common.init

request = function()
  return wrk.format(nil, nil, nil, '{"TableName":"items","Key":{"id":{"S":"k' .. math.random(0, common.keys - 1)
    .. '"}},"UpdateExpression":"SET #c = #c + :one","ConditionExpression":"attribute_exists(#c)",'
    .. '"ExpressionAttributeNames":{"#c":"c"},"ExpressionAttributeValues":{":one":{"N":"1"}}}')
end
