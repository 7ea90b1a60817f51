-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
-- include: now.lua
-- include: holding.lua
local current = redis.call('HGET', KEYS[3], ARGV[1])
if current and current ~= ARGV[2] then return 0 end
-- include: forget.lua
