-- A dispatcher takes one queue entry (claim_one.lua says how).
-- KEYS: 1 message hash, 2 event list, 3 queue stream
-- ARGV: 1 entry id, 2 now ms, 3 now iso, 4 recovering (1|0), 5 retention seconds, 6 consumer group
--@TRANSITIONS@
--@CLAIM@
return claim_one(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6])
