-- (included in accepted.lua and accepted_many.lua through the ACCEPTED placeholder)
-- Records that the provider took a message: its ids, the number of parts, and 'sent' (unless a receipt
-- overtook us and moved it further already); acknowledges its queue entry in the same step.
-- Answers {'ok', status before} or {'missing'}.
local function accepted_one(msg_key, ev_key, queue_key, entry_id, now_ms, event_json, provider_ids, part_count,
                            retention, group)
  local st = redis.call('HGET', msg_key, 'st')
  redis.call('XACK', queue_key, group, entry_id)
  redis.call('XDEL', queue_key, entry_id)
  if not st then
    return {'missing'}
  end
  if st == 'sending' then
    redis.call('HSET', msg_key, 'pid', provider_ids, 'pn', part_count, 'ua', now_ms, 'st', 'sent')
    status_changed(msg_key, ev_key, st, 'sent', event_json, tonumber(retention))
  else
    redis.call('HSET', msg_key, 'pid', provider_ids, 'pn', part_count, 'ua', now_ms)
  end
  -- no retention refresh: intake (or the last retry) set it moments ago, and a final status sets it again
  return {'ok', st}
end
