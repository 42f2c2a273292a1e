import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, Title1 } from "@fluentui/react-components";

const root = document.getElementById("root");
if (root === null) throw new Error("The tab page has no #root element.");
createRoot(root).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <Title1>Family Centre</Title1>
    </FluentProvider>
  </StrictMode>,
);
