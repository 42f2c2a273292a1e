import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { Shell } from "./shell.js";

const root = document.getElementById("root");
if (root === null) throw new Error("The tab page has no #root element.");
createRoot(root).render(
  <StrictMode>
    <Shell>
      {(host) => <App frameContext={host.frameContext} pageConfig={host.pageConfig} subPageId={host.subPageId} />}
    </Shell>
  </StrictMode>,
);
