-- Records that the provider took each of several messages of one shard (accepted_one.lua says how), one
-- answer per message in order: one call for the submissions that completed together.
-- KEYS: per message: message hash, event list, queue stream
-- ARGV: 1 retention seconds, 2 consumer group, then per message (in KEYS order): entry id, now ms, event json,
--       provider ids (newline-separated), part count
--@TRANSITIONS@
--@ACCEPTED@
local results = {}
local n = (#ARGV - 2) / 5
for i = 0, n - 1 do
  local a = 2 + i * 5
  local k = i * 3
  results[#results + 1] = accepted_one(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3],
    ARGV[a + 4], ARGV[a + 5], ARGV[1], ARGV[2])
end
return results
