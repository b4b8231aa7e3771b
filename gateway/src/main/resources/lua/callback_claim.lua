-- Leases the messages of a shard whose callback is due (a retry, or a lease that ran out because its
-- gateway stopped) and answers their first events. Safe in several gateways at once: a leased message
-- is not due again until its lease runs out.
-- KEYS: 1 due set
-- ARGV: 1 now ms, 2 limit, 3 lease-until ms, 4 callback queue key prefix
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  local head = redis.call('ZRANGE', ARGV[4] .. id, 0, 0)[1]
  if head then
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    out[#out + 1] = head
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return out
