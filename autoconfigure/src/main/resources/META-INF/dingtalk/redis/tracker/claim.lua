-- Run by RedisTrackedTaskStore, which says what KEYS and ARGV hold and what the answer means.
-- include: now.lua
-- include: holding.lua
local self = ARGV[1]
local expiry = now + tonumber(ARGV[2])
local full = ARGV[7] == 'full'
local function first(instance) return '[' .. instance .. ':' end
local function last(instance) return '(' .. instance .. ';' end
if not full and tonumber(redis.call('ZSCORE', KEYS[9], self) or '0') <= now then
  return {{}, {}, {}, 1}
end
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[5]))
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[8], '-inf', now - tonumber(ARGV[6]), 'LIMIT', 0, tonumber(ARGV[3]))) do
  redis.call('HDEL', KEYS[7], id)
  redis.call('ZREM', KEYS[8], id)
end
local lost, missing, taken = {}, {}, {}
local prefix = #self + 2
if full then
  local sent = {}
  for i = 8, #ARGV do sent[ARGV[i]] = true end
  for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[10], first(self), last(self))) do
    local id = string.sub(entry, prefix)
    if not sent[id] and redis.call('HGET', KEYS[3], id) == self then
      redis.call('ZADD', KEYS[2], 0, id)
      redis.call('HDEL', KEYS[3], id)
    end
  end
  redis.call('ZREMRANGEBYLEX', KEYS[10], first(self), last(self))
  redis.call('ZREMRANGEBYLEX', KEYS[11], first(self), last(self))
  for i = 8, #ARGV do
    local id = ARGV[i]
    if redis.call('HEXISTS', KEYS[1], id) == 1 then
      local holder = redis.call('HGET', KEYS[3], id)
      local alive = false
      if holder and holder ~= self then
        alive = tonumber(redis.call('ZSCORE', KEYS[2], id) or '0') > now
          or tonumber(redis.call('ZSCORE', KEYS[9], holder) or '0') > now
      end
      if alive then
        table.insert(lost, id)
      else
        if holder and holder ~= self then redis.call('ZREM', KEYS[10], holder .. ':' .. id) end
        redis.call('HSET', KEYS[3], id, self)
        redis.call('ZADD', KEYS[10], 0, self .. ':' .. id)
        redis.call('ZREM', KEYS[2], id)
      end
    elseif redis.call('ZSCORE', KEYS[4], id) then
      table.insert(lost, id)
    else
      table.insert(missing, id)
    end
  end
else
  for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[11], first(self), last(self))) do
    table.insert(lost, string.sub(entry, prefix))
  end
  redis.call('ZREMRANGEBYLEX', KEYS[11], first(self), last(self))
end
redis.call('ZADD', KEYS[9], expiry, self)
for _, instance in ipairs(redis.call('ZRANGEBYSCORE', KEYS[9], '(' .. expiry, '+inf', 'LIMIT', 0, tonumber(ARGV[3]))) do
  redis.call('ZADD', KEYS[9], expiry, instance)
end
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. expiry, '+inf', 'LIMIT', 0, tonumber(ARGV[3]))) do
  redis.call('ZADD', KEYS[2], expiry, id)
end
local function take(id)
  local task = redis.call('HGET', KEYS[1], id)
  if task then
    redis.call('HSET', KEYS[3], id, self)
    redis.call('ZADD', KEYS[10], 0, self .. ':' .. id)
    table.insert(taken, id)
    table.insert(taken, task)
  else
    redis.call('HDEL', KEYS[3], id)
  end
end
local room = tonumber(ARGV[3])
while room > 0 do
  local dead = redis.call('ZRANGEBYSCORE', KEYS[9], '-inf', now, 'LIMIT', 0, 1)
  if #dead == 0 then break end
  local instance = dead[1]
  local entries = redis.call('ZRANGEBYLEX', KEYS[10], first(instance), last(instance), 'LIMIT', 0, room)
  if #entries < room then
    redis.call('ZREM', KEYS[9], instance)
    redis.call('ZREMRANGEBYLEX', KEYS[11], first(instance), last(instance))
  end
  room = room - #entries
  for _, entry in ipairs(entries) do
    redis.call('ZREM', KEYS[10], entry)
    local id = string.sub(entry, #instance + 2)
    if redis.call('HGET', KEYS[3], id) == instance then take(id) end
  end
end
if room > 0 then
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, room)) do
    redis.call('ZREM', KEYS[2], id)
    unindex(id)
    take(id)
  end
end
for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
return {lost, missing, taken, 0}
