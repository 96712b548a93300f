-- POST /api/v1/bookings with a distinct free slot on every request.
--
-- Request number k (unique across wrk's threads: thread t sends t, t+T, t+2T, ...) books resource k mod R for the
-- hour starting at BENCH_BASE_EPOCH + floor(k / R) hours: it walks every resource, then the next hour, so no two
-- requests ever ask for the same resource and hour. The resources (bench.resource_index: always open, 60-minute
-- slots, automatic approval, no buffer) and the time (days ahead that the generated bookings never reach) are chosen
-- by bench/run.sh. The bearer tokens of the bench users rotate with k.
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
  resources = read_lines(os.getenv("BENCH_RESOURCES_FILE"))
  tokens = read_lines(os.getenv("BENCH_TOKENS_FILE"))
  base = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  threads = tonumber(os.getenv("BENCH_THREADS"))
end

local function iso(epoch)
  return os.date("!%Y-%m-%dT%H:%M:%SZ", epoch)
end

function request()
  local k = tid + threads * counter
  counter = counter + 1
  local r = k % #resources
  local starts = base + math.floor(k / #resources) * 3600
  local body = string.format(
    '{"resourceId":"%s","startsAt":"%s","endsAt":"%s","attendees":1,"purpose":"bench load api"}',
    resources[r + 1], iso(starts), iso(starts + 3600))
  return wrk.format("POST", "/api/v1/bookings", {
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[(k % #tokens) + 1],
  }, body)
end

done = report.done
