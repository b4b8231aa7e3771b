-- Records that the provider took a message: its ids, the number of parts, and 'sent' (unless a receipt
-- overtook us and moved it further already); acknowledges its queue entry in the same step.
-- KEYS: 1 message hash, 2 event list, 3 queue stream
-- ARGV: 1 entry id, 2 now ms, 3 event json, 4 provider ids (newline-separated), 5 part count,
--       6 retention seconds, 7 consumer group
--@TRANSITIONS@
local st = redis.call('HGET', KEYS[1], 'st')
redis.call('XACK', KEYS[3], ARGV[7], ARGV[1])
redis.call('XDEL', KEYS[3], ARGV[1])
if not st then
  return {'missing'}
end
if st == 'sending' then
  redis.call('HSET', KEYS[1], 'pid', ARGV[4], 'pn', ARGV[5], 'ua', ARGV[2], 'st', 'sent')
  status_changed(KEYS[1], KEYS[2], st, 'sent', ARGV[3], tonumber(ARGV[6]))
else
  redis.call('HSET', KEYS[1], 'pid', ARGV[4], 'pn', ARGV[5], 'ua', ARGV[2])
end
-- no retention refresh: intake (or the last retry) set it moments ago, and a final status sets it again
return {'ok', st}
