import { createContext, useContext, useState } from "react";
import { Message } from "slack-blocks-to-jsx";
import { Text } from "./Mrkdwn.jsx";

// Block Kit as Slack shows it. slack-blocks-to-jsx draws the blocks the bot does not send (rich text, images, tables:
// whatever a later version might), with Slack's look. It draws interactive elements too, but reports no clicks or
// values, and its mrkdwn turns escaped text into live links (see Mrkdwn.jsx), so the blocks the bot sends are drawn
// here: sections, fields, context, headers, actions and inputs, reporting what Slack would (the action, or the
// input's state).

/** The workspace's people, to name a mention. */
export const People = createContext([]);

/** One block drawn by the library alone. */
function Static({ block }) {
  return <Message blocks={[block]} name="" logo="" withoutWrapper />;
}

function Mrkdwn({ text, className }) {
  return <Text text={text} people={useContext(People)} className={className} />;
}

function Section({ block }) {
  return (
    <div className="pg-section">
      {block.text && <Mrkdwn text={block.text} />}
      {block.fields && (
        <div className="pg-fields">
          {block.fields.map((f, i) => (
            <Mrkdwn key={i} text={f} className="pg-field" />
          ))}
        </div>
      )}
    </div>
  );
}

function Context({ block }) {
  return (
    <div className="pg-context">
      {block.elements.map((e, i) =>
        e.type === "image" ? (
          <img key={i} src={e.image_url} alt={e.alt_text} className="pg-context-image" />
        ) : (
          <Mrkdwn key={i} text={e} className="pg-context-text" />
        ),
      )}
    </div>
  );
}

const plain = (text) =>
  text ? text.text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&") : "";

/** Slack's confirm dialog on an element: asks before the action is sent. */
function Confirm({ confirm, onYes, onNo }) {
  return (
    <div className="pg-overlay" role="presentation">
      <div className="pg-confirm" role="alertdialog" aria-label={plain(confirm.title)}>
        <h2>{plain(confirm.title)}</h2>
        <div className="pg-confirm-text">
          <Mrkdwn text={confirm.text} />
        </div>
        <div className="pg-modal-footer">
          <button type="button" className="pg-button" onClick={onNo}>
            {plain(confirm.deny) || "Cancel"}
          </button>
          <button
            type="button"
            className={`pg-button ${confirm.style === "danger" ? "pg-danger" : "pg-primary"}`}
            onClick={onYes}
          >
            {plain(confirm.confirm) || "Yes"}
          </button>
        </div>
      </div>
    </div>
  );
}

/** Sends an action, after the element's confirm dialog if it has one. */
function useConfirmed(element, onAction) {
  const [pending, setPending] = useState(null);
  const act = (action) => (element.confirm ? setPending(action) : onAction(action));
  const dialog = pending && (
    <Confirm
      confirm={element.confirm}
      onYes={() => {
        setPending(null);
        onAction(pending);
      }}
      onNo={() => setPending(null)}
    />
  );
  return [act, dialog];
}

function Button({ element, blockId, onAction }) {
  const [act, dialog] = useConfirmed(element, onAction);
  const style = element.style === "primary" ? "pg-primary" : element.style === "danger" ? "pg-danger" : "";
  return (
    <>
      <button
        type="button"
        className={`pg-button ${style}`}
        onClick={() =>
          act({ type: "button", action_id: element.action_id, block_id: blockId, value: element.value, text: element.text })
        }
      >
        {plain(element.text)}
      </button>
      {dialog}
    </>
  );
}

function Overflow({ element, blockId, onAction }) {
  const [open, setOpen] = useState(false);
  const [act, dialog] = useConfirmed(element, onAction);
  return (
    <span className="pg-overflow">
      <button type="button" className="pg-button pg-overflow-button" aria-label="More actions" onClick={() => setOpen(!open)}>
        ⋯
      </button>
      {open && (
        <ul
          className="pg-menu"
          role="menu"
          ref={(menu) => {
            menu?.scrollIntoView({ block: "nearest" });
          }}
        >
          {element.options.map((o) => (
            <li key={o.value}>
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  act({ type: "overflow", action_id: element.action_id, block_id: blockId, selected_option: o });
                }}
              >
                {plain(o.text)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {dialog}
    </span>
  );
}

const optionsOf = (element) => element.options ?? (element.option_groups ?? []).flatMap((g) => g.options);

/** A static select that acts when chosen (in a message), or only holds its value (in a modal's input). */
function Select({ element, label, value, onChange }) {
  const options = optionsOf(element);
  return (
    <select
      className="pg-select"
      aria-label={label || plain(element.placeholder) || "Choose"}
      value={value ?? ""}
      onChange={(e) => onChange(options.find((o) => o.value === e.target.value) ?? null)}
    >
      <option value="">{plain(element.placeholder) || "Select an item"}</option>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {plain(o.text)}
        </option>
      ))}
    </select>
  );
}

/** An interactive element in a message, the App Home or a modal's actions: each use is an action sent to the bot. */
function ActionElement({ element, blockId, onAction }) {
  switch (element.type) {
    case "button":
      return <Button element={element} blockId={blockId} onAction={onAction} />;
    case "overflow":
      return <Overflow element={element} blockId={blockId} onAction={onAction} />;
    case "static_select":
      return (
        <Select
          element={element}
          value={element.initial_option?.value}
          onChange={(o) =>
            o && onAction({ type: "static_select", action_id: element.action_id, block_id: blockId, selected_option: o })
          }
        />
      );
    case "datepicker":
      return (
        <input
          type="date"
          className="pg-input"
          aria-label={plain(element.placeholder) || "Date"}
          defaultValue={element.initial_date}
          onChange={(e) =>
            onAction({ type: "datepicker", action_id: element.action_id, block_id: blockId, selected_date: e.target.value })
          }
        />
      );
    default:
      return <Static block={{ type: "actions", block_id: blockId, elements: [element] }} />;
  }
}

/** An input block's element, holding its state as Slack reports it in view.state.values. */
function InputElement({ element, label, state, onState, invalid }) {
  const type = element.type;
  const set = (more) => onState({ type, ...more });
  const cls = `pg-input ${invalid ? "pg-invalid" : ""}`;
  switch (type) {
    case "plain_text_input":
    case "email_text_input":
    case "url_text_input":
    case "number_input": {
      const props = {
        className: cls,
        "aria-label": label,
        placeholder: plain(element.placeholder),
        maxLength: element.max_length,
        value: state?.value ?? "",
        onChange: (e) => set({ value: e.target.value }),
      };
      return element.multiline ? <textarea rows={3} {...props} /> : <input type="text" {...props} />;
    }
    case "static_select":
      return <Select element={element} label={label} value={state?.selected_option?.value} onChange={(o) => set({ selected_option: o })} />;
    case "radio_buttons":
      return (
        <fieldset className="pg-radios" aria-label={label}>
          {element.options.map((o) => (
            <label key={o.value} className="pg-radio">
              <input
                type="radio"
                name={element.action_id}
                checked={state?.selected_option?.value === o.value}
                onChange={() => set({ selected_option: o })}
              />
              <span>
                {plain(o.text)}
                {o.description && <small className="pg-hint">{plain(o.description)}</small>}
              </span>
            </label>
          ))}
        </fieldset>
      );
    case "checkboxes":
      return (
        <fieldset className="pg-radios" aria-label={label}>
          {element.options.map((o) => {
            const chosen = state?.selected_options ?? [];
            const checked = chosen.some((c) => c.value === o.value);
            return (
              <label key={o.value} className="pg-radio">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={() =>
                    set({ selected_options: checked ? chosen.filter((c) => c.value !== o.value) : [...chosen, o] })
                  }
                />
                <span>{plain(o.text)}</span>
              </label>
            );
          })}
        </fieldset>
      );
    case "datepicker":
      return (
        <input
          type="date"
          className={cls}
          aria-label={label}
          value={state?.selected_date ?? ""}
          onChange={(e) => set({ selected_date: e.target.value || null })}
        />
      );
    default:
      return <Static block={{ type: "input", label: { type: "plain_text", text: label }, element }} />;
  }
}

/** Slack's block id when the app gave none. */
export const blockIdOf = (block, index) => block.block_id ?? `block-${index}`;

/** The state a modal's inputs start with: their initial values, as Slack would report them untouched. */
export function initialState(blocks) {
  const values = {};
  (blocks ?? []).forEach((block, i) => {
    if (block.type !== "input") return;
    const e = block.element;
    const state = { type: e.type };
    if (e.initial_value !== undefined) state.value = e.initial_value;
    if (e.initial_option) state.selected_option = e.initial_option;
    if (e.initial_date) state.selected_date = e.initial_date;
    if (e.initial_options) state.selected_options = e.initial_options;
    if (e.type === "plain_text_input" && state.value === undefined) state.value = null;
    if (e.type === "static_select" || e.type === "radio_buttons") state.selected_option ??= null;
    if (e.type === "checkboxes") state.selected_options ??= [];
    values[blockIdOf(block, i)] = { [e.action_id]: state };
  });
  return values;
}

/**
 * Blocks of a message, the App Home or a modal.
 *
 * @param onAction called with the action as Slack reports it
 * @param values a modal's input state (block id to action id to state), with onValues to change it
 * @param errors a modal's field errors, block id to message, shown under the field as Slack does
 */
export function Blocks({ blocks, onAction, values, onValues, errors = {} }) {
  return (
    <div className="pg-blocks">
      {(blocks ?? []).map((block, i) => {
        const blockId = blockIdOf(block, i);
        switch (block.type) {
          case "actions":
            return (
              <div key={blockId} className="pg-actions">
                {block.elements.map((e, j) => (
                  <ActionElement key={e.action_id ?? j} element={e} blockId={blockId} onAction={onAction} />
                ))}
              </div>
            );
          case "header":
            return (
              <h3 key={blockId} className="pg-header-block">
                {plain(block.text)}
              </h3>
            );
          case "divider":
            return <hr key={blockId} className="pg-divider" />;
          case "context":
            return <Context key={blockId} block={block} />;
          case "section":
            if (!block.accessory) {
              return <Section key={blockId} block={block} />;
            }
            if (block.accessory.type === "image") {
              return <Static key={blockId} block={block} />;
            }
            return (
              <div key={blockId} className="pg-section-with-accessory">
                <div className="pg-section-text">
                  <Section block={block} />
                </div>
                <div className="pg-accessory">
                  <ActionElement element={block.accessory} blockId={blockId} onAction={onAction} />
                </div>
              </div>
            );
          case "input": {
            const label = plain(block.label);
            const actionId = block.element.action_id;
            const error = errors[blockId];
            return (
              <div key={blockId} className="pg-input-block">
                <label className="pg-label">
                  {label}
                  {block.optional && <span className="pg-optional"> (optional)</span>}
                </label>
                <InputElement
                  element={block.element}
                  label={label}
                  invalid={Boolean(error)}
                  state={values?.[blockId]?.[actionId]}
                  onState={(state) => onValues({ ...values, [blockId]: { [actionId]: state } })}
                />
                {error && (
                  <div className="pg-field-error" role="alert">
                    {error}
                  </div>
                )}
                {block.hint && <div className="pg-hint">{plain(block.hint)}</div>}
              </div>
            );
          }
          default:
            return <Static key={blockId} block={block} />;
        }
      })}
    </div>
  );
}
