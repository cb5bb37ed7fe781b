#!/usr/bin/env bash
# Clicks a button the bot sent, as Slack would: a signed block_actions payload to the running bot.
#   dev/click.sh request_approve 1 U0BRUCE      approve request #1 as Bruce Wayne
#   dev/click.sh request_claim 1 U0DIANA        claim it in the help-desk channel as Diana Prince
# Then prints what the bot sent to the fake Slack (replies, DMs, updates of earlier messages).
set -euo pipefail
action=$1
value=$2
user=${3:-U0MINNIE}
secret=${SLACK_SIGNING_SECRET:-try-it-secret}
bot=${BOT_URL:-http://localhost:3000}
fake=${FAKE_SLACK_URL:-http://localhost:9090}
id=$(date +%s%N)
payload=$(printf '{"type":"block_actions","user":{"id":"%s","username":"%s","team_id":"T0TRY"},"api_app_id":"A0TRY","token":"x","container":{"type":"message","channel_id":"D0TRY","message_ts":"1700000000.000100"},"trigger_id":"%s.1.try","team":{"id":"T0TRY","domain":"miic-try"},"channel":{"id":"D0TRY","name":"directmessage"},"response_url":"%s/respond/%s","actions":[{"type":"button","action_id":"%s","block_id":"b","value":"%s","action_ts":"1700000001.000200","text":{"type":"plain_text","text":"%s"}}]}' \
  "$user" "$user" "$id" "$fake" "$id" "$action" "$value" "$action")
body="payload=$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$payload")"
ts=$(date +%s)
sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$bot/slack/events" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data "$body")
echo "bot acknowledged with HTTP $code"
sleep 1.5
echo "--- what the bot sent to Slack:"
curl -s "$fake/__admin/requests?limit=12" | python3 -c '
import json,sys,urllib.parse
rid=sys.argv[1]
for r in reversed(json.load(sys.stdin)["requests"]):
    req=r["request"]; url=req["url"]; body=req.get("body","")
    if url.startswith("/respond/"+rid):
        print("[reply to you]"); msg=json.loads(body)
    elif url.startswith("/api/chat."):
        f=dict(urllib.parse.parse_qsl(body)); msg=json.loads(f.get("blocks") or "[]")
        print("[%s to %s]" % (url.split("/")[-1], f.get("channel")))
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
