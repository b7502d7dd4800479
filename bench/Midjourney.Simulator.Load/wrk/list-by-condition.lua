-- wrk script: POST /mj/task/list-by-condition with COUNT (default 1) random ids from the file named by IDS.
local ids = {}
for line in io.lines(os.getenv("IDS") or "/tmp/mjsim-ids.txt") do ids[#ids + 1] = line end
local count = tonumber(os.getenv("COUNT") or "1")
math.randomseed(os.time())

request = function()
  local picked = {}
  for i = 1, count do picked[i] = '"' .. ids[math.random(#ids)] .. '"' end
  return wrk.format("POST", "/mj/task/list-by-condition", { ["Content-Type"] = "application/json" },
    '{"ids":[' .. table.concat(picked, ",") .. ']}')
end
