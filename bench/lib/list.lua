-- GET the first five pages of quotes (20 each, filtered by type), in turn. Same request for Concierge and the peer.
dofile(os.getenv("BENCH_LIB") .. "/report.lua")

local page = 0
request = function()
  local offset = (page % 5) * 20
  page = page + 1
  return wrk.format("GET", "/api/favourites?type=quote&limit=20&offset=" .. offset)
end
