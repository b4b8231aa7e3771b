-- A dispatcher takes every entry of one read at once (claim_one.lua says how), one answer per entry in
-- order: one call instead of one per job. Each entry is handled exactly as claim.lua handles it alone.
-- KEYS: per entry: message hash, event list, queue stream (all in one shard, so in one slot)
-- ARGV: 1 now ms, 2 now iso, 3 recovering (1|0), 4 retention seconds, 5 consumer group, 6.. entry ids, in KEYS order
--@TRANSITIONS@
--@CLAIM@
local results = {}
for i = 6, #ARGV do
  local k = (i - 6) * 3
  results[#results + 1] = claim_one(KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], ARGV[i], ARGV[1], ARGV[2], ARGV[3], ARGV[4],
    ARGV[5])
end
return results
