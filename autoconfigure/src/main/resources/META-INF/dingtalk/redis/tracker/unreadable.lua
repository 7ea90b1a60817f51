-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
-- include: now.lua
-- include: holding.lua
local task = redis.call('HGET', KEYS[1], ARGV[1])
if not task then return 0 end
unindex(ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('HINCRBY', KEYS[5], ARGV[1], 1) >= tonumber(ARGV[2]) then
  redis.call('HSET', KEYS[6], ARGV[1], task)
  redis.call('HDEL', KEYS[1], ARGV[1])
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[5], ARGV[1])
  return 1
end
redis.call('ZADD', KEYS[2], 0, ARGV[1])
return 0
