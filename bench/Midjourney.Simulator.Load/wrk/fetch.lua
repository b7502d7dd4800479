-- wrk script: GET /mj/task/{id}/fetch for random ids read from the file named by the IDS environment variable.
local ids = {}
for line in io.lines(os.getenv("IDS") or "/tmp/mjsim-ids.txt") do ids[#ids + 1] = line end
math.randomseed(os.time())

request = function()
  return wrk.format("GET", "/mj/task/" .. ids[math.random(#ids)] .. "/fetch")
end
