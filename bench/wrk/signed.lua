-- Replays requests signed beforehand (bench/sigv4_requests.py), one picked at random per call: SigV4 verification
-- on, at the cost of every request. The file of signed requests and their date come from the environment.
package.path = package.path .. ";" .. debug.getinfo(1).source:match("@?(.*/)") .. "?.lua"
local common = require("common")
common.headers(os.getenv("SIGNED_OPERATION"))
wrk.headers["X-Amz-Date"] = os.getenv("SIGNED_DATE")
setup = common.setup
local signed = dofile(os.getenv("SIGNED_REQUESTS"))
init = common.init

request = function()
  local call = signed[math.random(1, #signed)]
  wrk.headers["Authorization"] = call[1]
  return wrk.format(nil, nil, nil, call[2])
end
