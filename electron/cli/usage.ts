/**
 * What `marginalia help` prints: here, apart from the commands, so that running one command
 * loads only what that command needs.
 */

const IMPORT_USAGE = `  import PROJECT FILE… [--speakers auto|none|colon|bracket|dash]
            [--text-columns A,B] [--group-by COLUMN] [--name-column COLUMN] [--sheet NAME]
            [--attribute-table --match-column COLUMN] [--coder-from selection|coding] [--split-long-lines]
            [--encoding utf-8|utf-8-bom|utf-16le|utf-16be|windows-1252|iso-8859-1|macintosh]
                      import transcripts (.txt .md .docx .odt .pdf .vtt .srt), spreadsheets
                      (.csv .xlsx: rows, or groups of rows, as documents; or an attribute
                      table), REFI-QDA projects (.qdpx) and codebooks (.qdc); one result per file.
                      --coder-from: whose a .qdpx coding is when it names another user than
                      its selection (default: the selection's); --split-long-lines: cut lines
                      over 10,000 characters (a transcript saved as one line) into paragraphs;
                      --encoding: read .txt .md .vtt .srt .csv files in it (default: detected)`;

const AGREEMENT_USAGE = `  agreement PROJECT --coders A,B[,C…] [--codes CODE,…] [--mode char|unitized|segment|presence]
            [--threshold 0.9] [--q N] [--all-documents] [--minimum 0.8] [--bands krippendorff|landis-koch]
            [--samples 1000] [--seed N] [--json | --xlsx FILE [--force] | --methods]
                      inter-coder agreement; coders and codes by name (codes by name or
                      path "Parent/Child"); a code includes its sub-codes; any two coders,
                      a coder's second round included; compares the documents every coder
                      worked on unless --all-documents; --methods prints a methods paragraph;
                      --xlsx never writes inside the project, nor replaces FILE without --force`;

const QUERY_USAGE = `  query PROJECT (QUERY | --saved NAME) [--json | --xlsx FILE [--force]]
                      the passages a coding query finds, with document, speaker and
                      context, e.g. '"Zero suicide" NEAR(turn) "Training and awareness"
                      WHERE "Stakeholder group" != Commissioners' (the language: README);
                      --saved: a query saved in the project, by name; --xlsx never writes
                      inside the project, nor replaces FILE without --force`;

const EXPORT_USAGE = `  export PROJECT (--xlsx | --csv | --qdpx | --qdc | --report) FILE [--force]
            [--codes CODE,…] [--coders NAME,…] [--documents NAME,…] [--where "Attribute=Value"]…
            [--columns ATTRIBUTE,…|none] [--cross ATTRIBUTE,…|none] [--no-roll-up] [--per-coder]
            [--sheets per-code,agreement --agreement-coders A,B [--agreement-mode char|…]
             [--all-documents]] [--offsets standard|utf16]
                      export as the app does: an Excel workbook or CSV of the coded segments
                      (filtered by code with its sub-codes, coder, document and attribute
                      values), or the whole project (.qdpx; --offsets utf16 for NVivo) or its
                      codebook (.qdc) in REFI-QDA, or the coding report (--report FILE.html:
                      one HTML page to hand round, printable to PDF, with the same filters);
                      never replaces FILE without --force.
                      Counts show distinct passages (--per-coder: each coder's added up);
                      agreement compares the documents every coder finished (--all-documents:
                      every document chosen)`;

export const USAGE = `Usage: marginalia <command> [options]

Commands:
  new DIR [--template thrive-ldn|empty] [--name NAME]
                      create a project folder (default template: thrive-ldn)
  info PROJECT [--json]
                      documents, codes, coders and codings in a project
  check PROJECT [--repair]
                      validate every file; exit 0 when sound, 1 with each problem named;
                      --repair first re-attaches files project.json does not list (a coder
                      file's coder recreated, a transcript as a document)
${IMPORT_USAGE}
${AGREEMENT_USAGE}
${QUERY_USAGE}
${EXPORT_USAGE}
  help                this text

Nothing is sent anywhere: every command works on local files only.`;
