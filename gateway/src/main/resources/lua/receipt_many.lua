-- Records the reports on parts of several messages of one shard (receipt_one.lua says how), one answer per
-- report in order: one call for the receipts that arrived together.
-- KEYS: per report: message hash, event list
-- ARGV: 1 retention seconds, then per report (in KEYS order): part index, part status, now ms, event time iso,
--       detail, provider error code or '', part count
--@TRANSITIONS@
--@RECEIPT@
local results = {}
local n = (#ARGV - 1) / 7
for i = 0, n - 1 do
  local a = 1 + i * 7
  local k = i * 2
  results[#results + 1] = receipt_one(KEYS[k + 1], KEYS[k + 2], ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4],
    ARGV[a + 5], ARGV[a + 6], ARGV[1], ARGV[a + 7])
end
return results
