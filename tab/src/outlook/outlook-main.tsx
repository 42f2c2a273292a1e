import { StrictMode, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { Shell } from "../shell.js";
import { openOutlookItem } from "./office-host.js";
import { OutlookPane } from "./outlook-pane.js";

const element = document.getElementById("root");
if (element === null) throw new Error("The Outlook pane has no #root element.");
const root = createRoot(element);
const render = (node: ReactNode) => root.render(<StrictMode>{node}</StrictMode>);

openOutlookItem().then(
  (item) =>
    render(
      <Shell detect={() => Promise.resolve(item.host)}>
        {() => <OutlookPane internetMessageId={item.internetMessageId} />}
      </Shell>,
    ),
  (error: unknown) => render(<Shell detect={() => Promise.reject(error)}>{() => null}</Shell>),
);
