-- Stores several new messages of one shard, each exactly as intake.lua does (its text is the body of
-- intake_one below, with KEYS and ARGV its own), one answer per message in order: one call for a group of jobs.
-- KEYS: per message, intake.lua's five keys
-- ARGV: per message (in KEYS order): the number of its arguments, then intake.lua's arguments
--@TRANSITIONS@
local function intake_one(KEYS, ARGV)
--@INTAKE@
end
local results = {}
local a = 1
local i = 0
while a <= #ARGV do
  local count = tonumber(ARGV[a])
  local args = {}
  for j = 1, count do
    args[j] = ARGV[a + j]
  end
  a = a + count + 1
  local k = i * 5
  results[#results + 1] = intake_one({KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4], KEYS[k + 5]}, args)
  i = i + 1
end
return results
