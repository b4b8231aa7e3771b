-- The first event of a message's callback queue was delivered or given up: it leaves the queue, the
-- message records it as finished, and the next event, if it is already queued, is leased to the caller;
-- one not yet admitted is leased by whoever admits it. Nothing changes when the first event is no longer
-- the one named (another gateway finished it).
-- KEYS: 1 the message's callback queue, 2 due set, 3 message hash
-- ARGV: 1 message id, 2 event id, 3 lease-until ms, 4 event number
local head = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not head then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {'empty'}
end
if cjson.decode(head).eventId ~= ARGV[2] then
  return {'elsewhere'}
end
redis.call('ZREM', KEYS[1], head)
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('HSET', KEYS[3], 'cbf', ARGV[4])
end
local next = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
if #next == 0 or tonumber(next[2]) ~= tonumber(ARGV[4]) + 1 then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return {next[1] and 'waiting' or 'empty'}
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
return {'next', next[1]}
