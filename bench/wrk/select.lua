-- ExecuteStatement: a PartiQL SELECT of one preloaded item by its key, the same reads as get.lua's GetItem.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("ExecuteStatement")
setup = common.setup
init = common.init

request = function()
  return wrk.format(nil, nil, nil, '{"Statement":"SELECT * FROM \\"items\\" WHERE id = ?","Parameters":[{"S":"k'
    .. math.random(0, common.keys - 1) .. '"}]}')
end
