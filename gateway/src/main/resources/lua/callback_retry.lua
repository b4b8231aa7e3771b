-- The first event of a message's callback queue waits until the given time, rewritten with its attempt
-- count, unless it is no longer the one named (another gateway finished it meanwhile).
-- KEYS: 1 the message's callback queue, 2 due set
-- ARGV: 1 message id, 2 event id, 3 event (stored form), 4 due ms
local head = redis.call('LINDEX', KEYS[1], 0)
if not head or cjson.decode(head).eventId ~= ARGV[2] then
  return 0
end
redis.call('LSET', KEYS[1], 0, ARGV[3])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
return 1
