/**
 * `cairn <command>`: the CLI on the same core as the app. Exit codes: 0 done, 1 the
 * command failed (bad project file, lock...), 2 bad arguments. Errors are one line on
 * stderr; a stack trace only ever appears for a bug.
 */
import { CairnError } from "../../../shared/api/errors.ts";
import { UsageError } from "./args.ts";
import { agreementCommand } from "./commands/agreement.ts";
import { autocodeCommand } from "./commands/autocode.ts";
import { codebookCommand } from "./commands/codebook.ts";
import { codeCommand } from "./commands/code.ts";
import { codesCommand } from "./commands/codes.ts";
import { crosstabCommand } from "./commands/crosstab.ts";
import { consensusCommand } from "./commands/consensus.ts";
import { doneCommand } from "./commands/done.ts";
import { exportCommand } from "./commands/export.ts";
import { importRefiCommand } from "./commands/import-refi.ts";
import { createCommand } from "./commands/create.ts";
import { importCommand } from "./commands/import.ts";
import { mergeCoderCommand } from "./commands/merge-coder.ts";
import { prepareCoderCommand } from "./commands/prepare-coder.ts";
import { quotesCommand } from "./commands/quotes.ts";
import { searchCommand } from "./commands/search.ts";
import { segmentsCommand } from "./commands/segments.ts";
import { serveCommand } from "./commands/serve.ts";
import { showCommand } from "./commands/show.ts";
import { tallyCommand } from "./commands/tally.ts";
import { uncodeCommand } from "./commands/uncode.ts";
import { backupCommand } from "./commands/backup.ts";
import { backupsCommand } from "./commands/backups.ts";
import { restoreCommand } from "./commands/restore.ts";
import { checkCommand } from "./commands/check.ts";
import { passwordCommand } from "./commands/password.ts";
import { pseudonymiseCommand } from "./commands/pseudonymise.ts";
import { processOutput, type Output } from "./output.ts";

type Command = (argv: string[], output: Output) => void | Promise<void>;

const COMMANDS: Record<string, { run: Command; usage: string }> = {
  new: { run: createCommand("new"), usage: "new FILE            create an empty project" },
  demo: { run: createCommand("demo"), usage: "demo FILE           write the sample project" },
  show: { run: showCommand, usage: "show FILE [--json]  questions and answer counts" },
  codes: { run: codesCommand, usage: "codes FILE [--json] the code tree" },
  code: {
    run: codeCommand,
    usage:
      'code FILE --coder NAME --respondent RID --question Q --code "Parent>Child"\n' +
      "        [--start N --end N] [--memo TEXT] [--json]\n" +
      "                      code a passage (offsets in UTF-16 units, end exclusive) or,\n" +
      "                      without --start/--end, the whole answer; creates missing codes,\n" +
      "                      merges with the coder's touching segment of that code, and\n" +
      "                      prints the resulting segment (undoable in the app)",
  },
  uncode: {
    run: uncodeCommand,
    usage:
      "uncode FILE --segment ID [--json]\n" +
      "                      remove a coded passage (undoable in the app)",
  },
  done: {
    run: doneCommand,
    usage:
      "done FILE --coder NAME --question Q [--respondent RID ...] [--not] [--json]\n" +
      "                      mark a question (or some respondents' answers) done for a\n" +
      "                      coder; agreement compares only answers every coder marked\n" +
      "                      done (--not removes the mark; undoable in the app)",
  },
  segments: {
    run: segmentsCommand,
    usage:
      "segments FILE [--question Q] [--coder NAME] [--code PATH] [--limit N] [--json]\n" +
      "                      list coded passages with respondent, question, code, coder,\n" +
      '                      offsets and text; --code "Safety" includes Safety>Risk and\n' +
      "                      every other code below it",
  },
  codebook: {
    run: codebookCommand,
    usage:
      "codebook import|export FILE CODEBOOK.(csv|xlsx) [--json]\n" +
      '                      share a codebook: columns path ("A>B"), color, description',
  },
  search: {
    run: searchCommand,
    usage:
      "search FILE QUERY [--question Q] [--regex] [--case-sensitive] [--limit N] [--json]\n" +
      '                      full-text search: words, "phrases", prefix*, OR, NOT, ( );\n' +
      "                      case and accents ignored; --regex for a regular expression",
  },
  autocode: {
    run: autocodeCommand,
    usage:
      "autocode FILE QUERY --code PATH --coder NAME [--scope hit|sentence|answer]\n" +
      "        [--question Q] [--regex] [--json]\n" +
      "                      code every search hit (or its sentence, or its answer);\n" +
      "                      one step the app can undo",
  },
  quotes: {
    run: quotesCommand,
    usage:
      "quotes FILE --code PATH [--question Q] [--coder NAME] [--attribution ATTR] [--json]\n" +
      '                      the passages of a code as quotes: "..." (Ireland)',
  },
  tally: {
    run: tallyCommand,
    usage:
      "tally FILE [--question Q] [--coder NAME|--all-coders] [--where ATTR=VALUE ...] [--json]\n" +
      '                      "N out of M": respondents and segments per code and question,\n' +
      "                      for one coder or all coders merged (the default); --where\n" +
      "                      narrows every figure to respondents with that value (repeat\n" +
      "                      it; one attribute given twice means either value)",
  },
  crosstab: {
    run: crosstabCommand,
    usage:
      "crosstab FILE --attribute ATTR [--question Q] [--coder NAME|--all-coders]\n" +
      "        [--where ATTR=VALUE ...] [--json]\n" +
      "                      respondents per code split by an attribute's values, with\n" +
      "                      column percentages of those who answered",
  },
  agreement: {
    run: agreementCommand,
    usage:
      "agreement FILE --coders A,B[,C...] [--level answer|segment] [--threshold 0.9]\n" +
      "        [--question Q ...] [--resamples 1000] [--seed N] [--json]\n" +
      "                      inter-coder agreement per code and pooled, over the answers\n" +
      "                      every coder marked done: percent, Cohen's kappa,\n" +
      "                      Krippendorff's alpha, Brennan & Prediger (with bootstrap\n" +
      "                      intervals); --level segment uses MAXQDA's overlap rule\n" +
      "  cairn agreement --table TABLE.json [--json]\n" +
      "                      the same statistics for any units x coders table\n" +
      '                      {"categories": [...], "data": [[a, b, ...], ...]} (null = missing)',
  },
  "prepare-coder": {
    run: prepareCoderCommand,
    usage:
      "prepare-coder FILE OUT --coder NAME [--question Q ...] [--json]\n" +
      "                      a copy for a second coder: codebook and answers, nobody's\n" +
      "                      segments, memos or names",
  },
  "merge-coder": {
    run: mergeCoderCommand,
    usage:
      "merge-coder FILE CODER_FILE [--json]\n" +
      "                      bring a coder's work back: segments, done marks and memos\n" +
      "                      under their name (merging twice changes nothing)",
  },
  consensus: {
    run: consensusCommand,
    usage:
      "consensus FILE --coders A,B [--question Q ...] [--threshold T] [--json]\n" +
      "        [--start [--consensus NAME]] [--decide N=a|b|both|neither [--comment TEXT]]\n" +
      "                      the review queue of two coders' disagreements: n of m\n" +
      "                      decided, and each item with both coders' passages; --start\n" +
      "                      starts (or resumes) the review, copying agreed coding to the\n" +
      "                      consensus coder; --decide settles item N (1-based)",
  },
  import: {
    run: importCommand,
    usage:
      "import FILE SOURCE... [--sheet S] [--header-row N] [--id-field F] [--id-column C]\n" +
      "        [--attribute-columns A,B] [--question-columns X,Y] [--ignore-columns ...]\n" +
      "        [--question-name-column Q --answer-column A]  (one row per answer)\n" +
      '        [--code-columns COL[:QUESTION],... --coder NAME [--code-delimiter ";"]\n' +
      '        [--code-separator ">"]] [--encoding E] [--delimiter D] [--non-response "-,n/a"]\n' +
      "        [--on-conflict fail|keep|replace] [--dry-run] [--json]\n" +
      "                      import answers from CSV/TSV, Excel or Word files",
  },
  export: {
    run: exportCommand,
    usage:
      "export FILE OUT.xlsx [--sheets segments,matrix,frequencies,codebook,agreement]\n" +
      "        [--coder NAME|--all-coders|--consensus] [--matrix presence|counts]\n" +
      "        [--matrix-columns code|question-code] [--whole-answer] [--where ATTR=VALUE ...]\n" +
      "        [--json]\n" +
      "                      coded tables as a workbook (default: every sheet that has\n" +
      "                      data; all coders merged); --where narrows every table to\n" +
      "                      respondents with that value\n" +
      "  cairn export FILE OUT.csv --table segments|matrix|frequencies|codebook [--no-bom]\n" +
      "        [--coder NAME|--all-coders|--consensus] [--matrix presence|counts]\n" +
      "        [--matrix-columns code|question-code] [--whole-answer] [--where ATTR=VALUE ...]\n" +
      "        [--json]\n" +
      "                      one table as CSV (UTF-8 with a BOM for Excel, or without)\n" +
      "  cairn export FILE OUT.qdpx|OUT.qdc [--positions codepoints|utf16] [--json]\n" +
      "                      the project (or its codebook) as REFI-QDA for NVivo,\n" +
      "                      ATLAS.ti, MAXQDA and QualCoder; positions in code points\n" +
      "                      as the standard says, or UTF-16 units as NVivo reads them",
  },
  "import-refi": {
    run: importRefiCommand,
    usage:
      "import-refi FILE IN.qdpx|IN.qdc [--json]\n" +
      "                      a REFI-QDA project into a new (or empty) project FILE, or a\n" +
      "                      codebook into FILE; reports how positions were read",
  },
  check: {
    run: checkCommand,
    usage: "check FILE [--json]   SQLite's integrity check of a project: ok, or what is damaged",
  },
  backup: {
    run: backupCommand,
    usage:
      "backup FILE [--json]  back the project up now, into FILE.cairn-backups beside it\n" +
      "                      (the oldest automatic backups beyond the kept number go)",
  },
  backups: {
    run: backupsCommand,
    usage: "backups FILE [--json] list the project's backups, newest first, with what each holds",
  },
  restore: {
    run: restoreCommand,
    usage:
      "restore FILE BACKUP [--json]\n" +
      "                      replace the project's content with a backup's; its current\n" +
      "                      state is kept as a backup first (a damaged file is renamed)",
  },
  password: {
    run: passwordCommand,
    usage:
      "password FILE [--remove] [--json]\n" +
      "                      set or change the project's password (read from\n" +
      "                      CAIRN_NEW_PASSWORD), or remove it; an encrypted project's\n" +
      "                      password is read from CAIRN_PASSWORD by every command",
  },
  pseudonymise: {
    run: pseudonymiseCommand,
    usage:
      "pseudonymise FILE OUT --terms TERMS.txt [--emails] [--phones] [--urls]\n" +
      "        [--case-sensitive] [--inside-words] [--json]\n" +
      "                      a copy of the project with names and terms replaced (one\n" +
      '                      per line, "Name => Pseudonym"), segments re-anchored',
  },
  serve: {
    run: serveCommand,
    usage: "serve [FILE] [--port N] [--no-open]  open the app in a browser",
  },
};

export function usage(): string {
  return [
    "usage: cairn <command> [arguments]",
    "",
    ...Object.values(COMMANDS).map((c) => "  cairn " + c.usage),
    "",
    "Questions are named by their label or 1-based position (Q3 or 3), codes by their",
    'path with ">" between levels ("Safety>Risk assessment"). --json prints JSON.',
  ].join("\n");
}

export async function runCli(argv: string[], output: Output = processOutput): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    output.out(usage());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    output.err(name ? `cairn: unknown command "${name}" (see cairn --help)` : usage());
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    output.out("usage: cairn " + command.usage);
    return 0;
  }
  try {
    await command.run(rest, output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message);
      return 2;
    }
    if (error instanceof CairnError) {
      output.err(`cairn ${name}: ${error.message}`);
      return 1;
    }
    // Not the user's fault: still one line, with the details only on request.
    const message = error instanceof Error ? error.message : String(error);
    output.err(`cairn ${name}: unexpected error: ${message} (set CAIRN_DEBUG=1 for details)`);
    if (process.env.CAIRN_DEBUG) output.err(error instanceof Error ? String(error.stack) : "");
    return 1;
  }
}
