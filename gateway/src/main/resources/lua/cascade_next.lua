-- Creates the next step of a cascade, once: only if the job is still at the step that failed (so a
-- timeout and a failure racing for the same step advance it once) and was not cancelled.
-- KEYS: 1 job message hash (step 1), 2 new message hash, 3 new event list, 4 new message's queue stream
-- ARGV: 1 step index that failed, 2 new message id, 3 event json, 4 retention seconds, 5.. field/value pairs
--@TRANSITIONS@
if redis.call('HGET', KEYS[1], 'cx') == '1' then
  return 'cancelled'
end
local cur = redis.call('HGET', KEYS[1], 'cur') or '0'
if cur ~= ARGV[1] then
  return 'stale'
end
local fields = {}
for i = 5, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[2], unpack(fields))
redis.call('RPUSH', KEYS[3], ARGV[3])
redis.call('XADD', KEYS[4], '*', 'id', ARGV[2])
local steps = redis.call('HGET', KEYS[1], 'cs') or ''
redis.call('HSET', KEYS[1], 'cur', tostring(tonumber(ARGV[1]) + 1), 'cs', steps .. ',' .. ARGV[2])
index_pending(KEYS[2], 'queued', tonumber(ARGV[4]))
touch(KEYS[2], KEYS[3], tonumber(ARGV[4]))
return 'created'
