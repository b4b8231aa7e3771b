-- Records that the provider took one message (accepted_one.lua says how).
-- KEYS: 1 message hash, 2 event list, 3 queue stream
-- ARGV: 1 entry id, 2 now ms, 3 event json, 4 provider ids (newline-separated), 5 part count,
--       6 retention seconds, 7 consumer group
--@TRANSITIONS@
--@ACCEPTED@
return accepted_one(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7])
