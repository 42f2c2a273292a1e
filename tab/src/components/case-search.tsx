import { Button, SearchBox } from "@fluentui/react-components";
import { useId, useState } from "react";
import { routeHash } from "../routes.js";
import { useSharedStyles } from "./styles.js";

/** One box for every view: a case reference, a referrer's email or name, a family's surname or initials, subject words. */
export function CaseSearch({ initial = "" }: { initial?: string }) {
  const styles = useSharedStyles();
  const [query, setQuery] = useState(initial);
  const inputId = useId();
  return (
    <form
      role="search"
      aria-label="Search cases"
      className={styles.row}
      onSubmit={(event) => {
        event.preventDefault();
        if (query.trim() !== "") window.location.hash = routeHash({ view: "search", query: query.trim() });
      }}
    >
      <label htmlFor={inputId} className={styles.visuallyHidden}>
        Find a case by reference, referrer, family name or subject
      </label>
      <SearchBox
        id={inputId}
        value={query}
        placeholder="Reference, referrer, family or subject"
        onChange={(_, data) => setQuery(data.value)}
      />
      <Button type="submit">Search</Button>
    </form>
  );
}
