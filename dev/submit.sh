#!/usr/bin/env bash
# Fills in and submits the modal the bot opened last, as Slack would: every field keeps what the bot put in it,
# field=value pairs change what the person typed or chose (an empty value clears the field).
#   dev/slash.sh add
#   dev/submit.sh first_name=Nia last_name=Newcomb username=newcombn1 role="Typical User" area_code=651 phone=555-0123
#   dev/slash.sh "edit lonestar"
#   dev/submit.sh phone=555-0199
# Then prints the bot's answer (errors next to fields, or a view on top) and what it sent to the fake Slack.
set -euo pipefail
. "$(dirname "$0")/send-signed.sh"
user=${SLACK_USER:-U0MINNIE}
id=$(date +%s%N)
payload=$(curl -s "$fake/__admin/requests?limit=200" | python3 -c '
import json, sys, urllib.parse
user, trigger, changes = sys.argv[1], sys.argv[2], sys.argv[3:]
opened = [r["request"] for r in json.load(sys.stdin)["requests"] if r["request"]["url"] == "/api/views.open"]
if not opened:
    sys.exit("No modal was opened yet: type a command that opens one first, e.g. dev/slash.sh add")
view = json.loads(dict(urllib.parse.parse_qsl(opened[0]["body"]))["view"])
typed = dict(c.split("=", 1) for c in changes)
values = {}
for block in view["blocks"]:
    if block.get("type") != "input":
        continue
    bid, el = block["block_id"], block["element"]
    kind = el["type"]
    if kind == "plain_text_input":
        value = typed.get(bid, el.get("initial_value"))
        state = {"type": kind, "value": value or None}
    elif kind == "datepicker":
        value = typed.get(bid, el.get("initial_date"))
        state = {"type": kind, "selected_date": value or None}
    else:
        value = typed.get(bid, (el.get("initial_option") or {}).get("value"))
        state = {"type": kind, "selected_option": {"text": {"type": "plain_text", "text": value}, "value": value} if value else None}
    values[bid] = {"value": state}
unknown = set(typed) - set(values)
if unknown:
    sys.exit("The form has no field " + ", ".join(sorted(unknown)) + "; its fields are " + ", ".join(values))
print(json.dumps({"type": "view_submission", "team": {"id": "T0TRY", "domain": "miic-try"},
    "user": {"id": user, "username": user, "team_id": "T0TRY"}, "api_app_id": "A0TRY", "token": "x",
    "trigger_id": trigger, "view": {"id": "V0TRY", "team_id": "T0TRY", "type": "modal",
    "callback_id": view["callback_id"], "private_metadata": view.get("private_metadata", ""),
    "hash": "1700000002.try", "state": {"values": values}}}))
' "$user" "$id.1.try" "$@")
send_signed "payload=$(urlencode "$payload")" "$id"
