/** The agreement report: coders, questions, level, threshold and the table (issue 7). */
export function AgreementReportPanel() {
  return <p>Agreement report: not built yet.</p>;
}
