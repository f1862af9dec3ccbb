// Lint rules, including the import directions of DESIGN.md: renderer -> shared,
// electron/core -> shared, electron shell -> core; shared imports nothing; nothing
// imports the renderer; core never imports electron. A wrong import fails `npm test`.
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

const rendererPattern = {
  group: ["**/renderer/**", "**/renderer"],
  message: "Nothing imports the renderer.",
};
const electronPattern = {
  group: ["electron", "electron/*"],
  message: "Only the thin Electron shell (electron/*.ts) may import electron.",
};
const nodePattern = {
  group: ["node:*", "fs", "path", "os", "child_process", "crypto", "http", "better-sqlite3"],
  message: "This code must run without Node.",
};

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "renderer/dist/",
      "dist-electron/",
      "release/",
      ".tsbuild/",
      ".native/",
      "coverage/",
      ".scratch/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "smart"],
      "no-console": "off",
    },
  },
  {
    files: ["shared/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            rendererPattern,
            electronPattern,
            nodePattern,
            {
              group: ["**/electron/**", "react", "react-dom", "slate*", "zustand"],
              message: "shared/ is pure TypeScript: it imports nothing but zod.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            rendererPattern,
            electronPattern,
            {
              group: ["react", "react-dom", "slate*", "zustand"],
              message: "The core runs without a DOM.",
            },
            {
              // electron/core/x.ts importing ../main.ts (the shell) would bring electron in.
              regex: "^(\\.\\./)+(main|preload|menu|dialogs|window-security)(\\.ts)?$",
              message: "The core never imports the Electron shell.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["electron/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [rendererPattern] }],
    },
  },
  {
    files: ["renderer/src/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Cairn does not use the React Compiler; this rule only concerns it.
      "react-hooks/incompatible-library": "off",
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            electronPattern,
            nodePattern,
            {
              group: ["**/electron/**"],
              message: "The renderer talks to the core only through the API (renderer/src/api).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
      },
    },
  },
);
