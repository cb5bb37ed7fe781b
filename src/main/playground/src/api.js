// What the page asks of the playground's Slack side. Every click and submission goes on from there to the bot as a
// signed Slack request; this file only says what the person did.

async function send(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  }
  return response.json();
}

export const api = {
  people: () => fetch("/play/people").then((r) => r.json()),
  state: (as) => fetch(`/play/state?as=${encodeURIComponent(as)}`).then((r) => r.json()),
  command: (as, channel, text) => send("/play/command", { as, channel, text }),
  action: (as, where, action, place = {}) => send("/play/action", { as, where, action, ...place }),
  submit: (as, viewId, values) => send("/play/submit", { as, viewId, values }),
  close: (as, viewId) => send("/play/close", { as, viewId }),
  tab: (as, tab) => send("/play/tab", { as, tab }),
  skip: (minutes) => send("/play/skip", { minutes }),
};

/** Calls back on every change Slack's side reports, and again after a reconnection. */
export function onChanges(callback) {
  const events = new EventSource("/play/events");
  events.addEventListener("changed", () => callback());
  events.onopen = () => callback();
  return () => events.close();
}
