-- Forgets a task; a holder other than the caller finds the id in its inbox at its next claim, so that
-- it stops following the task without sending what it holds.
-- Shared: the scripts that need it include it (a Redis script cannot load another).
redis.call('HDEL', KEYS[7], ARGV[1])
redis.call('ZREM', KEYS[8], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
local holder = unindex(ARGV[1])
if holder and holder ~= ARGV[2] then redis.call('ZADD', KEYS[11], 0, holder .. ':' .. ARGV[1]) end
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('HDEL', KEYS[5], ARGV[1])
redis.call('ZADD', KEYS[4], now, ARGV[1])
return redis.call('HDEL', KEYS[1], ARGV[1])
