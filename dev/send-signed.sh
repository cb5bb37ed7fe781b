# Sourced by dev/slash.sh and dev/click.sh: sends a form body to the bot signed as Slack signs it, then prints
# what the bot sent to the fake Slack (replies to this request, DMs, channel posts, updates, modals).
#   send_signed "$body" "$id"     where $id names this request's response URL (/respond/$id)
secret=${SLACK_SIGNING_SECRET:-try-it-secret}
bot=${BOT_URL:-http://localhost:3000}
fake=${FAKE_SLACK_URL:-http://localhost:9090}

urlencode() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$1"; }

send_signed() {
  local body=$1 id=$2 ts sig code
  ts=$(date +%s)
  sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
  answer=$(mktemp)
  code=$(curl -s -o "$answer" -w '%{http_code}' -X POST "$bot/slack/events" \
    -H 'Content-Type: application/x-www-form-urlencoded' \
    -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data "$body")
  echo "bot acknowledged with HTTP $code"
  # A form's answer comes back in the acknowledgement itself: errors next to fields, or a view pushed on top.
  if [ -s "$answer" ]; then echo "--- its answer: $(cat "$answer")"; fi
  rm -f "$answer"
  sleep 1.5
  echo "--- what the bot sent to Slack:"
  curl -s "$fake/__admin/requests?limit=12" | python3 -c '
import json,sys,urllib.parse
rid=sys.argv[1]
for r in reversed(json.load(sys.stdin)["requests"]):
    req=r["request"]; url=req["url"]; body=req.get("body","")
    if url.startswith("/respond/"+rid):
        print("[reply to you]"); msg=json.loads(body)
    elif url.startswith("/api/chat.") or url.startswith("/api/views.open"):
        f=dict(urllib.parse.parse_qsl(body)); msg=json.loads(f.get("blocks") or f.get("view") or "[]")
        print("[%s to %s]" % (url.split("/")[-1], f.get("channel","(modal)")))
    else:
        continue
    def texts(n):
        if isinstance(n,dict):
            for k,v in n.items():
                if k=="text" and isinstance(v,str): print("  "+v.replace("\n","\n  "))
                else: texts(v)
        elif isinstance(n,list):
            for x in n: texts(x)
    texts(msg)
' "$id"
}
