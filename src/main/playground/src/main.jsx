import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "slack-blocks-to-jsx/dist/style.css";
import "./playground.css";
import App from "./App.jsx";

createRoot(document.getElementById("root")).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
