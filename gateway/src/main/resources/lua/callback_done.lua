-- The first event of a message's callback queue was delivered or given up: it leaves the queue and the
-- next one, if any, is leased to the caller, so one message's events go strictly one after another.
-- Nothing changes when the first event is no longer the one named (another gateway finished it).
-- KEYS: 1 the message's callback queue, 2 due set
-- ARGV: 1 message id, 2 event id, 3 lease-until ms
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'empty'}
end
if cjson.decode(head).eventId ~= ARGV[2] then
  return {'elsewhere'}
end
redis.call('LPOP', KEYS[1])
local next = redis.call('LINDEX', KEYS[1], 0)
if not next then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'empty'}
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return {'next', next}
