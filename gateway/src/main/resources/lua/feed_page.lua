-- One shard's part of a page of a tenant's messages ordered by their last status change: the entries of
-- the given indexes after the position (ms, id), up to the limit, with each message's fields (an empty
-- list for one deleted meanwhile). Changes in the current millisecond are left for the next page, so
-- a change that lands after this read can never sort before the position it hands out.
-- KEYS: the tenant's per-status index sorted sets of one shard (a message is in one of them only)
-- ARGV: 1 after ms, 2 after id, 3 limit, 4 message key prefix
-- Answer: {ceiling ms, {id, ms, {field, value, ...}}, ...}
local t = redis.call('TIME')
local ceiling = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) - 1
local after, after_id, limit = tonumber(ARGV[1]), ARGV[2], tonumber(ARGV[3])
local found = {}
if after <= ceiling then
  for _, k in ipairs(KEYS) do
    for _, id in ipairs(redis.call('ZRANGEBYSCORE', k, after, after)) do
      if id > after_id then
        found[#found + 1] = {after, id}
      end
    end
    local rest = redis.call('ZRANGEBYSCORE', k, '(' .. ARGV[1], ceiling, 'WITHSCORES', 'LIMIT', 0, limit)
    for i = 1, #rest, 2 do
      found[#found + 1] = {tonumber(rest[i + 1]), rest[i]}
    end
  end
end
table.sort(found, function(a, b)
  if a[1] ~= b[1] then
    return a[1] < b[1]
  end
  return a[2] < b[2]
end)
local out = {string.format('%d', ceiling)}
for i = 1, math.min(limit, #found) do
  local id = found[i][2]
  out[#out + 1] = {id, string.format('%d', found[i][1]), redis.call('HGETALL', ARGV[4] .. id)}
end
return out
