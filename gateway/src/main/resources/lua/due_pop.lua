-- Takes the members of a time-ordered set whose time has come, removing them, so that of several
-- gateways exactly one handles each.
-- KEYS: 1 sorted set
-- ARGV: 1 now ms, 2 limit
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local taken = {}
for _, id in ipairs(ids) do
  if redis.call('ZREM', KEYS[1], id) == 1 then
    taken[#taken + 1] = id
  end
end
return taken
