#!/usr/bin/env bash
# Types "/miic <text>" as a Slack user would: a signed slash command to the running bot, then prints what the
# bot answered (through the fake Slack started by dev/fake-slack.sh) and any DM it sent.
#   dev/slash.sh help                 as Minnie Mouse (U0MINNIE)
#   dev/slash.sh "users mouse" U0DIANA
set -euo pipefail
text=${1:-help}
user=${2:-U0MINNIE}
secret=${SLACK_SIGNING_SECRET:-try-it-secret}
bot=${BOT_URL:-http://localhost:3000}
fake=${FAKE_SLACK_URL:-http://localhost:9090}
id=$(date +%s%N)
enc() { python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1],safe=""))' "$1" 2>/dev/null \
        || printf '%s' "$1" | sed 's/%/%25/g; s/ /%20/g; s/&/%26/g; s/+/%2B/g; s/@/%40/g; s/</%3C/g; s/>/%3E/g; s/|/%7C/g'; }
body="token=x&team_id=T0TRY&team_domain=miic-try&channel_id=C0TRY&channel_name=clinic&user_id=${user}&user_name=${user}"
body+="&command=%2Fmiic&text=$(enc "$text")&api_app_id=A0TRY&response_url=$(enc "$fake/respond/$id")&trigger_id=$id.1.try"
ts=$(date +%s)
sig="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$bot/slack/events" \
  -H 'Content-Type: application/x-www-form-urlencoded' \
  -H "X-Slack-Request-Timestamp: $ts" -H "X-Slack-Signature: $sig" --data "$body")
echo "bot acknowledged with HTTP $code"
sleep 1.5
echo "--- what the bot sent to Slack:"
curl -s "$fake/__admin/requests?limit=10" | python3 -c '
import json,sys,urllib.parse
rid=sys.argv[1]
for r in reversed(json.load(sys.stdin)["requests"]):
    req=r["request"]; url=req["url"]; body=req.get("body","")
    if url.startswith("/respond/"+rid):
        msg=json.loads(body)
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
' "$id" 2>/dev/null || curl -s "$fake/__admin/requests?limit=3"
