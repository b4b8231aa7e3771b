-- Moves one event from a shard's callback stream into its message's callback queue (ordered by the
-- event's number), in the same step that acknowledges the stream entry, so an event is admitted exactly
-- once whatever crashes. Gateways may admit one message's events in any order; an event is leased to
-- the caller (who sends it now) only when it is the message's next one: every earlier one finished
-- ('cbf' in the message hash) and nothing of the message is in flight or waiting.
-- KEYS: 1 callback stream, 2 the message's callback queue, 3 due set, 4 message hash
-- ARGV: 1 entry id, 2 consumer group, 3 event (stored form), 4 message id, 5 lease-until ms,
--       6 queue ttl seconds, 7 event number
if redis.call('XACK', KEYS[1], ARGV[2], ARGV[1]) == 0 then
  return 'seen'
end
redis.call('XDEL', KEYS[1], ARGV[1])
local seq = tonumber(ARGV[7])
redis.call('ZADD', KEYS[2], seq, ARGV[3])
redis.call('EXPIRE', KEYS[2], tonumber(ARGV[6]))
if redis.call('ZRANGE', KEYS[2], 0, 0)[1] ~= ARGV[3] then
  return 'queued'
end
local finished = redis.call('HGET', KEYS[4], 'cbf')
-- a message deleted meanwhile has no record of its callbacks: its events simply go in number order
local next_one = (not finished and redis.call('EXISTS', KEYS[4]) == 0) or seq == (tonumber(finished) or 0) + 1
if not next_one then
  return 'queued'
end
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
return 'lease'
