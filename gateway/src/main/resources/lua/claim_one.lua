-- (included in claim.lua and claim_many.lua through the CLAIM placeholder)
-- A dispatcher takes a queue entry: the message moves to 'sending' unless it was cancelled, expired or
-- already handled, in which case the entry is acknowledged and dropped. A recovering dispatcher (its
-- entry was left pending by a crash) may also take a message found in 'sending'.
-- Answers {'claimed', field, value, ...} (every field of the message), {'expired'}, {'gone'} or {'skip', status}.
local function claim_one(msg_key, ev_key, queue_key, entry_id, now_ms, now_iso, recovering, retention, group)
  local function ack()
    redis.call('XACK', queue_key, group, entry_id)
    redis.call('XDEL', queue_key, entry_id)
  end
  local m = redis.call('HMGET', msg_key, 'st', 'ea', 'at')
  local st = m[1]
  if not st and redis.call('EXISTS', msg_key) == 0 then
    ack()
    return {'gone'}
  end
  local claimable = (st == 'queued') or (recovering == '1' and st == 'sending')
  if not claimable then
    ack()
    return {'skip', st}
  end
  local ea = tonumber(m[2] or '0') or 0
  if ea > 0 and tonumber(now_ms) >= ea then
    redis.call('HSET', msg_key, 'st', 'expired', 'ua', now_ms, 'ec', 'ttl_expired',
      'em', 'the message was not sent before its TTL ran out')
    status_changed(msg_key, ev_key, st, 'expired',
      cjson.encode({status = 'expired', at = now_iso, detail = 'TTL ran out before sending'}), tonumber(retention))
    touch(msg_key, ev_key, tonumber(retention))
    ack()
    return {'expired'}
  end
  local attempt = (tonumber(m[3] or '0') or 0) + 1
  local detail = 'attempt ' .. tostring(attempt)
  if st == 'sending' then
    detail = detail .. ': resent after a restart, the previous attempt may or may not have reached the provider'
  end
  redis.call('HSET', msg_key, 'st', 'sending', 'ua', now_ms, 'at', tostring(attempt))
  status_changed(msg_key, ev_key, st, 'sending', cjson.encode({status = 'sending', at = now_iso, detail = detail}),
    tonumber(retention))
  -- no retention refresh here: intake (or the last retry) set it, and a final status sets it again
  local result = {'claimed'}
  local all = redis.call('HGETALL', msg_key)
  for i = 1, #all do
    result[#result + 1] = all[i]
  end
  return result
end
