import { Fragment } from "react";
import { gemoji } from "gemoji";

// Slack's mrkdwn as Slack shows the bot's text. Written here because both libraries compared (slack-blocks-to-jsx and
// slack-markdown) decode &lt; and &gt; before they parse, so text the bot escaped (`&lt;!channel&gt;`, a fake link
// typed into a note) would show as a live mention or link, and they link bare URLs although the bot marks every text
// `verbatim`. Here a `<...>` is syntax only when the bot wrote a raw `<`; entities are decoded last, as text.

/** Slack's emoji shortcodes are GitHub's (gemoji) for every one the bot writes. */
const EMOJI = new Map(gemoji.flatMap((e) => e.names.map((name) => [name, e.emoji])));
const emoji = (name) => EMOJI.get(name);

const SPECIALS = { "!here": "@here", "!channel": "@channel", "!everyone": "@everyone" };

function decode(text) {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** `<https://x|label>`, `<@U123>`, `<#C123|name>`, `<!here>`. */
function token(inside, key, people) {
  const [target, label] = inside.split("|", 2);
  if (target.startsWith("@")) {
    const person = people?.find((p) => p.id === target.slice(1));
    return (
      <span key={key} className="pg-mention">
        @{person ? person.name : target.slice(1)}
      </span>
    );
  }
  if (target.startsWith("#")) {
    return (
      <span key={key} className="pg-mention">
        #{label ? decode(label) : target.slice(1)}
      </span>
    );
  }
  if (target.startsWith("!")) {
    return (
      <span key={key} className="pg-mention">
        {SPECIALS[target] ?? decode(label ?? target)}
      </span>
    );
  }
  return (
    <a key={key} href={target} target="_blank" rel="noreferrer noopener">
      {decode(label ?? target)}
    </a>
  );
}

const INLINE = [
  { re: /`([^`\n]+)`/, wrap: (inner, key) => <code key={key}>{decode(inner)}</code>, raw: true },
  { re: /(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])/, wrap: (inner, key) => <strong key={key}>{inner}</strong> },
  { re: /(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])/, wrap: (inner, key) => <em key={key}>{inner}</em> },
  { re: /(?<![\w~])~(?!\s)([^~\n]+?)~(?![\w~])/, wrap: (inner, key) => <s key={key}>{inner}</s> },
];

/** Text with emoji shortcodes and entities, no syntax left. */
function plainPart(text, key) {
  const parts = text.split(/(:[a-z0-9_+-]+:)/g);
  return (
    <Fragment key={key}>
      {parts.map((p, i) => {
        const name = /^:([a-z0-9_+-]+):$/.exec(p);
        const e = name && emoji(name[1]);
        return <Fragment key={i}>{e ?? decode(p)}</Fragment>;
      })}
    </Fragment>
  );
}

/** One line: links and mentions first, then code, bold, italic, strike, each as Slack nests them. */
function inline(text, key, people) {
  const out = [];
  let rest = text;
  let n = 0;
  while (rest.length > 0) {
    let best = null;
    const link = /<([^<>\s][^<>]*)>/.exec(rest);
    if (link) best = { index: link.index, length: link[0].length, node: token(link[1], `${key}-${n}`, people) };
    for (const rule of INLINE) {
      const m = rule.re.exec(rest);
      if (m && (!best || m.index < best.index)) {
        const inner = rule.raw ? m[1] : inline(m[1], `${key}-${n}i`, people);
        best = { index: m.index, length: m[0].length, node: rule.wrap(inner, `${key}-${n}`) };
      }
    }
    if (!best) {
      out.push(plainPart(rest, `${key}-${n}`));
      break;
    }
    if (best.index > 0) out.push(plainPart(rest.slice(0, best.index), `${key}-${n}p`));
    out.push(best.node);
    rest = rest.slice(best.index + best.length);
    n++;
  }
  return out;
}

/** A text object as Slack shows it: mrkdwn formatted, plain_text as typed (entities decoded). */
export function Text({ text, people, className = "" }) {
  if (!text) return null;
  if (text.type === "plain_text") {
    return <span className={className}>{plainPart(text.text ?? "", "p")}</span>;
  }
  const chunks = (text.text ?? "").split(/```/);
  return (
    <div className={`pg-mrkdwn ${className}`}>
      {chunks.map((chunk, i) =>
        i % 2 === 1 ? (
          <pre key={i}>{decode(chunk.replace(/^\n/, ""))}</pre>
        ) : (
          chunk.split("\n").map((line, j, lines) => {
            const quote = line.startsWith(">");
            const body = inline(quote ? line.replace(/^>\s?/, "") : line, `${i}-${j}`, people);
            return quote ? (
              <blockquote key={`${i}-${j}`}>{body}</blockquote>
            ) : (
              <Fragment key={`${i}-${j}`}>
                {body}
                {j < lines.length - 1 && <br />}
              </Fragment>
            );
          })
        ),
      )}
    </div>
  );
}
