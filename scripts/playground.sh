#!/usr/bin/env bash
# Opens the Microsoft 365 Agents Playground against a running MentorBot (start it first with the README's run command).
#   scripts/playground.sh              as Alex Wilber (staff, new hire)
#   scripts/playground.sh --as megan   as Megan Bowen (lead, Alex's mentor); also adele, isaiah, patti, lynne
# Environment: MENTORBOT_URL (default http://127.0.0.1:3978), PLAYGROUND_PORT (default 56150).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source scripts/lib/deps.sh
ensure_npm_packages tests/MentorBot.E2E

who=alex
if [ "${1:-}" = "--as" ] && [ -n "${2:-}" ]; then who=$(tr '[:upper:]' '[:lower:]' <<<"$2"); fi
BOT=${MENTORBOT_URL:-http://127.0.0.1:3978}
PORT=${PLAYGROUND_PORT:-56150}

# The playground's six default users: short name, user id, display name, aadObjectId suffix, email prefix.
users="alex user-id-0 Alex_Wilber 20 alexw
megan user-id-1 Megan_Bowen 21 meganb
adele user-id-2 Adele_Vance 22 adelev
isaiah user-id-3 Isaiah_Langer 23 isaiahl
patti user-id-4 Patti_Fernandez 24 pattif
lynne user-id-5 Lynne_Robbins 25 lynner"
grep -q "^$who " <<<"$users" || { echo "Unknown user '$who'. Use one of: alex megan adele isaiah patti lynne." >&2; exit 2; }

entry() { # indent short id name suffix mail
  local pad=$1 name=${4//_/ }
  printf '%sid: %s\n%sname: %s\n%suserPrincipleName: %s@example.com\n%saadObjectId: 00000000-0000-0000-0000-00000000000%s\n%sgivenName: %s\n%ssurname: %s\n%semail: %s@example.com\n' \
    "$pad" "$3" "$pad" "$name" "$pad" "$6" "$pad" "$5" "$pad" "${name%% *}" "$pad" "${name#* }" "$pad" "$6"
}

work=$(mktemp -d /tmp/mentorbot-playground-XXXXXX)
{
  echo 'version: "0.1.1"'
  echo 'tenantId: 00000000-0000-0000-0000-0000000000001'
  printf 'bot:\n  id: 00000000-0000-0000-0000-00000000000011\n  name: MentorBot\n'
  echo 'currentUser:'
  entry "  " $(grep "^$who " <<<"$users")
  echo 'users:'
  while read -r line; do
    set -- $line
    [ "$1" = "$who" ] && continue
    entry "    " $line | sed '1s/^    /  - /'
  done <<<"$users"
  printf 'personalChat:\n  id: personal-chat-%s\ngroupChat:\n  id: group-chat-id\n  name: Group Chat\n' "$who"
  printf 'team:\n  id: team-id\n  name: My Team\n  aadGroupId: 00000000-0000-0000-0000-000000000031\n  channels:\n    - id: channel-announcements-id\n      name: Announcements\n'
} > "$work/.m365agentsplayground.yml"

curl -fsS "$BOT/healthz" >/dev/null 2>&1 || echo "warning: MentorBot does not answer at $BOT/healthz. Start it first: dotnet run --project src/MentorBot" >&2
echo "Agents Playground as $(grep "^$who " <<<"$users" | cut -d' ' -f3 | tr _ ' '): open http://127.0.0.1:$PORT in a browser. Ctrl+C to stop."
cd "$work"
exec node "$ROOT/tests/MentorBot.E2E/playground/host.js" -e "$BOT/api/messages" -c msteams -p "$PORT" --dt
