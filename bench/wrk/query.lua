-- Query returning the 100 items of one partition (Limit 100).
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("Query")
setup = common.setup
wrk.body = '{"TableName":"sorted","KeyConditionExpression":"pk = :p","ExpressionAttributeValues":{":p":{"S":"p"}},'
  .. '"Limit":100}'
