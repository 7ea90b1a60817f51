-- Run by RedisCallbackLedger, which says what KEYS and ARGV hold and what the answer means.
if redis.call('GET', KEYS[1]) == 'pending' then return redis.call('DEL', KEYS[1]) end
return 0
