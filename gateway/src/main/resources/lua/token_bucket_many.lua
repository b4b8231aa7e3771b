-- Several requests on one token bucket at once, each exactly as token_bucket.lua answers it (its text is the
-- body of bucket_one below), in order: one call for the sends that asked together.
-- KEYS: 1 bucket hash
-- ARGV: 1 rate per second, 2 burst, 3.. tokens requested, one per request
local function bucket_one(KEYS, ARGV)
--@BUCKET@
end
local waits = {}
for i = 3, #ARGV do
  waits[#waits + 1] = bucket_one(KEYS, {ARGV[1], ARGV[2], ARGV[i]})
end
return waits
