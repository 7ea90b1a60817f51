-- Run by RedisSharedTokenStore, which says what KEYS and ARGV hold and what the answer means.
local value = redis.call('GET', KEYS[1])
if not value then return {} end
return {value, redis.call('PTTL', KEYS[1])}
