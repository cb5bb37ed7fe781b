#!/usr/bin/env bash
# Types "/miic <text>" as a Slack user would: a signed slash command to the running bot, then prints what the
# bot answered (through the fake Slack started by dev/fake-slack.sh) and any DM it sent.
#   dev/slash.sh help                 as Minnie Mouse (U0MINNIE)
#   dev/slash.sh "users mouse" U0DIANA
set -euo pipefail
. "$(dirname "$0")/send-signed.sh"
text=${1:-help}
user=${2:-U0MINNIE}
id=$(date +%s%N)
body="token=x&team_id=T0TRY&team_domain=miic-try&channel_id=C0TRY&channel_name=clinic&user_id=${user}&user_name=${user}"
body+="&command=%2Fmiic&text=$(urlencode "$text")&api_app_id=A0TRY&response_url=$(urlencode "$fake/respond/$id")"
body+="&trigger_id=$id.1.try"
send_signed "$body" "$id"
