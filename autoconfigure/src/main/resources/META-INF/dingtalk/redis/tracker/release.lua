-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
local released = 0
local function free(id)
  if redis.call('HGET', KEYS[3], id) == ARGV[1] then
    redis.call('ZADD', KEYS[2], 0, id)
    redis.call('HDEL', KEYS[3], id)
    released = released + 1
  end
end
local first, last = '[' .. ARGV[1] .. ':', '(' .. ARGV[1] .. ';'
for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[10], first, last)) do
  free(string.sub(entry, #ARGV[1] + 2))
end
for i = 2, #ARGV do free(ARGV[i]) end
redis.call('ZREMRANGEBYLEX', KEYS[10], first, last)
redis.call('ZREMRANGEBYLEX', KEYS[11], first, last)
redis.call('ZREM', KEYS[9], ARGV[1])
return released
