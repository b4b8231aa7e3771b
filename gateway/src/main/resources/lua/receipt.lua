-- Records what a provider reported for one part of a message, and moves the message when the parts
-- together decide it: failed or expired as soon as one part is, delivered when every part is,
-- read when every part is. A part never moves back, so duplicates and late receipts are no-ops.
-- KEYS: 1 message hash, 2 event list
-- ARGV: 1 part index (1-based), 2 part status (delivered|read|failed|expired), 3 now ms, 4 event time iso,
--       5 detail, 6 provider error code or '', 7 retention seconds, 8 part count (from the receipt index)
--@TRANSITIONS@
local PART_RANK = {delivered = 1, read = 2, failed = 3, expired = 3}
local field = 'ps' .. ARGV[1]
local m = redis.call('HMGET', KEYS[1], 'st', field, 'pn')
local st = m[1]
if not st then
  return {'missing'}
end
local prev = m[2]
local new = ARGV[2]
if prev and (prev == new or PART_RANK[prev] >= PART_RANK[new]) then
  return {'duplicate', st}
end
local n = tonumber(ARGV[8]) or tonumber(m[3] or '1') or 1
local parts
if n == 1 and ARGV[1] == '1' then
  -- a one-part message: the part just reported is all there is to read
  parts = {new}
else
  local names = {}
  for i = 1, n do
    names[i] = 'ps' .. i
  end
  parts = redis.call('HMGET', KEYS[1], unpack(names))
  local at = tonumber(ARGV[1])
  if at and at >= 1 and at <= n then
    parts[at] = new
  end
end
local failed, expired, delivered, read = 0, 0, 0, 0
for i = 1, n do
  local p = parts[i]
  if p == 'failed' then failed = failed + 1
  elseif p == 'expired' then expired = expired + 1
  elseif p == 'read' then read = read + 1; delivered = delivered + 1
  elseif p == 'delivered' then delivered = delivered + 1
  end
end
local target = nil
if failed > 0 then target = 'failed'
elseif expired > 0 then target = 'expired'
elseif read == n then target = 'read'
elseif delivered == n then target = 'delivered'
end
local detail = ARGV[5]
if n > 1 then
  detail = 'part ' .. ARGV[1] .. '/' .. n .. ': ' .. detail
end
if target == nil or target == st or not can_move(st, target) then
  redis.call('HSET', KEYS[1], field, new, 'ua', ARGV[3])
  if n > 1 then
    redis.call('RPUSH', KEYS[2], cjson.encode({status = st, at = ARGV[4], detail = detail}))
  end
  return {'recorded', st}
end
local fields = {field, new, 'ua', ARGV[3], 'st', target}
if target == 'failed' or target == 'expired' then
  fields[#fields + 1] = 'ec'
  fields[#fields + 1] = (target == 'failed') and 'delivery_failed' or 'delivery_expired'
  fields[#fields + 1] = 'em'
  fields[#fields + 1] = detail
  if ARGV[6] ~= '' then
    fields[#fields + 1] = 'epc'
    fields[#fields + 1] = ARGV[6]
  end
end
redis.call('HSET', KEYS[1], unpack(fields))
local known = status_changed(KEYS[1], KEYS[2], st, target,
  cjson.encode({status = target, at = ARGV[4], detail = detail}), tonumber(ARGV[7]))
touch_known(KEYS[1], KEYS[2], known and known[10], tonumber(ARGV[7]))
return {'moved', target}
