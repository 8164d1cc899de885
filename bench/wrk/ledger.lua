-- wrk script of ./build.sh bench. Spreads requests over the bearer tokens in BENCH_TOKENS and
-- the paths in BENCH_PATHS (comma-separated, both optional); BENCH_METHOD=POST sends BENCH_BODY
-- as JSON with a fresh Idempotency-Key per request (prefixed with BENCH_NONCE, unique per run).
local tokens, paths = {}, {}
for token in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do
  tokens[#tokens + 1] = token
end
for path in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^,]+") do
  paths[#paths + 1] = path
end
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local nonce = os.getenv("BENCH_NONCE") or "bench"

local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local counter = 0
function request()
  counter = counter + 1
  local headers = {}
  if #tokens > 0 then
    headers["Authorization"] = "Bearer " .. tokens[(counter % #tokens) + 1]
  end
  local path = paths[(counter % #paths) + 1]
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    headers["Idempotency-Key"] = nonce .. "-" .. tostring(thread_id) .. "-" .. counter
    return wrk.format("POST", path, headers, body)
  end
  return wrk.format(method, path, headers)
end

-- Answers by status, printed at the end so the bench can tell what the non-2xx were.
statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

local all_threads = {}
local original_setup = setup
function setup(thread)
  original_setup(thread)
  all_threads[#all_threads + 1] = thread
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(all_threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %d: %d\n", status, count))
  end
end
