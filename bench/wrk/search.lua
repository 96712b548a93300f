-- GET of the URL given on wrk's command line; only adds the report line.
local report = dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

wrk.headers["Accept"] = "application/json"

done = report.done
