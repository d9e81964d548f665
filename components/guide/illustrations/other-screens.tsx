import type { DrawingProps } from "./entra-screens";
import { Act, Button, COLOR, Drawing, Mark, T, W, Window } from "./kit";

/** Drawings for steps 7 to 9: the Microsoft 365 admin center, Exchange Online PowerShell and our form. */

export function ChooseTestMailboxDrawing(p: DrawingProps) {
  const h = 330;
  const rows = [
    { name: "Jordan Lee", user: "jordan@contosorealty.com", licence: "Business Standard", mark: "Good test mailbox", tone: "copy" as const },
    { name: "Admin", user: "admin@contoso.onmicrosoft…", licence: "Unlicensed", mark: "Not an admin account", tone: "no" as const },
    { name: "Sam Ortiz", user: "sam@contosorealty.com", licence: "Unlicensed", mark: "Not unlicensed", tone: "no" as const },
  ];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window
        height={h}
        title="Microsoft 365 admin center"
        address="admin.microsoft.com"
        menu={[
          { label: "Home" },
          { label: "Users", heading: true },
          { label: "Active users", indent: true, selected: true },
          { label: "Teams & groups" },
          { label: "Billing" },
        ]}
      >
        <T x={170} y={76} size={18} bold>
          Active users
        </T>
        <T x={170} y={104} size={13} bold fill={COLOR.muted}>
          Display name
        </T>
        <T x={270} y={104} size={13} bold fill={COLOR.muted}>
          Username
        </T>
        <T x={474} y={104} size={13} bold fill={COLOR.muted}>
          Licenses
        </T>
        <line x1={166} y1={112} x2={614} y2={112} stroke={COLOR.line} />
        {rows.map((row, i) => {
          const y = 152 + i * 56;
          return (
            <g key={row.name}>
              <T x={170} y={y} size={14} bold={i === 0}>
                {row.name}
              </T>
              <T x={270} y={y} size={13}>
                {row.user}
              </T>
              <T x={474} y={y} size={13} fill={row.tone === "no" ? COLOR.no : COLOR.ink}>
                {row.licence}
              </T>
              <Mark x={164} y={y - 20} w={450} h={30} label={row.mark} tone={row.tone} align="end" />
            </g>
          );
        })}
        <T x={170} y={310} size={13} fill={COLOR.muted}>
          Shared mailboxes (under Teams & groups) are unsuitable too.
        </T>
      </Window>
    </Drawing>
  );
}

export function LimitMailboxAccessDrawing(p: DrawingProps) {
  const h = 300;
  const lines: Array<[string, string?]> = [
    ["PS> Connect-ExchangeOnline"],
    ["PS> New-ManagementScope -Name 'Agents' -RecipientRestrictionFilter …"],
    ["PS> New-ServicePrincipal -AppId <Client ID> -ObjectId <Object ID> …"],
    ["PS> New-ManagementRoleAssignment -App <Client ID> -Role 'Application …"],
    ["PS> Test-ServicePrincipalAuthorization <Client ID> -Resource jordan@…"],
    ["", ""],
    ["RoleName                          InScope", COLOR.muted],
    ["Application Calendars.ReadWrite   True"],
    ["Application Contacts.ReadWrite    True"],
    ["Application Mail.Send             True"],
  ];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <rect x={1} y={1} width={W - 2} height={h - 2} rx={8} fill="#012456" stroke={COLOR.line} strokeWidth={2} />
      <rect x={1} y={1} width={W - 2} height={34} rx={8} fill="#e8e8e8" />
      <rect x={1} y={24} width={W - 2} height={11} fill="#e8e8e8" />
      <T x={16} y={24} size={14} bold>
        PowerShell: Exchange Online
      </T>
      {lines.map(([text, color], i) => (
        <T key={i} x={16} y={62 + i * 22} size={12.5} mono fill={color ?? "#f0f0f0"}>
          {text}
        </T>
      ))}
      <Mark x={262} y={200} w={56} h={76} label="In scope" tagAt="right" />
    </Drawing>
  );
}

export function SubmitDrawing(p: DrawingProps & { productName: string }) {
  const h = 392;
  // The form's own labels and buttons, in its order (components/submission/credential-fields.tsx).
  const fields = ["Tenant ID", "Client ID", "Client secret value", "Date the secret expires", "Test mailbox"];
  return (
    <Drawing height={h} labelledBy={p.labelledBy} describedBy={p.describedBy}>
      <Window height={h} title={`${p.productName} Microsoft 365 setup`} address="the link in your invite">
        {fields.map((label, i) => {
          const y = 72 + i * 50;
          return (
            <g key={label}>
              <T x={24} y={y} size={14} bold>
                {label}
              </T>
              <rect x={24} y={y + 8} width={290} height={28} rx={2} fill="#fff" stroke={COLOR.ink} strokeWidth={1.5} />
            </g>
          );
        })}
        <Mark x={18} y={52} w={304} h={266} label="From steps 2, 5, 6 and 7" tagAt="below" />
        <Button x={24} y={354} w={110} h={28} label="Continue" primary fill={COLOR.copy} />
        <Act x={21} y={351} w={116} h={34} n={1} badge="right" />
        <rect x={352} y={56} width={270} height={86} rx={6} fill="#fff" stroke={COLOR.line} />
        <T x={366} y={82} size={15} bold>
          Check your answers
        </T>
        <Button x={366} y={98} w={220} h={28} label="Send and check my details" primary fill={COLOR.copy} />
        <Act x={363} y={95} w={226} h={34} n={2} badge="right" />
        <rect x={352} y={156} width={270} height={176} rx={6} fill="#fff" stroke={COLOR.line} />
        <T x={366} y={182} size={15} bold>
          You need to do 1 thing
        </T>
        <T x={366} y={206} size={13} fill={COLOR.no} bold>
          Step 7: Choose a test mailbox
        </T>
        {[
          ["✓", "The app signs in", COLOR.copy],
          ["✓", "It holds the three permissions", COLOR.copy],
          ["✗", "A message can be sent", COLOR.no],
        ].map(([mark, text, color], i) => (
          <g key={text}>
            <T x={366} y={262 + i * 26} size={16} bold fill={color}>
              {mark}
            </T>
            <T x={388} y={262 + i * 26} size={13}>
              {text}
            </T>
          </g>
        ))}
        <Mark x={360} y={190} w={254} h={24} label="Names the step to redo" tone="no" tagAt="below" align="end" />
      </Window>
    </Drawing>
  );
}
