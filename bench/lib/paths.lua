-- GET the paths in BENCH_PATHS (separated by |), in turn.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS"), "[^|]+") do paths[#paths + 1] = p end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i - 1) % #paths + 1])
end
