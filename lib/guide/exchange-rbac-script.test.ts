import { describe, expect, it } from "vitest";
import { REQUIRED_PERMISSIONS } from "../microsoft/permissions";
import { assignmentNames, EXCHANGE_APPLICATION_ROLES, exchangeRbacScript, type ExchangeRbacScriptOptions } from "./exchange-rbac-script";
import { powershellSingleQuote } from "./quote";

const base: ExchangeRbacScriptOptions = {
  clientId: "61b2480c-55d8-4e8d-8046-0d692ed65411",
  servicePrincipalObjectId: "84a6844e-3b82-4547-a066-76c38decb12a",
  appName: "MoxiEngage sync",
  groupAddress: "agents@harbor.example",
  scopeName: "MoxiEngage agents",
  testMailbox: "agent@harbor.example",
  outsideMailbox: "frontdesk@harbor.example",
  productName: "MoxiEngage",
  guideUrl: "https://portal.example/guide",
};

const HOSTILE_NAMES = [
  "O'Brien \"sync\"",
  "$(Remove-Item pwned)",
  "`Remove-Item pwned`",
  "sync; Remove-Item pwned",
  "'; Remove-Item pwned; echo '",
  "‘; Remove-Item pwned; ’",
  "agents ‛quoted‚ $env:USERNAME",
];

/** The literals of the script, as PowerShell's tokenizer reads single-quoted strings (quotes doubled inside). */
function singleQuotedLiterals(script: string): string[] {
  const literals: string[] = [];
  const quote = /['\u2018\u2019\u201A\u201B]/;
  for (const line of script.split("\n")) {
    if (line.trimStart().startsWith("#")) continue;
    let i = 0;
    let inDouble = false;
    while (i < line.length) {
      const c = line[i]!;
      if (c === '"') inDouble = !inDouble;
      if (!inDouble && quote.test(c)) {
        let text = "";
        i++;
        while (i < line.length) {
          if (quote.test(line[i]!)) {
            if (quote.test(line[i + 1] ?? "")) {
              text += line[i];
              i += 2;
              continue;
            }
            break;
          }
          text += line[i++];
        }
        literals.push(text);
      }
      i++;
    }
  }
  return literals;
}

describe("the Exchange RBAC for Applications script", () => {
  it("runs the documented cmdlets in order with the brokerage's values", () => {
    const script = exchangeRbacScript(base);
    const order = [
      "Connect-ExchangeOnline",
      "New-ServicePrincipal -AppId $AppId -ObjectId $ServicePrincipalObjectId -DisplayName $DisplayName",
      "Get-DistributionGroup -Identity $GroupAddress",
      "New-ManagementScope -Name $ScopeName -RecipientRestrictionFilter $filter",
      "New-ManagementRoleAssignment -App $AppId -Role $role -CustomResourceScope $ScopeName -Name $name",
      "Show-Authorization 'agent@harbor.example'",
      "Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId $ServicePrincipalObjectId -AppRoleAssignmentId $_.Id",
    ];
    const positions = order.map((text) => script.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(script).toContain("Test-ServicePrincipalAuthorization -Identity $AppId -Resource $Mailbox");
    expect(script).toContain(`"MemberOfGroup -eq '{0}'" -f $group.DistinguishedName.Replace("'", "''")`);
    for (const role of EXCHANGE_APPLICATION_ROLES) expect(script).toContain(`'${role}'`);
    for (const p of REQUIRED_PERMISSIONS) expect(script).toContain(`'${p.id}'`);
    expect(script).toContain(`$AppId = '${base.clientId}'`);
    expect(script).toContain(`$ServicePrincipalObjectId = '${base.servicePrincipalObjectId}'`);
    expect(script).toContain("Show-Authorization 'agent@harbor.example' 'inside the scope");
    expect(script).toContain("Show-Authorization 'frontdesk@harbor.example' 'outside the scope");
    expect(script).toMatch(/30 minutes to 2 hours/);
  });

  it("balances its script block and its braces", () => {
    const script = exchangeRbacScript(base);
    const code = singleQuotedLiterals(script).reduce((s, literal) => s.replace(powershellSingleQuote(literal), "''"), script);
    const opens = (code.match(/\{/g) ?? []).length;
    const closes = (code.match(/\}/g) ?? []).length;
    expect(opens).toBe(closes);
    expect(script.trimEnd().endsWith("}")).toBe(true);
  });

  it("names each role assignment within Exchange's 64 characters", () => {
    const names = assignmentNames("A very long scope name for the agents of Harbor Realty and all its offices");
    expect(names).toHaveLength(3);
    for (const name of names) expect([...name].length).toBeLessThanOrEqual(64);
    expect(names[2]).toMatch(/ Mail\.Send$/);
  });

  it.each(HOSTILE_NAMES)("holds the hostile app name %j only inside its verbatim literal", (appName) => {
    const script = exchangeRbacScript({ ...base, appName });
    const literal = powershellSingleQuote(appName);
    expect(script).toContain(`\n$DisplayName = ${literal}\n`);
    expect(script.replace(literal, "")).not.toContain(appName);
    expect(singleQuotedLiterals(script)).toContain(appName);
  });

  it.each(HOSTILE_NAMES)("holds the hostile scope name %j only inside verbatim literals", (scopeName) => {
    const script = exchangeRbacScript({ ...base, scopeName });
    const literals = singleQuotedLiterals(script);
    expect(literals).toContain(scopeName);
    // The scope's name appears as itself and inside each assignment's name, always quoted.
    let rest = script.replace(`$ScopeName = ${powershellSingleQuote(scopeName)}`, "");
    for (const name of assignmentNames(scopeName)) rest = rest.replace(powershellSingleQuote(name), "");
    expect(rest).not.toContain(scopeName);
  });

  it("holds a hostile group address only inside its verbatim literal", () => {
    const groupAddress = "o'brien$x`y@harbor.example";
    const script = exchangeRbacScript({ ...base, groupAddress });
    expect(script).toContain("$GroupAddress = 'o''brien$x`y@harbor.example'");
    expect(script.replace(powershellSingleQuote(groupAddress), "")).not.toContain("brien$x");
    expect(() => exchangeRbacScript({ ...base, groupAddress: "o'brien.$(whoami)@harbor.example" })).toThrow(/email address/);
  });

  it("keeps a line break in configuration out of the comment header", () => {
    const script = exchangeRbacScript({ ...base, productName: "Moxi\nRemove-Item pwned" });
    expect(script.split("\n")[0]).toContain("Moxi Remove-Item pwned");
    expect(script).not.toMatch(/^Remove-Item pwned/m);
  });

  it("refuses values that would not be what Exchange expects", () => {
    expect(() => exchangeRbacScript({ ...base, clientId: "not a guid" })).toThrow(/GUID/);
    expect(() => exchangeRbacScript({ ...base, servicePrincipalObjectId: base.clientId })).toThrow(/enterprise application/);
    expect(() => exchangeRbacScript({ ...base, groupAddress: "agents" })).toThrow(/email address/);
    expect(() => exchangeRbacScript({ ...base, scopeName: "two\nlines" })).toThrow(/Scope name/);
    expect(() => exchangeRbacScript({ ...base, appName: "" })).toThrow();
  });
});
