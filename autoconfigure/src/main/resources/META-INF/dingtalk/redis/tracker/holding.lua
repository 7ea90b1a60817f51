-- The holder's entry in the index of held tasks (instance:taskId, all scored 0, so that one instance's
-- entries are one lexical range), dropped; and a task made the given instance's: in the index while
-- that instance's lease runs, otherwise (it has not claimed yet, or its lease ran out) on a lease of
-- its own, so that it is taken over if the instance dies before it claims.
-- Shared: the scripts that need it include it (a Redis script cannot load another).
local function unindex(id)
  local holder = redis.call('HGET', KEYS[3], id)
  if holder then redis.call('ZREM', KEYS[10], holder .. ':' .. id) end
  return holder
end
local function hold(id, instance, lease)
  redis.call('HSET', KEYS[3], id, instance)
  if tonumber(redis.call('ZSCORE', KEYS[9], instance) or '0') > now then
    redis.call('ZADD', KEYS[10], 0, instance .. ':' .. id)
    redis.call('ZREM', KEYS[2], id)
  else
    redis.call('ZADD', KEYS[2], now + lease, id)
  end
end
