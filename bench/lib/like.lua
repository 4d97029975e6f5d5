-- POST likes over the favourites BENCH_FIRST_ID..BENCH_LAST_ID. Each wrk thread owns every BENCH_THREADS-th id and
-- walks its ids in turn, so a favourite is touched again only after all the thread's other ids (far more than the
-- connections in flight): no two requests race on one row. With BENCH_UNLIKE=1 each walk alternates between
-- like and unlike, so that with one-like-per-user every request still changes a row.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")

local next_thread = 0
function setup(thread)
  thread:set("thread_index", next_thread)
  next_thread = next_thread + 1
end

function init(args)
  local first = tonumber(os.getenv("BENCH_FIRST_ID"))
  local last = tonumber(os.getenv("BENCH_LAST_ID"))
  local threads = tonumber(os.getenv("BENCH_THREADS"))
  unlike = os.getenv("BENCH_UNLIKE") == "1"
  ids = {}
  for id = first + thread_index, last, threads do ids[#ids + 1] = id end
  step = 0
end

request = function()
  local id = ids[(step % #ids) + 1]
  local walk = math.floor(step / #ids)
  step = step + 1
  local verb = (unlike and walk % 2 == 1) and "unlike" or "like"
  return wrk.format("POST", "/api/favourites/" .. id .. "/" .. verb, { ["Content-Type"] = "application/json" }, "")
end
