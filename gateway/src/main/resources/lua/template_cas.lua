-- Replaces (or deletes) one template's stored history if its revision is still the one the caller read,
-- and updates the tenant's template index with it: two marketers editing at once cannot lose an edit.
-- KEYS: 1 template hash, 2 the tenant's template index
-- ARGV: 1 expected revision (0: the template must not exist yet), 2 'set' or 'del', 3 template key,
--       4 summary json for the index, 5.. field/value pairs to set ('set' only)
-- Answers {'ok', new revision} or {'conflict', current revision}.
local current = tonumber(redis.call('HGET', KEYS[1], 'rev') or '0')
if current ~= tonumber(ARGV[1]) then
  return {'conflict', current}
end
if ARGV[2] == 'del' then
  redis.call('DEL', KEYS[1])
  redis.call('HDEL', KEYS[2], ARGV[3])
  return {'ok', 0}
end
local fields = {'rev', current + 1}
for i = 5, #ARGV do
  fields[#fields + 1] = ARGV[i]
end
redis.call('HSET', KEYS[1], unpack(fields))
redis.call('HSET', KEYS[2], ARGV[3], ARGV[4])
return {'ok', current + 1}
