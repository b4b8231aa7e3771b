-- A dispatcher takes a queue entry: the message moves to 'sending' unless it was cancelled, expired or
-- already handled, in which case the entry is acknowledged and dropped. A recovering dispatcher (its
-- entry was left pending by a crash) may also take a message found in 'sending'.
-- KEYS: 1 message hash, 2 event list, 3 queue stream
-- ARGV: 1 entry id, 2 now ms, 3 now iso, 4 recovering (1|0), 5 retention seconds, 6 consumer group
--@TRANSITIONS@
local function ack()
  redis.call('XACK', KEYS[3], ARGV[6], ARGV[1])
  redis.call('XDEL', KEYS[3], ARGV[1])
end
local m = redis.call('HMGET', KEYS[1], 'st', 'ea', 'at')
local st = m[1]
if not st and redis.call('EXISTS', KEYS[1]) == 0 then
  ack()
  return {'gone'}
end
local claimable = (st == 'queued') or (ARGV[4] == '1' and st == 'sending')
if not claimable then
  ack()
  return {'skip', st}
end
local ea = tonumber(m[2] or '0') or 0
if ea > 0 and tonumber(ARGV[2]) >= ea then
  redis.call('HSET', KEYS[1], 'st', 'expired', 'ua', ARGV[2], 'ec', 'ttl_expired',
    'em', 'the message was not sent before its TTL ran out')
  status_changed(KEYS[1], KEYS[2], st, 'expired',
    cjson.encode({status = 'expired', at = ARGV[3], detail = 'TTL ran out before sending'}), tonumber(ARGV[5]))
  touch(KEYS[1], KEYS[2], tonumber(ARGV[5]))
  ack()
  return {'expired'}
end
local attempt = (tonumber(m[3] or '0') or 0) + 1
local detail = 'attempt ' .. tostring(attempt)
if st == 'sending' then
  detail = detail .. ': resent after a restart, the previous attempt may or may not have reached the provider'
end
redis.call('HSET', KEYS[1], 'st', 'sending', 'ua', ARGV[2], 'at', tostring(attempt))
status_changed(KEYS[1], KEYS[2], st, 'sending', cjson.encode({status = 'sending', at = ARGV[3], detail = detail}),
  tonumber(ARGV[5]))
-- no retention refresh here: intake (or the last retry) set it, and a final status sets it again
local result = {'claimed'}
local all = redis.call('HGETALL', KEYS[1])
for i = 1, #all do
  result[#result + 1] = all[i]
end
return result
