-- Stores a new message and puts it in its queue (or the due set), atomically; an externalId seen
-- before for the tenant returns the first message's id instead.
-- KEYS: 1 message hash, 2 event list, 3 idempotency key, 4 queue stream, 5 due set
-- ARGV: 1 id, 2 hasExternalId (1|0), 3 status (queued|scheduled), 4 dueAt ms, 5 event json, 6 retention seconds,
--       7.. field/value pairs
--@TRANSITIONS@
if ARGV[2] == '1' then
  local existing = redis.call('GET', KEYS[3])
  if existing then
    return {'duplicate', existing}
  end
end
local fields = {}
for i = 7, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
status_changed(KEYS[1], KEYS[2], nil, ARGV[3], ARGV[5], tonumber(ARGV[6]))
local keep = tonumber(ARGV[6]) or 0
if ARGV[2] == '1' then
  if keep > 0 then
    redis.call('SET', KEYS[3], ARGV[1], 'EX', keep)
  else
    redis.call('SET', KEYS[3], ARGV[1])
  end
end
if ARGV[3] == 'queued' then
  redis.call('XADD', KEYS[4], '*', 'id', ARGV[1])
else
  redis.call('ZADD', KEYS[5], ARGV[4], ARGV[1])
end
-- the idempotency key got its expiry with its value
touch_known(KEYS[1], KEYS[2], nil, keep)
return {'created', ARGV[1]}
