-- POST /api/v1/loans: one unit of a lent resource for one day, a distinct (resource, day) on every request.
--
-- Request number k (unique across wrk's threads, as in booking.lua) borrows lent resource k mod L (bench.lent_index,
-- open on weekdays, 10,000 units, automatic approval) on the Wednesday BENCH_BASE_EPOCH + 7 * floor(k / L) days (Seoul).
-- The bearer tokens of the bench users rotate with k.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local thread_count = 0

function setup(thread)
  thread:set("tid", thread_count)
  thread_count = thread_count + 1
end

local function read_lines(path)
  local lines = {}
  local file = assert(io.open(path, "r"))
  for line in file:lines() do
    if line ~= "" then
      lines[#lines + 1] = line
    end
  end
  file:close()
  assert(#lines > 0, path .. " is empty")
  return lines
end

local resources, tokens, base, threads
local counter = 0

function init(args)
  resources = read_lines(os.getenv("BENCH_LENT_FILE"))
  tokens = read_lines(os.getenv("BENCH_TOKENS_FILE"))
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  threads = tonumber(os.getenv("BENCH_THREADS"))
end

function request()
  local k = tid + threads * counter
  counter = counter + 1
  local r = k % #resources
  -- base is Seoul midnight; noon keeps the UTC date the Seoul one.
  local day = os.date("!%Y-%m-%d", base + 12 * 3600 + math.floor(k / #resources) * 7 * 86400)
  local body = string.format(
    '{"resourceId":"%s","units":1,"pickupOn":"%s","returnOn":"%s","purpose":"bench load api"}', resources[r + 1], day, day)
  return wrk.format("POST", "/api/v1/loans", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(k % #tokens) + 1],
  }, body)
end

done = report.done
