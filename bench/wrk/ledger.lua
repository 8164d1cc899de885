-- wrk script of ./build.sh bench. Sends the requests listed in the file BENCH_REQUESTS in turn,
-- one a line, tab-separated: method, path, bearer token (may be empty), JSON body (may be
-- empty). Each wrk thread starts at its own line, so consecutive requests come from different
-- users and groups. A request with a body gets a fresh Idempotency-Key (prefixed with
-- BENCH_NONCE, unique per run). At the end it prints the answers by status ("status 201: 812").
local requests = {}
local file = assert(io.open(os.getenv("BENCH_REQUESTS"), "r"))
for line in file:lines() do
  local method, path, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
  if method then
    local headers = {}
    if token ~= "" then
      headers["Authorization"] = "Bearer " .. token
    end
    if body ~= "" then
      headers["Content-Type"] = "application/json"
    else
      body = nil
    end
    requests[#requests + 1] = { method = method, path = path, headers = headers, body = body }
  end
end
file:close()
assert(#requests > 0, "no requests in BENCH_REQUESTS")
local nonce = os.getenv("BENCH_NONCE") or "bench"
local step = tonumber(os.getenv("BENCH_THREADS") or "2")

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads)
  threads[#threads + 1] = thread
end

local counter = 0
function request()
  local r = requests[((counter * step + (thread_id or 0)) % #requests) + 1]
  counter = counter + 1
  if r.body then
    r.headers["Idempotency-Key"] = nonce .. "-" .. tostring(thread_id) .. "-" .. counter
  end
  return wrk.format(r.method, r.path, r.headers, r.body)
end

-- Answers by status, printed at the end so the bench can tell what the non-2xx were.
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
