-- Moves a message to a new status if the transition table allows it from where it is, records the
-- event and the given fields, and optionally acknowledges its queue entry and (re)schedules it.
-- KEYS: 1 message hash, 2 event list, 3 queue stream, 4 due set
-- ARGV: 1 new status, 2 now ms, 3 event json, 4 entry id or '', 5 due-at ms or '', 6 remove from due (1|0),
--       7 retention seconds, 8 required current status or '', 9 message id, 10 consumer group,
--       11.. field/value pairs
--@TRANSITIONS@
local function ack()
  if ARGV[4] ~= '' then
    redis.call('XACK', KEYS[3], ARGV[10], ARGV[4])
    redis.call('XDEL', KEYS[3], ARGV[4])
  end
end
local st = redis.call('HGET', KEYS[1], 'st')
if not st then
  ack()
  return {'missing'}
end
if (ARGV[8] ~= '' and st ~= ARGV[8]) or not can_move(st, ARGV[1]) then
  return {'conflict', st}
end
local fields = {'st', ARGV[1], 'ua', ARGV[2]}
for i = 11, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
status_changed(KEYS[1], KEYS[2], st, ARGV[1], ARGV[3], tonumber(ARGV[7]))
ack()
if ARGV[5] ~= '' then
  redis.call('ZADD', KEYS[4], ARGV[5], ARGV[9])
end
if ARGV[6] == '1' then
  redis.call('ZREM', KEYS[4], ARGV[9])
end
touch(KEYS[1], KEYS[2], tonumber(ARGV[7]))
return {'ok', st}
