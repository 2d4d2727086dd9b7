-- wrk script: the search load of tools/loadbench.sh and tools/eventsbench.sh. Queries a
-- customer would type, in the five sample locales, rotated so the result cache sees a realistic
-- repeat rate.
local queries = {
  "/api/v1/search?q=reset%20password&locale=en", "/api/v1/search?q=invoice%20tax%20id&locale=en",
  "/api/v1/search?q=cancel%20subscription&locale=en", "/api/v1/search?q=sync%20not%20working&locale=en",
  "/api/v1/search?q=esqueci%20minha%20senha&locale=pt", "/api/v1/search?q=nao%20consigo%20entrar&locale=pt",
  "/api/v1/search?q=cancelar%20suscripcion&locale=es", "/api/v1/search?q=factura%20empresa&locale=es",
  "/api/v1/search?q=notifiche%20email&locale=it", "/api/v1/search?q=esportare%20dati&locale=it",
  "/api/v1/search?q=%E5%BF%98%E8%A8%98%E5%AF%86%E7%A2%BC&locale=zh-TW", "/api/v1/search?q=%E7%99%BC%E7%A5%A8&locale=zh-TW",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
