-- Stores a contact and keeps the tenant's phone index in step: phones it no longer has stop pointing at it.
-- KEYS: 1 contact hash
-- Answers {1 if it existed, its previous phones}.
-- ARGV: 1 contact json, 2 phone-index key prefix (the tenant's), 3 contact id, 4 now ms, 5.. phones (E.164)
local existed = redis.call('EXISTS', KEYS[1])
local old = redis.call('HGET', KEYS[1], 'ph')
if old then
  for p in string.gmatch(old, '[^,]+') do
    if redis.call('GET', ARGV[2] .. p) == ARGV[3] then
      redis.call('DEL', ARGV[2] .. p)
    end
  end
end
local phones = {}
for i = 5, #ARGV do
  phones[#phones + 1] = ARGV[i]
  redis.call('SET', ARGV[2] .. ARGV[i], ARGV[3])
end
redis.call('HSET', KEYS[1], 'd', ARGV[1], 'ph', table.concat(phones, ','), 'ua', ARGV[4])
return {existed, old or ''}
