-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
-- include: now.lua
-- include: holding.lua
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
unindex(ARGV[1])
hold(ARGV[1], ARGV[3], tonumber(ARGV[4]))
redis.call('ZREM', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
return 1
