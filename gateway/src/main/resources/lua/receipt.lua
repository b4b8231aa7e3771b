-- Records what a provider reported for one part of a message (receipt_one.lua says how).
-- KEYS: 1 message hash, 2 event list
-- ARGV: 1 part index (1-based), 2 part status (delivered|read|failed|expired), 3 now ms, 4 event time iso,
--       5 detail, 6 provider error code or '', 7 retention seconds, 8 part count (from the receipt index)
--@TRANSITIONS@
--@RECEIPT@
return receipt_one(KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8])
