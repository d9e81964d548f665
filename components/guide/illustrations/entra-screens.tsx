import { Act, ActOnMenu, Button, Check, COLOR, CopyIcon, Drawing, Field, Mark, T, Window, type MenuItem } from "./kit";

/** Drawings of Microsoft Entra admin center screens, one per step (steps 1 to 6). */
export type DrawingProps = { labelledBy: string; describedBy: string; appName: string; secretDescription: string };

const ENTRA = { title: "Microsoft Entra admin center", address: "entra.microsoft.com" };

function appMenu(selected: string): MenuItem[] {
  return [
    { label: "Overview", selected: selected === "Overview" },
    { label: "Quickstart" },
    { label: "Manage", heading: true },
    { label: "Branding & properties", indent: true },
    { label: "Authentication", indent: true },
    { label: "Certificates & secrets", indent: true, selected: selected === "Certificates & secrets" },
    { label: "API permissions", indent: true, selected: selected === "API permissions" },
  ];
}

export function RegisterAppDrawing(p: DrawingProps) {
  const h = 440;
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window
        height={h}
        {...ENTRA}
        menu={[
          { label: "Home" },
          { label: "Entra ID", heading: true },
          { label: "Overview", indent: true },
          { label: "Users", indent: true },
          { label: "App registrations", indent: true, selected: true },
          { label: "Enterprise apps", indent: true },
        ]}
      >
        <T x={170} y={72} size={18} bold>
          App registrations
        </T>
        <Button x={360} y={52} w={170} label="+ New registration" />
        <Act x={358} y={50} w={174} h={34} n={1} badge="right" />
        <line x1={160} y1={98} x2={630} y2={98} stroke={COLOR.line} />
        <T x={170} y={126} size={18} bold>
          Register an application
        </T>
        <Field x={170} y={156} w={280} label="Name" value={p.appName} />
        <Mark x={167} y={161} w={286} h={36} label="Type" tagAt="right" />
        <T x={170} y={228} size={14} bold>
          Supported account types
        </T>
        <Check x={176} y={240} radio checked />
        <T x={200} y={253} size={14}>
          Accounts in this organizational directory only
        </T>
        <T x={200} y={271} size={13} fill={COLOR.muted}>
          (single tenant)
        </T>
        <Act x={170} y={234} w={452} h={46} n={2} badge="right" />
        <Check x={176} y={290} radio />
        <T x={200} y={303} size={14}>
          Accounts in any organizational directory
        </T>
        <Check x={176} y={318} radio />
        <T x={200} y={331} size={14}>
          … and personal Microsoft accounts
        </T>
        <T x={170} y={364} size={14} fill={COLOR.muted}>
          Redirect URI (optional): leave empty
        </T>
        <Button x={170} y={390} w={100} label="Register" primary />
        <Act x={167} y={387} w={106} h={36} n={3} badge="right" />
      </Window>
    </Drawing>
  );
}

export function CopyIdsDrawing(p: DrawingProps) {
  const h = 360;
  const rows = [
    { label: "Display name", value: p.appName, mark: null },
    { label: "Application (client) ID", value: "1f0c8e2a-7b4d-4c9e-…", mark: { label: "Copy: Client ID", tone: "copy" as const } },
    { label: "Object ID", value: "9d8c7b6a-5e4f-4a3b-…", mark: { label: "Not this one", tone: "no" as const } },
    { label: "Directory (tenant) ID", value: "4a5b6c7d-8e9f-4a0b-…", mark: { label: "Copy: Tenant ID", tone: "copy" as const } },
  ];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} {...ENTRA} menu={appMenu("Overview")}>
        <T x={170} y={76} size={19} bold>
          {p.appName}
        </T>
        <T x={170} y={108} size={15} bold>
          Essentials
        </T>
        {rows.map((row, i) => {
          const y = 150 + i * 54;
          return (
            <g key={row.label}>
              <T x={170} y={y} size={14}>
                {row.label}
              </T>
              <T x={354} y={y} size={13} mono fill={i === 0 ? COLOR.link : COLOR.ink}>
                {row.value}
              </T>
              {row.mark && row.mark.tone === "copy" ? <CopyIcon x={532} y={y - 13} /> : null}
              {row.mark ? <Mark x={346} y={y - 20} w={208} h={28} label={row.mark.label} tone={row.mark.tone} /> : null}
            </g>
          );
        })}
      </Window>
    </Drawing>
  );
}

export function AddPermissionsDrawing(p: DrawingProps) {
  const h = 440;
  const list = [
    { group: "Calendars", name: "Calendars.ReadWrite" },
    { group: "Contacts", name: "Contacts.ReadWrite" },
    { group: "Mail", name: "Mail.Send" },
  ];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} {...ENTRA} menu={appMenu("API permissions")}>
        <ActOnMenu index={6} n={1} />
        <T x={170} y={76} size={18} bold>
          API permissions
        </T>
        <Button x={170} y={92} w={150} label="+ Add a permission" />
        <Act x={167} y={89} w={156} h={36} n={2} />
        <rect x={336} y={42} width={302} height={h - 44} fill="#fff" stroke={COLOR.line} strokeWidth={1.5} />
        <T x={350} y={70} size={16} bold>
          Request API permissions
        </T>
        <T x={350} y={96} size={15} bold fill={COLOR.link}>
          Microsoft Graph
        </T>
        <T x={350} y={120} size={13} fill={COLOR.muted}>
          Permission type:
        </T>
        <rect x={350} y={130} width={132} height={46} rx={4} fill="#fff" stroke={COLOR.line} />
        <T x={416} y={150} size={13} anchor="middle">
          Delegated
        </T>
        <T x={416} y={167} size={13} anchor="middle">
          permissions
        </T>
        <rect x={492} y={130} width={134} height={46} rx={4} fill={COLOR.selected} stroke={COLOR.link} strokeWidth={2} />
        <T x={559} y={150} size={13} anchor="middle" bold>
          Application
        </T>
        <T x={559} y={167} size={13} anchor="middle" bold>
          permissions
        </T>
        <Act x={489} y={127} w={140} h={52} n={3} />
        <T x={350} y={206} size={13} bold>
          Select permissions
        </T>
        <rect x={350} y={214} width={276} height={28} rx={3} fill="#fff" stroke={COLOR.muted} />
        <T x={360} y={233} size={13} fill={COLOR.muted}>
          Search, e.g. Calendars.ReadWrite
        </T>
        {list.map((item, i) => {
          const y = 276 + i * 34;
          return (
            <g key={item.name}>
              <Check x={362} y={y - 13} checked />
              <T x={386} y={y} size={14} bold>
                {item.name}
              </T>
              <T x={616} y={y} size={12} anchor="end" fill={COLOR.muted}>
                {item.group}
              </T>
            </g>
          );
        })}
        <Mark x={352} y={252} w={270} h={104} label="Tick these three" align="end" tagAt="below" />
        <Button x={350} y={400} w={150} label="Add permissions" primary />
        <Act x={347} y={397} w={156} h={36} n={4} badge="right" />
      </Window>
    </Drawing>
  );
}

export function GrantConsentDrawing(p: DrawingProps) {
  const h = 440;
  const rows = [
    ["Calendars.ReadWrite", "Application", "✓ Granted for Contoso"],
    ["Contacts.ReadWrite", "Application", "✓ Granted for Contoso"],
    ["Mail.Send", "Application", "✓ Granted for Contoso"],
  ];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} {...ENTRA} menu={appMenu("API permissions")}>
        <T x={170} y={76} size={18} bold>
          API permissions
        </T>
        <Button x={170} y={92} w={138} label="+ Add a permission" muted />
        <Button x={316} y={92} w={298} label="✓ Grant admin consent for Contoso Realty" />
        <Act x={313} y={89} w={304} h={36} n={1} />
        <T x={170} y={160} size={13} bold fill={COLOR.muted}>
          API / Permission name
        </T>
        <T x={340} y={160} size={13} bold fill={COLOR.muted}>
          Type
        </T>
        <T x={436} y={160} size={13} bold fill={COLOR.muted}>
          Status
        </T>
        <line x1={166} y1={168} x2={616} y2={168} stroke={COLOR.line} />
        <T x={170} y={190} size={14} bold>
          Microsoft Graph (3)
        </T>
        {rows.map(([name, type, status], i) => {
          const y = 218 + i * 28;
          return (
            <g key={name}>
              <T x={182} y={y} size={14}>
                {name}
              </T>
              <T x={340} y={y} size={14}>
                {type}
              </T>
              <T x={436} y={y} size={13.5} fill={COLOR.copy} bold>
                {status}
              </T>
            </g>
          );
        })}
        <Mark x={334} y={200} w={282} h={84} label="Application · Granted" align="end" tagAt="below" />
        <rect x={170} y={318} width={336} height={106} rx={6} fill="#fff" stroke={COLOR.ink} strokeWidth={1.5} />
        <T x={184} y={342} size={14} bold>
          Grant admin consent confirmation
        </T>
        <T x={184} y={362} size={12} fill={COLOR.muted}>
          Grant consent for all accounts in Contoso Realty?
        </T>
        <Button x={192} y={386} w={60} h={26} label="Yes" primary />
        <Button x={262} y={386} w={60} h={26} label="No" />
        <Act x={189} y={383} w={66} h={32} n={2} />
      </Window>
    </Drawing>
  );
}

export function CreateSecretDrawing(p: DrawingProps) {
  const h = 330;
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} {...ENTRA} menu={appMenu("Certificates & secrets")}>
        <ActOnMenu index={5} n={1} />
        <T x={170} y={76} size={18} bold>
          Certificates & secrets
        </T>
        <T x={170} y={108} size={13} bold fill={COLOR.link}>
          Client secrets (0)
        </T>
        <line x1={170} y1={114} x2={284} y2={114} stroke={COLOR.link} strokeWidth={3} />
        <Button x={170} y={132} w={162} label="+ New client secret" />
        <Act x={167} y={129} w={168} h={36} n={2} />
        <rect x={352} y={42} width={286} height={h - 44} fill="#fff" stroke={COLOR.line} strokeWidth={1.5} />
        <T x={366} y={72} size={16} bold>
          Add a client secret
        </T>
        <Field x={366} y={110} w={256} label="Description" value={p.secretDescription} />
        <Mark x={363} y={115} w={262} h={36} label="Type" align="end" />
        <Field x={366} y={186} w={256} label="Expires" value="730 days (24 months)" select />
        <Act x={363} y={191} w={262} h={36} n={3} />
        <Button x={366} y={270} w={80} label="Add" primary />
        <Button x={456} y={270} w={80} label="Cancel" />
        <Act x={363} y={267} w={86} h={36} n={4} />
      </Window>
    </Drawing>
  );
}

export function CopySecretValueDrawing(p: DrawingProps) {
  const h = 330;
  const description = p.secretDescription.length > 11 ? `${p.secretDescription.slice(0, 10)}…` : p.secretDescription;
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} {...ENTRA} menu={appMenu("Certificates & secrets")}>
        <T x={170} y={76} size={18} bold>
          Certificates & secrets
        </T>
        <rect x={170} y={92} width={460} height={34} rx={4} fill="#fff4d6" stroke="#c28a00" />
        <T x={182} y={114} size={13}>
          The Value can be copied now only. Later it is hidden.
        </T>
        <T x={170} y={172} size={13} bold fill={COLOR.muted}>
          Description
        </T>
        <T x={280} y={172} size={13} bold fill={COLOR.muted}>
          Expires
        </T>
        <T x={372} y={172} size={13} bold fill={COLOR.muted}>
          Value
        </T>
        <T x={478} y={172} size={13} bold fill={COLOR.muted}>
          Secret ID
        </T>
        <line x1={166} y1={182} x2={616} y2={182} stroke={COLOR.line} />
        <T x={170} y={230} size={14}>
          {description}
        </T>
        <T x={282} y={230} size={14}>
          11/26/2028
        </T>
        <T x={372} y={230} size={13} mono>
          Xy8Q~k2…
        </T>
        <CopyIcon x={440} y={218} />
        <T x={478} y={230} size={13} mono>
          6f1c9a0e-…
        </T>
        <CopyIcon x={564} y={218} />
        <Mark x={276} y={210} w={86} h={30} label="Write down" tagAt="below" />
        <Mark x={366} y={210} w={94} h={30} label="Copy: Value" />
        <Mark x={472} y={210} w={114} h={30} label="Not the Secret ID" tone="no" tagAt="below" align="end" />
        <T x={170} y={292} size={13} fill={COLOR.muted}>
          Value: a long mix of letters, digits and symbols.
        </T>
        <T x={170} y={312} size={13} fill={COLOR.muted}>
          Secret ID: always shaped like 6f1c9a0e-1b2c-4d3e-8f4a-5b6c7d8e9f00.
        </T>
      </Window>
    </Drawing>
  );
}
