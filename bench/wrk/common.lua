-- Shared by the workload scripts: DynamoDB's headers and a per-thread id, so threads write distinct keys.
local common = {}
local thread_count = 0

function common.headers(operation)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/x-amz-json-1.0"
  wrk.headers["X-Amz-Target"] = "DynamoDB_20120810." .. operation
  wrk.headers["Authorization"] =
    "AWS4-HMAC-SHA256 Credential=bench/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0"
end

function common.setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

-- Runs in each thread's own Lua state: without a seed every thread, and every run, draws the same "random" keys.
function common.init()
  math.randomseed(os.time() + (id or 0) * 7919 + math.floor(os.clock() * 1000000))
end

common.payload = string.rep("x", 160)
common.keys = 10000
return common
