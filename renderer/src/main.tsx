import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
// The base styles first: components' own stylesheets build on them and must come later.
import "./styles.css";
import { App } from "./components/App.tsx";

const root = document.getElementById("root");
if (!root) throw new Error("main: #root is missing from index.html");
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
