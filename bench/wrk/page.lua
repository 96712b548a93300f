-- GET of the page given on wrk's command line as a Korean browser asks for it; with the cookies in BENCH_COOKIE, as
-- that signed-in person; through nginx, as Production's https-only cookies need.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

wrk.headers["Accept"] = "text/html"
wrk.headers["Accept-Language"] = "ko-KR,ko;q=0.9"
wrk.headers["X-Forwarded-Proto"] = "https"
local cookie = os.getenv("BENCH_COOKIE")
if cookie ~= nil and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

done = report.done
