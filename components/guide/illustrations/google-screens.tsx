import { Act, Button, COLOR, Drawing, Field, Mark, T, Window } from "./kit";

/** Drawings of the Google Admin console screens the Google Workspace guide walks through. */
type Ids = { labelledBy: string; describedBy: string };

const ADMIN = { title: "Google Admin console", address: "admin.google.com" };

export function DelegationDrawing(p: Ids & { clientId: string }) {
  const h = 400;
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window
        height={h}
        {...ADMIN}
        menu={[
          { label: "Home" },
          { label: "Security", heading: true },
          { label: "Access and data control", indent: true },
          { label: "API controls", indent: true, selected: true },
          { label: "Apps", heading: true },
        ]}
      >
        <T x={170} y={72} size={18} bold>
          Domain-wide delegation
        </T>
        <Button x={170} y={86} w={130} label="Add new" />
        <Act x={168} y={84} w={134} h={34} n={1} badge="right" />
        <rect x={170} y={134} width={440} height={240} rx={6} fill={COLOR.panel} stroke={COLOR.line} />
        <T x={186} y={162} size={16} bold>
          Add a new client ID
        </T>
        <Field x={186} y={178} w={300} label="Client ID" value={p.clientId} />
        <Mark x={183} y={183} w={306} h={36} label="Paste" tagAt="right" />
        <Field x={186} y={246} w={300} label="OAuth scopes (comma-delimited)" value="https://www.googleapis.com/auth/calendar.events,…" />
        <Mark x={183} y={251} w={306} h={36} label="Paste" tagAt="right" />
        <Button x={186} y={314} w={110} label="Cancel" muted />
        <Button x={306} y={314} w={120} label="Authorize" primary />
        <Act x={304} y={312} w={124} h={34} n={2} badge="right" />
      </Window>
    </Drawing>
  );
}

export function ServicesDrawing(p: Ids) {
  const h = 330;
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window
        height={h}
        {...ADMIN}
        menu={[
          { label: "Home" },
          { label: "Apps", heading: true },
          { label: "Google Workspace", indent: true, selected: true },
          { label: "Security", heading: true },
        ]}
      >
        <T x={170} y={72} size={18} bold>
          Calendar: Service status
        </T>
        <rect x={170} y={88} width={150} height={200} rx={4} fill={COLOR.panel} stroke={COLOR.line} />
        <T x={180} y={110} size={13} bold>
          Organizational units
        </T>
        <T x={180} y={136} size={14}>
          yourbrokerage.com
        </T>
        <rect x={176} y={146} width={138} height={26} rx={3} fill={COLOR.selected} />
        <T x={190} y={164} size={14}>
          Agents
        </T>
        <Act x={174} y={144} w={142} h={30} n={1} badge="right" />
        <T x={350} y={116} size={14} bold>
          Service status
        </T>
        <circle cx={362} cy={142} r={7} fill="none" stroke={COLOR.ink} strokeWidth={2} />
        <circle cx={362} cy={142} r={3.5} fill={COLOR.ink} />
        <T x={378} y={147} size={14}>
          ON
        </T>
        <circle cx={362} cy={170} r={7} fill="none" stroke={COLOR.ink} strokeWidth={2} />
        <T x={378} y={175} size={14}>
          OFF
        </T>
        <Act x={348} y={128} w={80} h={26} n={2} badge="right" />
        <Button x={350} y={204} w={100} label="Save" primary />
        <Act x={348} y={202} w={104} h={34} n={3} badge="right" />
        <T x={350} y={268} size={13} fill={COLOR.muted}>
          Repeat for Gmail and Contacts.
        </T>
      </Window>
    </Drawing>
  );
}
