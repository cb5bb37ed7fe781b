import { useCallback, useEffect, useRef, useState } from "react";
import { api, onChanges } from "./api.js";
import { Blocks, initialState, People } from "./Blocks.jsx";

// A Slack-like workspace for one app: choose who you are, type /miic in the app's DM or the help-desk channel, and
// see what the bot answers, DMs and posts, live. Times are Minnesota's, as the bot writes them.

const MINNESOTA = "America/Chicago";
const time = (date, options) => new Intl.DateTimeFormat("en-US", { timeZone: MINNESOTA, ...options }).format(date);
const fromTs = (ts) => new Date(Number(ts.split(".")[0]) * 1000);
const SKIPS = [
  { label: "+30 min", minutes: 30, title: "Skip ahead 30 minutes: requests nobody answered go to the help desk" },
  { label: "+1 day", minutes: 60 * 24, title: "Skip ahead one day" },
  { label: "+90 days", minutes: 60 * 24 * 90, title: "Skip ahead 90 days: accounts nobody used expire" },
];

function whoFromAddress() {
  return new URLSearchParams(window.location.search).get("as");
}

function Person({ person }) {
  const a = person.account;
  return (
    <div className="pg-person" data-testid="me">
      <div className="pg-person-name">{person.name}</div>
      <div className="pg-person-title">{person.title}</div>
      {a ? (
        <div className="pg-person-account">
          MIIC <code>{a.username}</code> · {a.role}
          <br />
          {a.organization} · {a.state}
        </div>
      ) : (
        <div className="pg-person-account">No MIIC account</div>
      )}
    </div>
  );
}

function Avatar({ bot, name }) {
  return <div className={`pg-avatar ${bot ? "pg-avatar-bot" : ""}`}>{bot ? "M" : (name ?? "?").slice(0, 1)}</div>;
}

function MessageView({ message, people, botName, onAction }) {
  const bot = message.author.startsWith("U0MIICBOT");
  const slackbot = message.author === "USLACKBOT";
  const author = bot ? botName : slackbot ? "Slackbot" : people.find((p) => p.id === message.author)?.name;
  const blocks = message.blocks?.length
    ? message.blocks
    : [{ type: "section", text: { type: "mrkdwn", text: message.text ?? "", verbatim: true } }];
  return (
    <div className={`pg-message ${message.ephemeral ? "pg-ephemeral" : ""}`} data-testid="message" data-ts={message.ts}>
      <Avatar bot={bot || slackbot} name={author} />
      <div className="pg-message-body">
        <div className="pg-message-head">
          <span className="pg-author">{author}</span>
          {bot && <span className="pg-app-badge">APP</span>}
          <time className="pg-time">{time(fromTs(message.ts), { hour: "numeric", minute: "2-digit" })}</time>
          {message.edited && <span className="pg-edited">(edited)</span>}
        </div>
        {message.author === "U0MIICBOT" || slackbot ? (
          <Blocks blocks={blocks} onAction={(action) => onAction(message, action)} />
        ) : (
          <div className="pg-typed">{message.text}</div>
        )}
        {message.ephemeral && <div className="pg-only-you">Only visible to you</div>}
      </div>
    </div>
  );
}

function Modal({ view, depth, me, errors, onErrors, onAction }) {
  const [values, setValues] = useState(() => initialState(view.blocks));
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setValues(initialState(view.blocks));
  }, [view.id, view.hash]);
  const submit = async () => {
    setBusy(true);
    try {
      const answer = await api.submit(me, view.id, values);
      onErrors(view.id, answer.errors ?? {});
    } finally {
      setBusy(false);
    }
  };
  const title = view.title?.text ?? "";
  return (
    <div className="pg-overlay" style={{ zIndex: 10 + depth }}>
      <div className="pg-modal" role="dialog" aria-label={title}>
        <div className="pg-modal-head">
          <h2>{title}</h2>
          <button type="button" className="pg-x" aria-label="Close" onClick={() => api.close(me, view.id)}>
            ×
          </button>
        </div>
        {errors[""] && (
          <div className="pg-field-error" role="alert">
            {errors[""]}
          </div>
        )}
        <div className="pg-modal-body">
          <Blocks
            blocks={view.blocks}
            values={values}
            onValues={setValues}
            errors={errors}
            onAction={(action) => onAction(view, action)}
          />
        </div>
        <div className="pg-modal-footer">
          <button type="button" className="pg-button" onClick={() => api.close(me, view.id)}>
            {view.close?.text ?? "Cancel"}
          </button>
          {view.submit && (
            <button type="button" className="pg-button pg-primary" disabled={busy} onClick={submit}>
              {view.submit.text}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

function Composer({ name, onSend }) {
  const [text, setText] = useState("");
  const [hint, setHint] = useState("");
  const send = (e) => {
    e.preventDefault();
    const typed = text.trim();
    if (!typed) return;
    if (!/^\/miic(\s|$)/.test(typed)) {
      setHint("Only the /miic command reaches the bot here: try /miic help");
      return;
    }
    setHint("");
    setText("");
    onSend(typed.replace(/^\/miic\s*/, ""));
  };
  return (
    <form className="pg-composer" onSubmit={send}>
      <input
        aria-label={`Message ${name}`}
        placeholder={`Message ${name} — type /miic help`}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="pg-button pg-primary">
        Send
      </button>
      {hint && <div className="pg-composer-hint">{hint}</div>}
    </form>
  );
}

export default function App() {
  const [directory, setDirectory] = useState(null);
  const [me, setMe] = useState(null);
  const [seen, setSeen] = useState(null);
  const [place, setPlace] = useState({ conversation: "app", tab: "messages" });
  const [errors, setErrors] = useState({});
  const meRef = useRef(null);
  meRef.current = me;
  const bottom = useRef(null);
  const shown = seen?.conversations.find((c) => c.kind === place.conversation)?.messages.length ?? 0;
  // Slack keeps the newest message in sight.
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [shown, place]);

  const refresh = useCallback(async () => {
    const who = meRef.current;
    if (!who) return;
    const [state, people] = await Promise.all([api.state(who), api.people()]);
    if (meRef.current === who) {
      setSeen(state);
      setDirectory(people);
    }
  }, []);

  useEffect(() => {
    api.people().then((people) => {
      setDirectory(people);
      const wanted = whoFromAddress();
      setMe(people.people.some((p) => p.id === wanted) ? wanted : people.first);
    });
  }, []);
  useEffect(() => onChanges(refresh), [refresh]);
  // The clock in the sidebar moves on when nothing else happens.
  useEffect(() => {
    const tick = setInterval(refresh, 30_000);
    return () => clearInterval(tick);
  }, [refresh]);
  useEffect(() => {
    if (!me) return;
    setSeen(null);
    setErrors({});
    refresh();
    const url = new URL(window.location.href);
    url.searchParams.set("as", me);
    window.history.replaceState(null, "", url);
    if (place.conversation === "app") api.tab(me, place.tab);
  }, [me]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!directory || !me || !seen) {
    return <div className="pg-loading">Starting the playground…</div>;
  }
  const people = directory.people;
  const person = people.find((p) => p.id === me);
  const conversation = seen.conversations.find((c) => c.kind === place.conversation);
  const goTo = (conversationKind, tab = "messages") => {
    setPlace({ conversation: conversationKind, tab });
    if (conversationKind === "app") api.tab(me, tab);
  };
  const inMessage = (message, action) =>
    api.action(me, "message", action, { channel: conversation.id, ts: message.ts });
  const onModalErrors = (viewId, found) => setErrors((all) => ({ ...all, [viewId]: found }));

  return (
    <People.Provider value={people}>
    <div className="pg-app">
      <aside className="pg-sidebar">
        <div className="pg-team">{directory.team}</div>
        <label className="pg-side-label" htmlFor="pg-who">
          You are
        </label>
        <select id="pg-who" className="pg-who" aria-label="You are" value={me} onChange={(e) => setMe(e.target.value)}>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.account ? ` — ${p.account.role}, ${p.account.organization}` : " — no MIIC account"}
            </option>
          ))}
        </select>
        <Person person={person} />
        <div className="pg-side-label">Apps</div>
        <button
          type="button"
          className={`pg-nav ${place.conversation === "app" ? "pg-current" : ""}`}
          onClick={() => goTo("app", place.tab)}
        >
          {directory.botName}
        </button>
        <div className="pg-side-label">Channels</div>
        <button
          type="button"
          className={`pg-nav ${place.conversation === "channel" ? "pg-current" : ""}`}
          onClick={() => goTo("channel")}
        >
          # miic-helpdesk
        </button>
        <div className="pg-clock">
          <div className="pg-side-label">Minnesota time</div>
          <div data-testid="now">
            {time(new Date(seen.now), { weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" })}
          </div>
          {seen.skippedMinutes > 0 && <div className="pg-hint">skipped ahead {seen.skippedMinutes} min</div>}
          <div className="pg-skips">
            {SKIPS.map((s) => (
              <button key={s.minutes} type="button" className="pg-button pg-small" title={s.title} onClick={() => api.skip(s.minutes)}>
                {s.label}
              </button>
            ))}
          </div>
        </div>
      </aside>
      <main className="pg-main">
        <header className="pg-header">
          <h1>{place.conversation === "app" ? directory.botName : "# miic-helpdesk"}</h1>
          {place.conversation === "app" && (
            <nav className="pg-tabs" role="tablist">
              {["home", "messages"].map((tab) => (
                <button
                  key={tab}
                  type="button"
                  role="tab"
                  aria-selected={place.tab === tab}
                  className={`pg-tab ${place.tab === tab ? "pg-current" : ""}`}
                  onClick={() => goTo("app", tab)}
                >
                  {tab === "home" ? "Home" : "Messages"}
                </button>
              ))}
            </nav>
          )}
        </header>
        {place.conversation === "app" && place.tab === "home" ? (
          <section className="pg-home" aria-label="Home">
            {seen.home ? (
              <Blocks blocks={seen.home.blocks} onAction={(action) => api.action(me, "home", action)} />
            ) : (
              <p className="pg-hint">The bot has not published a Home tab for you yet.</p>
            )}
          </section>
        ) : (
          <>
            <section className="pg-messages" aria-label="Messages">
              {conversation.messages.length === 0 && (
                <p className="pg-hint">Nothing here yet. Type /miic help below to see what the bot does.</p>
              )}
              {conversation.messages.map((m) => (
                <MessageView key={m.ts} message={m} people={people} botName={directory.botName} onAction={inMessage} />
              ))}
              <div ref={bottom} />
            </section>
            <Composer
              name={place.conversation === "app" ? directory.botName : "#miic-helpdesk"}
              onSend={(text) => api.command(me, conversation.id, text)}
            />
          </>
        )}
      </main>
      {seen.modals.map((view, depth) => (
        <Modal
          key={view.id}
          view={view}
          depth={depth}
          me={me}
          errors={errors[view.id] ?? {}}
          onErrors={onModalErrors}
          onAction={(v, action) => api.action(me, "modal", action, { viewId: v.id })}
        />
      ))}
    </div>
    </People.Provider>
  );
}
