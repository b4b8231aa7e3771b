-- Moves messages whose time has come from the due set into their channel's queue. Safe to run in
-- several gateways at once: ZREM decides which one moves a message, so none is queued twice.
-- KEYS: 1 due set
-- ARGV: 1 now ms, 2 limit, 3 message key prefix, 4 event key prefix, 5 queue key prefix, 6 now iso
--@TRANSITIONS@
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local moved = 0
for _, id in ipairs(ids) do
  if redis.call('ZREM', KEYS[1], id) == 1 then
    local key = ARGV[3] .. id
    local m = redis.call('HMGET', key, 'st', 'c', 'pr')
    local st, channel, priority = m[1], m[2], m[3] or 'normal'
    if st == 'scheduled' or st == 'queued' then
      if st == 'scheduled' then
        redis.call('HSET', key, 'st', 'queued', 'ua', ARGV[1])
        status_changed(key, ARGV[4] .. id, 'scheduled', 'queued',
          cjson.encode({status = 'queued', at = ARGV[6], detail = 'send time reached'}), nil)
      end
      redis.call('XADD', ARGV[5] .. channel .. ':' .. priority, '*', 'id', id)
      moved = moved + 1
    end
  end
end
return moved
