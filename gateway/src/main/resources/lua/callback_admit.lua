-- Moves one event from a shard's callback stream into its message's callback queue, in the same step
-- that acknowledges the stream entry, so an event is admitted exactly once whatever crashes. A message's
-- only waiting event is leased to the caller at once (it sends it now); a later one waits behind it.
-- KEYS: 1 callback stream, 2 the message's callback queue, 3 due set
-- ARGV: 1 entry id, 2 consumer group, 3 event (stored form), 4 message id, 5 lease-until ms, 6 queue ttl seconds
if redis.call('XACK', KEYS[1], ARGV[2], ARGV[1]) == 0 then
  return 'seen'
end
redis.call('XDEL', KEYS[1], ARGV[1])
local n = redis.call('RPUSH', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6]))
if n == 1 then
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
  return 'lease'
end
return 'queued'
