-- (included in receipt.lua and receipt_many.lua through the RECEIPT placeholder)
-- Records what a provider reported for one part of a message, and moves the message when the parts
-- together decide it: failed or expired as soon as one part is, delivered when every part is,
-- read when every part is. A part never moves back, so duplicates and late receipts are no-ops.
-- Answers {'missing'}, {'duplicate', status}, {'recorded', status} or {'moved', new status}.
local PART_RANK = {delivered = 1, read = 2, failed = 3, expired = 3}
local function receipt_one(msg_key, ev_key, part, part_status, now_ms, at_iso, detail_in, error_code, retention,
                           part_count)
  local field = 'ps' .. part
  local m = redis.call('HMGET', msg_key, 'st', field, 'pn')
  local st = m[1]
  if not st then
    return {'missing'}
  end
  local prev = m[2]
  local new = part_status
  if prev and (prev == new or PART_RANK[prev] >= PART_RANK[new]) then
    return {'duplicate', st}
  end
  local n = tonumber(part_count) or tonumber(m[3] or '1') or 1
  local parts
  if n == 1 and part == '1' then
    -- a one-part message: the part just reported is all there is to read
    parts = {new}
  else
    local names = {}
    for i = 1, n do
      names[i] = 'ps' .. i
    end
    parts = redis.call('HMGET', msg_key, unpack(names))
    local at = tonumber(part)
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
  local detail = detail_in
  if n > 1 then
    detail = 'part ' .. part .. '/' .. n .. ': ' .. detail
  end
  if target == nil or target == st or not can_move(st, target) then
    redis.call('HSET', msg_key, field, new, 'ua', now_ms)
    if n > 1 then
      redis.call('RPUSH', ev_key, cjson.encode({status = st, at = at_iso, detail = detail}))
    end
    return {'recorded', st}
  end
  local fields = {field, new, 'ua', now_ms, 'st', target}
  if target == 'failed' or target == 'expired' then
    fields[#fields + 1] = 'ec'
    fields[#fields + 1] = (target == 'failed') and 'delivery_failed' or 'delivery_expired'
    -- undeliverable to this recipient on this channel; an SMSC that gave up waiting for a phone that was off
    -- says nothing about the recipient for good
    fields[#fields + 1] = 'ecl'
    fields[#fields + 1] = (target == 'failed') and 'permanent_recipient' or 'transient'
    fields[#fields + 1] = 'em'
    fields[#fields + 1] = detail
    if error_code ~= '' then
      fields[#fields + 1] = 'epc'
      fields[#fields + 1] = error_code
    end
  end
  redis.call('HSET', msg_key, unpack(fields))
  local known = status_changed(msg_key, ev_key, st, target,
    cjson.encode({status = target, at = at_iso, detail = detail}), tonumber(retention))
  touch_known(msg_key, ev_key, known and known[10], tonumber(retention))
  return {'moved', target}
end
