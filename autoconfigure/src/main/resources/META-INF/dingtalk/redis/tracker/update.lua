-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
-- include: now.lua
-- include: holding.lua
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  if redis.call('ZSCORE', KEYS[4], ARGV[1]) then return 2 end
  return 3
end
local holder = redis.call('HGET', KEYS[3], ARGV[1])
if holder and holder ~= ARGV[3] then return 0 end
if not holder then hold(ARGV[1], ARGV[3], tonumber(ARGV[4])) end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
