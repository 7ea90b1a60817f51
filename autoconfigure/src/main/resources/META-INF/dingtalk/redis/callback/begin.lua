-- Run by RedisCallbackLedger, which says what KEYS and ARGV hold and what the answer means.
local state = redis.call('GET', KEYS[1])
if state then return state end
redis.call('SET', KEYS[1], 'pending', 'PX', ARGV[1])
return 'new'
