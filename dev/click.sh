#!/usr/bin/env bash
# Clicks a button the bot sent, as Slack would: a signed block_actions payload to the running bot.
#   dev/click.sh request_approve 1 U0BRUCE      approve request #1 as Bruce Wayne
#   dev/click.sh request_claim 1 U0DIANA        claim it in the help-desk channel as Diana Prince
# Then prints what the bot sent to the fake Slack (replies, DMs, updates of earlier messages).
set -euo pipefail
. "$(dirname "$0")/send-signed.sh"
action=$1
value=$2
user=${3:-U0MINNIE}
id=$(date +%s%N)
payload=$(printf '{"type":"block_actions","user":{"id":"%s","username":"%s","team_id":"T0TRY"},"api_app_id":"A0TRY","token":"x","container":{"type":"message","channel_id":"D0TRY","message_ts":"1700000000.000100"},"trigger_id":"%s.1.try","team":{"id":"T0TRY","domain":"miic-try"},"channel":{"id":"D0TRY","name":"directmessage"},"response_url":"%s/respond/%s","actions":[{"type":"button","action_id":"%s","block_id":"b","value":"%s","action_ts":"1700000001.000200","text":{"type":"plain_text","text":"%s"}}]}' \
  "$user" "$user" "$id" "$fake" "$id" "$action" "$value" "$action")
send_signed "payload=$(urlencode "$payload")" "$id"
