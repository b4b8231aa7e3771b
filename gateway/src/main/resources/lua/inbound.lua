-- Stores an inbound record once: a provider's redelivery of the same event finds it and changes nothing.
-- KEYS: 1 record hash
-- ARGV: field/value pairs
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HGET', KEYS[1], 'q') or '0'
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 'new'
