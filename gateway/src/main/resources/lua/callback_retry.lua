-- The first event of a message's callback queue waits until the given time, rewritten with its attempt
-- count, unless it is no longer the one named (another gateway finished it meanwhile).
-- KEYS: 1 the message's callback queue, 2 due set
-- ARGV: 1 message id, 2 event id, 3 event (stored form), 4 due ms, 5 event number
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not head or cjson.decode(head).eventId ~= ARGV[2] then
  return 0
end
redis.call('ZREM', KEYS[1], head)
redis.call('ZADD', KEYS[1], tonumber(ARGV[5]), ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 1
