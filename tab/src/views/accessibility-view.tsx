import { Link } from "@fluentui/react-components";
import type { AccessibilityContactView } from "../../../src/api/contract.js";
import { Loaded } from "../components/loaded.js";
import { useSharedStyles } from "../components/styles.js";
import { useResource } from "../components/use-resource.js";
import { ViewHeading } from "../components/view-heading.js";
import { useSession } from "../session.js";

/** When this statement was last prepared from the checks below (update it when they are run anew by a person). */
const PREPARED_ON = "5 December 2026";

/**
 * The accessibility statement the Public Sector Bodies Accessibility Regulations 2018 ask for, after GOV.UK's model
 * statement: how accessible the tab and the Outlook pane are, how they were tested, and whom to contact (the council
 * gives its contact in Settings).
 */
export function AccessibilityView() {
  const { api } = useSession();
  const styles = useSharedStyles();
  const [statement] = useResource(() => api.accessibilityStatement(), "accessibility");
  return (
    <section className={styles.stack}>
      <ViewHeading>Accessibility statement</ViewHeading>
      <Loaded resource={statement} what="the accessibility statement">
        {(data) => (
          <>
            <p>
              This statement covers the Family Centre tab in Microsoft Teams, its meeting side panel and its Outlook
              pane, used by the staff of {data.centreName}. We want as many people as possible to be able to use it: you
              should be able to change the colours (Teams&apos; light, dark and high-contrast themes), zoom up to 400%
              without the text spilling off the screen, get around with the keyboard alone, and use it with a screen
              reader such as NVDA, JAWS or Narrator.
            </p>
            <h3 className={styles.subheading}>How accessible it is</h3>
            <p>
              It is designed to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every view
              is checked automatically with axe-core in each of the three themes, with data loaded and every form open,
              and the main journeys (triaging a contact, recording a decision, recording an event on a case) are tested
              with the keyboard alone. Automated checks do not find every problem; if you meet one, tell us.
            </p>
            <h3 className={styles.subheading}>Reporting a problem or asking for another format</h3>
            <ContactDetails contact={data.contact} />
            <h3 className={styles.subheading}>Enforcement procedure</h3>
            <p>
              The Equality and Human Rights Commission (EHRC) is responsible for enforcing the accessibility
              regulations. If you are not happy with how we respond to your complaint, contact the Equality Advisory and
              Support Service (EASS).
            </p>
            <h3 className={styles.subheading}>Preparation of this statement</h3>
            <p>This statement was prepared on {PREPARED_ON}.</p>
          </>
        )}
      </Loaded>
    </section>
  );
}

function ContactDetails({ contact }: { contact: AccessibilityContactView }) {
  if (contact.email === undefined && contact.phone === undefined) {
    return (
      <p>
        The council has not yet given a contact for accessibility. Ask your administrator to add one in Settings; until
        then, tell your manager.
      </p>
    );
  }
  return (
    <>
      <p>If you find a problem, or need information in a different format, contact{contact.name ? "" : " us"}:</p>
      <ul aria-label="Accessibility contact">
        {contact.name ? <li>{contact.name}</li> : null}
        {contact.email ? (
          <li>
            Email: <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
          </li>
        ) : null}
        {contact.phone ? (
          <li>
            Phone: <Link href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>{contact.phone}</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
