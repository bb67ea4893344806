-- ExecuteStatement: a PartiQL UPDATE of one preloaded item, SET c = c + 1, the write update.lua makes with UpdateItem.
-- A PartiQL write waits for storage whatever the engine holds, so on an engine tried on the event loop (rocksdb) it
-- is tried there and handed to a worker: every call of this workload is handed over.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers("ExecuteStatement")
setup = common.setup
init = common.init

request = function()
  return wrk.format(nil, nil, nil, '{"Statement":"UPDATE \\"items\\" SET c = c + 1 WHERE id = ?","Parameters":[{"S":"k'
    .. math.random(0, common.keys - 1) .. '"}]}')
end
