import type { SubjectAccessExport } from "../contract.js";

const escape = (text: string): string =>
  text.replace(/[&<>"']/gu, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const row = (label: string, value: string | undefined): string =>
  value === undefined ? "" : `<tr><th scope="row">${escape(label)}</th><td>${escape(value)}</td></tr>`;

/** The subject access export as a page a person can read and print: every case, its contacts and notes. */
export function subjectAccessHtml(data: SubjectAccessExport): string {
  const who = data.person.name ?? data.person.email ?? data.person.searchedFor ?? "the data subject";
  const cases = data.cases
    .map(
      (c) => `<section>
<h2>Case ${escape(c.caseId)}</h2>
<table>${row("Held as", c.roles.join(", "))}${row("State", c.state)}${row("Opened", c.openedAt)}${row("Closed", c.closedAt)}</table>
<h3>Contacts</h3>
${
  c.contacts.length === 0
    ? "<p>None.</p>"
    : `<ul>${c.contacts
        .map(
          (contact) =>
            `<li>${escape(contact.receivedAt)}: ${escape(contact.kind)} by ${escape(contact.channel)}${
              contact.subject === undefined ? "" : `, subject “${escape(contact.subject)}”`
            }${
              contact.referrer === undefined
                ? ""
                : `, referred by ${escape(
                    [contact.referrer.name, contact.referrer.email, contact.referrer.organisation]
                      .filter(Boolean)
                      .join(", "),
                  )}`
            }</li>`,
        )
        .join("")}</ul>`
}
<h3>Notes and records</h3>
${
  c.notes.length === 0
    ? "<p>None.</p>"
    : `<ul>${c.notes
        .map((n) => `<li>${escape(n.at)} (${escape(n.type)}): ${n.texts.map(escape).join(" / ")}</li>`)
        .join("")}</ul>`
}
</section>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Subject access export: ${escape(who)}</title></head>
<body>
<h1>What the Family Centre holds about ${escape(who)}</h1>
<p>Generated ${escape(data.generatedAt)}. ${data.cases.length} case${data.cases.length === 1 ? "" : "s"}.</p>
${cases}
</body></html>
`;
}
